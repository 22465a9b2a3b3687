"""The one way the app runs work off the UI thread: :class:`BackgroundRunner`.

A runner runs one job at a time on its own worker thread and hands the outcome back on the
UI thread (``done(result)`` or ``failed(message)``). The newest request wins: a request made
while a job runs waits for it (replacing any older waiting one), and only the outcome of the
newest request is delivered, so an older result never overwrites a newer one. Shape
inference, dataset loading, the digit pad, the conv view, the insight views' results, file
import/export, autosave and the TensorFlow import all use it (training keeps its own
QThread: it runs for minutes, pauses and streams progress).

Built on superqt's ``FunctionWorker`` (a ``QRunnable`` whose signals are queued to the thread
that made it). Each runner has its own one-thread ``QThreadPool``: a slow job (loading MNIST)
never waits behind another feature's in a shared pool, and :meth:`BackgroundRunner.shutdown`
waits for this runner's work only and removes its thread, so closing leaves none behind.

Typed core errors and OS errors become their message; anything else is a bug: it is logged
with its traceback (the error log) and reported as a failure too, never swallowed.
"""
from __future__ import annotations

import threading
import weakref
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from superqt.utils import FunctionWorker

from playground.errors import PlaygroundError

Job = Callable[[], Any]

# Every runner alive, and the OS ids of the threads that ran jobs: for the tests' checks
# that no test leaves work running or a worker thread behind.
_RUNNERS: "weakref.WeakSet[BackgroundRunner]" = weakref.WeakSet()
_THREAD_IDS: set[int] = set()
_thread_ids_lock = threading.Lock()


class BackgroundRunner(QObject):
    """``done(result)`` / ``failed(message)``: the outcome of the newest request, on the
    thread that made the runner (the UI thread)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None,
                 lower_priority: bool = False) -> None:
        """``name`` names the worker thread (crash log); ``lower_priority``: the thread
        yields the CPU to the UI (TensorFlow's own threads started from it inherit it)."""
        super().__init__(parent)
        self.name = name
        self._lower_priority = lower_priority
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._worker: FunctionWorker | None = None
        self._waiting: Job | None = None
        self._newest = 0    # number of the newest request
        self._running = 0   # number of the request whose job is running
        self._closed = False
        _RUNNERS.add(self)

    # ------------------------------------------------------------------ requests
    def request(self, job: Job) -> None:
        """Run ``job()`` off the UI thread; its outcome is delivered unless a newer
        request (or :meth:`cancel`) comes first. Ignored after :meth:`shutdown`."""
        if self._closed:
            return
        self._newest += 1
        if self._worker is None:
            self._start(job)
        else:
            self._waiting = job  # an older waiting job is dropped unrun

    def cancel(self) -> None:
        """Drop the waiting job and the running one's outcome (it still runs to its end)."""
        self._newest += 1
        self._waiting = None

    @property
    def busy(self) -> bool:
        """True while a job runs or waits, until its outcome has been handled."""
        return self._worker is not None

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the running job has ended (its outcome follows through the event
        loop); True when no job runs."""
        return self._pool.waitForDone(-1 if timeout_s is None else int(timeout_s * 1000))

    def shutdown(self, timeout_s: float | None = None) -> bool:
        """Start nothing more, deliver nothing more, and wait for the running job (a job
        cannot be interrupted; the waiting one is dropped). True when none runs now."""
        self._closed = True
        self.cancel()
        return self.wait(timeout_s)

    # ------------------------------------------------------------------ internals
    def _start(self, job: Job) -> None:
        worker = FunctionWorker(self._call, job)
        # Bound methods of this QObject: queued to the UI thread, in emission order.
        worker.returned.connect(self._returned)
        worker.errored.connect(self._errored)
        worker.finished.connect(self._finished)
        self._worker, self._running = worker, self._newest
        self._pool.start(worker)

    def _call(self, job: Job) -> Any:
        """On the worker thread."""
        threading.current_thread().name = self.name
        with _thread_ids_lock:
            _THREAD_IDS.add(threading.get_native_id())
        if self._lower_priority:
            from playground.kerasenv import lower_thread_priority

            lower_thread_priority()
        return job()

    def _current(self) -> bool:
        return not self._closed and self._running == self._newest

    def _returned(self, result: Any) -> None:
        if self._current():
            self.done.emit(result)

    def _errored(self, exc: BaseException) -> None:
        message = error_message(exc, self.name)  # a bug is logged even when outdated
        if self._current():
            self.failed.emit(message)

    def _finished(self) -> None:
        self._worker = None
        job, self._waiting = self._waiting, None
        if job is not None and not self._closed:
            self._start(job)


def error_message(exc: BaseException, thread_name: str) -> str:
    """What to tell the user about ``exc`` raised by a background job; a bug (not a typed
    core error or an OS error) is also written to the error log with its traceback."""
    if isinstance(exc, PlaygroundError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
    from playground.files.crash_log import log_exception, log_path

    log_exception(type(exc), exc, exc.__traceback__, thread_name)
    return QCoreApplication.translate(
        "BackgroundRunner", "Unexpected error ({kind}: {error}). The details were written "
        "to {log}.").format(kind=type(exc).__name__, error=exc, log=log_path())


def running_runners() -> list[BackgroundRunner]:
    """Runners with a job running or waiting (tests: none may be left after a test)."""
    return [r for r in list(_RUNNERS) if shiboken6.isValid(r) and r.busy]


def worker_threads_alive() -> set[int]:
    """OS ids of runner threads that still exist (Linux; elsewhere always empty)."""
    import os

    try:
        alive = {int(t) for t in os.listdir("/proc/self/task")}
    except OSError:
        return set()
    with _thread_ids_lock:
        return _THREAD_IDS & alive
