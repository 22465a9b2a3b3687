"""Imported weights a trained network would not have: a damaged or diverged file.

A ``.keras`` file is a zip whose CRCs catch damage on disk, but a weights file written
wrong, or saved after training diverged, loads without complaint. Its numbers give it
away: NaN or infinite values, or magnitudes no trained layer reaches (a corrupted float
typically reads as 1e16 to 1e35). The import still goes ahead; the user is told which
layers to look at.
"""
from __future__ import annotations

import numpy as np

from playground.i18n import _
from playground.network.graph import Graph

# Far above any trained weight or bias, even for unscaled targets in the millions; the
# moving statistics of normalization layers are not trained and are left out.
IMPLAUSIBLE_MAGNITUDE = 1e9
UNTRAINED_STATISTICS = ("BatchNormalization", "Normalization")


def suspicious_weights(graph: Graph, weights: dict[str, list[np.ndarray]]) -> list[str]:
    """One plain-language line per layer whose weights are not finite or implausibly
    large; empty when all look like a network's."""
    problems: list[str] = []
    for node_id, arrays in weights.items():
        if node_id not in graph or not arrays:
            continue
        node = graph.node(node_id)
        values = [np.asarray(a) for a in arrays if np.asarray(a).dtype.kind == "f"]
        if not values:
            continue
        name = node.display_name()
        bad = sum(int(np.size(v) - np.count_nonzero(np.isfinite(v))) for v in values)
        if bad:
            what = _("weight that is") if bad == 1 else _("weights that are")
            problems.append((_("Layer '{name}' holds {bad:,} {what} not a number (NaN) or infinite: the "
                               "model was probably saved after its training diverged. Reset its weights "
                               "or train it again.")
                               .format(name=name, bad=bad, what=what)))
            continue
        if node.layer_type in UNTRAINED_STATISTICS:
            continue
        largest = max(float(np.max(np.abs(v))) if v.size else 0.0 for v in values)
        if largest > IMPLAUSIBLE_MAGNITUDE:
            problems.append((_("Layer '{name}' holds weights as large as {largest:.3g}, which trained "
                               "layers do not reach: the file is probably damaged. Check the model's "
                               "results, or reset its weights.")
                               .format(name=name, largest=largest)))
    return problems
