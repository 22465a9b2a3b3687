"""Keras Playground core: graph model, layer catalog, Keras build/import, project files.

Nothing here imports Qt or pyqtgraph; TensorFlow/Keras are imported lazily, only by the
functions that need them, so the catalog and graph load instantly.

``Graph``, ``Node``, ``Edge`` and ``PlaygroundError`` are loaded on first use (PEP 562), so
importing ``playground.i18n`` does not build the layer catalog: the app sets the language
first, because the catalog's texts are translated when it is built.
"""
from __future__ import annotations

from typing import Any

__all__ = ["Edge", "Graph", "Node", "PlaygroundError"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "PlaygroundError":
        from playground.errors import PlaygroundError

        return PlaygroundError
    if name in ("Edge", "Graph", "Node"):
        from playground.network import graph

        return getattr(graph, name)
    raise AttributeError(f"module 'playground' has no attribute {name!r}")
