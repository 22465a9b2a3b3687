"""Many training steps inside one compiled TensorFlow call.

For small networks the time of a step is mostly Python and dispatch overhead, not
arithmetic: ``model.fit`` pays it per step (and more per epoch). Here the whole training
set sits in a tensor, and one ``tf.function`` call runs a ``tf.while_loop`` over as many
steps as the engine asks for, calling the model's own ``train_step`` (so custom Keras
training logic and the compiled metrics behave exactly as in ``fit``). The loop checks an
``interrupt`` variable before every step, so pause and stop act within one batch even in
the middle of a long call.

The same loop runs under every ``tf.distribute`` strategy. On one device (the default
strategy) a step is the model's ``train_step`` on a batch gathered from the permutation.
With several replicas (MirroredStrategy over GPUs, MultiWorkerMirroredStrategy over
machines) the step goes through ``strategy.run``: every replica gathers its own share of
the same global batch (all workers hold the same data and draw the same permutation, so
the shares are disjoint), Keras's optimizer sums the gradients across replicas, and the
batch's loss is summed over replicas from each one's share of the loss tracker.
"""
from __future__ import annotations

import contextlib
from typing import Any

import numpy as np

from playground.training.tf_leaks import TraceRegistrations, release_cached_kernels


def _tf() -> Any:
    import tensorflow as tf

    return tf


def to_floats(logs: dict[str, Any]) -> dict[str, float]:
    return {str(k): float(np.asarray(v)) for k, v in logs.items()}


