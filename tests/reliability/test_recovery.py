"""No lost work: recovery files survive a kill, saves are atomic even when killed midway."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from playground.files import recovery
from playground.errors import ProjectFileError
from playground.network.graph import Graph
from playground.files.project import Project, load_project, save_project

ROOT = Path(__file__).resolve().parents[2]


def small_project(units: int = 8, title: str = "demo") -> Project:
    g = Graph("m")
    a = g.add_node("Input", {"batch_shape": [None, 2]}, (0, 0))
    b = g.add_node("Dense", {"units": units, "activation": "relu"}, (0, 100))
    g.connect(a.id, b.id)
    weights = {b.id: [np.full((2, units), 0.5, "float32"), np.zeros(units, "float32")]}
    return Project(graph=g, title=title, notes="unsaved notes", weights=weights)


def test_write_list_restore_discard(tmp_path: Path):
    dead = _dead_pid()
    session = recovery.RecoverySession(tmp_path, pid=dead)
    project = small_project()
    assert session.write(project, "/home/me/model.kpg")
    assert not session.write(project, "/home/me/model.kpg")  # unchanged: not rewritten
    [info] = recovery.list_recoverable(tmp_path)
    assert info.original_path == "/home/me/model.kpg" and info.pid == dead
    assert "model.kpg" in info.describe()
    again = recovery.restore(info)
    assert again.to_json_dict() == project.to_json_dict()
    assert np.array_equal(next(iter(again.weights.values()))[0],
                          next(iter(project.weights.values()))[0])
    recovery.discard(info)
    assert recovery.list_recoverable(tmp_path) == []
    assert list(tmp_path.iterdir()) == []


def test_running_sessions_are_not_offered(tmp_path: Path):
    mine = recovery.RecoverySession(tmp_path)  # this process: alive
    mine.write(small_project())
    assert recovery.list_recoverable(tmp_path) == []
    assert len(recovery.list_recoverable(tmp_path, include_running=True)) == 1
    mine.clear()
    assert list(tmp_path.iterdir()) == []


def test_reused_pid_is_not_mistaken_for_the_running_app(tmp_path: Path):
    session = recovery.RecoverySession(tmp_path)
    session.write(small_project())
    meta = json.loads(session.meta_file.read_text())
    if meta["process_start"] is None:
        pytest.skip("process start times are only read on Linux")
    meta["process_start"] += 1  # same pid, different process
    session.meta_file.write_text(json.dumps(meta))
    assert len(recovery.list_recoverable(tmp_path)) == 1


@pytest.mark.parametrize("content", [b"", b"{", b"[1, 2]", b'{"pid": "x", "saved_at": 1}',
                                     b"\xff\xfe", b"[" * 100000])
def test_damaged_metadata_is_skipped_not_fatal(tmp_path: Path, content: bytes):
    session = recovery.RecoverySession(tmp_path, pid=_dead_pid())
    session.write(small_project())
    session.meta_file.write_bytes(content)
    assert recovery.list_recoverable(tmp_path) == []
    assert recovery.orphan_files(tmp_path) == [session.project_file]


def test_damaged_recovery_project_gives_typed_error(tmp_path: Path):
    session = recovery.RecoverySession(tmp_path, pid=_dead_pid())
    session.write(small_project())
    data = session.project_file.read_bytes()
    session.project_file.write_bytes(data[: len(data) // 3])
    [info] = recovery.list_recoverable(tmp_path)
    with pytest.raises(ProjectFileError, match="damaged or truncated"):
        recovery.restore(info)


def test_snapshot_is_independent_of_later_edits(tmp_path: Path):
    project = small_project()
    snap = recovery.snapshot(project, None)
    project.graph.add_node("Dense", {"units": 3})
    project.notes = "changed"
    session = recovery.RecoverySession(tmp_path, pid=_dead_pid())
    session.write_snapshot(snap)
    restored = recovery.restore(recovery.list_recoverable(tmp_path)[0])
    assert len(restored.graph) == 2 and restored.notes == "unsaved notes"


CRASH_SCRIPT = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from playground.files.recovery import RecoverySession
    from tests.reliability.test_recovery import small_project
    session = RecoverySession()
    project = small_project(units=5, title="crashed")
    project.graph.add_node("Dense", {{"units": 7}}, (0, 200))   # an unsaved edit
    session.write(project, "/tmp/original.kpg")
    os.kill(os.getpid(), 9)   # killed: no cleanup runs
""")


def test_crash_during_editing_then_restore(tmp_path: Path):
    env = {**os.environ, "PLAYGROUND_CONFIG_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", CRASH_SCRIPT.format(root=str(ROOT))],
                          env=env, cwd=ROOT, timeout=60, capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    [info] = recovery.list_recoverable(tmp_path / "recovery")
    assert info.title == "crashed" and info.original_path == "/tmp/original.kpg"
    project = recovery.restore(info)
    assert sorted(n.params.get("units") for n in project.graph.nodes
                  if n.layer_type == "Dense") == [5, 7]


SAVE_LOOP = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    import numpy as np
    from playground.files.project import save_project
    from tests.reliability.test_recovery import small_project
    big = small_project(units=4000, title="big")   # ~ 64 kB of weights per save
    small = small_project(units=3, title="small")
    print("ready", flush=True)
    i = 0
    while True:
        save_project(big if i % 2 else small, {path!r})
        i += 1
""")


def test_save_killed_midway_leaves_a_loadable_file(tmp_path: Path):
    path = tmp_path / "p.kpg"
    save_project(small_project(units=3, title="small"), path)
    rng = np.random.default_rng(0)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c",
                                 SAVE_LOOP.format(root=str(ROOT), path=str(path))],
                                cwd=ROOT, stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(float(rng.uniform(0.05, 0.4)))
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()
        project = load_project(path)  # never half-written
        assert project.title in ("big", "small")
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "p.kpg"]
    # A killed process cannot remove its temporary file; it is hidden and never the target.
    assert all(name.startswith(".p.kpg.") and name.endswith(".tmp") for name in leftovers)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid
