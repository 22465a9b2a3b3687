"""The session: the one home of what is open — the project, where it is saved, its dataset
(loaded once and shared by every view and the training run), its training settings,
weights and history, whether it has unsaved changes, whether training holds it locked,
and the latest shape report.

"Modified" is the session's own answer to "is anything not saved?": the project differs
from the state it had at the last save (or open) — the graph (the app tells the session
whether its undo history is back at the saved point, :meth:`Session.set_graph_clean`),
the dataset choice, training settings, notes, tuning, weights or history. Undoing the
graph back to the saved point therefore leaves it modified when a run was recorded since.

Qt-free and evented (psygnal): the desktop app's panels and the ``train`` command use the
same object. Whoever changes the project does it through a method here, which emits the
event and marks the project modified; nothing assigns the project's fields from outside.
Events are emitted on the thread that calls the method; the app calls them on its UI
thread (a dataset loaded on a worker is handed back to the UI thread first).
"""
from __future__ import annotations

import copy
import dataclasses
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from psygnal import Signal

from playground.errors import PlaygroundError
from playground.files.project import Project, load_project, save_project
from playground.network.graph import Graph
from playground.training.settings import TrainingSettings

if TYPE_CHECKING:
    from playground.datasets.base import Dataset
    from playground.network.shapes import ShapeReport
    from playground.training.engine import TrainingEngine
    from playground.training.events import Probe


def new_project() -> Project:
    """An empty project: a graph with one Input node so a newcomer sees where to start."""
    graph = Graph()
    graph.add_node("Input", position=(0.0, 0.0))
    return Project(graph=graph)


