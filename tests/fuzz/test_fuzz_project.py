"""The project loader on damaged, crafted and generated files: a Project or a
ProjectFileError with a message, nothing else, and never a hang."""
from __future__ import annotations

import io
import json
import zipfile

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from playground.errors import ProjectFileError
from playground.network.graph import Graph
from playground.files.project import (APP_ID, FORMAT_VERSION, Project, project_from_bytes,
                                project_to_bytes)
from tests.fuzz.strategies import count, fuzz_settings, json_values


def _valid_bytes() -> bytes:
    g = Graph("m")
    a = g.add_node("Input", {"batch_shape": [None, 3]}, (0, 0))
    b = g.add_node("Dense", {"units": 4, "activation": "relu"}, (0, 100))
    c = g.add_node("Dense", {"units": 2, "activation": "softmax"}, (0, 200))
    g.connect(a.id, b.id)
    g.connect(b.id, c.id)
    weights = {b.id: [np.ones((3, 4), "float32"), np.zeros(4, "float32")]}
    return project_to_bytes(Project(graph=g, weights=weights, title="t", notes="n",
                                    history=[{"epochs": 1}], extras={"k": [1, 2]}))


VALID = _valid_bytes()
VALID_META = json.loads(zipfile.ZipFile(io.BytesIO(VALID)).read("project.json"))


def _load(data: bytes, target: str) -> Project | None:
    try:
        project = project_from_bytes(data, "fuzz.kpg")
    except ProjectFileError as exc:
        assert str(exc).strip(), "a refused file must say why"
        count(target, "refused")
        return None
    count(target, "loaded")
    # Whatever loads must save and load again the same.
    again = project_from_bytes(project_to_bytes(project))
    assert json.dumps(again.to_json_dict(), sort_keys=True) == \
        json.dumps(project.to_json_dict(), sort_keys=True)
    return project


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@fuzz_settings(300)
@given(st.data())
def test_mutated_project_bytes(data):
    raw = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 8), label="mutations")):
        kind = data.draw(st.sampled_from(["flip", "truncate", "insert", "delete", "zero"]))
        if not raw:
            break
        at = data.draw(st.integers(0, len(raw) - 1), label="at")
        if kind == "flip":
            raw[at] ^= 1 << data.draw(st.integers(0, 7))
        elif kind == "truncate":
            del raw[at:]
        elif kind == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del raw[at:at + data.draw(st.integers(1, 64))]
        else:
            raw[at:at + 32] = bytes(len(raw[at:at + 32]))
    _load(bytes(raw), "project bytes mutated")


@fuzz_settings(300)
@given(st.binary(max_size=512))
@example(b"PK")
@example(b"PK\x03\x04")
@example(b"PK\x05\x06" + bytes(18))  # an empty zip
def test_arbitrary_bytes(blob):
    _load(blob, "project arbitrary bytes")


FIELDS = ("app", "format_version", "title", "description", "lesson", "notes", "graph",
          "dataset", "training", "history", "extras", "has_weights")


@fuzz_settings(300)
@given(st.data())
def test_generated_project_json(data):
    meta = json.loads(json.dumps(VALID_META))
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        where = data.draw(st.sampled_from(["top", "node", "edge", "dataset"]), label="where")
        value = data.draw(json_values, label="value")
        if where == "top":
            meta[data.draw(st.sampled_from(FIELDS))] = value
        elif where == "node" and _dicts(meta, "nodes"):
            node = data.draw(st.sampled_from(_dicts(meta, "nodes")))
            key = data.draw(st.sampled_from(["id", "type", "params", "position", "name",
                                             "trainable", "call_kwargs", "call_style",
                                             "units", "activation"]))
            if key in ("units", "activation") and isinstance(node.get("params"), dict):
                node["params"][key] = value
            else:
                node[key] = value
        elif where == "edge" and _dicts(meta, "edges"):
            edge = data.draw(st.sampled_from(_dicts(meta, "edges")))
            edge[data.draw(st.sampled_from(["source", "target", "port", "source_port"]))] = value
        elif where == "dataset" and isinstance(meta.get("dataset"), dict):
            meta["dataset"][data.draw(st.sampled_from(["name", "params"]))] = value
    text = json.dumps(meta, allow_nan=True)
    _load(_zip({"project.json": text.encode(), "weights.npz": _weights_npz()}),
          "project.json generated")


def _dicts(meta: dict, key: str) -> list[dict]:
    graph = meta.get("graph")
    items = graph.get(key) if isinstance(graph, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _weights_npz(**arrays: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **(arrays or {"n2:0": np.ones((3, 4), "float32"),
                                "n2:1": np.zeros(4, "float32")}))
    return buf.getvalue()


weight_arrays = st.one_of(
    st.builds(lambda shape: np.zeros(shape, "float32"),
              st.lists(st.integers(0, 5), max_size=3).map(tuple)),
    st.just(np.array(["text"])), st.just(np.array([1 + 2j])),
    st.just(np.array([np.nan, np.inf], "float32")), st.just(np.array(True)),
    st.just(np.array([b"bytes"])))


@fuzz_settings(300)
@given(st.dictionaries(st.sampled_from(["n2:0", "n2:1", "n2:2", "n3:0", "n9:0", "n2", ":0",
                                        "n2:x", "n2:-1", "n2:00"]), weight_arrays,
                       max_size=4))
def test_crafted_weights(arrays):
    meta_text = json.dumps(VALID_META).encode()
    blob = _weights_npz(**arrays) if arrays else b"not an npz"
    _load(_zip({"project.json": meta_text, "weights.npz": blob}), "weights.npz crafted")


@fuzz_settings(30)
@given(st.integers(90, 20_000), st.sampled_from("[{"))
def test_deeply_nested_json_is_refused_cleanly(depth, bracket):
    closing = "]" if bracket == "[" else "}"
    inner = ('{"a":' * depth + "1" + "}" * depth) if bracket == "{" else \
        ("[" * depth + "]" * depth)
    text = f'{{"app": "{APP_ID}", "format_version": {FORMAT_VERSION}, "extras": {{"x": {inner}}}}}'
    assert closing in text
    _load(_zip({"project.json": text.encode()}), "project.json deeply nested")
