"""Findings 3-5 (medium): a project reaches no file outside itself, and sizes written in it
are checked before anything is unpacked or allocated."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import numpy as np
import pytest

from playground.errors import BuildError, ProjectFileError
from playground.files.project import Project, project_from_bytes, project_to_bytes
from playground.network.chains import chain_graph
from playground.network.graph import Graph
from playground.network.keras_build import build_model
from playground.network.shapes import infer_shapes
from tests.conftest import ROOT as ROOT_DIR


@pytest.mark.parametrize("layer_type, dtype", [("StringLookup", "string"),
                                               ("IntegerLookup", "int64"),
                                               ("TextVectorization", "string")])
def test_a_lookup_layer_cannot_read_a_vocabulary_file(tmp_path, layer_type, dtype):
    secret = tmp_path / "secret.txt"
    secret.write_text("4242\n4343\n" if layer_type == "IntegerLookup" else "password1\npassword2\n")
    graph = Graph("words")
    source = graph.add_node("Input", {"batch_shape": [None, 1], "dtype": dtype})
    lookup = graph.add_node(layer_type, {})
    graph.connect(source.id, lookup.id)
    lookup.params["vocabulary"] = str(secret)  # as a crafted project file has it
    report = infer_shapes(graph)
    error = report.nodes[lookup.id].error
    assert error is not None and str(secret) in error and "vocabulary" in error
    with pytest.raises(BuildError, match="vocabulary"):
        build_model(graph)


def _project_with_weights(npz_bytes: bytes) -> bytes:
    graph = chain_graph([("Input", {"batch_shape": [None, 2]}), ("Dense", {"units": 1})])
    data = project_to_bytes(Project(graph=graph))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("weights.npz", npz_bytes)
    return out.getvalue()


def test_a_weights_member_whose_header_lies_is_refused_before_unpacking():
    """The issue's 1.2 KB member claiming shape (10**12,): a MemoryError traceback before."""
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f8", "fortran_order": False, "shape": (10**12,)})
    npz = io.BytesIO()
    with zipfile.ZipFile(npz, "w") as zf:
        zf.writestr("n2:0.npy", header.getvalue() + b"\0" * 1024)
    with pytest.raises(ProjectFileError, match=r"declares 8000000000000 bytes"):
        project_from_bytes(_project_with_weights(npz.getvalue()), "bomb.kpg")


def test_a_deflated_weights_member_that_expands_like_a_bomb_is_refused():
    """A small file whose weights unpack to 64 MB of zeros (2.8 GB in the issue's case)."""
    body = io.BytesIO()
    np.lib.format.write_array(body, np.zeros(8 * 2**20, dtype=np.float64))
    npz = io.BytesIO()
    with zipfile.ZipFile(npz, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("n2:0.npy", body.getvalue())
    data = _project_with_weights(npz.getvalue())
    assert len(data) < 200_000
    with pytest.raises(ProjectFileError, match="zip bomb"):
        project_from_bytes(data, "bomb.kpg")


def test_honest_weights_still_load():
    graph = chain_graph([("Input", {"batch_shape": [None, 2]}), ("Dense", {"units": 3})])
    dense = graph.topological_order()[1]
    kernel = np.arange(6, dtype=np.float32).reshape(2, 3)
    data = project_to_bytes(Project(graph=graph, weights={dense.id: [kernel, np.ones(3)]}))
    loaded = project_from_bytes(data)
    np.testing.assert_array_equal(loaded.weights[dense.id][0], kernel)


def test_shape_inference_refuses_a_layer_over_the_cap_naming_it_and_its_size():
    graph = chain_graph([("Input", {"batch_shape": [None, 16384]}), ("Dense", {"units": 65536})])
    dense = graph.topological_order()[1]
    report = infer_shapes(graph)
    assert report.nodes[dense.id].error == (
        f"{dense.display_name()}: its weights would take 4.0 GB, more than the 2.0 GB a layer "
        "may have. Use fewer units or filters (or a smaller input before it).")
    with pytest.raises(BuildError, match="4.0 GB"):
        build_model(graph)


PEAK_SCRIPT = """
import resource
from playground.network.chains import chain_graph
from playground.network.shapes import infer_shapes
graph = chain_graph([("Input", {"batch_shape": [None, 16384]}), ("Dense", {"units": 30000})])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = infer_shapes(graph)
assert report.ok, report.error_summary()
assert report.total_params == 16384 * 30000 + 30000
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


@pytest.mark.slow
def test_shape_inference_allocates_no_weights():
    """A 1.8 GB Dense (under the cap) is inferred from shapes alone: the process's peak
    memory grows by far less than its weights (it grew by their full size before)."""
    run = subprocess.run([sys.executable, "-c", PEAK_SCRIPT], capture_output=True, text=True,
                         timeout=600, cwd=ROOT_DIR)
    assert run.returncode == 0, run.stderr[-2000:]
    grown_mb = int(run.stdout.split()[-1])
    assert grown_mb < 400, f"peak memory grew by {grown_mb} MB"
