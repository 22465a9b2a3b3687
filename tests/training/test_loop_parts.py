"""The parts of the training loop that stand alone: early stopping and the progress clock
(speed and ETA), each checked without a model."""
from __future__ import annotations

import pytest

from playground.training.early_stopping import EarlyStopping
from playground.training.progress_clock import ProgressClock


def test_early_stopping_waits_patience_epochs_without_improvement():
    stopping = EarlyStopping("val_loss", patience=2)
    assert stopping.epoch_ended(1, {"val_loss": 0.5}) is None
    assert stopping.epoch_ended(2, {"val_loss": 0.4}) is None      # better: wait resets
    assert stopping.epoch_ended(3, {"val_loss": 0.45}) is None     # 1 epoch without
    message = stopping.epoch_ended(4, {"val_loss": 0.41})          # 2: stop
    assert message is not None and "epoch 4" in message and "val_loss" in message
    assert "0.4" in message and stopping.best == 0.4 and stopping.wait == 2


def test_early_stopping_on_accuracy_wants_higher_and_ignores_missing_values():
    stopping = EarlyStopping("val_accuracy", patience=1)
    assert stopping.epoch_ended(1, {"loss": 0.3}) is None          # not monitored yet
    assert stopping.epoch_ended(2, {"val_accuracy": 0.7}) is None
    assert stopping.epoch_ended(3, {"val_accuracy": 0.8}) is None  # higher is better
    assert stopping.epoch_ended(4, {"val_accuracy": 0.8}) is not None  # equal: no gain


class _Seconds:
    """A clock the test moves by hand (the real one is time.perf_counter)."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_the_eta_is_unknown_while_compiling_then_counts_from_the_first_timed_call():
    now = _Seconds()
    clock = ProgressClock(epochs=2, steps_per_epoch=10, total_samples=2000, now=now)
    clock.call_starting(timed=False)          # the first call traces: not timed
    now.t += 30.0                             # 30 s of compiling
    clock.steps_done(1, 100)
    first = clock.progress(1, 1)
    assert first.eta_s is None and first.samples_per_s == pytest.approx(100 / 30)
    clock.call_starting(timed=True)           # from here on the speed is real
    now.t += 2.0
    clock.steps_done(2, 200)
    later = clock.progress(1, 3)
    assert later.samples_per_s == pytest.approx(100.0)        # 200 samples in 2 s
    assert later.eta_s == pytest.approx((2000 - 300) / 100.0)
    assert (later.iteration, later.samples_seen, later.elapsed_s) == (3, 300, 32.0)


def test_paused_seconds_do_not_count_and_a_finished_run_has_no_time_left():
    now = _Seconds()
    clock = ProgressClock(epochs=1, steps_per_epoch=4, total_samples=400, now=now)
    clock.call_starting(timed=True)
    now.t += 4.0
    clock.steps_done(2, 200)
    now.t += 60.0                             # paused for a minute
    clock.paused_s += 60.0
    assert clock.progress(1, 2).samples_per_s == pytest.approx(50.0)
    now.t += 4.0
    clock.steps_done(2, 200)
    done = clock.progress(1, 4)
    assert done.eta_s == pytest.approx(0.0) and done.elapsed_s == pytest.approx(8.0)
