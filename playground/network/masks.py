"""Padding masks: which connections carry one, as Keras would pass it.

A mask says, for each step of a sequence, whether it is real data or padding (True = real),
so that RNNs, attention and pooling skip the padding. Keras makes one in two ways, and the
graph shows both:

- implicitly: a layer that produces a mask (Embedding with ``mask_zero``, Masking) attaches
  it to its output tensor, and every layer that supports masks passes it on or uses it
  (shape inference carries it, see :func:`attach_masks` / :func:`output_masks`);
- explicitly: a tensor passed by keyword (``lstm(x, mask=m)``,
  ``attention(q, v, attention_mask=m)``). A model Keras saves writes even an implicit
  mask this way (a ``not_equal`` operation feeding ``mask=``), which is how an imported
  model shows it.
"""
from __future__ import annotations

import warnings
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator

from playground.network.edge_rules import keyword_ports
from playground.network.elements import Edge

if TYPE_CHECKING:
    from playground.network.graph import Graph

Shape = tuple[int | None, ...]
# Keyword arguments through which Keras layers receive a mask.
MASK_KEYWORDS = ("mask", "attention_mask", "query_mask", "value_mask", "key_mask")


def attach_masks(tensors: list[Any], masks: tuple[Shape | None, ...]) -> None:
    """Give each symbolic input the mask its source carries (None: no mask)."""
    from keras import KerasTensor
    from keras.src.backend.common.masking import set_keras_mask

    for tensor, mask in zip(tensors, masks):
        if mask is not None:
            set_keras_mask(tensor, KerasTensor(mask, dtype="bool"))


def output_masks(outputs: list[Any]) -> list[Shape | None]:
    """The shape of the mask each output carries (None: no mask)."""
    from keras.src.backend.common.masking import get_keras_mask

    found = []
    for tensor in outputs:
        mask = get_keras_mask(tensor)
        found.append(None if mask is None else tuple(mask.shape))
    return found


@contextmanager
def mask_warnings() -> Iterator[list[str]]:
    """Collects Keras's warnings about a mask a layer cannot use (it drops it)."""
    caught: list[str] = []
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        yield caught
    caught.extend(str(r.message) for r in records if "mask" in str(r.message).lower())


IMPLICIT = ""  # carries a mask along with the data (no keyword)


def edge_mask(graph: "Graph", edge: Edge, source: Any) -> str | None:
    """How ``edge`` carries a mask: the keyword it is passed by (``"mask"``), IMPLICIT when
    it travels along with the data, None when the connection carries none. ``source`` is
    the shape inference result (a NodeShape) of the edge's source; ``report`` below is a
    ShapeReport (not imported: shapes.py imports this module)."""
    keyword = keyword_ports(graph.node(edge.target)).get(edge.port)
    if keyword in MASK_KEYWORDS:
        return keyword
    if source is not None and edge.source_port < len(source.output_masks) \
            and source.output_masks[edge.source_port] is not None:
        return IMPLICIT
    return None


def mask_edges(graph: "Graph", report: Any) -> dict[Edge, str]:
    """The connections that carry a mask, each with how (see :func:`edge_mask`)."""
    marked: dict[Edge, str] = {}
    for edge in graph.edges:
        how = edge_mask(graph, edge, report.nodes.get(edge.source))
        if how is not None:
            marked[edge] = how
    return marked
