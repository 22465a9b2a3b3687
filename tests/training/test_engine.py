"""The Qt-free training engine: events, learning, pause/stop, NaN, early stop, probes."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from playground.errors import TrainingError
from playground.training import Probe, TrainingSettings
from playground.training.engine import TrainingEngine
from playground.training.events import (EpochEnded, ProbeFailed, ProbeResult, RunDiverged,
                                        RunEnded, RunStarted, StepsDone)
from tests.training.helpers import blobs, mlp, regression, three_classes


def run(model, dataset, on_event=None, probes=None, **settings):
    events = []

    def callback(event):
        events.append(event)
        if on_event:
            on_event(engine, event)

    engine = TrainingEngine(model, dataset, TrainingSettings(**settings), callback, probes)
    result = engine.run()
    return result, events


def test_events_arrive_in_order_and_complete_and_loss_falls():
    ds = blobs()
    result, events = run(mlp(), ds, epochs=4, batch_size=10, learning_rate=0.05, seed=3)
    assert isinstance(events[0], RunStarted) and isinstance(events[-1], RunEnded)
    assert [e.progress.epoch for e in events if isinstance(e, EpochEnded)] == [1, 2, 3, 4]
    assert events[0].loss == "binary_crossentropy" and events[0].replicas == 1
    assert events[0].train_samples == 160 and events[0].val_samples == 40
    batches = [e for e in events if isinstance(e, StepsDone)]
    # Every step of every epoch is reported exactly once, in order.
    steps = [len(e.batch_losses) for e in batches]
    assert sum(steps) == 4 * 16
    assert [e.progress.iteration for e in batches] == list(np.cumsum(steps))
    assert batches[-1].progress.samples_seen == 4 * 160
    epoch_events = [e for e in events if isinstance(e, EpochEnded)]
    assert set(epoch_events[0].logs) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    # The raw per-batch losses average to the epoch loss Keras reports.
    first = np.concatenate([e.batch_losses for e in batches if e.progress.epoch == 1])
    assert first.mean() == pytest.approx(epoch_events[0].logs["loss"], rel=1e-4)
    assert result.status == "completed" and result.epochs_done == 4
    assert result.history["loss"][-1] < result.history["loss"][0] * 0.7
    assert result.final_logs["val_accuracy"] > 0.9
    assert set(result.test_logs) == {"test_loss", "test_accuracy"}
    assert events[-1].progress.eta_s == pytest.approx(0.0, abs=1e-6)
    entry = result.history_entry()
    assert entry["settings"]["epochs"] == 4 and len(entry["history"]["val_loss"]) == 4


def test_stop_from_callback_ends_after_that_epoch_without_more_events():
    def on_event(engine, event):
        if isinstance(event, EpochEnded) and event.progress.epoch == 2:
            engine.stop()

    result, events = run(mlp(), blobs(), on_event, epochs=20, batch_size=10)
    assert result.status == "stopped" and result.epochs_done == 2
    again = TrainingEngine(result.model, blobs(), TrainingSettings(epochs=1), None)
    again.stop()
    assert again.run().status == "stopped"
    assert again.run().status == "completed"  # the stop was for that run only
    assert max(e.progress.epoch for e in events if isinstance(e, StepsDone)) == 2
    assert isinstance(events[-1], RunEnded) and events[-1].status == "stopped"


def test_pause_blocks_until_resume_from_another_thread():
    """Paused after epoch 1, nothing happens until another thread resumes; then the run
    completes. (That the paused time is not counted as training time is a timing claim:
    benchmarks/bench_timing_claims.py pause_not_counted.)"""
    resumer: list[threading.Thread] = []
    paused_at: list[int] = []
    events_at_resume: list[int] = []
    events: list = []

    def resume(engine) -> None:
        events_at_resume.append(len(events))   # what arrived while paused: nothing
        engine.resume()

    def on_event(engine, event):
        events.append(event)
        if isinstance(event, EpochEnded) and event.progress.epoch == 1 and not resumer:
            engine.pause()
            paused_at.append(len(events))
            timer = threading.Timer(0.3, resume, (engine,))
            resumer.append(timer)
            timer.start()

    result, run_events = run(mlp(), blobs(), on_event, epochs=3, batch_size=10)
    resumer[0].join()
    assert result.status == "completed" and result.epochs_done == 3
    assert events_at_resume == paused_at          # blocked until resumed
    [paused] = [e for e in run_events if isinstance(e, EpochEnded) and e.progress.epoch == 1]
    assert paused.progress.iteration == 16


def test_interrupt_flag_stops_a_compiled_call_before_its_next_step():
    import tensorflow as tf

    from playground.training.loop import CompiledStepper

    model, ds = mlp(), blobs()
    model.compile(optimizer="adam", loss="binary_crossentropy")
    stepper = CompiledStepper(model, ds.x_train, ds.y_train.astype("float32"), 10)
    perm = tf.range(stepper.num_samples)
    done, losses, _ = stepper.run_steps(perm, 0, 1)  # first call creates the variables
    done, losses, logs = stepper.run_steps(perm, 1, 10)
    assert done == 10 and losses.shape == (10,) and set(logs) == {"loss"}
    stepper.set_interrupt(True)
    done, losses, _ = stepper.run_steps(perm, 11, 5)
    assert done == 0 and losses.shape == (0,)
    stepper.close()


def test_nan_loss_stops_with_a_plain_explanation_and_keeps_finite_weights():
    ds = regression(scale=1000.0)
    result, events = run(mlp(activation="linear"), ds, optimizer="sgd", learning_rate=10.0,
                         epochs=5, batch_size=10, validation_split=0.0)
    assert result.status == "diverged"
    assert "learning rate may be too high" in result.message
    assert [type(e) for e in events][-2:] == [RunDiverged, RunEnded]
    assert events[-1].status == "diverged"
    assert all(np.isfinite(w).all() for w in result.model.get_weights())


def test_continue_training_starts_from_the_current_weights():
    model, ds = mlp(), blobs()
    first, _ = run(model, ds, epochs=2, batch_size=10, learning_rate=0.05, seed=1)
    second, _ = run(first.model, ds, epochs=2, batch_size=10, learning_rate=0.05, seed=1)
    assert second.history["loss"][0] < first.history["loss"][0]


def test_early_stopping_waits_patience_epochs():
    # A learning rate this small changes nothing, so val_accuracy never improves.
    result, _ = run(mlp(), blobs(), epochs=10, batch_size=20, learning_rate=1e-12,
                    optimizer="sgd", early_stopping=True, patience=2, monitor="val_accuracy")
    assert result.status == "early_stopped" and result.epochs_done == 3
    assert "val_accuracy" in result.message
    with pytest.raises(TrainingError, match="Early stopping watches 'val_mae'"):
        run(mlp(), blobs(), early_stopping=True, monitor="val_mae")


def test_probes_run_at_start_and_each_epoch_on_the_training_thread():
    calls = []

    def probe(model, dataset):
        calls.append(threading.current_thread().name)
        return model.predict(dataset.x_train[:5], verbose=0).shape

    result, events = run(mlp(), blobs(), probes={"out": Probe(probe)}, epochs=3,
                         batch_size=50)
    probe_events = [e for e in events if isinstance(e, ProbeResult)]
    assert len(probe_events) == 4 and probe_events[0].result == (5, 1)
    assert probe_events[0].name == "out"
    assert set(calls) == {threading.current_thread().name}


def test_probe_with_an_interval_runs_at_start_and_at_the_last_epoch_only():
    counts = []
    result, events = run(mlp(), blobs(), probes={"slow": Probe(lambda m, d: counts.append(1),
                                                              every=3600.0)},
                         epochs=4, batch_size=50)
    assert len(counts) == 2 and len([e for e in events if isinstance(e, ProbeResult)]) == 2


def test_failing_probe_is_reported_and_turned_off():
    def broken(model, dataset):
        raise ValueError("grid too large")

    result, events = run(mlp(), blobs(), probes={"grid": Probe(broken)}, epochs=2,
                         batch_size=50)
    failures = [e for e in events if isinstance(e, (ProbeResult, ProbeFailed))]
    assert result.status == "completed"
    assert len(failures) == 1 and isinstance(failures[0], ProbeFailed)
    assert "grid too large" in failures[0].message and failures[0].name == "grid"


def test_multiclass_auto_loss_and_learning():
    result, events = run(mlp(units=3, activation="softmax"), three_classes(), epochs=8,
                         batch_size=10, learning_rate=0.05, validation_split=0.0)
    assert events[0].loss == "sparse_categorical_crossentropy"
    assert result.history["accuracy"][-1] > 0.8
    assert "val_loss" not in result.final_logs


def test_checks_before_training_name_what_to_change():
    with pytest.raises(TrainingError, match=r"units to 3"):
        run(mlp(units=1), three_classes())
    with pytest.raises(TrainingError, match=r"Input layer's shape to \[2\]"):
        run(mlp(inputs=3), blobs())
    with pytest.raises(TrainingError, match=r"mean squared error"):
        run(mlp(activation="linear"), regression(), loss="binary_crossentropy")


def test_seed_makes_runs_from_fresh_weights_repeatable():
    """The seed covers the starting weights too (the model is built with it), not only the
    shuffling: two runs of a project without trained weights give the same losses."""
    from playground.training.run import make_engine
    from tests.training.helpers import xor_project

    def losses(seed):
        project = xor_project(epochs=2)
        project.training["seed"] = seed
        return make_engine(project).run().history["loss"]

    first = losses(5)
    assert losses(5) == pytest.approx(first, rel=1e-5)
    assert losses(6) != pytest.approx(first, rel=1e-5)


def test_xla_step_when_keras_would_use_it_gives_the_same_losses():
    """On GPUs Keras compiles fit's step with XLA; the engine's stepper follows suit."""
    import tensorflow as tf

    from playground.kerasenv import keras
    from playground.training.loop import CompiledStepper

    ds = blobs()
    keras().utils.set_random_seed(3)
    start = mlp().get_weights()
    losses = {}
    for jit in (False, True):
        model = mlp()
        model.set_weights(start)
        model.compile(optimizer="sgd", loss="binary_crossentropy", jit_compile=jit)
        stepper = CompiledStepper(model, ds.x_train, ds.y_train.astype("float32"), 30)
        assert stepper.uses_xla is jit
        perm = tf.range(stepper.num_samples)
        first = stepper.run_steps(perm, 0, 1)[1]
        assert stepper.will_trace(5) and stepper.will_trace(1)  # the loop is not compiled yet
        rest = stepper.run_steps(perm, 1, 6)[1]  # 6 full batches and one of 20
        losses[jit] = np.concatenate([first, rest])
        stepper.close()
    assert losses[True].shape == (7,)
    np.testing.assert_allclose(losses[True], losses[False], rtol=1e-4)
