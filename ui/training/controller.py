"""Runs the training engine in a QThread and turns its events into throttled Qt signals.

The worker lives in its own thread and talks to the UI only through signals (queued across
threads); it never touches a widget. Batch events are merged and sent at most ~25 times a
second (every raw batch loss still arrives, in lists); epoch, probe and end events are sent
as they come. ``shutdown()`` stops a run and joins the thread (the window calls it when it
closes). A finished run is recorded in the session (weights and history,
``Session.record_run``) before ``finished(entry, model)`` fires: the controller keeps no
copy of them.
"""
from __future__ import annotations

import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from playground.network.graph import Graph
from playground.session import Session
from playground.training.events import (EpochEnded, Probe, ProbeFailed, ProbeResult,
                                        RunDiverged, RunEnded, RunStarted, StepsDone,
                                        TrainingEvent)
from playground.training.settings import TrainingSettings
from ui.thread_worker import ThreadWorker, WorkerThread

PROGRESS_INTERVAL_S = 0.04   # at most ~25 progress signals a second


class TrainingWorker(ThreadWorker):
    """Builds model and data, runs the engine, and reports through signals (worker thread)."""

    thread_name = "training"

    runInfo = Signal(object)                  # RunStarted
    progress = Signal(object)                 # StepsDone (merged) or RunEnded
    epochEnded = Signal(object)               # EpochEnded
    probeResult = Signal(str, object)
    probeFailed = Signal(str)
    finished = Signal(dict, object, object)   # history entry, weights by node, model

    def __init__(self, session: Session, graph_data: dict, weights: dict | None,
                 dataset_choice: dict, settings: TrainingSettings, probes: dict[str, Probe]):
        super().__init__()
        self._session = session
        self._graph_data = graph_data
        self._weights = weights
        self._dataset_choice = dataset_choice
        self._settings = settings
        self._probes = probes
        self._lock = threading.Lock()
        self._engine: Any = None
        self._stop = False
        self._paused = False
        self._pending: StepsDone | None = None
        self._last_emit = 0.0

    # Called from the UI thread: plain flags, the engine's own methods are thread-safe.
    def request_stop(self) -> None:
        with self._lock:
            self._stop = True
            if self._engine is not None:
                self._engine.stop()

    def request_pause(self, paused: bool) -> None:
        with self._lock:
            self._paused = paused
            if self._engine is not None:
                (self._engine.pause if paused else self._engine.resume)()

    @property
    def paused(self) -> bool:
        """Whether a pause was asked for (the engine follows as soon as it exists)."""
        return self._paused

    def set_probe(self, name: str, probe: Probe | None) -> None:
        with self._lock:
            target = self._engine.probes if self._engine is not None else self._probes
            if probe is None:
                target.pop(name, None)
            else:
                target[name] = probe

    def _work(self) -> None:
        from playground.training.device import enable_memory_growth
        from playground.training.run import trained_weights

        enable_memory_growth()
        # The same code as the ``train`` command, on snapshots taken when Train was pressed
        # (the user may go on editing); the dataset is the session's shared one.
        graph = Graph.from_dict(self._graph_data)
        engine = self._session.make_engine(self._settings, self._on_event, self._probes,
                                           graph=graph, weights=self._weights or None,
                                           dataset_choice=self._dataset_choice)
        with self._lock:
            self._engine = engine
            if self._stop:
                engine.stop()
            elif self._paused:
                engine.pause()
        try:
            result = engine.run()
        finally:
            with self._lock:
                self._engine = None
        self.finished.emit(result.history_entry(), trained_weights(graph, result), result.model)

    def _on_event(self, event: TrainingEvent) -> None:
        if isinstance(event, StepsDone):
            self._pending = event if self._pending is None else self._pending.merged(event)
            now = time.perf_counter()
            if now - self._last_emit >= PROGRESS_INTERVAL_S:
                self._flush(now)
            return
        # Batch losses still pending wait for their time on epoch and view events: with
        # many short epochs, flushing them there too would exceed ~25 progress signals a
        # second. They stay in order with the next batches; start, error and end flush.
        if isinstance(event, EpochEnded):
            self.epochEnded.emit(event)
        elif isinstance(event, ProbeFailed):
            self.probeFailed.emit(event.message)
        elif isinstance(event, ProbeResult):
            self.probeResult.emit(event.name, event.result)
        else:
            self._flush(time.perf_counter())
            if isinstance(event, RunStarted):
                self.runInfo.emit(event)
            elif isinstance(event, RunDiverged):
                self.failed.emit(event.message)
            elif isinstance(event, RunEnded):
                self.progress.emit(event)

    def _flush(self, now: float) -> None:
        if self._pending is not None:
            self.progress.emit(self._pending)
            self._pending = None
        self._last_emit = now


