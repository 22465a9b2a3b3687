"""Look inside a model: Qt-free computations behind the visualizations.

Every function takes a Keras model (and a dataset following the datasets contract) and
returns plain numpy data in small dataclasses; the UI only draws them. Functions that the
training engine runs live during training are built by :mod:`playground.insight.probes`
as ``fn(model, dataset) -> result`` and are executed on the training thread.

Keras is imported lazily (through :mod:`playground.kerasenv`) so importing this package
stays instant.
"""
from __future__ import annotations
