"""Findings 7-16 (low): each with the behaviour the user must see."""
from __future__ import annotations

import json
import os
import shlex
import stat
import time

import numpy as np
import pytest

from playground.errors import ProjectFileError, TrainingError
from playground.files.project import Project, load_project, pack_project, save_project
from playground.network.chains import chain_graph
from playground.network.graph import Graph
from playground.training.cluster import cluster_from_env
from playground.training.launch_kit import write_launch_kit
from playground.training.tensorboard import open_command


def test_the_fallback_log_folder_is_private_and_never_a_planted_symlink(tmp_path, monkeypatch):
    from playground.files import crash_log

    shared_tmp = tmp_path / "tmp"
    attacker = tmp_path / "attacker"
    shared_tmp.mkdir()
    attacker.mkdir()
    for name in ("keras-playground-logs", f"keras-playground-logs-{os.getuid()}"):
        (shared_tmp / name).symlink_to(attacker)  # planted before the app starts
    monkeypatch.setattr(crash_log.tempfile, "tempdir", str(shared_tmp))
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")  # the data folder cannot be made: fall back
    try:
        path = crash_log.setup_logging(blocked / "logs")
        crash_log.logger().warning("secret detail")
        info = os.lstat(path.parent)
        assert stat.S_ISDIR(info.st_mode) and not stat.S_ISLNK(info.st_mode)
        assert info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700
        assert not list(attacker.iterdir())
    finally:
        crash_log.close_logging()


def test_saves_follow_the_umask_and_a_resave_keeps_the_old_mode(tmp_path):
    old = os.umask(0o022)
    try:
        fresh = save_project(Project(), tmp_path / "new.kpg")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        shared = tmp_path / "shared.kpg"
        save_project(Project(), shared)
        shared.chmod(0o664)
        save_project(Project(title="again"), shared)
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    finally:
        os.umask(old)


