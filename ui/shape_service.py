"""Debounced shape inference off the UI thread.

After an edit the graph's ``structure_changed`` restarts a short timer; when it fires (and
TensorFlow has loaded) a copy of the graph is handed to ``playground.network.shapes.infer_shapes`` on
a worker thread. Results for an outdated copy are dropped and inference runs again, so the
report shown always matches the graph and the UI never waits for Keras.
"""
from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from playground.errors import PlaygroundError
from playground.network.graph import Graph
from ui.tf_loader import TFLoader

DEBOUNCE_MS = 150


class ShapeService(QObject):
    """``reportReady(ShapeReport)`` after each finished inference of the current graph."""

    reportReady = Signal(object)
    failed = Signal(str)
    _finished = Signal(int, object, str)

    def __init__(self, tf_loader: TFLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = tf_loader
        self._graph: Graph | None = None
        self.report: Any = None
        self._generation = 0
        self._thread: threading.Thread | None = None
        self._pending = False
        self._in_flight = False  # started, and its result not yet handled on the UI thread
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._finished.connect(self._on_finished)
        tf_loader.loaded.connect(lambda _s: self.schedule())

    def set_graph(self, graph: Graph) -> None:
        if self._graph is not None:
            self._graph.structure_changed.disconnect(self.schedule)
        self._graph = graph
        self.report = None
        graph.structure_changed.connect(self.schedule)
        self.schedule()

    def schedule(self) -> None:
        """Ask for a fresh report soon (edits within DEBOUNCE_MS share one run)."""
        self._generation += 1
        if not self._closed:
            self._timer.start()

    @property
    def busy(self) -> bool:
        """True until the report for the current graph has been delivered."""
        return self._timer.isActive() or self._in_flight

    def _start(self) -> None:
        if self._graph is None or self._closed or not self._loader.is_loaded:
            return
        if self._in_flight:
            self._pending = True  # rerun when the current one ends
            return
        # The worker gets its own copy: the user may keep editing the live graph.
        snapshot = self._graph.copy()
        generation = self._generation
        self._thread = threading.Thread(target=self._infer, args=(snapshot, generation),
                                        name="shape-inference")
        self._in_flight = True
        self._thread.start()

    def _infer(self, graph: Graph, generation: int) -> None:
        from playground.kerasenv import lower_thread_priority
        from playground.network.shapes import infer_shapes

        lower_thread_priority()

        try:
            report = infer_shapes(graph)
        except PlaygroundError as exc:
            self._finished.emit(generation, None, str(exc))
            return
        except Exception as exc:
            # A bug: the service must not wait for this run forever, and the traceback
            # must be seen, so report it and re-raise for threading's excepthook to log.
            self._finished.emit(generation, None, f"Shape inference failed unexpectedly "
                                                  f"({type(exc).__name__}: {exc}).")
            raise
        self._finished.emit(generation, report, "")

    def _on_finished(self, generation: int, report: object, error: str) -> None:
        self._in_flight = False
        if self._closed:
            return
        if self._pending or generation != self._generation:
            self._pending = False
            self._timer.start()
            return
        if error:
            self.failed.emit(error)
            return
        self.report = report
        self.reportReady.emit(report)

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def shutdown(self) -> None:
        """Stop scheduling and wait for a running inference to end."""
        self._closed = True
        self._timer.stop()
        self.wait()
