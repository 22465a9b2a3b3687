"""One-click fixes that make the model fit its dataset, each one undo step.

The decisions (which layer, which units, which shape) are the core's
(:mod:`playground.training.dataset_fit`); this module only turns them into undo commands.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from playground.errors import DatasetError
from playground.training.dataset_fit import fit_changes, output_for
from ui import commands

if TYPE_CHECKING:
    from playground.datasets.base import Dataset
    from ui.document import Document

ROW_GAP = 120.0   # below the last layer, as the canvas adds one


def tr(text: str) -> str:
    return QCoreApplication.translate("FitActions", text)


def current_dataset(document: "Document") -> "Dataset | None":
    """The dataset of the project's choice (loaded now if the panel has not yet), or None
    when it cannot be loaded (the Dataset panel says why)."""
    session = document.session
    dataset = session.loaded_dataset()
    if dataset is not None:
        return dataset
    try:
        return session.load_dataset()
    except (DatasetError, OSError, ValueError):
        return None


def add_output_layer(document: "Document") -> str | None:
    """Add a Dense output fitting the dataset after the last layer (the Input when it is
    alone), connected; one undo step. Returns the new node's id, or None when refused."""
    dataset = current_dataset(document)
    if dataset is None or document.locked:
        return None
    graph = document.graph
    ends = graph.output_nodes() or graph.input_nodes()
    if not ends:
        return None
    anchor = ends[-1]
    output = output_for(dataset)
    new_id = graph.new_id()
    x, y = anchor.position
    steps: list[commands.GraphCommand] = [
        commands.AddNode(graph, "Dense", (x, y + ROW_GAP), output.params(), node_id=new_id),
        commands.Connect(graph, anchor.id, new_id)]
    commands.execute(document.undo_stack,
                     commands.Batch(graph, tr("Add an output layer"), steps))
    return new_id


def match_dataset(document: "Document") -> bool:
    """Set the Input's shape and the output's units/activation to what the dataset needs,
    as one undo step; False when nothing needed changing (or no dataset is loaded)."""
    dataset = current_dataset(document)
    if dataset is None or document.locked:
        return False
    graph = document.graph
    changes = fit_changes(graph, dataset)
    if not changes:
        return False
    steps: list[commands.GraphCommand] = [commands.SetParams(graph, node_id, update)
                                          for node_id, update in changes.items()]
    commands.execute(document.undo_stack,
                     commands.Batch(graph, tr("Match the dataset"), steps))
    return True


def dataset_changes(document: "Document") -> dict[str, dict]:
    """What matching the loaded dataset would change, by node id (nothing when no dataset
    is loaded yet: this never loads one)."""
    dataset = document.session.loaded_dataset()
    return fit_changes(document.graph, dataset) if dataset is not None else {}


def needs_matching(document: "Document") -> bool:
    return bool(dataset_changes(document))
