"""Run one slow core call (import, export) on a worker thread; hand the result back on the
UI thread through a queued signal. Typed core errors and OS errors are reported as failures
with their message; anything else is a bug: it is logged with its traceback and reported as
a failure too, so the caller's busy state always ends."""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from playground.errors import PlaygroundError


class BackgroundTask(QObject):
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[], Any], name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._thread = threading.Thread(target=self._run, name=name)

    def start(self) -> "BackgroundTask":
        self._thread.start()
        return self

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread.ident is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            result = self._fn()
        except PlaygroundError as exc:
            self.failed.emit(str(exc))
            return
        except OSError as exc:
            self.failed.emit(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
            return
        except Exception as exc:  # a bug: logged with its traceback, and shown (not lost)
            from playground.files.crash_log import log_exception, log_path

            log_exception(type(exc), exc, exc.__traceback__, self._thread.name)
            self.failed.emit(QCoreApplication.translate(
                "BackgroundTask", "Unexpected error ({kind}: {error}). The details were "
                "written to {log}.").format(kind=type(exc).__name__, error=exc,
                                            log=log_path()))
            return
        self.finished.emit(result)
