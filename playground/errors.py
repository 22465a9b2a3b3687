"""Typed errors of the core. Every message names what is wrong and how to fix it.

The UI and the command line show ``str(error)`` to the user as it is, so messages are
written for a person who does not code: which node, which parameter, what to change.
"""
from __future__ import annotations


class PlaygroundError(Exception):
    """Base of every error the core raises on purpose."""


class GraphError(PlaygroundError):
    """A graph edit was refused; the graph is unchanged."""


class UnknownLayerTypeError(GraphError):
    pass


class NodeNotFoundError(GraphError):
    pass


class CycleError(GraphError):
    pass


class ArityError(GraphError):
    """A port does not exist, is already used, or a layer has too many/few inputs."""


class DuplicateEdgeError(GraphError):
    pass


class ParameterError(GraphError):
    """A parameter value is refused (wrong type, out of range, not a choice)."""

    def __init__(self, message: str, node_id: str | None = None, param: str | None = None):
        super().__init__(message)
        self.node_id = node_id
        self.param = param


class BuildError(PlaygroundError):
    """The graph cannot become a Keras model; ``node_errors`` maps node id -> message."""

    def __init__(self, message: str, node_errors: dict[str, str] | None = None):
        super().__init__(message)
        self.node_errors = dict(node_errors or {})


class ModelImportError(PlaygroundError):
    """A .keras file cannot be turned into a graph (broken, unsafe, or unsupported)."""


class ProjectFileError(PlaygroundError):
    """A project file is malformed, truncated, from a newer version, or not a project."""


class DatasetError(PlaygroundError):
    """A dataset cannot be loaded or does not fit; the message says what to change."""


class TrainingError(PlaygroundError):
    """Training cannot start or had to stop; the message says what to change."""


class InsightError(PlaygroundError):
    """A visualization cannot be computed for this model or data; says why and what to do."""


class TuningError(PlaygroundError):
    """A search cannot start or go on (search space, storage, objective); says what to do."""


class ExportError(PlaygroundError):
    """A model cannot be written in a format (a layer the format lacks, a missing optional
    package, an output that does not match Keras); the message names the layer or package."""
