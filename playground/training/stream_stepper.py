"""Training steps on a streamed dataset (pictures read from disk by tf.data).

Same interface as :class:`playground.training.loop.CompiledStepper`, so the engine's
epoch loop, pause, stop, probes and ETA work unchanged; batches come from a tf.data
iterator instead of a tensor holding the whole set, so memory does not grow with the
folder. One compiled ``train_step`` per batch; pause and stop act between batches.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from playground.training.loop import to_floats
from playground.training.tf_leaks import TraceRegistrations, release_cached_kernels


class StreamStepper:
    def __init__(self, model: Any, train: Any, batch_size: int, seed: int | None,
                 class_weight: dict[int, float] | None = None):
        import tensorflow as tf

        self.model = model
        self.replicas = 1
        self.batch_size = int(batch_size)
        self.num_samples = len(train)
        self._data = train.dataset(self.batch_size, shuffle=True, seed=seed)
        self._iterator: Any = None
        # Loss weight of each class id (Keras's class_weight, as per-example weights).
        self._weights = None if not class_weight else tf.constant(
            [class_weight.get(i, 1.0) for i in range(max(class_weight) + 1)], tf.float32)
        self._interrupt = False
        self._tracker = getattr(model, "_loss_tracker", None)
        self._step_fn = tf.function(self._one_step, autograph=False, reduce_retracing=True)
        self._test_fn = tf.function(lambda xb, yb: model.test_step((xb, yb)),
                                    autograph=False, reduce_retracing=True)
        self._variables_ready = False
        self._traced = False
        self._registrations = TraceRegistrations()

    def close(self) -> None:
        self._step_fn = self._test_fn = None
        self._iterator = self._data = None
        self.model = None
        self._tracker = None
        self._registrations.release()
        release_cached_kernels()

    @property
    def steps_per_epoch(self) -> int:
        return -(-self.num_samples // self.batch_size)

    def will_trace(self, count: int) -> bool:
        return not self._traced

    def set_interrupt(self, value: bool) -> None:
        self._interrupt = bool(value)

    def _one_step(self, *batch: Any) -> Any:
        import tensorflow as tf

        if self._tracker is None:
            logs = self.model.train_step(batch)
            return tf.cast(logs["loss"], tf.float32)
        # The batch's own loss = change of the epoch's running (total, count) sums.
        total0 = tf.identity(self._tracker.total.value)
        count0 = tf.identity(self._tracker.count.value)
        logs = self.model.train_step(batch)
        with tf.control_dependencies([logs["loss"]]):
            total1 = tf.identity(self._tracker.total.value)
            count1 = tf.identity(self._tracker.count.value)
        return tf.cast((total1 - total0) / tf.maximum(count1 - count0, 1.0), tf.float32)

    def run_steps(self, perm: Any, start: int, count: int
                  ) -> tuple[int, np.ndarray, dict[str, float]]:
        """Up to ``count`` batches from epoch step ``start`` (``perm`` is unused: the
        stream shuffles itself, with a bounded buffer)."""
        if start == 0 or self._iterator is None:
            self._iterator = iter(self._data)
        losses: list[float] = []
        for _ in range(count):
            if self._interrupt:
                break
            try:
                xb, yb = next(self._iterator)
            except StopIteration:
                # Files that failed to decode made the epoch shorter: it is over (the
                # steps asked for count as done, or the engine would wait for them).
                logs = to_floats(self.model.get_metrics_result()) if self._variables_ready \
                    else {}
                return count, np.asarray(losses, np.float32), logs
            batch = (xb, yb) if self._weights is None else \
                (xb, yb, _gather(self._weights, yb))
            if not self._variables_ready:  # the first step creates variables: eagerly
                loss = self._one_step(*batch)
                self._variables_ready = True
            else:
                with self._registrations.tracing():
                    loss = self._step_fn(*batch)
                self._traced = True
            losses.append(float(loss))
        logs = to_floats(self.model.get_metrics_result()) if losses else {}
        return len(losses), np.asarray(losses, np.float32), logs

    def evaluate(self, x: Any, y: Any, batch_size: int) -> dict[str, float]:
        """Loss and metrics over a streamed split ``x`` (``y`` is unused)."""
        self.model.reset_metrics()
        with self._registrations.tracing():
            for xb, yb in x.dataset(batch_size):
                self._test_fn(xb, yb)
        return to_floats(self.model.get_metrics_result())


def _gather(table: Any, labels: Any) -> Any:
    import tensorflow as tf

    return tf.gather(table, tf.cast(labels, tf.int32))
