"""Project files: lossless save/reopen, atomic saves, typed errors for bad files."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from unittest import mock

import numpy as np
import pytest

from playground.errors import ProjectFileError
from playground.network.keras_build import build_model, model_weights_by_node
from playground.files.project import FORMAT_VERSION, Project, load_project, save_project
from tests.helpers import mlp


def trained_project() -> Project:
    graph = mlp()
    model = build_model(graph)
    return Project(graph=graph, weights=model_weights_by_node(graph, model),
                   dataset={"name": "circle", "params": {"noise": 0.1}},
                   training={"epochs": 7, "learning_rate": 0.03}, title="Circle",
                   notes="my notes", lesson="Look at the boundary.",
                   history=[{"settings": {"epochs": 7}, "epochs": [{"loss": 0.5}]}],
                   extras={"painted": [[0.1, 0.2, 1]]})


def test_save_and_reopen_loses_nothing(tmp_path: Path):
    project = trained_project()
    path = save_project(project, tmp_path / "p.kpg")
    again = load_project(path)
    assert again.to_json_dict() == project.to_json_dict()
    assert again.weights.keys() == project.weights.keys()
    for nid, arrays in project.weights.items():
        assert all(np.array_equal(a, b) for a, b in zip(arrays, again.weights[nid]))
    # The reopened weights rebuild the same model outputs.
    x = np.random.default_rng(1).normal(size=(5, 2)).astype("float32")
    a = build_model(project.graph, project.weights).predict(x, verbose=0)
    b = build_model(again.graph, again.weights).predict(x, verbose=0)
    assert np.array_equal(a, b)


def test_failed_save_keeps_the_previous_file(tmp_path: Path):
    path = save_project(trained_project(), tmp_path / "p.kpg")
    before = path.read_bytes()
    broken = trained_project()
    with mock.patch("os.replace", side_effect=OSError("disk full")):
        with pytest.raises(OSError):
            save_project(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.kpg"]  # no temp file left behind
    unserializable = trained_project()
    unserializable.extras["bad"] = object()
    with pytest.raises(ProjectFileError, match="cannot be saved"):
        save_project(unserializable, path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("mutate,needle", [
    (lambda d: b"", "empty"),
    (lambda d: b"not a zip at all", "not a Keras Playground project"),
    (lambda d: d[: len(d) // 2], "damaged or truncated"),
    (lambda d: b'{"app": "keras-playground"}', "text/JSON file"),
])
def test_bad_bytes_raise_typed_errors(tmp_path: Path, mutate, needle):
    data = (save_project(trained_project(), tmp_path / "ok.kpg")).read_bytes()
    bad = tmp_path / "bad.kpg"
    bad.write_bytes(mutate(data))
    with pytest.raises(ProjectFileError, match=needle):
        load_project(bad)


def _zip_with(tmp_path: Path, meta: dict) -> Path:
    path = tmp_path / "crafted.kpg"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("project.json", json.dumps(meta))
    path.write_bytes(buf.getvalue())
    return path


def test_newer_version_and_bad_graph_are_explained(tmp_path: Path):
    meta = trained_project().to_json_dict()
    meta["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(ProjectFileError, match="newer version"):
        load_project(_zip_with(tmp_path, meta))
    meta = trained_project().to_json_dict()
    meta["graph"]["nodes"][1]["params"]["units"] = 0
    with pytest.raises(ProjectFileError, match="units=0"):
        load_project(_zip_with(tmp_path, meta))
    meta = trained_project().to_json_dict()
    meta["graph"]["nodes"][1]["type"] = "Lambda"
    with pytest.raises(ProjectFileError, match="Lambda"):
        load_project(_zip_with(tmp_path, meta))


def test_keras_file_opened_as_project_says_to_import(tmp_path: Path):
    path = tmp_path / "model.kpg"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("config.json", "{}")
    with pytest.raises(ProjectFileError, match="Import .keras"):
        load_project(path)


def test_pickled_weights_are_refused(tmp_path: Path):
    path = save_project(trained_project(), tmp_path / "p.kpg")
    buf = io.BytesIO()
    np.savez(buf, **{"n2:0": np.array([object()], dtype=object)})
    with zipfile.ZipFile(path, "a") as zf, pytest.warns(UserWarning, match="Duplicate name"):
        zf.writestr("weights.npz", buf.getvalue())  # duplicate name: the later one is read
    with pytest.raises(ProjectFileError, match="weights"):
        load_project(path)


def test_saving_is_deterministic(tmp_path: Path):
    project = trained_project()
    a = save_project(project, tmp_path / "a.kpg").read_bytes()
    import time

    time.sleep(2.1)  # zip timestamps have 2-second resolution
    b = save_project(project, tmp_path / "b.kpg").read_bytes()
    assert a == b
