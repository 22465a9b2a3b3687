"""Project files (``.kpg``): everything needed to reopen a session and continue training.

A project file is a zip archive holding ``project.json`` (format version, graph with
positions, dataset choice and settings, training settings, notes, lesson, history, extras)
and, once trained, ``weights.npz`` (numpy's standard container, read with
``allow_pickle=False``). Nothing in a project file is ever executed: no pickle, no eval.
Saving writes a temporary file and renames it over the old one.
"""
from __future__ import annotations

import io
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from playground.errors import GraphError, ProjectFileError
from playground.files.fileio import atomic_write_bytes
from playground.i18n import _
from playground.network.graph import Graph
from playground.network.vocabulary import LOOKUP_CLASSES

# 2: nodes may share another node's layer ("shares"), be keras.ops operations
#    ("ops.numpy.Add", call template in call_kwargs["__args__"]) or nested models
#    ("Functional"/"Sequential" holding the inner model's config). A version-1 graph is a
#    valid version-2 graph, so its migration changes nothing; an older app refuses version 2.
FORMAT_VERSION = 2
APP_ID = "keras-playground"
SUFFIX = ".kpg"
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_WEIGHTS_BYTES = 4 * 1024**3
MAX_COMPRESSION_RATIO = 200  # zip-bomb guard for the JSON part
MAX_JSON_DEPTH = 100  # real projects nest < 15 levels; deeper JSON breaks copy/save
# What zipfile raises for damaged archives: besides BadZipFile, a bad offset gives
# ValueError, an unknown compression NotImplementedError, an encrypted member RuntimeError.
ZIP_READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError,
                   NotImplementedError, RuntimeError, KeyError)


@dataclass
class Project:
    graph: Graph = field(default_factory=Graph)
    dataset: dict[str, Any] = field(default_factory=lambda: {"name": "xor", "params": {}})
    training: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    description: str = ""
    lesson: str = ""
    notes: str = ""
    weights: dict[str, list[np.ndarray]] | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    # Hyper-parameter search: {"space": [...], "settings": {...}} (playground.tuning).
    tuning: dict[str, Any] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "app": APP_ID,
            "format_version": FORMAT_VERSION,
            "title": self.title,
            "description": self.description,
            "lesson": self.lesson,
            "notes": self.notes,
            "graph": self.graph.to_dict(),
            "dataset": self.dataset,
            "training": self.training,
            "history": self.history,
            "extras": self.extras,
            "tuning": self.tuning,
            "has_weights": bool(self.weights),
        }


def project_to_bytes(project: Project) -> bytes:
    return pack_project(project.to_json_dict(), project.weights)


def pack_project(meta: dict[str, Any], weights: dict[str, list[np.ndarray]] | None) -> bytes:
    """The file's bytes from ``Project.to_json_dict()`` and the weights. Split out so the
    autosave can copy the JSON part on the UI thread and pack it on a worker thread."""
    try:
        text = json.dumps(meta, indent=1, allow_nan=True)
    except (TypeError, ValueError, RecursionError) as exc:
        raise ProjectFileError((_("The project holds a value that cannot be saved as JSON ({exc}).")
                                  .format(exc=exc))) from exc
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        # A fixed timestamp: the same project always gives the same bytes (no churn in
        # version control for the presets, reproducible files).
        zf.writestr(_entry("project.json", zipfile.ZIP_DEFLATED), text)
        if weights:
            arrays = {f"{node_id}:{i}": np.asarray(a)
                      for node_id, values in weights.items()
                      for i, a in enumerate(values)}
            wbuf = io.BytesIO()  # an .npz (what np.savez writes), with fixed timestamps
            with zipfile.ZipFile(wbuf, "w", compression=zipfile.ZIP_STORED) as npz:
                for key, array in arrays.items():
                    with npz.open(_entry(f"{key}.npy", zipfile.ZIP_STORED), "w",
                                  force_zip64=True) as fh:
                        np.lib.format.write_array(fh, array, allow_pickle=False)
            zf.writestr(_entry("weights.npz", zipfile.ZIP_STORED), wbuf.getvalue())
    return buffer.getvalue()


