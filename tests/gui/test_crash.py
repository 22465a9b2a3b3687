"""Unexpected errors: shown in a dialog (mocked here), written to the log, app keeps going."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qWarning

from playground.files import crash_log as errorlog
from playground.errors import DatasetError
from ui.background import BackgroundRunner
from ui.crash import CrashReporter

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def reporter(tmp_path: Path, qtbot):
    shown: list[tuple[str, str, str]] = []
    rep = CrashReporter(tmp_path / "logs", show_dialog=lambda *a: shown.append(a)).install()
    rep.shown = shown
    yield rep
    rep.uninstall()
    errorlog.close_logging()


def _log(rep: CrashReporter) -> str:
    for handler in errorlog.logger().handlers:
        handler.flush()
    return Path(rep.log_file).read_text("utf-8")


def test_worker_thread_exception_shows_dialog_and_is_logged(reporter, qtbot):
    def work() -> None:
        raise ValueError("weights went sideways")

    thread = threading.Thread(target=work, name="probe-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(reporter.shown) == 1, timeout=3000)
    summary, details, log_file = reporter.shown[0]
    assert "background task" in summary and "ValueError: weights went sideways" in summary
    assert "Traceback" in details and "in work" in details
    assert log_file == str(reporter.log_file)
    log = _log(reporter)
    assert "probe-worker" in log and "weights went sideways" in log and "Traceback" in log


def test_exception_in_a_slot_shows_dialog_and_the_app_keeps_running(reporter, qtbot):
    alive: list[bool] = []

    def broken_slot() -> None:
        raise KeyError("missing node")

    QTimer.singleShot(0, broken_slot)
    QTimer.singleShot(20, lambda: alive.append(True))
    qtbot.waitUntil(lambda: bool(reporter.shown and alive), timeout=3000)
    summary, details, _ = reporter.shown[0]
    assert summary.startswith("Something unexpected went wrong (KeyError")
    assert "broken_slot" in details
    assert "missing node" in _log(reporter)


def test_a_typed_error_is_shown_in_its_own_words(reporter, qtbot):
    QTimer.singleShot(0, lambda: (_ for _ in ()).throw(
        DatasetError("The CSV file has no rows: add data below the header.")))
    qtbot.waitUntil(lambda: bool(reporter.shown), timeout=3000)
    assert reporter.shown[0][0] == "The CSV file has no rows: add data below the header."


def test_repeated_errors_are_logged_but_shown_once(reporter, qtbot):
    for _ in range(20):
        QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: reporter.count == 20, timeout=3000)
    qtbot.wait(50)
    assert len(reporter.shown) == 1
    assert _log(reporter).count("ZeroDivisionError: division by zero") == 20


def test_no_second_dialog_while_one_is_open(tmp_path: Path, qtbot):
    shown: list[str] = []

    def slow_dialog(summary: str, details: str, log_file: str) -> None:
        shown.append(summary)
        if len(shown) == 1:  # an error raised while the first dialog is open
            rep.report(RuntimeError, RuntimeError("second"), None)
            qtbot.wait(50)

    rep = CrashReporter(tmp_path, show_dialog=slow_dialog).install()
    try:
        rep.report(RuntimeError, RuntimeError("first"), None)
        qtbot.waitUntil(lambda: rep.count == 2 and len(shown) >= 1, timeout=3000)
        qtbot.wait(50)
        assert len(shown) == 1 and "first" in shown[0]
    finally:
        rep.uninstall()
        errorlog.close_logging()


def test_qt_warnings_go_to_the_log(reporter):
    qWarning("a Qt warning for the log")
    assert "Qt: a Qt warning for the log" in _log(reporter)
    assert reporter.shown == []  # warnings are not errors: no dialog


def test_uninstall_restores_previous_hooks(tmp_path: Path):
    import sys

    before = (sys.excepthook, threading.excepthook)
    rep = CrashReporter(tmp_path, show_dialog=lambda *a: None).install()
    assert sys.excepthook != before[0] and threading.excepthook != before[1]
    rep.uninstall()
    errorlog.close_logging()
    assert (sys.excepthook, threading.excepthook) == before


def test_background_task_bug_is_reported_and_logged(reporter, qtbot):
    def buggy() -> None:
        raise AttributeError("'NoneType' object has no attribute 'shape'")

    task = BackgroundRunner("export-keras")
    with qtbot.waitSignal(task.failed, timeout=3000) as blocker:
        task.request(buggy)
    task.shutdown()
    assert "Unexpected error (AttributeError" in blocker.args[0]
    assert "no attribute 'shape'" in _log(reporter)


def test_an_unusable_data_folder_does_not_stop_the_app(tmp_path: Path, qtbot):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    shown: list[tuple] = []
    rep = CrashReporter(blocker / "logs", show_dialog=lambda *a: shown.append(a)).install()
    try:
        assert not str(rep.log_file).startswith(str(blocker))
        assert errorlog.log_path() == Path(rep.log_file)
        rep.report(ValueError, ValueError("still logged"), None)
        qtbot.waitUntil(lambda: bool(shown), timeout=3000)
        assert shown[0][2] == str(rep.log_file)
        assert "still logged" in _log(rep)
    finally:
        rep.uninstall()
        errorlog.close_logging()