class CompiledStepper:
    """Runs training steps of a compiled Keras model on in-memory arrays.

    Build it (and call it) inside the device scope the run uses. ``run_steps`` returns how
    many steps ran (fewer than asked when interrupted), the raw loss of each step and the
    running logs of the epoch so far.
    """

    def __init__(self, model: Any, x: np.ndarray, y: np.ndarray, batch_size: int,
                 data_device: str | None = None, strategy: Any = None,
                 interruptible: bool = True, sample_weight: np.ndarray | None = None):
        tf = _tf()
        self.model = model
        # None: the default strategy (one device, steps called directly: the fast path).
        self.strategy = strategy
        # Workers on other machines cannot see this process's pause/stop: a call that
        # ended early on one worker only would leave the others waiting in a collective,
        # so multi-worker runs stop between calls, when all workers agree (the engine).
        self.interruptible = interruptible
        self.replicas = 1 if self.strategy is None else int(strategy.num_replicas_in_sync)
        self.batch_size = int(batch_size)
        self.num_samples = int(len(x))
        with tf.device(data_device) if data_device else contextlib.nullcontext():
            self.x = tf.convert_to_tensor(x)
            self.y = tf.convert_to_tensor(y)
            # Per-example loss weights (the classes weighted), or None: Keras's own
            # (x, y, sample_weight) batches, as fit(class_weight=...) makes them.
            self.w = None if sample_weight is None else \
                tf.convert_to_tensor(np.asarray(sample_weight, np.float32))
            if data_device and "GPU" in data_device.upper():
                # Eager constants start in host memory; copy them to the GPU once, not
                # one batch at a time.
                self.x, self.y = tf.identity(self.x), tf.identity(self.y)
        with tf.device("/CPU:0"):
            self.interrupt = tf.Variable(False, trainable=False, name="interrupt")
        self._tracker = getattr(model, "_loss_tracker", None)
        # No autograph: the loops are explicit tf.while_loop and Keras code needs none;
        # autograph's source parsing would hold the GIL (UI stutter) for ~0.5 s per trace.
        # The very first step runs eagerly, on its own: it creates the optimizer's and
        # metrics' variables, which cannot be created inside a while loop or an XLA
        # function. Every later call, of one step or thousands, goes through the one
        # compiled loop: a single trace per run (tracing holds the GIL and stalls the UI).
        self._many = tf.function(self._many_steps, autograph=False)
        self._variables_ready = False
        # Compile the step with XLA when Keras would (its "auto": on GPUs, if every layer
        # supports it), so the engine is as fast as model.fit there.
        self.uses_xla = bool(getattr(model, "jit_compile", False)) and self.strategy is None
        self._xla_step = tf.function(lambda *batch: model.train_step(batch),
                                     jit_compile=True, autograph=False,
                                     reduce_retracing=True) if self.uses_xla else None
        self._eval_fns: dict[tuple[Any, ...], Any] = {}
        if self.strategy is not None:
            if self._tracker is None:
                raise ValueError("training on several replicas needs a compiled model")
            # The first step is compiled too: under a strategy it cannot run eagerly
            # in a while loop, and the optimizer's variables are built beforehand.
            self._first = tf.function(self._one_step, autograph=False)
        self._called: set[str] = set()
        # Traces register gradient functions globally that would keep this run's graphs
        # (and weights) alive forever; close() removes them (see tf_leaks).
        self._registrations = TraceRegistrations()

    def close(self) -> None:
        """Drop the compiled functions and tensors (they reference this object: a cycle),
        and what TensorFlow would otherwise keep of them for the life of the process."""
        self._many = self._xla_step = self._first = None
        self._eval_fns = {}
        self.x = self.y = self.w = None
        self.model = None
        self._tracker = None
        self._registrations.release()
        release_cached_kernels()

    @property
    def steps_per_epoch(self) -> int:
        """Steps per epoch; with several replicas a last batch too small to give every
        replica one example is left out (shuffling gives those examples their turn)."""
        steps = -(-self.num_samples // self.batch_size)
        left = self.num_samples % self.batch_size
        return steps - 1 if 0 < left < self.replicas else steps

    def will_trace(self, count: int) -> bool:
        """Whether a ``run_steps`` call for ``count`` steps compiles a function first (so
        its duration says nothing about the speed of a step)."""
        return self._function_for(count) not in self._called

    def _function_for(self, count: int) -> str:
        return "many" if self._variables_ready else "first"

    def set_interrupt(self, value: bool) -> None:
        """Ask a running call to stop before its next step (thread-safe)."""
        self.interrupt.assign(bool(value))

    # ---------------------------------------------------------------- compiled steps
    def _step(self, perm: Any, step: Any) -> Any:
        """One train_step on batch ``step`` of the permutation; returns its raw loss."""
        if self.strategy is None:
            return self._replica_step(perm, step)
        tf = _tf()
        total, count = self.strategy.run(self._replica_share, args=(perm, step))
        total = self.strategy.reduce("SUM", total, axis=None)
        count = self.strategy.reduce("SUM", count, axis=None)
        return tf.cast(total / tf.maximum(count, 1.0), tf.float32)

    def _replica_share(self, perm: Any, step: Any) -> Any:
        """(sum of losses, examples) of this replica's share of the global batch."""
        tf = _tf()
        replica = tf.cast(tf.distribute.get_replica_context().replica_id_in_sync_group,
                          tf.int32)
        start = step * self.batch_size
        size = tf.minimum(self.batch_size, self.num_samples - start)
        lo = start + replica * size // self.replicas
        hi = start + (replica + 1) * size // self.replicas
        total0 = tf.identity(self._tracker.total.value)
        count0 = tf.identity(self._tracker.count.value)
        logs = self.model.train_step(self._batch(perm[lo:hi]))
        with tf.control_dependencies([logs["loss"]]):
            total1 = tf.identity(self._tracker.total.value)
            count1 = tf.identity(self._tracker.count.value)
        return total1 - total0, count1 - count0

    def _batch(self, idx: Any) -> tuple[Any, Any]:
        tf = _tf()
        if self.w is None:
            return tf.gather(self.x, idx), tf.gather(self.y, idx)
        return tf.gather(self.x, idx), tf.gather(self.y, idx), tf.gather(self.w, idx)

    def _replica_step(self, perm: Any, step: Any) -> Any:
        tf = _tf()
        start = step * self.batch_size
        idx = perm[start:tf.minimum(start + self.batch_size, self.num_samples)]
        batch = self._batch(idx)
        if self._xla_step is not None and self._variables_ready:
            train_step = self._xla_step
        else:
            def train_step(*parts: Any) -> Any:
                return self.model.train_step(parts)
        if self._tracker is None:
            logs = train_step(*batch)
            return tf.cast(logs["loss"], tf.float32)
        # The batch's own loss = change of the epoch's running (total, count) sums.
        total0 = tf.identity(self._tracker.total.value)
        count0 = tf.identity(self._tracker.count.value)
        logs = train_step(*batch)
        with tf.control_dependencies([logs["loss"]]):
            total1 = tf.identity(self._tracker.total.value)
            count1 = tf.identity(self._tracker.count.value)
        return tf.cast((total1 - total0) / tf.maximum(count1 - count0, 1.0), tf.float32)

    def _one_step(self, perm: Any, step: Any) -> Any:
        loss = self._step(perm, step)
        return _tf().reshape(loss, (1,)), self.model.get_metrics_result()

    def _many_steps(self, perm: Any, start: Any, count: Any) -> Any:
        tf = _tf()
        losses = tf.TensorArray(tf.float32, size=count, element_shape=())

        def cond(i: Any, _losses: Any) -> Any:
            if not self.interruptible:
                return i < count
            return tf.logical_and(i < count, tf.logical_not(self.interrupt.read_value()))

        def body(i: Any, arr: Any) -> Any:
            return i + 1, arr.write(i, self._step(perm, start + i))

        done, losses = tf.while_loop(cond, body, (tf.constant(0), losses))
        return done, losses.stack()[:done], self.model.get_metrics_result()

    # ---------------------------------------------------------------- calls
    def run_steps(self, perm: Any, start: int, count: int
                  ) -> tuple[int, np.ndarray, dict[str, float]]:
        """Run up to ``count`` steps from epoch step ``start`` (0-based) of ``perm``."""
        tf = _tf()
        name = self._function_for(count)
        self._called.add(name)
        if name == "first":
            if self.interruptible and self.interrupt.numpy():
                return 0, np.zeros(0, np.float32), {}
            one_step = self._one_step if self.strategy is None else self._first
            with self._registrations.tracing():
                losses, logs = one_step(perm, tf.constant(start))  # eagerly on one device
            self._variables_ready = True
            return 1, losses.numpy(), to_floats(logs)
        with self._registrations.tracing():
            done, losses, logs = self._many(perm, tf.constant(start), tf.constant(count))
        return int(done), losses.numpy(), to_floats(logs)

    def evaluate(self, x: np.ndarray, y: np.ndarray, batch_size: int) -> dict[str, float]:
        """Loss and metrics over (x, y) in inference mode (resets the running metrics)."""
        tf = _tf()
        key = (batch_size, x.shape[1:], str(x.dtype), y.shape[1:], str(y.dtype))
        fn = self._eval_fns.get(key)
        if fn is None:
            # Any number of examples: validation and test sets share one trace.
            signature = [tf.TensorSpec((None, *x.shape[1:]), tf.as_dtype(x.dtype)),
                         tf.TensorSpec((None, *y.shape[1:]), tf.as_dtype(y.dtype))]
            fn = tf.function(lambda xs, ys: self._evaluate_all(xs, ys, batch_size),
                             input_signature=signature, autograph=False)
            self._eval_fns[key] = fn
        with self._registrations.tracing():
            return to_floats(fn(tf.convert_to_tensor(x), tf.convert_to_tensor(y)))

    def _evaluate_all(self, x: Any, y: Any, batch_size: int) -> Any:
        self.model.reset_metrics()
        if self.strategy is None:
            self._evaluate_part(x, y, batch_size)
        else:  # each replica evaluates its own contiguous share (no exchange until the end)
            self.strategy.run(self._evaluate_share, args=(x, y, batch_size))
        return self.model.get_metrics_result()

    def _evaluate_share(self, x: Any, y: Any, batch_size: int) -> None:
        tf = _tf()
        replica = tf.cast(tf.distribute.get_replica_context().replica_id_in_sync_group,
                          tf.int32)
        n = tf.shape(x)[0]
        lo, hi = replica * n // self.replicas, (replica + 1) * n // self.replicas
        self._evaluate_part(x[lo:hi], y[lo:hi], batch_size)

    def _evaluate_part(self, x: Any, y: Any, batch_size: int) -> None:
        tf = _tf()
        steps = (tf.shape(x)[0] + batch_size - 1) // batch_size

        def body(i: Any) -> Any:
            lo = i * batch_size
            self.model.test_step((x[lo:lo + batch_size], y[lo:lo + batch_size]))
            return i + 1

        tf.while_loop(lambda i: i < steps, body, (tf.constant(0),))
