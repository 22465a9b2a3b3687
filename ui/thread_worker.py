"""The shared recipe of the two long-running QThread workers (training and tuning).

A :class:`ThreadWorker` lives in its own QThread and reports only through queued signals;
it never touches a widget. :meth:`ThreadWorker.run` lowers the thread's priority, runs
:meth:`_work`, turns an exception into ``failed(message)`` and, whatever happened, hands
the worker back to the UI thread and emits ``done`` (its controller quits the thread on it).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

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
