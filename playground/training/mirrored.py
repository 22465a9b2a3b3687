"""Training on several GPUs at once with ``tf.distribute.MirroredStrategy``.

The model is cloned inside the strategy's scope (its variables must be mirrored from the
start) and trained with ``model.fit``, which knows how to split each batch across the
replicas. A Keras callback relays progress to the engine's events and honours pause/stop
between batches. Large networks are what multi-GPU runs are for, so the per-step overhead
of ``fit`` does not matter here.
"""
from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.i18n import _
from playground.training.data import RunData
from playground.training.events import RunResult, TrainingEvent
from playground.training.tf_leaks import TraceRegistrations, release_cached_kernels

if TYPE_CHECKING:
    from playground.training.device import DevicePlan
    from playground.training.engine import TrainingEngine


def run_mirrored(engine: "TrainingEngine", plan: "DevicePlan", data: RunData) -> RunResult:
    from playground.kerasenv import keras
    from playground.training.engine import (EVAL_BATCH_SIZE, divergence_message,
                                            monitored_value)

    k = keras()
    s = engine.settings
    strategy = plan.make_strategy()
    with strategy.scope():
        clone = k.models.clone_model(engine.model)
        clone.set_weights(engine.model.get_weights())
        engine.model = clone
        engine._compile()
    n = len(data.x_train)
    steps_per_epoch = -(-n // s.batch_size)
    base = {"epochs": s.epochs, "steps_per_epoch": steps_per_epoch}
    state: dict[str, Any] = {"seen": 0, "iteration": 0, "paused": 0.0, "status": "completed",
                             "message": "", "epochs_done": 0, "final": {}, "snapshot": None}
    history: dict[str, list[float]] = {}
    started = time.perf_counter()
    engine._probe_times = {}

    def timing() -> dict[str, Any]:
        active = max(time.perf_counter() - started - state["paused"], 1e-9)
        rate = state["seen"] / active
        return {"samples_per_s": rate, "elapsed_s": active,
                "eta_s": (n * s.epochs - state["seen"]) / rate if rate > 0 else None}

    class Relay(k.callbacks.Callback):
        def on_epoch_begin(self, epoch: int, logs: Any = None) -> None:
            state["snapshot"] = self.model.get_weights()
            state["epoch"] = epoch + 1

        def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
            logs = {key: float(np.asarray(v)) for key, v in (logs or {}).items()}
            state["iteration"] += 1
            state["seen"] = min(state["seen"] + s.batch_size, n * s.epochs)
            loss = logs.get("loss", 0.0)
            if not math.isfinite(loss):
                state["status"] = "diverged"
                state["message"] = divergence_message(loss, state["epoch"], batch + 1,
                                                      s.learning_rate)
                self.model.set_weights(state["snapshot"])
                self.model.stop_training = True
                engine._emit(TrainingEvent("error", epoch=state["epoch"], step=batch + 1,
                                           message=state["message"], **base, **timing()))
                return
            engine._emit(TrainingEvent("batch", epoch=state["epoch"], step=batch + 1,
                                       iteration=state["iteration"],
                                       samples_seen=state["seen"], logs=logs,
                                       batch_losses=[loss], **base, **timing()))
            state["paused"] += engine._wait_while_paused()
            if engine.stop_requested:
                state["status"] = "stopped"
                self.model.stop_training = True

        def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
            if state["status"] in ("stopped", "diverged"):
                return
            logs = {key: float(np.asarray(v)) for key, v in (logs or {}).items()}
            for key, value in logs.items():
                history.setdefault(key, []).append(value)
            state["epochs_done"] = epoch + 1
            state["final"] = logs
            engine._emit(TrainingEvent("epoch", epoch=epoch + 1, step=steps_per_epoch,
                                       iteration=state["iteration"],
                                       samples_seen=state["seen"], logs=logs, **base,
                                       **timing()))
            engine._run_probes("epoch", last=epoch + 1 == s.epochs)

    callbacks: list[Any] = [Relay()]
    if s.early_stopping:
        monitor = monitored_value(s, data.x_val is not None, engine.loss_choice.metrics)
        callbacks.append(k.callbacks.EarlyStopping(monitor=monitor, patience=s.patience))
    engine._emit(TrainingEvent("start", info={
        "device": plan.description, "train_samples": n, "validation": data.validation_source,
        "loss": engine.loss_choice.loss, "metrics": list(engine.loss_choice.metrics),
        "settings": s.to_dict(), "total_steps": steps_per_epoch * s.epochs}, **base))
    engine._run_probes("start")
    validation = (data.x_val, data.y_val) if data.x_val is not None else None
    # fit's and evaluate's traces register gradient functions that would keep every run's
    # graphs alive: noted here, dropped at the end of the run.
    registrations = TraceRegistrations()
    try:
        with registrations.tracing():
            engine.model.fit(data.x_train, data.y_train, batch_size=s.batch_size,
                             epochs=s.epochs, validation_data=validation, shuffle=True,
                             callbacks=callbacks, verbose=0)
            return _finish(engine, data, state, history, timing, base)
    finally:
        registrations.release()
        release_cached_kernels()


def _finish(engine: "TrainingEngine", data: RunData, state: dict[str, Any],
            history: dict[str, list[float]], timing: Any, base: dict[str, Any]) -> RunResult:
    from playground.training.engine import EVAL_BATCH_SIZE

    s = engine.settings
    status = state["status"]
    if status == "completed" and state["epochs_done"] < s.epochs:
        status = "early_stopped"
        state["message"] = (_("Stopped early after epoch {epochs_done}: {monitor} stopped improving.")
                              .format(epochs_done=state['epochs_done'], monitor=s.monitor))
    test_logs: dict[str, float] = {}
    if data.x_test is not None and state["iteration"] and status != "diverged":
        test = engine.model.evaluate(data.x_test, data.y_test, verbose=0, return_dict=True,
                                     batch_size=max(EVAL_BATCH_SIZE, s.batch_size))
        test_logs = {f"test_{key}": float(v) for key, v in test.items()}
    t = timing()
    engine._emit(TrainingEvent("end", epoch=state["epochs_done"], iteration=state["iteration"],
                               samples_seen=state["seen"],
                               logs={**state["final"], **test_logs}, message=state["message"],
                               info={"status": status}, **base, **t))
    return RunResult(status=status, epochs_done=state["epochs_done"],
                     final_logs=state["final"], history=history, settings=s.to_dict(),
                     message=state["message"], test_logs=test_logs, elapsed_s=t["elapsed_s"],
                     samples_per_s=t["samples_per_s"], device=engine.device_description,
                     model=engine.model)
