"""A training run for a project: build its model and dataset, take the trained weights.

The session (:class:`playground.session.Session`) calls these for the app's worker thread
and for the ``train`` command alike, so both do exactly the same.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from playground.training.events import Probe, RunResult, TrainingEvent
from playground.training.settings import TrainingSettings

if TYPE_CHECKING:
    from playground.files.project import Project


def load_project_dataset(project: "Project") -> Any:
    from playground.datasets import load_dataset

    choice = project.dataset or {}
    return load_dataset(choice.get("name", ""), choice.get("params") or {})


def build_project_model(project: "Project", seed: int | None = None) -> Any:
    """The project's model, with its trained weights when it has some (continue training);
    fresh weights come from ``seed`` when given."""
    from playground.network.keras_build import build_model

    return build_model(project.graph, project.weights or None, seed=seed)


def make_engine(project: "Project", settings: TrainingSettings | None = None,
                callback: Callable[[TrainingEvent], None] | None = None,
                probes: dict[str, Probe] | None = None, dataset: Any = None,
                log_root: Path | None = None, **engine_options: Any) -> Any:
    """An engine for the project's model, data and settings (raises typed errors).
    ``log_root``: also write TensorBoard logs of the run into a new folder there;
    ``engine_options`` go to :class:`TrainingEngine` (``workers``, ``checkpoint_dir``)."""
    from playground.training.engine import TrainingEngine

    settings = settings or TrainingSettings.from_dict(project.training)
    settings.validate()
    dataset = dataset if dataset is not None else load_project_dataset(project)
    if log_root is not None:
        from playground.training.tensorboard import (TensorBoardWriter, fan_out,
                                                     new_run_folder)

        # The writer reads the model the engine trains when events arrive (``engine`` is
        # bound below, before any event): it may be a copy placed on another device.
        writer = TensorBoardWriter(new_run_folder(log_root), lambda: engine.model)
        callback = fan_out(callback, writer)
    engine = TrainingEngine(build_project_model(project, settings.seed), dataset, settings,
                            callback, probes, **engine_options)
    return engine


def trained_weights(graph: Any, result: RunResult) -> dict[str, list[Any]] | None:
    """The run's weights by node id, or None when it trained nothing worth keeping."""
    from playground.network.keras_build import model_weights_by_node

    if result.model is not None and result.epochs_done + (result.status == "stopped") > 0:
        return model_weights_by_node(graph, result.model)
    return None
