"""Secrets stay secret: a study storage's password is never shown, logged or saved, and a
project file cannot send the search to a database outside its own folder without the
user's word (the command line names it and wants --storage; the app asks once)."""
from __future__ import annotations

import sqlite3
import sys
import zipfile

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from playground.cli.main import main
from playground.errors import TuningError
from playground.files.project import load_project, save_project
from playground.tuning import project_tune_settings, tuning_data
from playground.tuning.space import SearchSpace, training_dimension
from playground.tuning.storage import is_project_local
from playground.tuning.study import TuneSettings, open_study
from tests.training.helpers import xor_project

PASSWORD = "Pa55-w0rd!"
SERVER_URL = f"postgresql://kp:{PASSWORD}@127.0.0.1:1/tuning"   # nothing listens on port 1
MASKED = "postgresql://kp:***@127.0.0.1:1/tuning"


def _project(storage: str = ""):
    project = xor_project(samples=60, epochs=1, batch_size=20)
    space = SearchSpace([training_dimension("learning_rate", 0.03)])
    project.tuning = tuning_data(space, TuneSettings(trials=1, pruner="none", seed=0,
                                                     storage=storage))
    return project


def _other_apps_database(path):
    """Another application's SQLite file: one table of its own."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")
    db.close()
    return path.read_bytes()


def test_the_command_line_shows_the_storage_with_the_password_masked(tmp_path, capsys):
    path = tmp_path / "xor.kpg"
    save_project(_project(), path)
    assert main(["tune", str(path), "--trials", "1", "--storage", SERVER_URL]) == 2
    out, err = capsys.readouterr()
    assert f"study storage: {MASKED}" in err
    assert f"error: The study storage {MASKED} cannot be opened" in err
    assert PASSWORD not in out + err


@pytest.mark.parametrize("url, hidden, package, extra", [
    (f"postgresql://kp:{PASSWORD}@127.0.0.1/tuning", "psycopg", "psycopg[binary]",
     "postgres"),
    (f"mysql://kp:{PASSWORD}@127.0.0.1/tuning", "pymysql", "PyMySQL", "mysql"),
])
def test_a_missing_driver_is_named_with_its_extra(monkeypatch, url, hidden, package, extra):
    for module in (hidden, "MySQLdb"):       # as on a machine without them
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(TuningError) as info:
        open_study(TuneSettings(), url)
    message = str(info.value)
    assert f"needs the database driver {package}" in message
    assert f'pip install "keras-playground[{extra}]"' in message
    assert PASSWORD not in message and "kp:***@127.0.0.1" in message


def test_the_password_is_not_saved_in_the_project(tmp_path):
    path = tmp_path / "xor.kpg"
    save_project(_project(SERVER_URL), path)
    with zipfile.ZipFile(path) as archive:
        raw = b"".join(archive.read(name) for name in archive.namelist())
    assert PASSWORD.encode() not in raw
    assert project_tune_settings(load_project(path)).storage == \
        "postgresql://kp@127.0.0.1:1/tuning"          # the rest of the URL is kept


def test_a_storage_is_the_projects_own_only_inside_its_folder(tmp_path):
    project = tmp_path / "proj" / "xor.kpg"
    (tmp_path / "proj").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "proj" / "link").symlink_to(tmp_path / "elsewhere")
    assert is_project_local(f"sqlite:///{tmp_path / 'proj' / 'runs.db'}", project)
    assert is_project_local(f"sqlite:///{tmp_path / 'proj' / 'sub' / 'runs.db'}", project)
    assert not is_project_local(f"sqlite:///{tmp_path / 'elsewhere' / 'a.db'}", project)
    assert not is_project_local(f"sqlite:///{tmp_path / 'proj' / 'link' / 'a.db'}", project)
    assert not is_project_local(f"sqlite:///{tmp_path / 'proj' / '..' / 'a.db'}", project)
    assert not is_project_local(SERVER_URL, project)
    assert not is_project_local("sqlite://", project)


def test_tune_does_not_use_a_storage_outside_the_project_silently(tmp_path, capsys):
    (tmp_path / "proj").mkdir()
    other = tmp_path / "app.db"
    before = _other_apps_database(other)
    named = f"sqlite:///{other}"
    path = tmp_path / "proj" / "xor.kpg"
    save_project(_project(named), path)
    assert main(["tune", str(path), "--trials", "1"]) == 0
    err = capsys.readouterr().err
    assert other.read_bytes() == before                       # not touched
    assert f"names the study storage {named}, outside its folder" in err
    assert f"--storage {named}" in err
    own = (tmp_path / "proj" / "xor.optuna.db").resolve()
    assert f"study storage: sqlite:///{own}" in err and own.exists()
    # Said with --storage, it is used.
    assert main(["tune", str(path), "--trials", "1", "--storage", named]) == 0
    assert f"study storage: {named}" in capsys.readouterr().err
    with sqlite3.connect(other) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert "notes" in tables and "trials" in tables


class _StorageBoxAnswers:
    """Answers every "study storage" question with the next of ``answers``; keeps its text."""

    def __init__(self, answers: list[QMessageBox.StandardButton]) -> None:
        self.answers, self.seen = list(answers), []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "study_storage_box":
            self.seen.append(box.text())
            box.button(self.answers.pop(0)).click()

    def close(self) -> None:
        self.timer.stop()


@pytest.mark.gui
def test_the_app_shows_an_outside_storage_and_asks_once(qtbot, tmp_path):
    from ui.document import Document
    from ui.tuning.panel import TunePanel

    (tmp_path / "proj").mkdir()
    other = tmp_path / "app.db"
    before = _other_apps_database(other)
    path = tmp_path / "proj" / "xor.kpg"
    save_project(_project(f"sqlite:///{other}"), path)
    document = Document(load_project(path), path)
    panel = TunePanel(document)
    qtbot.addWidget(panel)
    answers = _StorageBoxAnswers([QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes])
    try:
        panel.start()                                          # No: nothing happens
        assert len(answers.seen) == 1 and str(other) in answers.seen[0]
        assert not panel.controller.is_running() and other.read_bytes() == before
        assert "not confirmed" in panel.status.text()
        for _ in range(2):         # Yes once; the second start does not ask again
            with qtbot.waitSignal(panel.controller.runningChanged, timeout=120_000,
                                  check_params_cb=lambda running: not running):
                panel.start()
        assert len(answers.seen) == 2
        assert panel.table.rowCount() == 1, panel.status.text()
        assert other.read_bytes() != before                    # the study went there
    finally:
        answers.close()
        panel.shutdown()


@pytest.mark.gui
def test_the_app_masks_the_password_and_does_not_save_it(qtbot, tmp_path):
    from ui.document import Document
    from ui.tuning.panel import TunePanel

    path = tmp_path / "xor.kpg"
    save_project(_project(), path)
    document = Document(load_project(path), path)
    panel = TunePanel(document)
    qtbot.addWidget(panel)
    panel.storage.setText(SERVER_URL)
    answers = _StorageBoxAnswers([QMessageBox.StandardButton.Yes])
    try:
        with qtbot.waitSignal(panel.controller.runningChanged, timeout=60_000,
                              check_params_cb=lambda running: not running):
            panel.start()
    finally:
        answers.close()
        panel.shutdown()
    assert MASKED in answers.seen[0] and PASSWORD not in answers.seen[0]
    assert MASKED in panel.status.text() and PASSWORD not in panel.status.text()
    save_project(document.project, path)                      # what File ▸ Save writes
    with zipfile.ZipFile(path) as archive:
        assert PASSWORD.encode() not in archive.read("project.json")
        assert b"postgresql://kp@127.0.0.1:1/tuning" in archive.read("project.json")
