"""The one recipe of the long-running QThread workers (training and tuning), and the only
module that owns a QThread.

A :class:`ThreadWorker` lives in its own QThread and reports only through queued signals;
it never touches a widget. :meth:`ThreadWorker.run` lowers the thread's priority, runs
:meth:`_work`, turns an exception into ``failed(message)`` and, whatever happened, hands
the worker back to the UI thread and emits ``done``. :class:`WorkerThread` is its thread's
lifecycle, the same for every controller: start, quit on ``done``, wait, delete both, and
``ended`` on the UI thread once the thread is gone.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from ui.background import error_message


class ThreadWorker(QObject):
    """Subclasses set :attr:`thread_name` (the error log's name) and implement :meth:`_work`."""

    failed = Signal(str)
    done = Signal()
    thread_name = "worker"

    @Slot()
    def run(self) -> None:
        from playground.kerasenv import lower_thread_priority

        lower_thread_priority()  # the work uses idle CPU; the window stays responsive
        try:
            self._work()
        except Exception as error:  # noqa: BLE001 - a fixable problem is said as it is; a
            # bug is written to the error log and reported, never lost
            self.failed.emit(error_message(error, self.thread_name))
        finally:
            # Hand this object back to the UI thread, where the controller deletes it: a
            # deleteLater() aimed at a finished thread would never run (one leaked worker
            # per run).
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())
            self.done.emit()

    def _work(self) -> None:
        """On the worker thread: the whole job; its outcome goes out through signals."""
        raise NotImplementedError


class WorkerThread(QObject):
    """``worker`` on a QThread of its own (named ``name``), owned by ``parent``. ``ended``
    fires once on the UI thread when the thread has finished (or :meth:`wait` saw it
    finish); the worker and the thread are deleted then."""

    ended = Signal()

    def __init__(self, worker: ThreadWorker, name: str, parent: QObject) -> None:
        super().__init__(parent)
        self.worker = worker
        self._thread = QThread(self)
        self._thread.setObjectName(name)
        worker.moveToThread(self._thread)
        self._thread.started.connect(worker.run)
        # Direct: quit() is thread-safe, and wait() blocks the UI thread.
        worker.done.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._finished)
        self._over = False

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout_ms: int) -> bool:
        """Block until the thread has finished; True when it did within ``timeout_ms``."""
        finished = self._thread.wait(timeout_ms)
        if finished:
            self._finished()
        return finished

    @Slot()
    def _finished(self) -> None:
        if self._over:
            return
        self._over = True
        self.worker.deleteLater()
        self.deleteLater()  # and its thread, a child
        self.ended.emit()
