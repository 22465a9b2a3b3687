"""A ``.keras`` file as a new project: what File > Import and the ``import`` command make."""
from __future__ import annotations

from pathlib import Path

from playground.files.project import Project
from playground.i18n import _
from playground.network.keras_import import import_keras_file
from playground.network.weight_checks import suspicious_weights


def import_project(path: str | Path) -> tuple["Project", list[str]]:
    """A ``.keras`` file as a new project (what File > Import and the ``import`` command
    make): the graph with its weights, a dataset that fits the input when one obviously
    does, and the lines that warn about suspicious weights (see weight_checks)."""
    path = Path(path)
    graph, weights = import_keras_file(path)
    inputs = graph.input_nodes()
    dataset = guess_dataset(tuple(inputs[0].params.get("batch_shape", [None])[1:])) \
        if len(inputs) == 1 else {"name": "xor", "params": {}}
    project = Project(graph=graph, weights=weights or None, dataset=dataset, title=path.stem,
                      notes=_("Imported from {name}.").format(name=path.name))
    return project, suspicious_weights(graph, weights)


def guess_dataset(input_shape: tuple) -> dict:
    """A dataset choice that fits an imported model's input, when one obviously does."""
    if tuple(input_shape) in ((28, 28, 1), (28, 28), (784,)):
        return {"name": "mnist", "params": {}}
    if tuple(input_shape) == (2,):
        return {"name": "circle", "params": {}}
    if tuple(input_shape) == (1,):
        return {"name": "celsius", "params": {}}
    return {"name": "xor", "params": {}}
