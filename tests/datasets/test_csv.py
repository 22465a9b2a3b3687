"""CSV import: detection, encoding, train-only scaling, problems with row and column."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from playground.datasets import load_dataset, python_snippet
from playground.datasets.csv_import import CsvProblemsError, check
from playground.datasets.csv_table import read_csv
from playground.errors import DatasetError


def write(tmp_path: Path, text: str, name: str = "table.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


IRIS_LIKE = "\n".join(
    ["sepal,petal,colour,species"] +
    [f"{5 + i % 7 * 0.1:.1f},{1 + i % 5 * 0.3:.1f},{['red', 'blue'][i % 2]},"
     f"{['setosa', 'virginica', 'versicolor'][i % 3]}" for i in range(60)]) + "\n"


def test_text_target_is_classification_with_class_names_kept(tmp_path):
    ds = load_dataset("csv", {"path": write(tmp_path, IRIS_LIKE), "target": "species"})
    assert ds.task == "multiclass"
    assert ds.class_names == ["setosa", "versicolor", "virginica"]  # sorted, kept
    assert ds.y_train.dtype == np.int32 and set(np.unique(ds.y_train)) <= {0, 1, 2}
    # text feature one-hot encoded, numeric ones kept by name
    assert ds.extras["feature_names"] == ["sepal", "petal", "colour = blue", "colour = red"]
    assert ds.input_shape == (4,) and len(ds.x_train) == 48 and len(ds.x_test) == 12
    onehot = ds.x_train[:, 2:]
    assert set(np.unique(onehot)) == {0.0, 1.0} and np.all(onehot.sum(axis=1) == 1)


def test_numeric_features_standardized_with_training_rows_only(tmp_path):
    ds = load_dataset("csv", {"path": write(tmp_path, IRIS_LIKE), "target": "species"})
    numeric = ds.x_train[:, :2]
    assert np.allclose(numeric.mean(axis=0), 0, atol=1e-5)
    assert np.allclose(numeric.std(axis=0), 1, atol=1e-4)
    # the test rows are scaled with the training statistics, so they are not exactly 0/1
    stats = ds.extras["scaling"]
    table = read_csv(tmp_path / "table.csv")
    raw = table.column("sepal").values
    assert stats["offset"][0] != pytest.approx(raw.mean())  # not the all-rows mean
    unscaled = ds.x_test[:, 0] * stats["scale"][0] + stats["offset"][0]
    assert np.all(np.min(np.abs(unscaled[:, None] - raw[None, :]), axis=1) < 1e-4)


def test_task_detected_and_changeable(tmp_path):
    text = "x,grade,price\n" + "".join(f"{i},{i % 3},{i * 1.37 + 0.5}\n" for i in range(150))
    path = write(tmp_path, text)
    assert load_dataset("csv", {"path": path, "target": "price"}).task == "regression"
    graded = load_dataset("csv", {"path": path, "target": "grade", "features": ["x"]})
    assert graded.task == "multiclass" and graded.class_names == ["0", "1", "2"]
    forced = load_dataset("csv", {"path": path, "target": "grade", "task": "regression"})
    assert forced.task == "regression" and forced.y_train.dtype == np.float32
    with pytest.raises(DatasetError, match="too many classes"):
        load_dataset("csv", {"path": path, "target": "price", "task": "classification"})


def test_problems_are_listed_with_row_and_column(tmp_path):
    text = ("age,city,income,label\n30,Paris,1000,yes\n,Rome,2000,no\n"
            "25,Paris,abc,yes\n40,Oslo,1500,\n33,Rome,1200,no\n35,Oslo,1300,no\n")
    path = write(tmp_path, text)
    with pytest.raises(CsvProblemsError) as info:
        load_dataset("csv", {"path": path})
    found = [(p.row, p.column) for p in info.value.problems]
    assert found == [(3, "age"), (4, "income"), (5, "label")]
    message = str(info.value)
    assert "Row 3, column 'age': missing value" in message
    assert "found 'abc'" in message and "skip rows" in message
    # skipping drops exactly those rows and says so
    ds = load_dataset("csv", {"path": path, "on_problem": "skip rows", "test_fraction": 0.34})
    assert len(ds.x_train) + len(ds.x_test) == 3
    assert len(ds.problems) == 3 and "row 4" in ds.problems[1].lower()


def test_single_class_and_ragged_rows_are_reported(tmp_path):
    one = write(tmp_path, "a,b\n1,x\n2,x\n3,x\n", "one.csv")
    with pytest.raises(CsvProblemsError, match="single class \\('x'\\)"):
        load_dataset("csv", {"path": one})
    ragged = write(tmp_path, "a,b,c\n1,2,x\n3,4\n5,6,y\n7,8,x\n", "ragged.csv")
    with pytest.raises(CsvProblemsError) as info:
        load_dataset("csv", {"path": ragged})
    assert any(p.row == 3 and "2 values but the header has 3" in p.message
               for p in info.value.problems)


def test_wrong_column_and_file_errors_name_the_fix(tmp_path):
    path = write(tmp_path, IRIS_LIKE)
    with pytest.raises(DatasetError, match="no column named 'kind'.*sepal, petal"):
        load_dataset("csv", {"path": path, "target": "kind"})
    with pytest.raises(DatasetError, match="cannot be opened"):
        load_dataset("csv", {"path": str(tmp_path / "nope.csv")})
    with pytest.raises(DatasetError, match="No table file"):
        load_dataset("csv")
    empty = write(tmp_path, "", "empty.csv")
    with pytest.raises(DatasetError, match="empty"):
        load_dataset("csv", {"path": empty})
    binary = tmp_path / "book.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(DatasetError, match="Save it as CSV"):
        load_dataset("csv", {"path": str(binary)})


def test_semicolons_quotes_and_latin1(tmp_path):
    text = 'name;size;kind\n"Müller; Jr";1,5;a\nB;2;b\nC;3;a\nD;4;b\n'
    path = tmp_path / "semi.csv"
    path.write_bytes(text.replace("1,5", "1.5").encode("cp1252"))
    table = read_csv(path)
    assert table.delimiter == ";" and table.column_names == ["name", "size", "kind"]
    assert table.column("name").text[0] == "Müller; Jr"
    sel = check(table, ["size"], "kind")
    assert sel.task == "classification" and not sel.problems and not sel.fatal


def test_snippet_matches_the_app(tmp_path):
    text = ("age,city,income,label\n30,Paris,1000,yes\n,Rome,2000,no\n" +
            "".join(f"{20 + i},{['Oslo', 'Rome'][i % 2]},{900 + 37 * i},{['no', 'yes'][i % 2]}\n"
                    for i in range(30)))
    params = {"path": write(tmp_path, text), "on_problem": "skip rows", "seed": 5}
    ds = load_dataset("csv", params)
    ns: dict = {}
    exec(python_snippet("csv", params), ns)
    assert np.allclose(ns["x_train"], ds.x_train, atol=1e-6)
    assert np.array_equal(ns["y_test"], ds.y_test)


def test_hundred_thousand_rows_load_completely(tmp_path):
    """Every row arrives, split 80/20, with its own label. (How fast: a timing claim,
    benchmarks/bench_timing_claims.py csv_load.)"""
    rng = np.random.default_rng(0)
    values = rng.normal(size=(100_000, 4))
    lines = ["a,b,c,d,label"] + [f"{r[0]:.4f},{r[1]:.4f},{r[2]:.4f},{r[3]:.4f},{int(r[0] > 0)}"
                                 for r in values]
    path = write(tmp_path, "\n".join(lines) + "\n", "big.csv")
    ds = load_dataset("csv", {"path": path})
    assert len(ds.x_train) == 80_000 and len(ds.x_test) == 20_000 and ds.task == "binary"
    labels = np.concatenate([ds.y_train, ds.y_test])
    assert labels.sum() == int((values[:, 0] > 0).sum())   # each row's own label
