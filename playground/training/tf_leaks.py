"""Give back what TensorFlow keeps from each training run once its functions are dropped.

Without this, every start/stop of training grew the process by ~3 MB (small MLP; more for
bigger models). Two things were kept:

1. Gradient registrations (most of it, and they keep whole graphs and weights alive):

   Every time a function that uses ``tf.custom_gradient`` is traced, TensorFlow registers its
   gradient function in the process-wide gradient registry under a fresh name
   ("CustomGradient-<uid>") and never removes it. That gradient function closes over the
   traced graph's tensors, so the whole traced training step — its graph, its captured
   variables (the model's weights and the optimizer's slots) — stays alive for the rest of
   the process. Keras traces such a function in every training step: the optimizer sums the
   gradients across replicas with ``ReplicaContext.all_reduce``, which is a custom gradient
   even with one device; ``silu``/``swish`` activations are another. Measured before this
   fix: a small MLP retained ~3.5 MB per training run (plain ``model.fit`` does the same).

   The registry entry is only needed while the gradient of that graph is being built, i.e.
   during the trace itself. :class:`TraceRegistrations` notes the names registered while a
   run traces its functions and removes them when the run's functions are released.

2. Cached kernels: TensorFlow's eager context caches a kernel for every function and op it
   ran and does not evict them when the function is deleted (~0.6 MB per run here).
   :func:`release_cached_kernels` clears that cache; the next op re-creates what it needs
   (a few milliseconds, once).

Measured with ``benchmarks/bench_start_stop.py``; ``tests/test_training_leaks.py`` checks
that a finished run's graph is freed.
"""
from __future__ import annotations

import contextlib
import threading
from typing import Any, Iterator

PREFIX = "CustomGradient-"


def _registry() -> dict[str, Any] | None:
    """The gradient registry's dict, or None when this TensorFlow keeps it elsewhere (then
    nothing is cleaned up; the leak test in tests/ says so)."""
    from tensorflow.python.framework import ops

    registry = getattr(getattr(ops, "gradient_registry", None), "_registry", None)
    return registry if isinstance(registry, dict) else None


def registered_custom_gradients() -> int:
    """How many custom-gradient functions the process has registered (for tests)."""
    registry = _registry()
    return 0 if registry is None else sum(1 for name in list(registry)
                                          if name.startswith(PREFIX))


class TraceRegistrations:
    """Collects the custom gradients registered while this run's functions trace.

    Names are told apart only by when they were registered: one registered by another
    thread during the same call would be collected too. In this app only the training
    thread traces graph functions while a run is on, and dropping an entry only matters to
    code that later differentiates through that already-built graph, which nothing does."""

    def __init__(self) -> None:
        self._names: set[str] = set()
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def tracing(self) -> Iterator[None]:
        """Wrap a call that may trace a tf.function; what it registers is noted.

        A snapshot of the names costs ~30 µs, so every compiled call may be wrapped."""
        registry = _registry()
        before = set(registry) if registry is not None else set()
        try:
            yield
        finally:
            if registry is not None:
                added = {name for name in set(registry) - before if name.startswith(PREFIX)}
                if added:
                    with self._lock:
                        self._names |= added

    @property
    def count(self) -> int:
        return len(self._names)

    def release(self) -> None:
        """Forget the gradient functions of this run's traces (call when its compiled
        functions are dropped: the graphs they used can then be freed)."""
        registry = _registry()
        with self._lock:
            names, self._names = self._names, set()
        if registry is not None:
            for name in names:
                registry.pop(name, None)


def release_cached_kernels() -> None:
    """Drop the eager context's cached kernels (safe while other threads run ops: cached
    kernels are reference counted, and TensorFlow waits for pending async ops first)."""
    from tensorflow.python.eager import context

    context.context().clear_kernel_cache()
