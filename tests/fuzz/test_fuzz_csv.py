"""The CSV importer on generated and broken tables: a Dataset whose arrays are finite and
consistent, or a DatasetError with a message; nothing else."""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from playground.datasets import load_dataset
from playground.errors import DatasetError
from tests.fuzz.strategies import count, fuzz_settings

numbers = st.one_of(st.integers(-1000, 1000).map(str),
                    st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: f"{v:.4g}"))
odd_cells = st.one_of(
    st.integers(-1000, 1000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["", " ", "NA", "nan", "NaN", "inf", "-inf", "1e309", "null", "?",
                     "yes", "no", "cat", "dog", "1,5", '"quoted, cell"', '"', "0x10",
                     "١٢", "1_000", " 3 ", "TRUE", "\t", "1e300", "-3e20", "1e16",
                     "3.4e38", "1e-320"]),
    st.text(max_size=6))
# Mostly clean numbers with a few odd cells, so that both outcomes are exercised.
cells = st.one_of(numbers, numbers, numbers, numbers, st.sampled_from(["a", "b"]), odd_cells)


@st.composite
def tables(draw) -> tuple[str, list[str]]:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    width = draw(st.integers(1, 5) if draw(st.integers(0, 9)) == 0 else st.integers(2, 5))
    header = [draw(st.one_of(st.sampled_from(["x", "y", "label", "", "x", "z", "w"]),
                             st.sampled_from(["a", "b", "c"]), st.text(max_size=5)))
              for _ in range(width)]
    ragged = draw(st.integers(0, 9)) == 0
    rows = draw(st.lists(st.lists(cells, min_size=max(0, width - ragged),
                                  max_size=width + ragged), min_size=draw(st.sampled_from([0, 3, 3, 3])),
                         max_size=25))
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines), header


def _load(content: bytes, params: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "table.csv"
        path.write_bytes(content)
        try:
            ds = load_dataset("csv", {"path": str(path), **params})
        except DatasetError as exc:
            assert str(exc).strip(), "a refused table must say why"
            count("csv tables", "refused")
            return
    count("csv tables", "loaded")
    for x, y in ((ds.x_train, ds.y_train), (ds.x_test, ds.y_test)):
        if x is None:
            continue
        assert len(x) == len(y)
        assert np.isfinite(x).all(), "NaN/inf must never reach training"
        assert np.isfinite(np.asarray(y, dtype=float)).all()
        assert x.shape[1:] == tuple(ds.input_shape)
    if ds.task in ("binary", "multiclass"):
        assert set(np.unique(ds.y_train)) <= set(range(len(ds.class_names)))


@fuzz_settings(250)
@given(tables(), st.data())
def test_generated_tables(table, data):
    text, header = table
    params = {
        "target": data.draw(st.one_of(st.just(""), st.sampled_from(header),
                                      st.text(max_size=4)), label="target"),
        "features": data.draw(st.one_of(st.just([]), st.lists(
            st.one_of(st.sampled_from(header), st.text(max_size=3)), max_size=3)),
            label="features"),
        "task": data.draw(st.sampled_from(["auto", "classification", "regression"])),
        "on_problem": data.draw(st.sampled_from(["stop", "skip rows"])),
        "has_header": data.draw(st.sampled_from([True, True, True, False])),
    }
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16",
                                          "latin-1"]))
    _load(text.encode(encoding, errors="replace"), params)


@fuzz_settings(150)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(blob):
    _load(blob, {})


@fuzz_settings(100)
@given(st.dictionaries(st.sampled_from(["target", "features", "task", "test_fraction",
                                        "scaling", "on_problem", "has_header", "seed",
                                        "unknown"]),
                       st.one_of(st.none(), st.booleans(), st.integers(-5, 5),
                                 st.floats(allow_nan=True), st.text(max_size=4),
                                 st.lists(st.text(max_size=3), max_size=2)), max_size=4))
def test_bad_settings(params):
    _load(b"a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n", params)