def _entry(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = compression
    info.external_attr = 0o644 << 16
    return info


def save_project(project: Project, path: str | Path) -> Path:
    """Write ``project`` to ``path`` atomically; the previous file survives any failure."""
    path = Path(path)
    data = project_to_bytes(project)  # fully serialized before the old file is touched
    atomic_write_bytes(path, data)
    return path


def load_project(path: str | Path) -> Project:
    """Read a project file; every problem becomes a ProjectFileError that says what's wrong."""
    path = Path(path)
    if not path.exists():
        raise ProjectFileError(_("{path} does not exist.").format(path=path))
    if not path.is_file():
        raise ProjectFileError(_("{path} is a folder, not a project file.").format(path=path))
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES + MAX_WEIGHTS_BYTES:  # checked before reading it all in
            raise ProjectFileError((_("{name} is {value:.1f} GB, larger than any real project: it is not a "
                                      "project file, or it is damaged.")
                                      .format(name=path.name, value=size / 2**30)))
        data = path.read_bytes()
    except OSError as exc:
        raise ProjectFileError((_("{name} cannot be read: {value}.")
                                  .format(name=path.name, value=exc.strerror or exc))) from exc
    return project_from_bytes(data, path.name)


def project_from_bytes(data: bytes, label: str = _("The file")) -> Project:
    if not data:
        raise ProjectFileError((_("{label} is empty (0 bytes): it is not a project. If it is your project, "
                                  "restore it from a backup or the recovery file.")
                                  .format(label=label)))
    if not data.startswith(b"PK"):
        hint = (_(" It is a text/JSON file; a project file is a .kpg archive saved by the app.")
                if data.lstrip()[:1] in (b"{", b"[") else "")
        raise ProjectFileError((_("{label} is not a Keras Playground project (.kpg).{hint}")
                                  .format(label=label, hint=hint)))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_READ_ERRORS as exc:
        raise ProjectFileError((_("{label} is damaged or truncated ({exc}); it cannot be opened. Use a "
                                  "backup or the recovery copy.")
                                  .format(label=label, exc=exc))) from None
    with zf:
        names = set(zf.namelist())
        if "project.json" not in names:
            if "config.json" in names:
                raise ProjectFileError((_("{label} is a Keras model, not a project: use File → Import .keras (or "
                                          "`playground import`).")
                                          .format(label=label)))
            raise ProjectFileError((_("{label} is a zip archive but not a Keras Playground project (it has no "
                                      "project.json).")
                                      .format(label=label)))
        raw = _read_member(zf, "project.json", MAX_JSON_BYTES, label)
        try:
            meta = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProjectFileError((_("{label}: project.json is damaged ({exc}).")
                                      .format(label=label, exc=exc))) from None
        except RecursionError:
            meta = None
        if meta is None or _nesting_depth(meta) > MAX_JSON_DEPTH:
            raise ProjectFileError((_("{label}: project.json is nested more than {MAX_JSON_DEPTH} levels deep, "
                                      "which no real project is; the file is damaged or crafted.")
                                      .format(label=label, MAX_JSON_DEPTH=MAX_JSON_DEPTH)))
        project = _project_from_json(meta, label)
        if "weights.npz" in names:
            project.weights = _read_weights(zf, project.graph, label)
    return project


def _read_member(zf: zipfile.ZipFile, name: str, limit: int, label: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise ProjectFileError((_("{label}: {name} is {value} MB, larger than any real project ({value2} "
                                  "MB at most).")
                                  .format(label=label, name=name, value=info.file_size // 2**20, value2=limit // 2**20)))
    if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO \
            and info.file_size > 1024 * 1024:
        raise ProjectFileError((_("{label}: {name} expands {value} times when unpacked; refusing a "
                                  "suspected zip bomb.")
                                  .format(label=label, name=name, value=info.file_size // info.compress_size)))
    try:
        return zf.read(name)
    except ZIP_READ_ERRORS as exc:
        raise ProjectFileError((_("{label} is damaged or truncated ({exc}).")
                                  .format(label=label, exc=exc))) from None


def _nesting_depth(value: Any) -> int:
    """How deeply lists/objects nest (iterative: a crafted file cannot overflow the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                return depth
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _expect(meta: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any,
            label: str) -> Any:
    value = meta.get(key, default)
    if not isinstance(value, kind):
        raise ProjectFileError((_("{label}: '{key}' has the wrong type in project.json (expected {kind}).")
                                  .format(label=label, key=key, kind=getattr(kind, '__name__', kind))))
    return value


def migrate(meta: dict[str, Any], version: int) -> dict[str, Any]:
    """project.json of format ``version`` brought to :data:`FORMAT_VERSION`, step by step."""
    steps: dict[int, Any] = {1: lambda m: m}  # 1 -> 2: only additions (see FORMAT_VERSION)
    for step in range(version, FORMAT_VERSION):
        meta = steps[step](meta)
    return meta


def _project_from_json(meta: Any, label: str) -> Project:
    if not isinstance(meta, dict) or meta.get("app") != APP_ID:
        raise ProjectFileError(_("{label} is not a Keras Playground project.").format(label=label))
    version = meta.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectFileError((_("{label} has no valid format_version; it is damaged.")
                                  .format(label=label)))
    if version > FORMAT_VERSION:
        raise ProjectFileError((_("{label} was made by a newer version of Keras Playground (file format "
                                  "{version}; this version reads up to {FORMAT_VERSION}). Update the app "
                                  "to open it.")
                                  .format(label=label, version=version, FORMAT_VERSION=FORMAT_VERSION)))
    meta = migrate(meta, version)
    graph_data = _expect(meta, "graph", dict, {}, label)
    try:
        graph = Graph.from_dict(graph_data)
    except GraphError as exc:
        raise ProjectFileError((_("{label}: the model in the file is invalid: {exc}")
                                  .format(label=label, exc=exc))) from None
    dataset = _expect(meta, "dataset", dict, {"name": "xor", "params": {}}, label)
    if not isinstance(dataset.get("name"), str) or not isinstance(dataset.get("params", {}),
                                                                  dict):
        raise ProjectFileError((_("{label}: the dataset choice needs a 'name' and 'params'.")
                                  .format(label=label)))
    dataset.setdefault("params", {})
    history = _expect(meta, "history", list, [], label)
    if not all(isinstance(run, dict) for run in history):
        raise ProjectFileError(_("{label}: the training history is damaged.").format(label=label))
    return Project(
        graph=graph,
        dataset=dataset,
        training=_expect(meta, "training", dict, {}, label),
        title=_expect(meta, "title", str, "", label),
        description=_expect(meta, "description", str, "", label),
        lesson=_expect(meta, "lesson", str, "", label),
        notes=_expect(meta, "notes", str, "", label),
        history=history,
        extras=_expect(meta, "extras", dict, {}, label),
        tuning=_expect(meta, "tuning", dict, {}, label),
    )


def _npy_header(fh: Any) -> tuple[tuple[int, ...], np.dtype]:
    version = np.lib.format.read_magic(fh)
    if version == (1, 0):
        shape, _fortran, dtype = np.lib.format.read_array_header_1_0(fh)
    elif version == (2, 0):
        shape, _fortran, dtype = np.lib.format.read_array_header_2_0(fh)
    else:
        raise ValueError(f"unsupported .npy version {version}")
    return shape, dtype


def check_weight_members(npz: zipfile.ZipFile, label: str) -> None:
    """Every member of weights.npz checked from its header alone, before any is unpacked:
    its data must be exactly the size its header declares (shape x dtype), it may not
    expand like a zip bomb, and all of them together stay under MAX_WEIGHTS_BYTES."""
    total = 0
    for info in npz.infolist():
        if info.compress_size and info.file_size > 1024 * 1024 \
                and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
            raise ProjectFileError(_("{label}: the weights entry {name} expands {value} times "
                                     "when unpacked; refusing a suspected zip bomb.").format(
                                         label=label, name=info.filename,
                                         value=info.file_size // info.compress_size))
        with npz.open(info) as fh:
            shape, dtype = _npy_header(fh)
            header = fh.tell()
        if dtype.hasobject or dtype.itemsize == 0 \
                or not all(isinstance(d, int) and d >= 0 for d in shape):
            raise ProjectFileError(_("{label}: the weights entry {name} is not an array of "
                                     "numbers.").format(label=label, name=info.filename))
        declared = int(np.prod(shape, dtype=object)) * dtype.itemsize
        if declared != info.file_size - header:
            raise ProjectFileError(_("{label}: the weights entry {name} declares {declared} "
                                     "bytes (shape {shape}) but holds {size}; the file is "
                                     "damaged or crafted.").format(
                                         label=label, name=info.filename, declared=declared,
                                         shape=tuple(shape), size=info.file_size - header))
        total += declared
        if total > MAX_WEIGHTS_BYTES:
            raise ProjectFileError(_("{label}: the weights would take more than {value} GB "
                                     "unpacked, larger than any real project.").format(
                                         label=label, value=MAX_WEIGHTS_BYTES // 2**30))


def _read_weights(zf: zipfile.ZipFile, graph: Graph, label: str) -> dict[str, list[np.ndarray]]:
    raw = _read_member(zf, "weights.npz", MAX_WEIGHTS_BYTES, label)
    weights: dict[str, dict[int, np.ndarray]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as npz_zip:
            check_weight_members(npz_zip, label)
        with np.load(io.BytesIO(raw), allow_pickle=False) as npz:
            for key in npz.files:
                node_id, _colon, index = key.rpartition(":")
                if not node_id or not index.isdigit():
                    raise ProjectFileError((_("{label}: weights.npz has an unexpected entry {key!r}.")
                                              .format(label=label, key=key)))
                array = npz[key]
                if array.dtype.kind not in "biufU":  # U: a lookup layer's vocabulary
                    raise ProjectFileError((_("{label}: weights for {node_id} are not numbers.")
                                              .format(label=label, node_id=node_id)))
                if array.dtype.kind == "U" and node_id in graph \
                        and graph.node(node_id).spec.keras_class not in LOOKUP_CLASSES:
                    raise ProjectFileError(_(
                        "{label}: the weights of {node} are text, but only a lookup layer "
                        "keeps words; a {kind} layer needs numbers. The file is damaged: "
                        "delete weights.npz from it to keep the model without its training.")
                        .format(label=label, node=graph.node(node_id).display_name(),
                                kind=graph.node(node_id).spec.keras_class))
                if node_id in graph:  # weights of nodes deleted before saving are dropped
                    weights.setdefault(node_id, {})[int(index)] = array
    except ProjectFileError:
        raise
    except (*ZIP_READ_ERRORS, TypeError, MemoryError) as exc:
        raise ProjectFileError((_("{label}: the saved weights are damaged ({exc}). Open a backup, or "
                                  "delete weights.npz from the file to keep the model without its training.")
                                  .format(label=label, exc=exc))) from None
    result: dict[str, list[np.ndarray]] = {}
    for node_id, by_index in weights.items():
        if sorted(by_index) != list(range(len(by_index))):
            raise ProjectFileError((_("{label}: the weights of {node_id} are incomplete.")
                                      .format(label=label, node_id=node_id)))
        result[node_id] = [by_index[i] for i in range(len(by_index))]
    return result
