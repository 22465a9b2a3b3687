"""Run one slow core call (import, export) on a worker thread; hand the result back on the
UI thread through a queued signal. Only typed core errors (and OS errors) are reported as
failures; anything else is a bug and propagates so it is seen."""
from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

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
        self.finished.emit(result)