def test_an_unwritable_destination_is_a_message_and_exit_2(tmp_path, capsys):
    from playground.cli.main import main

    project = save_project(Project(graph=chain_graph([
        ("Input", {"batch_shape": [None, 2]}), ("Dense", {"units": 1})])), tmp_path / "p.kpg")
    before = project.read_bytes()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    code = main(["export", str(project), "--python", str(blocker / "out.py")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert str(blocker) in err and "Nothing was changed" in err
    assert project.read_bytes() == before


def _chain_data(n: int) -> dict:
    nodes = [{"id": "n0", "type": "Input", "params": {"batch_shape": [None, 4]}}] + [
        {"id": f"n{i}", "type": "Dense", "params": {"units": 4}, "name": f"d{i}"}
        for i in range(1, n)]
    edges = [{"source": f"n{i - 1}", "target": f"n{i}", "port": 0} for i in range(1, n)]
    return {"name": "m", "nodes": nodes, "edges": edges}


def test_graph_loading_grows_linearly_with_the_nodes():
    """Loose on purpose (the benchmark holds the timing): 8x the nodes must cost well under
    the 64x a quadratic load takes."""
    small, large = _chain_data(1000), _chain_data(8000)
    Graph.from_dict(small)  # warm up the catalog
    t0 = time.process_time()
    Graph.from_dict(small)
    t1 = time.process_time()
    graph = Graph.from_dict(large)
    t2 = time.process_time()
    assert len(graph) == 8000 and len(graph.edges) == 7999
    assert (t2 - t1) < 24 * max(t1 - t0, 1e-3)


def test_a_loop_in_a_file_is_still_refused():
    data = _chain_data(4)
    data["edges"].append({"source": "n3", "target": "n1", "port": 1})
    data["nodes"][1]["type"] = "Add"
    data["nodes"][1]["params"] = {}
    with pytest.raises(Exception, match="loop"):
        Graph.from_dict(data)


def test_one_stray_latin1_byte_does_not_turn_the_csv_into_mojibake(tmp_path):
    from playground.datasets import load_dataset, python_snippet
    from playground.datasets.csv_table import read_csv

    path = tmp_path / "cafés.csv"
    rows = "".join(f"{i},{'café' if i % 2 else 'thé'},{i % 2}\n" for i in range(20))
    path.write_bytes(("x,drink,y\n" + rows).encode("utf-8") + b"9,na\xefve,1\n")
    table = read_csv(path)
    assert set(table.column("drink").unique_text()) == {"café", "thé", "na\ufffdve"}
    assert len(table.warnings) == 1 and "not valid UTF-8" in table.warnings[0]
    assert "line 22" in table.warnings[0]
    params = {"path": str(path), "target": "y", "features": ["x", "drink"]}
    data = load_dataset("csv", params)
    namespace: dict = {}
    exec(python_snippet("csv", params), namespace)  # the exported program reads it alike
    assert namespace["x"].shape[0] == len(data.x_train) + len(data.x_test)


def test_a_whole_cp1252_file_is_read_as_such_with_a_warning(tmp_path):
    from playground.datasets.csv_table import read_csv

    path = tmp_path / "win.csv"
    path.write_bytes("a,b\n".encode() + "".join(f"{i},Zürich\n" for i in range(10))
                     .encode("cp1252"))
    table = read_csv(path)
    assert table.column("b").unique_text() == ["Zürich"]
    assert table.warnings and "not UTF-8" in table.warnings[0]


@pytest.mark.parametrize("raw, match", [
    ('{"cluster": {"worker": ' + "[" * 40000 + "]" * 40000 + "}}", "characters long"),
    (json.dumps({"cluster": {"worker": [f"10.0.{i // 250}.{i % 250}:1" for i in range(4000)]},
                 "task": {"type": "worker", "index": 0}}), "at most 256"),
    (json.dumps({"cluster": {"worker": ["10.0.0.1:1", "10.0.0.2:1"], "ps": ["10.0.0.3:1"]},
                 "task": {"type": "worker", "index": 0}}), "ps tasks"),
    (json.dumps({"cluster": {"worker": ["10.0.0.1:1", "10.0.0.2:1"]},
                 "task": {"type": "evaluator", "index": 0}}), "evaluator tasks"),
    ('{"cluster": {"worker": ' + "[" * 3000 + "]" * 3000 + "}}", "not a valid cluster"),
])
def test_tf_config_is_bounded_and_only_workers_are_accepted(raw, match):
    started = time.monotonic()
    with pytest.raises(TrainingError, match=match):
        cluster_from_env({"TF_CONFIG": raw})
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("host", ["pc1\nrm -rf ~", "pc1;reboot", "$(touch x)", "pc 1", "a'b"])
def test_a_worker_host_must_be_a_plain_name(tmp_path, host):
    with pytest.raises(TrainingError, match="not a host name"):
        write_launch_kit(Project(), tmp_path / "kit", f"{host}:1,10.0.0.2:1")
    assert not (tmp_path / "kit").exists()


@pytest.mark.parametrize("folder", ["/data/my logs", "/x/$(touch pwned)", "/a\nb", "/it's"])
def test_the_tensorboard_command_is_one_shell_argument_per_value(folder):
    assert shlex.split(open_command(folder)) == ["tensorboard", "--logdir", folder]


def test_text_weights_on_a_dense_layer_are_refused_by_name(tmp_path):
    graph = chain_graph([("Input", {"batch_shape": [None, 2]}), ("Dense", {"units": 1})])
    dense = graph.topological_order()[1]
    meta = Project(graph=graph).to_json_dict()
    data = pack_project(meta, {dense.id: [np.array([["a"], ["b"]]), np.array(["c"])]})
    path = tmp_path / "text.kpg"
    path.write_bytes(data)
    with pytest.raises(ProjectFileError) as refused:
        load_project(path)
    assert dense.display_name() in str(refused.value) and "text" in str(refused.value)
