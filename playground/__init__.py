"""Keras Playground core: graph model, layer catalog, Keras build/import, project files.

Nothing here imports Qt or pyqtgraph; TensorFlow/Keras are imported lazily, only by the
functions that need them, so the catalog and graph load instantly.
"""
from playground.errors import PlaygroundError
from playground.network.graph import Edge, Graph, Node

__all__ = ["Edge", "Graph", "Node", "PlaygroundError"]
__version__ = "0.1.0"
