"""The one place that imports Keras/TensorFlow, so start-up settings are applied first.

TensorFlow takes seconds to import; the core imports it lazily through ``keras()`` so the
catalog, graph and project files stay instant, and the UI can import it off its thread.
"""
from __future__ import annotations

import os
import threading
from types import ModuleType
from typing import Any

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


def safe_mode() -> Any:
    """Keras's safe-mode scope: configs built inside it cannot load code (lambdas) nor read
    files outside the model (a lookup layer's vocabulary given as a path). Every
    ``from_config`` of something that came from a project or a file runs inside it."""
    keras()
    from keras.src.saving.serialization_lib import SafeModeScope

    return SafeModeScope(True)


def is_loaded() -> bool:
    return _keras is not None


def lower_thread_priority(niceness: int = 10) -> bool:
    """Make the calling thread (and the threads it starts, e.g. TensorFlow's compute pools
    when it is the first to run an op) yield the CPU to the UI thread.

    On a 2-core machine TensorFlow's workers otherwise compete with the window's event loop
    on equal terms; with a lower priority they still use every idle cycle, so training is
    no slower when the UI has nothing to do. Linux only (per-thread nice); elsewhere a no-op.
    Returns True when applied.
    """
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, max(current, niceness))
    except OSError:  # e.g. a sandbox forbidding it: keep the normal priority
        return False
    return True
