"""The training engine: plain Python, no Qt, no threads of its own.

``TrainingEngine(model, dataset, settings, callback).run()`` compiles the model, trains it
and hands :class:`TrainingEvent` objects to ``callback`` on the calling thread.
``pause()``, ``resume()`` and ``stop()`` may be called from any other thread; they act
within one training step (see :mod:`playground.training.loop`).

How many steps run per compiled call is chosen from the measured step time (about 40 ms of
work per call), so a tiny network runs hundreds of steps per call while the curves still
get ~25 updates a second, and a large one runs a few steps per call.

The same loop trains under every strategy (see :mod:`playground.training.loop`): one device
(the default strategy: the fast path), several GPUs (MirroredStrategy) or several machines
(MultiWorkerMirroredStrategy, given as ``workers``). Early stopping, probes, divergence
handling and events do not depend on which. In a multi-worker run every worker takes the
same decisions from the same reduced numbers; steps per call are fixed (not timed) and a
stop is agreed between calls, so no worker waits alone in a collective.
"""
from __future__ import annotations

import math
import threading
import time
from typing import Any, Callable

import numpy as np

from playground.errors import TrainingError
from playground.i18n import _
from playground.training import device as device_mod
from playground.datasets.balance import balanced_class_weight
from playground.training.data import RunData, prepare_data, prepare_stream
from playground.training.early_stopping import EarlyStopping
from playground.training.events import (EpochEnded, Probe, ProbeFailed, ProbeResult,
                                        RunDiverged, RunEnded, RunResult,
                                        RunStarted, StepsDone, TrainingEvent)
from playground.training.faults import check_finite_data, check_memory, explain_failure
from playground.training.losses import check_model_fits_dataset, resolve_loss
from playground.training.loop import CompiledStepper
from playground.training.stream_stepper import StreamStepper
from playground.training.progress_clock import ProgressClock
from playground.training.rules import (check_replicas, divergence_message, make_optimizer,
                                       monitored_value)
from playground.training.settings import TrainingSettings
from playground.network.vocabulary import adapt_unadapted, copy_vocabularies

CHUNK_SECONDS = 0.04          # work per compiled call: ~25 progress updates a second
MAX_STEPS_PER_CALL = 4096
CALLS_PER_EPOCH_WORKERS = 10  # multi-worker: fixed steps per call, the same on every worker
EVAL_BATCH_SIZE = 512
# Keep the training arrays in GPU memory when they are smaller than this.
MAX_DEVICE_DATA_BYTES = 1 << 30


