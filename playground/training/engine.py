"""The training engine: plain Python, no Qt, no threads of its own.

``TrainingEngine(model, dataset, settings, callback).run()`` compiles the model, trains it
and hands :class:`TrainingEvent` objects to ``callback`` on the calling thread.
``pause()``, ``resume()`` and ``stop()`` may be called from any other thread; they act
within one training step (see :mod:`playground.training.loop`).

How many steps run per compiled call is chosen from the measured step time (about 40 ms of
work per call), so a tiny network runs hundreds of steps per call while the curves still
get ~25 updates a second, and a large one runs a few steps per call.
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
from playground.training.data import RunData, prepare_data
from playground.training.events import Probe, RunResult, TrainingEvent
from playground.training.faults import check_finite_data, check_memory, explain_failure
from playground.training.losses import check_model_fits_dataset, resolve_loss
from playground.training.loop import CompiledStepper
from playground.training.settings import TrainingSettings

CHUNK_SECONDS = 0.04          # work per compiled call: ~25 progress updates a second
MAX_STEPS_PER_CALL = 4096
EVAL_BATCH_SIZE = 512
# Keep the training arrays in GPU memory when they are smaller than this.
MAX_DEVICE_DATA_BYTES = 1 << 30


def make_optimizer(name: str, learning_rate: float) -> Any:
    from playground.kerasenv import keras

    k = keras()
    classes = {"adam": k.optimizers.Adam, "sgd": k.optimizers.SGD,
               "rmsprop": k.optimizers.RMSprop, "adamw": k.optimizers.AdamW,
               "adagrad": k.optimizers.Adagrad, "nadam": k.optimizers.Nadam}
    return classes[name](learning_rate=learning_rate)


def divergence_message(value: float, epoch: int, step: int, learning_rate: float) -> str:
    what = _("not a number (NaN)") if math.isnan(value) else "infinite"
    return ((_("Training stopped: the loss became {what} at epoch {epoch}, step {step}. "
               "The learning rate may be too high — try {value:g} instead of "
               "{learning_rate:g} — or the inputs hold very large or missing values. "
               "The weights were put back to how they were at the start of that epoch.")
               .format(what=what, epoch=epoch, step=step, value=learning_rate / 10, learning_rate=learning_rate)))


def monitored_value(settings: TrainingSettings, has_validation: bool,
                    metrics: tuple[str, ...]) -> str:
    """The log key early stopping watches (the training value when there is no validation
    data); raises TrainingError when the run will not report it."""
    monitor = settings.monitor
    if monitor.startswith("val_") and not has_validation:
        monitor = monitor[4:]
    if settings.early_stopping and monitor.removeprefix("val_") not in ("loss", *metrics):
        raise TrainingError(
            (_("Early stopping watches '{monitor}', but this run only reports {value} "
               "(and their val_ versions): choose one of those to watch.")
               .format(monitor=settings.monitor, value=', '.join(('loss', *metrics)))))
    return monitor


class TrainingEngine:
    """Trains one model on one dataset with one set of settings; reusable for more runs."""

    def __init__(self, model: Any, dataset: Any, settings: TrainingSettings,
                 callback: Callable[[TrainingEvent], None] | None = None,
                 probes: dict[str, Probe] | None = None):
        self.model = model
        self.dataset = dataset
        self.settings = settings
        self.callback = callback or (lambda event: None)
        self.probes: dict[str, Probe] = dict(probes or {})
        self.device_description = ""
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._paused = False
        self._stop = False
        self._stepper: CompiledStepper | None = None

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

    @property
    def stop_requested(self) -> bool:
        return self._stop

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
        plan = device_mod.plan_device(s.device, device_mod.list_gpus())
        self.device_description = plan.description
        check_memory(self.model, s, uses_gpu=plan.kind != "cpu")
        if s.seed is not None:
            from playground.kerasenv import keras

            keras().utils.set_random_seed(s.seed)
        data = prepare_data(self.dataset, s.validation_split, s.seed)
        if plan.uses_strategy:
            from playground.training.mirrored import run_mirrored

            return run_mirrored(self, plan, data)
        with plan.scope():
            self.model = self._model_on(plan)
            self._compile()
            data_bytes = data.x_train.nbytes + data.y_train.nbytes
            data_device = plan.devices[0] if data_bytes <= MAX_DEVICE_DATA_BYTES \
                else "/CPU:0"
            self._stepper = CompiledStepper(self.model, data.x_train, data.y_train,
                                            s.batch_size, data_device)
            with self._lock:
                self._sync_interrupt()
            try:
                return self._train(self._stepper, data, plan.description)
            finally:
                # Free the compiled functions and data tensors here, on the training thread:
                # left to the garbage collector, they could be freed later on the UI thread.
                with self._lock:
                    stepper, self._stepper = self._stepper, None
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
        now = time.perf_counter()
        for name, probe in list(self.probes.items()):
            due = when == "start" or last or probe.every == "epoch" or (
                isinstance(probe.every, (int, float))
                and now - self._probe_times.get(name, -math.inf) >= probe.every)
            if not due:
                continue
            self._probe_times[name] = now
            try:
                result = probe.fn(self.model, self.dataset)
            except Exception as error:  # a broken view must not end training: report it
                self.probes.pop(name)
                self._emit(TrainingEvent("probe", probe_name=name, probe_result=None,
                                         message=(_("The view '{name}' failed and was turned off for this run: {error}")
                                                    .format(name=name, error=error))))
                continue
            self._emit(TrainingEvent("probe", probe_name=name, probe_result=result))

    def _train(self, stepper: CompiledStepper, data: RunData, device: str) -> RunResult:
        s = self.settings
        n = stepper.num_samples
        steps_per_epoch = stepper.steps_per_epoch
        total_samples = n * s.epochs
        rng = np.random.default_rng(s.seed)
        history: dict[str, list[float]] = {}
        self._probe_times: dict[str, float] = {}
        status, message = "completed", ""
        final_logs: dict[str, float] = {}
        started = time.perf_counter()
        paused_s = 0.0
        seen = iteration = epochs_done = 0
        best: float | None = None
        wait = 0
        monitor = monitored_value(s, data.x_val is not None, self.loss_choice.metrics)
        mode_max = "acc" in monitor
        step_time: float | None = None
        base = {"epochs": s.epochs, "steps_per_epoch": steps_per_epoch}

        # (active seconds, samples seen) when the first call that did not trace began:
        # speed and ETA count from there, so the seconds spent compiling do not make the
        # first ETA hours long. Until then the ETA is unknown (None).
        warm: tuple[float, int] | None = None

        def timing() -> dict[str, Any]:
            active = max(time.perf_counter() - started - paused_s, 1e-9)
            if warm is None or active - warm[0] <= 0 or seen <= warm[1]:
                return {"samples_per_s": seen / active, "elapsed_s": active,
                        "eta_s": 0.0 if seen >= total_samples else None}
            rate = (seen - warm[1]) / (active - warm[0])
            return {"samples_per_s": rate, "elapsed_s": active,
                    "eta_s": (total_samples - seen) / rate}

        self._emit(TrainingEvent("start", info={
            "device": device, "train_samples": n, "val_samples": 0 if data.x_val is None
            else len(data.x_val), "validation": data.validation_source,
            "loss": self.loss_choice.loss, "metrics": list(self.loss_choice.metrics),
            "from_logits": self.loss_choice.from_logits, "settings": s.to_dict(),
            "total_steps": steps_per_epoch * s.epochs}, **base))
        self._run_probes("start")
        tf = _tf()
        for epoch in range(1, s.epochs + 1):
            if self._stop:
                status = "stopped"
                break
            snapshot = self.model.get_weights()
            self.model.reset_metrics()
            perm = tf.convert_to_tensor(rng.permutation(n).astype(np.int32))
            step = 0
            logs: dict[str, float] = {}
            while step < steps_per_epoch:
                paused_s += self._wait_while_paused()
                if self._stop:
                    break
                count = 1 if step_time is None else max(1, min(
                    MAX_STEPS_PER_CALL, int(CHUNK_SECONDS / step_time)))
                count = min(count, steps_per_epoch - step)
                t0 = time.perf_counter()
                # The first call of each compiled function traces it: do not time those.
                timed = not stepper.will_trace(count)
                if timed and warm is None:
                    warm = (t0 - started - paused_s, seen)
                done, losses, logs = stepper.run_steps(perm, step, count)
                if timed and done == count:
                    per = (time.perf_counter() - t0) / done
                    step_time = per if step_time is None else 0.5 * step_time + 0.5 * per
                elif step_time is None:
                    step_time = CHUNK_SECONDS / 8  # next call: ~8 steps, then adapt
                if done == 0:
                    continue
                step_end = step + done
                seen += min(step_end * s.batch_size, n) - min(step * s.batch_size, n)
                iteration += done
                bad = ~np.isfinite(losses)
                if bad.any():
                    at = int(np.argmax(bad))
                    message = divergence_message(float(losses[at]), epoch, step + at + 1,
                                                 s.learning_rate)
                    self.model.set_weights(snapshot)
                    status = "diverged"
                    self._emit(TrainingEvent("error", epoch=epoch, step=step + at + 1,
                                             iteration=iteration, samples_seen=seen,
                                             message=message, **base, **timing()))
                    break
                step = step_end
                self._emit(TrainingEvent("batch", epoch=epoch, step=step, iteration=iteration,
                                         samples_seen=seen, logs=logs,
                                         batch_losses=losses.tolist(), **base, **timing()))
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
            self._emit(TrainingEvent("epoch", epoch=epoch, step=step, iteration=iteration,
                                     samples_seen=seen, logs=epoch_logs, **base, **timing()))
            self._run_probes("epoch", last=epoch == s.epochs)
            if s.early_stopping and monitor in epoch_logs:
                value = epoch_logs[monitor]
                if best is None or (value > best if mode_max else value < best):
                    best, wait = value, 0
                else:
                    wait += 1
                    if wait >= s.patience:
                        status = "early_stopped"
                        message = ((_("Stopped early after epoch {epoch}: {monitor} has not improved for "
                                      "{wait} epochs (best {best:.4g}).")
                                      .format(epoch=epoch, monitor=monitor, wait=wait, best=best)))
                        break
        if self.model.optimizer is not None and epochs_done:
            self.model.optimizer.finalize_variable_values(self.model.trainable_weights)
        if status in ("stopped", "early_stopped") and epochs_done < s.epochs:
            self._run_probes("end", last=True)
        test_logs: dict[str, float] = {}
        if data.x_test is not None and iteration > 0 and status != "diverged":
            test = stepper.evaluate(data.x_test, data.y_test, max(EVAL_BATCH_SIZE,
                                                                  s.batch_size))
            test_logs = {f"test_{k}": v for k, v in test.items()}
        t = timing()
        result = RunResult(status=status, epochs_done=epochs_done, final_logs=final_logs,
                           history=history, settings=s.to_dict(), message=message,
                           test_logs=test_logs, elapsed_s=t["elapsed_s"],
                           samples_per_s=t["samples_per_s"], device=device, model=self.model)
        self._emit(TrainingEvent("end", epoch=epochs_done, iteration=iteration,
                                 samples_seen=seen, logs={**final_logs, **test_logs},
                                 message=message, info={"status": status}, **base, **t))
        return result


def _tf() -> Any:
    import tensorflow as tf

    return tf