class TrainingController(QObject):
    """Owns the worker thread. Signals arrive on the UI thread.

    ``progress`` carries merged :class:`StepsDone` events (``batch_losses`` holds every raw
    loss since the previous signal, ``pieces`` says where each belongs) and the final
    :class:`RunEnded`; the other signals carry the engine's typed events as they are.
    """

    started = Signal()
    runInfo = Signal(object)       # RunStarted
    progress = Signal(object)      # StepsDone (merged: every loss since the last) or RunEnded
    epochEnded = Signal(object)    # EpochEnded
    probeResult = Signal(str, object)
    finished = Signal(dict, object)   # history entry (already in the session), trained model
    probeFailed = Signal(str)     # a view failed and was turned off; training goes on
    failed = Signal(str)
    runningChanged = Signal(bool)
    pausedChanged = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._thread: WorkerThread | None = None
        self._worker: TrainingWorker | None = None
        self._probes: dict[str, Probe] = {}
        # The project object the current (or last) run was started for: a run that ends
        # after the user opened another project must not write into that one.
        self.run_project: Any = None
        self._shut_down = False

    def is_running(self) -> bool:
        return self._thread is not None

    def is_paused(self) -> bool:
        return self._worker is not None and self._worker.paused

    def add_probe(self, name: str, fn: Callable[[Any, Any], Any],
                  every: str | float = "epoch") -> None:
        self._probes[name] = Probe(fn, every)
        if self._worker is not None:
            self._worker.set_probe(name, Probe(fn, every))

    def remove_probe(self, name: str) -> None:
        self._probes.pop(name, None)
        if self._worker is not None:
            self._worker.set_probe(name, None)

    def start(self, settings: TrainingSettings | None = None) -> None:
        """Train the session's model (from its current weights) in the background."""
        if self.is_running():
            raise RuntimeError("a training run is already in progress")
        self._shut_down = False
        project = self.session.project
        settings = settings or self.session.training_settings()
        settings.validate()
        # The worker gets its own copies: the UI may go on editing the project.
        weights = {k: list(v) for k, v in project.weights.items()} if project.weights else None
        worker = TrainingWorker(self.session, project.graph.to_dict(), weights,
                                dict(project.dataset or {}), settings, dict(self._probes))
        thread = WorkerThread(worker, "training", self)
        worker.runInfo.connect(self.runInfo)
        worker.progress.connect(self.progress)
        worker.epochEnded.connect(self.epochEnded)
        worker.probeResult.connect(self.probeResult)
        worker.probeFailed.connect(self.probeFailed)
        worker.failed.connect(self.failed)
        worker.finished.connect(self._on_finished)
        thread.ended.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        self.run_project = project
        thread.start()
        self.started.emit()
        self.runningChanged.emit(True)

    def pause(self) -> None:
        if self._worker is not None and not self._worker.paused:
            self._worker.request_pause(True)
            self.pausedChanged.emit(True)

    def resume(self) -> None:
        if self._worker is not None and self._worker.paused:
            self._worker.request_pause(False)
            self.pausedChanged.emit(False)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.request_stop()

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        """Stop any run and wait for its thread; True when no thread is left."""
        self._shut_down = True  # results still queued from the worker are dropped
        thread = self._thread
        if thread is None:
            return True
        self.stop()
        return thread.wait(timeout_ms)  # ended -> _on_thread_finished when it finished

    @Slot(dict, object, object)
    def _on_finished(self, entry: dict, weights: Any, model: Any) -> None:
        if self._shut_down:  # the window is closing: do not touch the document any more
            return
        # A run that ends after another project was opened belongs to that one: dropped.
        if self.run_project is self.session.project:
            self.session.record_run(entry, weights)
        self.finished.emit(entry, model)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is None:
            return
        self._thread = self._worker = None  # WorkerThread deletes both
        self.runningChanged.emit(False)
