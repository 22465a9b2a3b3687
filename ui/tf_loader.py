"""Import TensorFlow/Keras on a background thread after the window is shown.

The window must appear before TensorFlow (seconds to import) is ready, so nothing in the UI
touches Keras until :attr:`TFLoader.loaded` has fired. The import cannot be interrupted, so
closing the app waits for it (``wait``) instead of leaving a thread behind.
"""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal

from playground import kerasenv


class TFLoader(QObject):
    """Starts the import once; ``loaded`` (seconds taken) or ``failed(message)`` follows."""

    loaded = Signal(float)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._loaded = kerasenv.is_loaded()
        self.error: str | None = None
        # Signals emitted from the import thread are queued to this object's (UI) thread.
        self._done.connect(self._on_done)

    _done = Signal(float, str)

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Begin importing (no-op when already loaded or loading)."""
        if self._loaded:
            self.loaded.emit(0.0)
            return
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._import, name="tensorflow-import")
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the import thread has ended; True when it has."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _import(self) -> None:
        kerasenv.lower_thread_priority()  # TF's threads start here: they yield to the UI
        started = time.perf_counter()
        try:
            kerasenv.keras()
            # Finding the devices (CUDA start-up on a GPU machine) and turning on memory
            # growth happen here too, so the device list the UI asks for next is ready.
            from playground.training.device import enable_memory_growth

            enable_memory_growth()
        except (ImportError, OSError, RuntimeError) as exc:
            self._done.emit(-1.0, f"TensorFlow could not be loaded: {exc}. Check that the "
                                  "tensorflow package is installed in this Python environment.")
            return
        self._done.emit(time.perf_counter() - started, "")

    def _on_done(self, seconds: float, error: str) -> None:
        if error:
            self.error = error
            self.failed.emit(error)
            return
        self._loaded = True
        self.loaded.emit(seconds)
