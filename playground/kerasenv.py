"""The one place that imports Keras/TensorFlow, so start-up settings are applied first.

TensorFlow takes seconds to import; the core imports it lazily through ``keras()`` so the
catalog, graph and project files stay instant, and the UI can import it off its thread.
"""
from __future__ import annotations

import os
import threading
from types import ModuleType

_lock = threading.Lock()
_keras: ModuleType | None = None


def configure_environment() -> None:
    """Environment TensorFlow reads at import time (does not override the user's own)."""
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TF's C++ info chatter


def keras() -> ModuleType:
    """Import (once, thread-safely) and return the ``keras`` module."""
    global _keras
    if _keras is None:
        with _lock:
            if _keras is None:
                configure_environment()
                import keras as _k

                _keras = _k
    return _keras


def is_loaded() -> bool:
    return _keras is not None
