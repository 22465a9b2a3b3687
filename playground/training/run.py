"""A training run for a project: build its model and dataset, take the trained weights.

The session (:class:`playground.session.Session`) calls these for the app's worker thread
and for the ``train`` command alike, so both do exactly the same.
"""
from __future__ import annotations

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
                **engine_options: Any) -> Any:
    """An engine for the project's model, data and settings (raises typed errors)."""
    from playground.training.engine import TrainingEngine

    settings = settings or TrainingSettings.from_dict(project.training)
    settings.validate()
    dataset = dataset if dataset is not None else load_project_dataset(project)
    return TrainingEngine(build_project_model(project, settings.seed), dataset, settings,
                          callback, probes, **engine_options)


def trained_weights(graph: Any, result: RunResult) -> dict[str, list[Any]] | None:
    """The run's weights by node id, or None when it trained nothing worth keeping."""
    from playground.network.keras_build import model_weights_by_node

    if result.model is not None and result.epochs_done + (result.status == "stopped") > 0:
        return model_weights_by_node(graph, result.model)
    return None
