"""Debounced shape inference off the UI thread.

After an edit the graph's ``structure_changed`` restarts a short timer; when it fires (and
TensorFlow has loaded) a copy of the graph is handed to
``playground.network.shapes.infer_shapes`` on the service's background runner. An edit made
meanwhile drops the running inference's result and asks again (the newest request wins), so
the report shown always matches the graph and the UI never waits for Keras. The report is
kept by the session (``Session.set_shape_report``); ``report`` reads it from there.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from playground.network.graph import Graph
from playground.session import Session
from ui.background import BackgroundRunner
from ui.tf_loader import TFLoader

DEBOUNCE_MS = 150


def _infer(graph: Graph) -> Any:
    from playground.network.shapes import infer_shapes

    return infer_shapes(graph)


class ShapeService(QObject):
    """``reportReady(ShapeReport)`` after each finished inference of the current graph;
    ``failed(message)`` when inference itself failed (a bug: it is logged too)."""

    reportReady = Signal(object)
    failed = Signal(str)

    def __init__(self, session: Session, tf_loader: TFLoader,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._loader = tf_loader
        self._graph: Graph | None = None
        # Lower priority: TensorFlow's op threads start from here and must yield to the UI.
        self._runner = BackgroundRunner("shape-inference", self, lower_priority=True)
        self._runner.done.connect(self._delivered)
        self._runner.failed.connect(self.failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._closed = False
        tf_loader.loaded.connect(lambda _s: self.schedule())

    def set_graph(self, graph: Graph) -> None:
        if self._graph is not None:
            self._graph.structure_changed.disconnect(self.schedule)
        self._graph = graph
        graph.structure_changed.connect(self.schedule)
        self.schedule()

    def schedule(self) -> None:
        """Ask for a fresh report soon (edits within DEBOUNCE_MS share one run). The running
        inference is of an older graph now: its result is dropped."""
        self._runner.cancel()
        if not self._closed:
            self._timer.start()

    @property
    def report(self) -> Any:
        """The session's latest ShapeReport (None until one is in for this project)."""
        return self._session.shape_report

    @property
    def busy(self) -> bool:
        """True until the report for the current graph has been delivered."""
        return self._timer.isActive() or self._runner.busy

    def _start(self) -> None:
        if self._graph is None or self._closed or not self._loader.is_loaded:
            return
        snapshot = self._graph.copy()  # the user may keep editing the live graph
        self._runner.request(lambda: _infer(snapshot))

    def _delivered(self, report: Any) -> None:
        self._session.set_shape_report(report)
        self.reportReady.emit(report)

    def wait(self, timeout: float | None = None) -> None:
        """Block until a running inference has ended (tests)."""
        self._runner.wait(timeout)

    def shutdown(self) -> None:
        """Stop scheduling and wait for a running inference to end."""
        self._closed = True
        self._timer.stop()
        self._runner.shutdown()