def same_choice(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether two dataset choices ({"name", "params"}) name the same data."""
    a, b = a or {}, b or {}
    return a.get("name") == b.get("name") and (a.get("params") or {}) == (b.get("params") or {})


class Session:
    """One open project and its shared state (see the module's docstring)."""

    project_replaced = Signal()           # New / Open / Import / a lesson put a new project
    path_changed = Signal()
    modified_changed = Signal(bool)
    locked_changed = Signal(bool)
    weights_changed = Signal()
    history_changed = Signal()
    dataset_choice_changed = Signal()     # project.dataset changed (the data is not loaded)
    dataset_loaded = Signal(object)       # the Dataset for the current choice
    training_settings_changed = Signal()
    notes_changed = Signal()
    shapes_changed = Signal(object)       # the latest ShapeReport
    tuning_changed = Signal()             # project.tuning: search space or search settings
    saved = Signal()                      # the current state became the saved one (a save,
                                          # or the user discarded the changes)

    def __init__(self, project: Project | None = None, path: str | Path | None = None) -> None:
        self.project: Project = project if project is not None else new_project()
        self.path: Path | None = Path(path) if path is not None else None
        self._modified = False
        # What "saved" means (see the module's docstring): set by _take_saved_state().
        self._graph_clean = True
        self._forced_unsaved = False      # set_modified(True): e.g. imported, never saved
        self._saved_fields: tuple[Any, ...] = ()
        self._saved_weights: dict[str, list[Any]] | None = None
        self._saved_history: list[dict[str, Any]] = []
        self._take_saved_state()
        self._locked = False
        self.lock_reason = ""
        self.shape_report: ShapeReport | None = None
        # The loaded dataset and the choice it was loaded for. Loading happens on worker
        # threads (the app) while the UI thread reads: guarded by a lock.
        self._data_lock = threading.Lock()
        self._dataset: Dataset | None = None
        self._dataset_for: dict[str, Any] | None = None

    @classmethod
    def open(cls, path: str | Path) -> "Session":
        """A session on the project file at ``path`` (raises ProjectFileError)."""
        return cls(load_project(path), path)

    # ------------------------------------------------------------------ state
    @property
    def graph(self) -> Graph:
        return self.project.graph

    @property
    def modified(self) -> bool:
        return self._modified

    @property
    def locked(self) -> bool:
        return self._locked

    def display_name(self, untitled: str = "Untitled") -> str:
        if self.path is not None:
            return self.path.name
        # Not saved yet: an imported model or a lesson still has a name worth showing.
        return self.project.title or untitled

    def set_modified(self, modified: bool = True) -> None:
        """True: count the project as unsaved until the next save (an imported model, a
        restored autosave). False: the current state counts as saved (:meth:`mark_saved`)."""
        if modified:
            self._forced_unsaved = True
            self._update_modified()
        else:
            self.mark_saved()

    def mark_saved(self) -> None:
        """The current state is the saved one: after a save, or when the user chose to
        discard the changes. Emits ``saved`` (the app marks its undo history clean)."""
        self._take_saved_state()
        self.saved.emit()
        self._update_modified()

    def set_graph_clean(self, clean: bool) -> None:
        """Whether the graph is as saved: the app's undo history is at its saved point."""
        self._graph_clean = clean
        self._update_modified()

    def _saved_fields_now(self) -> tuple[Any, ...]:
        p = self.project
        try:  # the settings as they act: a file's partial settings equal their defaults
            training: Any = TrainingSettings.from_dict(p.training).to_dict()
        except PlaygroundError:
            training = p.training
        return (p.dataset, training, p.notes, p.tuning, p.title, p.description, p.lesson,
                p.extras)

    def _take_saved_state(self) -> None:
        # The JSON-like parts are small: a deep copy, so no later in-place change can hide.
        # Weights and history entries are replaced or appended, never changed in place:
        # identity says whether they are the saved ones.
        self._graph_clean = True
        self._forced_unsaved = False
        self._saved_fields = copy.deepcopy(self._saved_fields_now())
        self._saved_weights = self.project.weights
        self._saved_history = list(self.project.history)

    def _differs_from_saved(self) -> bool:
        history = self.project.history
        return (self._forced_unsaved or not self._graph_clean
                or self.project.weights is not self._saved_weights
                or len(history) != len(self._saved_history)
                or any(a is not b for a, b in zip(history, self._saved_history))
                or self._saved_fields_now() != self._saved_fields)

    def _update_modified(self) -> None:
        modified = self._differs_from_saved()
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def set_locked(self, locked: bool, reason: str = "") -> None:
        """Lock structural edits (while training); ``reason`` is shown to the user."""
        self.lock_reason = reason if locked else ""
        if locked != self._locked:
            self._locked = locked
            self.locked_changed.emit(locked)

    # ------------------------------------------------------------------ project
    def replace_project(self, project: Project, path: str | Path | None = None) -> None:
        """Put a new project in place (New / Open / Import / a lesson)."""
        self.project = project
        self.path = Path(path) if path is not None else None
        self.shape_report = None
        with self._data_lock:
            keep = same_choice(self._dataset_for, project.dataset)
            if not keep:
                self._dataset = self._dataset_for = None
        self._modified = True  # so that the event below fires
        self.mark_saved()
        self.project_replaced.emit()
        self.path_changed.emit()

    def set_path(self, path: str | Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.path_changed.emit()

    def save(self, path: str | Path | None = None) -> Path:
        """Write the project (to ``path``, else where it came from); not modified after."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("save() needs a path for a project that was never saved")
        written = save_project(self.project, target)
        if target != self.path:
            self.set_path(written)
        self.mark_saved()
        return written

    def set_notes(self, text: str) -> None:
        if text != self.project.notes:
            self.project.notes = text
            self.notes_changed.emit()
            self._update_modified()

    # ------------------------------------------------------------------ dataset
    @property
    def dataset_choice(self) -> dict[str, Any]:
        return self.project.dataset or {}

    def set_dataset_choice(self, name: str, params: dict[str, Any]) -> None:
        """Choose the project's dataset (settings already validated by the caller)."""
        choice = {"name": name, "params": dict(params)}
        if same_choice(choice, self.project.dataset):
            return
        self.project.dataset = choice
        self.dataset_choice_changed.emit()
        self._update_modified()

    def loaded_dataset(self) -> "Dataset | None":
        """The dataset of the current choice if it has been loaded, else None."""
        with self._data_lock:
            if same_choice(self._dataset_for, self.project.dataset):
                return self._dataset
            return None

    def offer_dataset(self, choice: dict[str, Any], dataset: "Dataset") -> bool:
        """Keep ``dataset`` (loaded for ``choice``, e.g. by a worker) if it is still the
        project's choice; returns whether it was kept (a stale load is dropped)."""
        if not same_choice(choice, self.project.dataset):
            return False
        with self._data_lock:
            self._dataset, self._dataset_for = dataset, dict(choice)
        self.dataset_loaded.emit(dataset)
        return True

    def load_dataset(self, choice: dict[str, Any] | None = None) -> "Dataset":
        """The dataset of ``choice`` (the current choice by default), loaded now unless
        already loaded (blocking: call it from a worker thread in the app). Thread-safe;
        emits nothing."""
        choice = choice if choice is not None else self.dataset_choice
        choice = {"name": choice.get("name", ""), "params": dict(choice.get("params") or {})}
        with self._data_lock:
            if self._dataset is not None and same_choice(self._dataset_for, choice):
                return self._dataset
        from playground.datasets import load_dataset

        dataset = load_dataset(choice["name"], choice["params"])
        with self._data_lock:
            self._dataset, self._dataset_for = dataset, choice
        return dataset

    # ------------------------------------------------------------------ training
    def training_settings(self) -> TrainingSettings:
        return TrainingSettings.from_dict(self.project.training)

    def set_training_settings(self, settings: TrainingSettings) -> None:
        """Store the settings (validated: raises TrainingError naming the setting)."""
        settings.validate()
        data = settings.to_dict()
        if data == self.project.training:
            return
        self.project.training = data
        self.training_settings_changed.emit()
        self._update_modified()

    def set_weights(self, weights: dict[str, list[Any]] | None) -> None:
        """Trained weights by node id (None: the next run starts from fresh ones)."""
        self.project.weights = weights
        self.weights_changed.emit()
        self._update_modified()

    def reset_weights(self) -> None:
        self.set_weights(None)

    def add_history(self, entry: dict[str, Any]) -> None:
        self.project.history.append(entry)
        self.history_changed.emit()
        self._update_modified()

    def record_run(self, entry: dict[str, Any], weights: dict[str, list[Any]] | None) -> None:
        """A finished run: its history entry (``RunResult.history_entry()``) and its trained
        weights (``training.run.trained_weights``; None when it trained nothing)."""
        if weights is not None:
            self.set_weights(weights)
        self.add_history(entry)

    def make_engine(self, settings: TrainingSettings | None = None,
                    callback: Callable[[Any], None] | None = None,
                    probes: "dict[str, Probe] | None" = None,
                    graph: Graph | None = None,
                    weights: dict[str, list[Any]] | None = None,
                    dataset_choice: dict[str, Any] | None = None,
                    log_root: str | Path | None = None,
                    **engine_options: Any) -> "TrainingEngine":
        """An engine for this project's model and the shared dataset, with ``settings`` (the
        project's by default). A caller that took snapshots (the app's worker: the user may
        go on editing) passes ``graph``, ``weights`` and ``dataset_choice``. Builds the
        model and loads the data: call it where blocking is fine. With the "write
        TensorBoard logs" setting on, the run is logged under ``log_root`` (by default
        beside the project file, see :func:`tensorboard_root`). ``engine_options`` go to
        the engine (``workers``, ``checkpoint_dir``: the multi-worker ``train``)."""
        from playground.training.run import make_engine

        project = self.project if graph is None else \
            dataclasses.replace(self.project, graph=graph, weights=weights)
        settings = settings if settings is not None else self.training_settings()
        logs = None
        if settings.tensorboard:
            logs = Path(log_root) if log_root is not None else self.tensorboard_root()
        return make_engine(project, settings, callback, probes,
                           self.load_dataset(dataset_choice), logs, **engine_options)

    def tensorboard_root(self) -> Path:
        """Where this project's TensorBoard logs go: a folder beside the project file."""
        from playground.training.tensorboard import default_log_root

        return default_log_root(self.path)

    # ------------------------------------------------------------------ search (tuning)
    def set_search_dimension(self, node: str | None, param: str, dimension: Any) -> None:
        """Search ``param`` of layer ``node`` (None: a training setting) over
        ``dimension`` (a ``playground.tuning.space.Dimension``), or stop searching it
        (``dimension`` None)."""
        from playground.tuning import project_space

        space = project_space(self.project)
        if dimension is None:
            space.remove(node, param)
        else:
            space.set(dimension)
        self.set_tuning({**self.project.tuning, "space": space.to_list()})

    def set_tuning(self, data: dict[str, Any]) -> None:
        """Store the search space and settings (``playground.tuning.tuning_data``)."""
        if data != self.project.tuning:
            self.project.tuning = data
            self.tuning_changed.emit()
            self._update_modified()

    # ------------------------------------------------------------------ shapes
    def set_shape_report(self, report: "ShapeReport") -> None:
        self.shape_report = report
        self.shapes_changed.emit(report)
