"""Worker-thread tasks report results, typed errors and bugs back on the UI thread."""
from __future__ import annotations

from playground.errors import ModelImportError
from ui.background import BackgroundTask


def test_result_and_typed_error(qtbot):
    ok = BackgroundTask(lambda: 41 + 1, "t-ok")
    with qtbot.waitSignal(ok.finished) as got:
        ok.start()
    assert got.args == [42]

    def refuse():
        raise ModelImportError("model.keras is not a Keras file.")

    bad = BackgroundTask(refuse, "t-bad")
    with qtbot.waitSignal(bad.failed) as got:
        bad.start()
    assert got.args == ["model.keras is not a Keras file."]
    ok.wait()
    bad.wait()


def test_unexpected_error_is_reported(qtbot, monkeypatch, tmp_path):
    import playground.files.crash_log as errorlog

    seen = []
    monkeypatch.setattr(errorlog, "log_exception", lambda *a: seen.append(a[0]))

    def bug():
        raise KeyError("oops")

    task = BackgroundTask(bug, "t-bug")
    with qtbot.waitSignal(task.failed) as got:
        task.start()
    task.wait()
    assert "Unexpected error (KeyError" in got.args[0]
    assert seen == [KeyError]
