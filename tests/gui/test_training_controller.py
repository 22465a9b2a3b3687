"""The QThread controller: signals in order, throttled progress, stop, shutdown, errors."""
from __future__ import annotations

import pytest

from playground.session import Session
from playground.training.events import RunEnded, RunStarted, StepsDone
from ui.training.controller import TrainingController
from tests.training.helpers import xor_project

pytestmark = pytest.mark.gui


def test_run_emits_signals_and_returns_weights(qtbot):
    session = Session()
    controller = TrainingController(session)
    project = xor_project(epochs=3)
    infos, progress, epochs, probes = [], [], [], []
    controller.runInfo.connect(infos.append)
    controller.progress.connect(progress.append)
    controller.epochEnded.connect(epochs.append)
    controller.probeResult.connect(lambda name, value: probes.append((name, value)))
    controller.add_probe("size", lambda model, data: len(data.x_train))
    with qtbot.waitSignal(controller.runningChanged, timeout=60000,
                          check_params_cb=lambda running: not running):
        with qtbot.waitSignal(controller.finished, timeout=60000) as finished:
            _start(session, controller, project)
            assert controller.is_running()
    assert not controller.is_running()
    entry = finished.args[0]
    assert entry["status"] == "completed" and entry["epochs_done"] == 3
    assert [e.progress.epoch for e in epochs] == [1, 2, 3]
    assert isinstance(infos[0], RunStarted) and infos[0].loss == "binary_crossentropy"
    # Every raw batch loss arrives, merged into far fewer signals than steps, each placed.
    batches = [p for p in progress if isinstance(p, StepsDone)]
    steps = sum(len(p.batch_losses) for p in batches)
    assert steps == 3 * epochs[0].progress.steps_per_epoch
    assert steps == sum(count for p in batches for _epoch, _step, count in p.pieces)
    assert isinstance(progress[-1], RunEnded) and progress[-1].status == "completed"
    assert probes[0] == ("size", 100) and len(probes) == 4
    assert set(controller.last_weights) == {n.id for n in project.graph
                                            if n.layer_type == "Dense"}
    assert controller.last_model is not None


def test_stop_mid_run_and_shutdown_leave_no_thread(qtbot):
    session = Session()
    controller = TrainingController(session)
    project = xor_project(samples=400, epochs=500, batch_size=2)
    with qtbot.waitSignal(controller.epochEnded, timeout=60000):
        _start(session, controller, project)
    controller.pause()
    assert controller.is_paused()
    assert controller.shutdown(30000)
    assert not controller.is_running()


def test_errors_arrive_as_a_signal(qtbot):
    session = Session()
    controller = TrainingController(session)
    project = xor_project()
    project.dataset = {"name": "sine", "params": {}}
    with qtbot.waitSignal(controller.failed, timeout=60000) as failed:
        _start(session, controller, project)
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=10000)
    assert "Input layer" in failed.args[0]


def test_finished_runs_leave_no_worker_behind(qtbot):
    """Each run's worker is deleted once its thread ends (it used to stay alive forever:
    its deleteLater() was aimed at the finished thread)."""
    import gc

    from ui.training.controller import TrainingWorker

    def workers() -> int:
        gc.collect()
        return sum(isinstance(o, TrainingWorker) for o in gc.get_objects())

    session = Session()
    controller = TrainingController(session)
    before = workers()
    for _ in range(3):
        with qtbot.waitSignal(controller.runningChanged, timeout=60000,
                              check_params_cb=lambda running: not running):
            _start(session, controller, xor_project(epochs=1))
    # The deferred deletions run on the UI thread's next event-loop pass.
    qtbot.waitUntil(lambda: workers() == before, timeout=5000)


def test_a_failing_view_is_reported_apart_from_the_run_which_goes_on(qtbot):
    session = Session()
    controller = TrainingController(session)
    run_failures, view_failures = [], []
    controller.failed.connect(run_failures.append)
    controller.probeFailed.connect(view_failures.append)

    def broken_view(model, data):
        raise ValueError("no picture today")

    controller.add_probe("broken", broken_view)
    with qtbot.waitSignal(controller.finished, timeout=60000) as finished:
        _start(session, controller, xor_project(epochs=2))
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=10000)
    assert finished.args[0]["status"] == "completed" and run_failures == []
    assert len(view_failures) == 1 and "no picture today" in view_failures[0]


def test_progress_is_batched_and_start_stop_cycles_leave_no_os_thread(qtbot):
    """Batches far faster than the screen: each progress signal carries many steps. Five
    start/stop cycles leave no thread behind (OS threads, which also sees QThreads that
    Python's own list does not). (The rate, ~25 signals a second at most, is a timing
    claim: benchmarks/bench_timing_claims.py progress_throttle.)"""
    import os

    def os_threads() -> int:
        return len(os.listdir("/proc/self/task"))

    session = Session()
    controller = TrainingController(session)
    project = xor_project(samples=400, epochs=500, batch_size=2)
    steps: list[int] = []

    def on_progress(p):
        if isinstance(p, StepsDone):
            steps.append(len(p.batch_losses))

    controller.progress.connect(on_progress)
    with qtbot.waitSignal(controller.epochEnded, timeout=60000):
        _start(session, controller, project)
    steps.clear()
    # Fails (times out) if progress stops coming.
    qtbot.waitUntil(lambda: len(steps) >= 30, timeout=30000)
    controller.stop()
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=30000)
    assert sum(steps) / len(steps) > 5                             # many steps per signal
    before = os_threads()
    for _ in range(5):
        with qtbot.waitSignal(controller.epochEnded, timeout=60000):
            _start(session, controller, project)
        controller.stop()
        qtbot.waitUntil(lambda: not controller.is_running(), timeout=30000)
    qtbot.waitUntil(lambda: os_threads() <= before)   # the last run's thread has exited


def _start(session, controller, project, settings=None):
    session.replace_project(project)
    controller.start(settings)
