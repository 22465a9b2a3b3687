"""The .keras importer on mutated files: a graph or a ModelImportError, nothing else.

A real model is saved once; each example rewrites its ``config.json`` (values replaced,
keys dropped, layer classes swapped, connections broken) or damages the archive's bytes.
"""
from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from playground.errors import ModelImportError
from playground.network.keras_import import import_keras_file
from tests.fuzz.strategies import count, fuzz_settings, json_values

LAYER_NAMES = ["Dense", "Conv2D", "Lambda", "InputLayer", "Functional", "Sequential",
               "Add", "NotALayer", "Flatten", "LSTM", "Dropout", "BatchNormalization"]


@pytest.fixture(scope="module")
def model_zip() -> dict[str, bytes]:
    from playground.kerasenv import keras

    k = keras()
    inputs = k.Input((6,), name="x")
    a = k.layers.Dense(4, activation="relu", name="a")(inputs)
    b = k.layers.Dense(4, name="b")(inputs)
    merged = k.layers.Add(name="add")([a, b])
    out = k.layers.Dense(2, activation="softmax", name="out")(merged)
    model = k.Model(inputs, out)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.keras"
        model.save(path)
        with zipfile.ZipFile(path) as zf:
            return {name: zf.read(name) for name in zf.namelist()}


def _paths(obj: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path (tuple of keys/indices) into a JSON value."""
    found = [prefix]
    if isinstance(obj, dict):
        for k, v in obj.items():
            found += _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            found += _paths(v, prefix + (i,))
    return found


def _set(obj: Any, path: tuple, value: Any, delete: bool) -> Any:
    if not path:
        return value
    parent = obj
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return obj


def _import(members: dict[str, bytes], target: str) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.keras"
        path.write_bytes(buf.getvalue())
        try:
            graph, _weights = import_keras_file(path)
        except ModelImportError as exc:
            assert str(exc).strip()
            count(target, "refused")
            return
    assert len(graph) > 0
    count(target, "imported")


@fuzz_settings(80)
@given(st.data())
def test_mutated_config_json(model_zip, data):
    config = json.loads(model_zip["config.json"])
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        paths = _paths(config)
        path = data.draw(st.sampled_from(paths), label="path")
        delete = bool(path) and data.draw(st.booleans(), label="delete")
        if path and path[-1] == "class_name":
            value: Any = data.draw(st.sampled_from(LAYER_NAMES), label="class")
        else:
            value = data.draw(json_values, label="value")
        config = _set(config, path, value, delete)
    _import({**model_zip, "config.json": json.dumps(config, allow_nan=True).encode()},
            ".keras config.json mutated")


@fuzz_settings(40)
@given(st.data())
def test_damaged_keras_archive(model_zip, data):
    member = data.draw(st.sampled_from(sorted(model_zip)), label="member")
    blob = bytearray(model_zip[member])
    at = data.draw(st.integers(0, max(0, len(blob) - 1)), label="at")
    if data.draw(st.booleans(), label="truncate"):
        del blob[at:]
    else:
        blob[at:at + 8] = data.draw(st.binary(min_size=8, max_size=8))
    _import({**model_zip, member: bytes(blob)}, ".keras archive damaged")
