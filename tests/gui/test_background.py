"""The background runner: newest request wins, outcomes arrive on the UI thread, errors are
reported (typed ones in words, bugs logged too), and no thread outlives a shutdown."""
from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from playground.errors import ModelImportError
from ui.background import BackgroundRunner, worker_threads_alive


def _os_threads() -> int:
    return len(os.listdir("/proc/self/task"))


def test_result_arrives_on_the_ui_thread_and_the_job_runs_off_it(qtbot):
    runner = BackgroundRunner("t-ok")
    ran_on, got_on = [], []
    runner.done.connect(lambda _r: got_on.append(threading.current_thread()))
    with qtbot.waitSignal(runner.done) as got:
        runner.request(lambda: (ran_on.append(threading.current_thread()), 42)[1])
    assert got.args == [42]
    assert got_on == [threading.main_thread()]
    assert ran_on and ran_on[0] is not threading.main_thread() and ran_on[0].name == "t-ok"
    qtbot.waitUntil(lambda: not runner.busy)
    runner.shutdown()


def test_newest_request_wins(qtbot):
    """Requests made while a job runs: only the newest waits, and only its result arrives;
    the results of older requests never reach the UI, even if they finish later."""
    runner = BackgroundRunner("t-newest")
    release = threading.Event()
    ran: list[int] = []
    delivered: list[int] = []
    runner.done.connect(delivered.append)

    def job(n: int):
        def run() -> int:
            if n == 1:
                release.wait(10)  # the first is still running while the others come in
            ran.append(n)
            return n
        return run

    for n in (1, 2, 3, 4):
        runner.request(job(n))
    assert runner.busy
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert ran == [1, 4]            # 2 and 3 were replaced before they started
    assert delivered == [4]         # 1 finished, but a newer request was waiting
    runner.shutdown()


def test_cancel_drops_the_running_outcome(qtbot):
    runner = BackgroundRunner("t-cancel")
    release = threading.Event()
    delivered = []
    runner.done.connect(delivered.append)
    runner.request(lambda: release.wait(10) and "old")
    runner.cancel()
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert delivered == []
    runner.shutdown()


def test_typed_errors_are_reported_in_words(qtbot):
    runner = BackgroundRunner("t-bad")

    def refuse():
        raise ModelImportError("model.keras is not a Keras file.")

    with qtbot.waitSignal(runner.failed) as got:
        runner.request(refuse)
    assert got.args == ["model.keras is not a Keras file."]

    def missing():
        raise FileNotFoundError(2, "No such file or directory", "/nowhere/x.kpg")

    with qtbot.waitSignal(runner.failed) as got:
        runner.request(missing)
    assert got.args == ["/nowhere/x.kpg: No such file or directory"]
    runner.shutdown()


def test_a_bug_is_logged_and_reported_not_swallowed(qtbot, monkeypatch):
    import playground.files.crash_log as crash_log

    logged = []
    monkeypatch.setattr(crash_log, "log_exception",
                        lambda kind, exc, tb, where: logged.append((kind, where, tb)))

    def bug():
        raise KeyError("oops")

    runner = BackgroundRunner("t-bug")
    with qtbot.waitSignal(runner.failed) as got:
        runner.request(bug)
    assert "Unexpected error (KeyError" in got.args[0]
    assert [(kind, where) for kind, where, _tb in logged] == [(KeyError, "t-bug")]
    assert logged[0][2] is not None  # with its traceback
    runner.shutdown()


def test_shutdown_waits_and_leaves_no_thread(qtbot):
    """After shutdown no OS thread of the runner is left (a pool thread would otherwise
    idle on for 30 s), the waiting request is dropped and nothing more is delivered."""
    before = _os_threads()
    runner = BackgroundRunner("t-close")
    release = threading.Event()
    delivered = []
    runner.done.connect(delivered.append)
    runner.request(lambda: release.wait(10) and "first")
    runner.request(lambda: "second")
    threading.Timer(0.2, release.set).start()
    assert runner.shutdown(timeout_s=10)
    QCoreApplication.processEvents()
    assert delivered == []
    qtbot.waitUntil(lambda: _os_threads() <= before, timeout=2000)  # the thread has exited
    runner.request(lambda: "after close")
    assert not runner.busy


def test_deleting_the_owner_while_a_job_runs_waits_for_it(qtbot):
    """A panel closed mid-job: the job ends (no crash, no thread left), nobody is told."""
    before = _os_threads()
    owner = QObject()
    runner = BackgroundRunner("t-owner", owner)
    finished = threading.Event()

    def slow() -> str:
        threading.Event().wait(0.3)
        finished.set()
        return "late"

    runner.request(slow)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert finished.is_set()
    qtbot.waitUntil(lambda: _os_threads() <= before, timeout=2000)


@pytest.mark.parametrize("count", [30])
def test_many_requests_deliver_only_the_last(qtbot, count):
    runner = BackgroundRunner("t-many")
    delivered = []
    runner.done.connect(delivered.append)
    for n in range(count):
        runner.request(lambda n=n: n)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert delivered == [count - 1]
    runner.shutdown()


def test_closing_the_window_leaves_no_worker_thread(qtbot, tmp_path):
    """Work in flight in several features when the window closes: the window waits for it,
    and no worker thread is left once it is gone."""
    from PySide6.QtCore import QSettings

    from ui.composition import create_window

    earlier = worker_threads_alive()  # threads of other tests' runners, still idling
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings, restore_layout=False)
    window.show()
    panels = window.panels
    qtbot.waitUntil(lambda: not panels.dataset.is_loading(), timeout=20_000)
    panels.dataset.set_choice("spiral", {})          # a load starts (after its short delay)
    window.document.graph.add_node("Dense")            # and an autosave can be written
    panels.autosave.autosave_now()
    qtbot.waitUntil(lambda: bool(worker_threads_alive() - earlier), timeout=5_000)
    window.document.set_modified(False)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not worker_threads_alive() - earlier, timeout=5_000)
