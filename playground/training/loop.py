"""Many training steps inside one compiled TensorFlow call.

For small networks the time of a step is mostly Python and dispatch overhead, not
arithmetic: ``model.fit`` pays it per step (and more per epoch). Here the whole training
set sits in a tensor, and one ``tf.function`` call runs a ``tf.while_loop`` over as many
steps as the engine asks for, calling the model's own ``train_step`` (so custom Keras
training logic and the compiled metrics behave exactly as in ``fit``). The loop checks an
``interrupt`` variable before every step, so pause and stop act within one batch even in
the middle of a long call.
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
                 data_device: str | None = None):
        tf = _tf()
        self.model = model
        self.batch_size = int(batch_size)
        self.num_samples = int(len(x))
        with tf.device(data_device) if data_device else contextlib.nullcontext():
            self.x = tf.convert_to_tensor(x)
            self.y = tf.convert_to_tensor(y)
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
        self.uses_xla = bool(getattr(model, "jit_compile", False))
        self._xla_step = tf.function(lambda xb, yb: model.train_step((xb, yb)),
                                     jit_compile=True, autograph=False,
                                     reduce_retracing=True) if self.uses_xla else None
        self._eval_fns: dict[tuple[Any, ...], Any] = {}
        self._called: set[str] = set()
        # Traces register gradient functions globally that would keep this run's graphs
        # (and weights) alive forever; close() removes them (see tf_leaks).
        self._registrations = TraceRegistrations()

    def close(self) -> None:
        """Drop the compiled functions and tensors (they reference this object: a cycle),
        and what TensorFlow would otherwise keep of them for the life of the process."""
        self._many = self._xla_step = None
        self._eval_fns = {}
        self.x = self.y = None
        self.model = None
        self._tracker = None
        self._registrations.release()
        release_cached_kernels()

    @property
    def steps_per_epoch(self) -> int:
        return -(-self.num_samples // self.batch_size)

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
        tf = _tf()
        start = step * self.batch_size
        idx = perm[start:tf.minimum(start + self.batch_size, self.num_samples)]
        xb = tf.gather(self.x, idx)
        yb = tf.gather(self.y, idx)
        if self._xla_step is not None and self._variables_ready:
            train_step = self._xla_step
        else:
            def train_step(xs: Any, ys: Any) -> Any:
                return self.model.train_step((xs, ys))
        if self._tracker is None:
            logs = train_step(xb, yb)
            return tf.cast(logs["loss"], tf.float32)
        # The batch's own loss = change of the epoch's running (total, count) sums.
        total0 = tf.identity(self._tracker.total.value)
        count0 = tf.identity(self._tracker.count.value)
        logs = train_step(xb, yb)
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
            if self.interrupt.numpy():
                return 0, np.zeros(0, np.float32), {}
            losses, logs = self._one_step(perm, tf.constant(start))  # eagerly
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
        tf = _tf()
        self.model.reset_metrics()
        steps = (tf.shape(x)[0] + batch_size - 1) // batch_size

        def body(i: Any) -> Any:
            lo = i * batch_size
            self.model.test_step((x[lo:lo + batch_size], y[lo:lo + batch_size]))
            return i + 1

        tf.while_loop(lambda i: i < steps, body, (tf.constant(0),))
        return self.model.get_metrics_result()
