"""Hostile or broken files (.kpg projects, .keras models, CSV tables): each gives the
project's typed error with a clear message; nothing crashes, hangs or runs code. (That the
worst of them are refused quickly is a timing claim: benchmarks/bench_timing_claims.py
hostile_files_fast; a hang here still ends at the suite's per-test timeout.)"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from playground.datasets import load_dataset
from playground.errors import DatasetError, ModelImportError, ProjectFileError
from playground.network.keras_import import import_keras_file
from playground.files.project import load_project

def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _refused(fn, path: Path, error: type[Exception], needle: str) -> str:
    with pytest.raises(error) as info:
        fn(path)
    message = str(info.value)
    assert needle.lower() in message.lower(), message
    return message


# ------------------------------------------------------------------ .keras models
@pytest.fixture(scope="module")
def keras_members(tmp_path_factory) -> dict[str, bytes]:
    from playground.kerasenv import keras

    k = keras()
    model = k.Sequential([k.Input((3,)), k.layers.Dense(2, name="d")])
    path = tmp_path_factory.mktemp("k") / "m.keras"
    model.save(path)
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _with_config(members: dict[str, bytes], config: object) -> dict[str, bytes]:
    return {**members, "config.json": json.dumps(config).encode()}


def _set_units(members: dict[str, bytes], units: object) -> dict:
    config = json.loads(members["config.json"])
    [dense] = [la for la in config["config"]["layers"] if la["class_name"] == "Dense"]
    dense["config"]["units"] = units
    return config


def _lambda_config(members: dict[str, bytes]) -> dict:
    config = json.loads(members["config.json"])
    config["config"]["layers"].append({"class_name": "Lambda", "module": "keras.layers",
                                       "config": {"name": "evil", "function": {
                                           "class_name": "__lambda__",
                                           "config": {"code": "print('pwned')"}}}})
    return config


@pytest.mark.parametrize("make,needle", [
    (lambda m, p: p.write_bytes(b""), "empty"),
    (lambda m, p: p.write_text("model = 'not really'"), "not a .keras model file"),
    (lambda m, p: p.write_bytes(b"\x89HDF\r\n\x1a\n" + bytes(100)), "not a .keras model file"),
    (lambda m, p: _zip(p, {"weights.h5": b"x"}), "no config.json"),
    (lambda m, p: _zip(p, {"project.json": "{}"}), "no config.json"),
    (lambda m, p: _zip(p, {**m, "config.json": b"{\"trunc"}), "damaged"),
    (lambda m, p: _zip(p, {**m, "config.json": b"\xff\xfe\x00"}), "damaged"),
    (lambda m, p: _zip(p, {**m, "config.json": "[" * 100000 + "]" * 100000}), "nested"),
    (lambda m, p: _zip(p, {**m, "config.json": '{"a":' * 5000 + "1" + "}" * 5000}),
     "nested"),
    (lambda m, p: _zip(p, _with_config(m, _lambda_config(m))), "Lambda"),
    (lambda m, p: _zip(p, _with_config(m, {"class_name": "Sequential", "config": {
        "layers": [{"class_name": "Mine", "registered_name": "my_pkg>Mine",
                    "config": {}}]}})), "custom object"),
    (lambda m, p: _zip(p, _with_config(m, _set_units(m, float("nan")))), "could not load"),
    (lambda m, p: _zip(p, _with_config(m, _set_units(m, "many"))), "could not load"),
    (lambda m, p: _zip(p, _with_config(m, [1, 2, 3])), "could not load"),
])
def test_broken_or_unsafe_keras_files(tmp_path: Path, keras_members, make, needle):
    path = tmp_path / "bad.keras"
    make(keras_members, path)
    _refused(import_keras_file, path, ModelImportError, needle)


def test_keras_zip_bomb_is_refused_without_unpacking(tmp_path: Path, keras_members):
    path = tmp_path / "bomb.keras"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("metadata.json", keras_members["metadata.json"])
        with zf.open("config.json", "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 20)
            for _ in range(80):  # 80 MB of spaces, ~80 kB on disk
                fh.write(chunk)
    assert path.stat().st_size < 1_000_000
    _refused(import_keras_file, path, ModelImportError, "too large")


def test_lambda_code_is_never_run(tmp_path: Path):
    """A real Lambda whose code writes a file when it runs (as Keras's unsafe loading would
    run it): the import is refused and the file never appears."""
    from playground.kerasenv import keras

    k = keras()
    marker = tmp_path / "the_code_ran"
    where = str(marker)   # a closure Keras can store with the code
    inputs = k.Input((2,))
    touch = k.layers.Lambda(lambda x: (__import__("pathlib").Path(where).write_text("ran"),
                                       x)[1])
    k.Model(inputs, touch(inputs)).save(tmp_path / "evil.keras")
    marker.unlink()   # building the model ran it once, here, on purpose
    with pytest.raises(ModelImportError, match="safe"):
        import_keras_file(tmp_path / "evil.keras")
    assert not marker.exists()


# ----------------------------------------------------------------- .kpg projects
def test_project_zip_bomb_is_refused(tmp_path: Path):
    path = tmp_path / "bomb.kpg"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("project.json", "w", force_zip64=True) as fh:
            for _ in range(20):
                fh.write(b" " * (1 << 20))
    _refused(load_project, path, ProjectFileError, "zip bomb")


def test_project_with_oversized_json_is_refused(tmp_path: Path):
    path = tmp_path / "huge.kpg"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("project.json", "w", force_zip64=True) as fh:
            for _ in range(70):
                fh.write(b" " * (1 << 20))
    _refused(load_project, path, ProjectFileError, "larger than any real project")


@pytest.mark.parametrize("meta,needle", [
    ({"app": "keras-playground", "format_version": 1, "graph": {"nodes": [
        {"id": "n1", "type": "Lambda", "params": {"function": "os.system('rm -rf /')"}}]}},
     "Lambda"),
    ({"app": "keras-playground", "format_version": 1, "graph": {"nodes": [
        {"id": "n1", "type": "Dense", "params": {"units": float("nan")}}]}}, "units"),
    ({"app": "keras-playground", "format_version": 1, "graph": {"nodes": [
        {"id": "n1", "type": "Dense", "params": {"units": "64"}}]}}, "whole number"),
    ({"app": "keras-playground", "format_version": 1, "graph": {"nodes": [
        {"id": "n1", "type": "Dense", "params": {"units": 64.0}}]}}, None),
    ({"app": "keras-playground", "format_version": 1, "graph": {"nodes": [
        {"id": "n1", "type": "Dense", "position": [float("inf"), 0]}]}}, "position"),
    ({"app": "keras-playground", "format_version": 1, "graph": {"nodes": [
        {"id": "n1", "type": "Dense"}, {"id": "n1", "type": "Dense"}]}}, "already exists"),
    ({"app": "keras-playground", "format_version": 1, "graph": {"nodes": [
        {"id": "a", "type": "Dense"}, {"id": "b", "type": "Dense"}], "edges": [
        {"source": "a", "target": "b"}, {"source": "b", "target": "a"}]}}, "loop"),
    ({"app": "keras-playground", "format_version": 1, "title": 42}, "wrong type"),
    ({"app": "keras-playground", "format_version": 1.5}, "format_version"),
    ({"app": "keras-playground", "format_version": True}, "format_version"),
    ({"app": "keras-playground", "format_version": 99}, "newer version"),
    ({"app": "something-else", "format_version": 1}, "not a Keras Playground project"),
    ({"app": "keras-playground", "format_version": 1, "history": [1, 2]}, "history"),
    ({"app": "keras-playground", "format_version": 1, "dataset": {"name": 3}}, "dataset"),
])
def test_crafted_project_json(tmp_path: Path, meta: dict, needle: str | None):
    path = _zip(tmp_path / "crafted.kpg", {"project.json": json.dumps(meta)})
    if needle is None:  # a whole number written as 64.0 is read as 64
        assert load_project(path).graph.node("n1").params["units"] == 64
        return
    _refused(load_project, path, ProjectFileError, needle)


def test_pickled_weights_are_refused_not_unpickled(tmp_path: Path):
    buf = io.BytesIO()
    np.savez(buf, **{"n1:0": np.array([{"evil": 1}], dtype=object)})
    meta = {"app": "keras-playground", "format_version": 1, "graph": {"nodes": [
        {"id": "n1", "type": "Dense", "params": {"units": 1}}]}}
    path = _zip(tmp_path / "pickle.kpg", {"project.json": json.dumps(meta),
                                          "weights.npz": buf.getvalue()})
    _refused(load_project, path, ProjectFileError, "weights")


def test_keras_file_opened_as_project_says_what_to_do(tmp_path: Path, keras_members):
    path = _zip(tmp_path / "model.kpg", keras_members)
    _refused(load_project, path, ProjectFileError, "Import .keras")


# --------------------------------------------------------------------- CSV tables
@pytest.mark.parametrize("content,needle", [
    (b"", "empty"),
    (b"\n\n  \n", "empty"),
    (b",,,\n,,,\n", "no values"),
    (b"a,b,c\n", "no data rows"),
    (b"PK\x03\x04" + bytes(200), "not a text table"),
    (b"x,y\n1,2\n3,4\n" + b"5," + b"9" * 200_000 + b"\n", "not a valid CSV"),
    (b"x,y\n1,2\n1e300,4\n3,1\n4,2\n", "too large"),
    (b"x,y\n1,2\nnan,4\n3,1\n4,2\n", "missing value"),
    (b"x,y\n1,2\ninf,4\n3,1\n4,2\n", "text in a numeric column"),
    (b"x,y\n1,2\n2,3,4,5\n3,1\n4,2\n", "has 4 values"),
    (b"x,label\n1,cat\n2,cat\n3,cat\n", "single class"),
])
def test_bad_csv_tables(tmp_path: Path, content: bytes, needle: str):
    path = tmp_path / "table.csv"
    path.write_bytes(content)
    _refused(lambda p: load_dataset("csv", {"path": str(p)}), path, DatasetError, needle)


def test_missing_csv_and_folder(tmp_path: Path):
    _refused(lambda p: load_dataset("csv", {"path": str(p)}), tmp_path / "nope.csv",
             DatasetError, "cannot be opened")
    _refused(lambda p: load_dataset("csv", {"path": str(p)}), tmp_path, DatasetError,
             "folder")


def test_huge_project_file_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "huge.kpg"
    with path.open("wb") as fh:  # sparse: 6 GB long, takes no disk space
        fh.write(b"PK\x03\x04")
        fh.truncate(6 * 2**30)
    _refused(load_project, path, ProjectFileError, "larger than any real project")


def _png(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels (a "pixel bomb")."""
    import struct
    import zlib

    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (2, 2)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    ihdr = 8 + 8  # signature, then length + b"IHDR"
    data[ihdr:ihdr + 8] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr - 4:ihdr + 13]))
    data[ihdr + 13:ihdr + 17] = struct.pack(">I", crc)
    return bytes(data)


def test_broken_and_bomb_images_are_reported_not_fatal(tmp_path: Path):
    from PIL import Image

    for cls in ("cat", "dog"):
        (tmp_path / cls).mkdir()
        for i in range(4):
            Image.new("RGB", (6, 6), (i * 40, 0, 0)).save(tmp_path / cls / f"{i}.png")
    good = (tmp_path / "cat" / "0.png").read_bytes()
    (tmp_path / "cat" / "truncated.png").write_bytes(good[:30])
    (tmp_path / "cat" / "empty.jpg").write_bytes(b"")
    (tmp_path / "dog" / "notes.png").write_text("not a picture")
    (tmp_path / "dog" / "bomb.png").write_bytes(_png(30_000, 30_000))
    data = load_dataset("image_folder", {"path": str(tmp_path), "size": 8})
    assert len(data.x_train) + len(data.x_test) == 8   # the good pictures are all there
    text = " ".join(data.problems)
    for name in ("truncated.png", "empty.jpg", "notes.png", "bomb.png"):
        assert name in text, text
