"""A file opened while the app runs (a double-click on a .kpg) goes to the running app:
the second start hands it over through a per-user local socket and ends."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from playground.files.project import Project, load_project, save_project
from tests.helpers import mlp
from ui.single_instance import InstanceServer, connect_window, send_to_running, server_name

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.gui


def _dispose(*servers: InstanceServer) -> None:
    for server in servers:
        server.close()
        server.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def own_data_dir(tmp_path, monkeypatch):
    """A data folder of this test's own: the socket's name is made from it."""
    monkeypatch.setenv("PLAYGROUND_CONFIG_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_the_name_is_per_user_folder(own_data_dir, monkeypatch, tmp_path):
    first = server_name()
    monkeypatch.setenv("PLAYGROUND_CONFIG_DIR", str(tmp_path / "someone-else"))
    assert server_name() != first and first.startswith("keras-playground-")


@pytest.mark.slow
def test_a_second_start_with_a_file_hands_it_to_the_running_app(own_data_dir, qtbot, tmp_path):
    project = save_project(Project(graph=mlp()), tmp_path / "double clicked.kpg")
    server = InstanceServer()
    assert server.listening
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KERAS_PLAYGROUND_LANG="en",
               HOME=str(tmp_path))
    second = subprocess.Popen([sys.executable, str(ROOT / "main.py"), str(project)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with qtbot.waitSignal(server.fileRequested, timeout=60_000) as got:
            pass
        out, err = second.communicate(timeout=60)
    finally:
        if second.poll() is None:
            second.kill()
        _dispose(server)
    assert got.args == [str(project.resolve())]
    assert second.returncode == 0, err
    assert f"already running: {project} was opened there" in out


def test_the_running_window_opens_the_file_it_is_sent(window, own_data_dir, qtbot, tmp_path):
    project = save_project(Project(graph=mlp()), tmp_path / "sent.kpg")
    server = InstanceServer(window)
    connect_window(server, window.file_actions.open_path, window.bring_to_front)
    try:
        with qtbot.waitSignal(window.file_actions.projectOpened, timeout=30_000):
            assert send_to_running(project)
    finally:
        _dispose(server)
    assert window.document.path == project
    assert window.document.project.graph.to_dict() == load_project(project).graph.to_dict()


def test_a_start_with_nobody_running_finds_no_one(own_data_dir, qtbot):
    assert not send_to_running(Path("x.kpg"))


def test_a_second_app_does_not_take_the_name_of_the_first(own_data_dir, qtbot):
    first = InstanceServer()
    second = InstanceServer()
    try:
        assert first.listening and not second.listening
        with qtbot.waitSignal(first.fileRequested, timeout=10_000) as got:
            assert send_to_running(Path("still-first.kpg"))
        assert got.args == [str(Path("still-first.kpg").resolve())]
    finally:
        _dispose(second, first)