class TrainingEngine:
    """Trains one model on one dataset with one set of settings; reusable for more runs."""

    def __init__(self, model: Any, dataset: Any, settings: TrainingSettings,
                 callback: Callable[[TrainingEvent], None] | None = None,
                 probes: dict[str, Probe] | None = None, workers: Any = None,
                 checkpoint_dir: str | None = None):
        self.model = model
        # workers: a cluster.WorkerSetup (multi-worker run) or None (this computer only).
        self.workers = workers
        self.checkpoint_dir = checkpoint_dir
        self.dataset = dataset
        self.settings = settings
        self.callback = callback or (lambda event: None)
        self.probes: dict[str, Probe] = dict(probes or {})
        self.device_description = ""
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._paused = False
        self._stop = False
        self._stepper: CompiledStepper | StreamStepper | None = None

    # ------------------------------------------------------------ thread-safe control
    def pause(self) -> None:
        with self._lock:
            self._paused = True
            self._sync_interrupt()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            self._sync_interrupt()
            self._wake.notify_all()

    def stop(self) -> None:
        with self._lock:
            self._stop = True
            self._sync_interrupt()
            self._wake.notify_all()

    @property
    def is_paused(self) -> bool:
        return self._paused

    def _sync_interrupt(self) -> None:
        if self._stepper is not None:
            self._stepper.set_interrupt(self._paused or self._stop)

    def _wait_while_paused(self) -> float:
        """Block while paused (not stopped); returns the seconds spent waiting."""
        start = time.perf_counter()
        with self._lock:
            while self._paused and not self._stop:
                self._wake.wait(timeout=0.25)
        return time.perf_counter() - start

    # ------------------------------------------------------------ the run
    def check(self) -> None:
        """All checks made before training; raises TrainingError naming what to change."""
        self.settings.validate()
        check_model_fits_dataset(self.model, self.dataset)
        resolve_loss(self.model, self.dataset, self.settings)
        check_finite_data(self.dataset)

    def run(self) -> RunResult:
        try:
            return self._run()
        except Exception as error:  # out of memory -> what to change; other errors as they are
            explained = explain_failure(error, self.settings, self.model)
            if explained is None or explained is error:
                raise
            raise explained from error
        finally:  # a stop or pause asked for this run must not carry over to the next
            with self._lock:
                self._stop = self._paused = False

    def _run(self) -> RunResult:
        self.check()
        s = self.settings
        if self.workers is not None:
            plan = device_mod.DevicePlan("workers", ("/CPU:0",), self.workers.description())
            strategy = self.workers.strategy
        else:
            plan = device_mod.plan_device(s.device, device_mod.list_gpus())
            strategy = plan.make_strategy() if plan.uses_strategy else None
        self.device_description = plan.description
        check_memory(self.model, s, uses_gpu=plan.kind not in ("cpu", "workers"))
        if s.seed is not None:
            from playground.kerasenv import keras

            keras().utils.set_random_seed(s.seed)
        if getattr(self.dataset, "stream", None) is not None:
            if strategy is not None:  # its x_train is only a sample: never train on that
                raise TrainingError(_("Pictures streamed from a folder train on one device "
                                      "for now: set the device to 'auto', 'cpu' or 'gpu:N', "
                                      "and train on this computer only."))
            return self._run_streamed(plan, s)
        data = prepare_data(self.dataset, s.validation_split, s.seed)
        # Lookup layers without a vocabulary learn it from the training split only.
        adapt_unadapted(self.model, data.x_train)
        if strategy is None:
            with plan.scope():
                self.model = self._model_on(plan)
                self._compile()
                data_bytes = data.x_train.nbytes + data.y_train.nbytes
                data_device = plan.devices[0] if data_bytes <= MAX_DEVICE_DATA_BYTES \
                    else "/CPU:0"
                weights = self._class_weight(data.y_train)
                stepper = CompiledStepper(
                    self.model, data.x_train, data.y_train, s.batch_size, data_device,
                    sample_weight=None if weights is None else
                    np.array([weights[int(c)] for c in data.y_train], np.float32))
                return self._run_stepper(stepper, data, plan.description)
        with strategy.scope():  # the variables must be mirrored from the start
            from playground.kerasenv import keras

            clone = keras().models.clone_model(self.model)
            clone.set_weights(self.model.get_weights())
            copy_vocabularies(self.model, clone)
            self.model = clone
            self._compile()
            self.model.optimizer.build(self.model.trainable_variables)
            checkpoints = None
            if self.checkpoint_dir:
                from playground.training.checkpoints import EpochCheckpoints

                checkpoints = EpochCheckpoints(self.model, self.checkpoint_dir,
                                               0 if self.workers is None
                                               else self.workers.cluster.index)
        stepper = CompiledStepper(self.model, data.x_train, data.y_train, s.batch_size,
                                  "/CPU:0", strategy, interruptible=self.workers is None)
        check_replicas(stepper, s.batch_size)
        return self._run_stepper(stepper, data, plan.description, checkpoints)

    def _run_streamed(self, plan: device_mod.DevicePlan, s: TrainingSettings) -> RunResult:
        """Train on a dataset streamed from disk (one device; pictures read by tf.data)."""
        data = prepare_stream(self.dataset, s.validation_split, s.seed)
        with plan.scope():
            self.model = self._model_on(plan)
            self._compile()
            stepper = StreamStepper(self.model, data.x_train, s.batch_size, s.seed,
                                    self._class_weight(data.x_train.labels))
            return self._run_stepper(stepper, data, plan.description)

    def _class_weight(self, labels: np.ndarray) -> dict[int, float] | None:
        """Balanced weights of the classes of the training split, when asked for."""
        if not (self.settings.weight_classes and self.dataset.is_classification):
            return None
        counts = np.bincount(np.asarray(labels, np.int64).ravel(),
                             minlength=self.dataset.num_classes).tolist()
        return balanced_class_weight(counts)

    def _run_stepper(self, stepper: CompiledStepper | StreamStepper, data: RunData, device: str,
                     checkpoints: Any = None) -> RunResult:
        if checkpoints is None and self.checkpoint_dir:
            from playground.training.checkpoints import EpochCheckpoints

            self.model.optimizer.build(self.model.trainable_variables)
            checkpoints = EpochCheckpoints(self.model, self.checkpoint_dir)
        self._checkpoints = checkpoints
        self._stepper = stepper
        with self._lock:
            self._sync_interrupt()
        try:
            return self._train(stepper, data, device)
        finally:
            # Free the compiled functions and data tensors here, on the training thread:
            # left to the garbage collector, they could be freed later on the UI thread.
            with self._lock:
                self._stepper = None
            stepper.close()

    def _model_on(self, plan: device_mod.DevicePlan) -> Any:
        """The model with its weights on the plan's device (cloned there if elsewhere)."""
        weights = self.model.weights
        if not weights:
            return self.model
        where = str(getattr(weights[0].value, "device", "")).upper()
        wanted = plan.devices[0].strip("/").upper()
        if not where or where.endswith(wanted):
            return self.model
        from playground.kerasenv import keras

        clone = keras().models.clone_model(self.model)
        clone.set_weights(self.model.get_weights())
        copy_vocabularies(self.model, clone)
        return clone

    def _compile(self) -> None:
        choice = resolve_loss(self.model, self.dataset, self.settings)
        loss, metrics = choice.keras_objects()
        self.model.compile(optimizer=make_optimizer(self.settings.optimizer,
                                                    self.settings.learning_rate),
                           loss=loss, metrics=metrics)
        self.loss_choice = choice

    def _emit(self, event: TrainingEvent) -> None:
        self.callback(event)

    def _run_probes(self, when: str, last: bool = False) -> None:
        """``when``: "start", "epoch", "end", or "steps" (between compiled calls inside an
        epoch, where only probes timed in seconds run: slow epochs still get live views)."""
        now = time.perf_counter()
        for name, probe in list(self.probes.items()):
            timed = isinstance(probe.every, (int, float))
            if when == "steps" and not timed:
                continue
            due = when == "start" or last or probe.every == "epoch" or (
                timed and now - self._probe_times.get(name, -math.inf) >= probe.every)
            if not due:
                continue
            self._probe_times[name] = now
            try:
                result = probe.fn(self.model, self.dataset)
            except Exception as error:  # a broken view must not end training: report it
                self.probes.pop(name)
                self._emit(ProbeFailed(name, _("The view '{name}' failed and was turned off "
                                               "for this run: {error}").format(
                                                   name=name, error=error)))
                continue
            self._emit(ProbeResult(name, result))

    def _steps_per_call(self, step_time: float | None, steps_per_epoch: int) -> int:
        if self.workers is not None:  # the same on every worker: their calls must match
            return 1 if step_time is None else max(1, min(
                MAX_STEPS_PER_CALL, steps_per_epoch // CALLS_PER_EPOCH_WORKERS))
        return 1 if step_time is None else max(1, min(MAX_STEPS_PER_CALL,
                                                      int(CHUNK_SECONDS / step_time)))

    def _stop_now(self) -> bool:
        """Whether to stop; in a multi-worker run, whether any worker asked to."""
        if self.workers is None:
            return self._stop
        return max(self.workers.gather(float(self._stop))) > 0

    def _resume(self, rng: np.random.Generator, n: int) -> tuple[int, dict[str, list[float]]]:
        """Epochs already done by an earlier, interrupted run (from its checkpoint) and
        their history; ``rng`` is advanced past their shuffles."""
        if self._checkpoints is None:
            return 0, {}
        agree = (lambda epoch: int(min(self.workers.gather(epoch)))) \
            if self.workers is not None else (lambda epoch: epoch)
        done, history = self._checkpoints.restore(agree)
        for _epoch in range(done):
            rng.permutation(n)
        return done, history

    def _train(self, stepper: CompiledStepper | StreamStepper, data: RunData, device: str) -> RunResult:
        s = self.settings
        n = stepper.num_samples
        steps_per_epoch = stepper.steps_per_epoch
        rng = np.random.default_rng(s.seed)
        resumed, history = self._resume(rng, n)
        self._probe_times: dict[str, float] = {}
        status, message = "completed", ""
        final_logs: dict[str, float] = {k: v[-1] for k, v in history.items() if v}
        clock = ProgressClock(s.epochs, steps_per_epoch, n * (s.epochs - resumed))
        progress = clock.progress
        epochs_done = resumed
        monitor = monitored_value(s, data.x_val is not None, self.loss_choice.metrics)
        stopping = EarlyStopping(monitor, s.patience) if s.early_stopping else None
        step_time: float | None = None

        workers = 1 if self.workers is None else self.workers.cluster.size
        self._emit(RunStarted(
            device=device, train_samples=n,
            val_samples=0 if data.x_val is None else len(data.x_val),
            validation=data.validation_source, loss=self.loss_choice.loss,
            metrics=tuple(self.loss_choice.metrics),
            from_logits=self.loss_choice.from_logits, settings=s.to_dict(),
            epochs=s.epochs, steps_per_epoch=steps_per_epoch,
            total_steps=steps_per_epoch * (s.epochs - resumed), replicas=stepper.replicas,
            workers=workers, first_epoch=resumed + 1))
        self._run_probes("start")
        tf = _tf()
        step = 0
        for epoch in range(resumed + 1, s.epochs + 1):
            if self._stop_now():
                status = "stopped"
                break
            snapshot = self.model.get_weights()
            self.model.reset_metrics()
            perm = tf.convert_to_tensor(rng.permutation(n).astype(np.int32))
            step = 0
            logs: dict[str, float] = {}
            while step < steps_per_epoch:
                clock.paused_s += self._wait_while_paused()
                # (Multi-worker: agreed between calls; at step 0 it was just agreed above.)
                stop = self._stop if self.workers is None else step > 0 and self._stop_now()
                if stop:
                    break
                count = min(self._steps_per_call(step_time, steps_per_epoch),
                            steps_per_epoch - step)
                t0 = time.perf_counter()
                # The first call of each compiled function traces it: do not time those.
                timed = not stepper.will_trace(count)
                clock.call_starting(timed)
                done, losses, logs = stepper.run_steps(perm, step, count)
                if timed and done == count:
                    per = (time.perf_counter() - t0) / done
                    step_time = per if step_time is None else 0.5 * step_time + 0.5 * per
                elif step_time is None:
                    step_time = CHUNK_SECONDS / 8  # next call: ~8 steps, then adapt
                if done == 0:
                    continue
                step_end = step + done
                clock.steps_done(done, min(step_end * s.batch_size, n)
                                 - min(step * s.batch_size, n))
                bad = ~np.isfinite(losses)
                if bad.any():
                    at = int(np.argmax(bad))
                    message = divergence_message(float(losses[at]), epoch, step + at + 1,
                                                 s.learning_rate)
                    self.model.set_weights(snapshot)
                    status = "diverged"
                    self._emit(RunDiverged(progress(epoch, step + at + 1), message))
                    break
                step = step_end
                self._emit(StepsDone(progress(epoch, step), logs, tuple(losses.tolist())))
                if step < steps_per_epoch:
                    self._run_probes("steps")
            if status == "diverged":
                break
            if step < steps_per_epoch:   # stopped inside the epoch: not a finished epoch
                status = "stopped"
                break
            epoch_logs = dict(logs)
            if data.x_val is not None:
                val = stepper.evaluate(data.x_val, data.y_val, max(EVAL_BATCH_SIZE,
                                                                   s.batch_size))
                epoch_logs.update({f"val_{k}": v for k, v in val.items()})
            for key, value in epoch_logs.items():
                history.setdefault(key, []).append(value)
            epochs_done = epoch
            final_logs = epoch_logs
            if self._checkpoints is not None:
                self._checkpoints.save(epoch, history)
            self._emit(EpochEnded(progress(epoch, step), epoch_logs))
            self._run_probes("epoch", last=epoch == s.epochs)
            stop_message = stopping.epoch_ended(epoch, epoch_logs) if stopping else None
            if stop_message is not None:
                status, message = "early_stopped", stop_message
                break
        if self.model.optimizer is not None and epochs_done:
            self.model.optimizer.finalize_variable_values(self.model.trainable_weights)
        if status in ("stopped", "early_stopped") and epochs_done < s.epochs:
            self._run_probes("end", last=True)
        test_logs: dict[str, float] = {}
        if data.x_test is not None and clock.iteration > 0 and status != "diverged":
            test = stepper.evaluate(data.x_test, data.y_test, max(EVAL_BATCH_SIZE,
                                                                  s.batch_size))
            test_logs = {f"test_{k}": v for k, v in test.items()}
        end = progress(epochs_done, step)
        result = RunResult(status=status, epochs_done=epochs_done, final_logs=final_logs,
                           history=history, settings=s.to_dict(), message=message,
                           test_logs=test_logs, elapsed_s=end.elapsed_s,
                           samples_per_s=end.samples_per_s, device=device, model=self.model)
        self._emit(RunEnded(end, status, {**final_logs, **test_logs}, message))
        return result


def _tf() -> Any:
    import tensorflow as tf

    return tf
