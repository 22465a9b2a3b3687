"""Import TensorFlow/Keras off the UI thread after the window is shown.

The window must appear before TensorFlow (seconds to import) is ready, so nothing in the UI
touches Keras until :attr:`TFLoader.loaded` has fired. The import cannot be interrupted, so
closing the app waits for it (``wait``) instead of leaving a thread behind.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from playground import kerasenv
from ui.background import BackgroundRunner


def _import() -> tuple[float, str]:
    """On the worker thread: (seconds taken, "") or (-1, what went wrong)."""
    started = time.perf_counter()
    try:
        kerasenv.keras()
        # Finding the devices (CUDA start-up on a GPU machine) and turning on memory
        # growth happen here too, so the device list the UI asks for next is ready.
        from playground.training.device import enable_memory_growth

        enable_memory_growth()
    except (ImportError, OSError, RuntimeError) as exc:
        return -1.0, (f"TensorFlow could not be loaded: {exc}. Check that the tensorflow "
                      "package is installed in this Python environment.")
    return time.perf_counter() - started, ""


class TFLoader(QObject):
    """Starts the import once; ``loaded`` (seconds taken) or ``failed(message)`` follows."""

    loaded = Signal(float)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loaded = kerasenv.is_loaded()
        self._started = False
        self.error: str | None = None
        # Lower priority: TensorFlow's threads start here and yield to the UI.
        self._runner = BackgroundRunner("tensorflow-import", self, lower_priority=True)
        self._runner.done.connect(self._on_done)
        self._runner.failed.connect(lambda message: self._on_done((-1.0, message)))

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    @property
    def is_running(self) -> bool:
        return self._runner.busy

    def start(self) -> None:
        """Begin importing (no-op when already loaded or loading)."""
        if self._loaded:
            self.loaded.emit(0.0)
            return
        if self._started:
            return
        self._started = True
        self._runner.request(_import)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the import has ended; True when it has."""
        return self._runner.wait(timeout)

    def _on_done(self, outcome: tuple[float, str]) -> None:
        seconds, error = outcome
        if error:
            self.error = error
            self.failed.emit(error)
            return
        self._loaded = True
        self.loaded.emit(seconds)
