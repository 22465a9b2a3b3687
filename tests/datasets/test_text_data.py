"""Text data: the generated topic sentences, and CSV columns kept as raw text (with the
clear refusals of an empty or numeric text column)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from playground.datasets import load_dataset, python_snippet
from playground.datasets.csv_import import CsvProblemsError
from playground.datasets.preview import make_preview

REVIEWS = """review,colour,stars,label
the soup was great and warm,red,5,good
cold bread and bad service,blue,1,bad
great cake lovely chef,red,4,good
bad sauce burnt pasta,green,2,bad
lovely salad great taste,red,5,good
awful cheese bad smell,blue,1,bad
"""


@pytest.fixture
def reviews(tmp_path: Path) -> str:
    path = tmp_path / "reviews.csv"
    path.write_text(REVIEWS)
    return str(path)


def test_sentences_are_text_reproducible_and_exported_identically() -> None:
    params = {"samples": 200, "seed": 3}
    data = load_dataset("sentences", params)
    assert data.x_train.dtype.kind == "U" and data.x_train.shape[1:] == (1,)
    assert data.input_shape == (1,) and data.num_classes == 4
    again = load_dataset("sentences", params)
    np.testing.assert_array_equal(data.x_train, again.x_train)
    namespace: dict = {}
    exec(python_snippet("sentences", params), namespace)  # the exported program's code
    np.testing.assert_array_equal(namespace["x_train"], data.x_train)
    np.testing.assert_array_equal(namespace["y_test"], data.y_test)
    preview = make_preview(data)
    assert preview["kind"] == "table" and isinstance(preview["rows"][0][0], str)


def test_csv_text_column_is_kept_as_raw_text(reviews: str) -> None:
    params = {"path": reviews, "target": "label", "text_columns": ["review"],
              "test_fraction": 0.34}
    data = load_dataset("csv", params)
    assert data.x_train.dtype.kind == "U" and data.input_shape == (1,)
    assert set(data.x_train[:, 0]) | set(data.x_test[:, 0]) == \
        {line.split(",")[0] for line in REVIEWS.splitlines()[1:]}
    namespace: dict = {}
    exec(python_snippet("csv", params), namespace)
    np.testing.assert_array_equal(namespace["x_train"], data.x_train)
    np.testing.assert_array_equal(namespace["y_train"], data.y_train)


def test_a_category_column_can_be_kept_as_text_too(reviews: str) -> None:
    data = load_dataset("csv", {"path": reviews, "target": "label",
                                "features": ["review", "colour"],
                                "text_columns": ["review", "colour"]})
    assert data.x_train.shape[1:] == (2,) and data.extras["text_columns"] == ["review",
                                                                              "colour"]


@pytest.mark.parametrize("settings, words", [
    ({"text_columns": ["stars"]}, "Column 'stars': holds numbers, not text"),
    ({"text_columns": ["review"], "features": ["review", "stars"]},
     "the other features (stars) cannot be used too"),
    ({"text_columns": ["review"], "features": ["colour"]}, "is not a feature"),
])
def test_bad_text_columns_are_refused_clearly(reviews: str, settings: dict,
                                              words: str) -> None:
    with pytest.raises(CsvProblemsError, match=r"(?s)problems.*" + words.replace("(", r"\(")
                       .replace(")", r"\)")):
        load_dataset("csv", {"path": reviews, "target": "label", **settings})


def test_an_empty_text_column_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("note,label\n,a\n,b\n,a\n")
    with pytest.raises(CsvProblemsError, match="Column 'note': is empty: no row has text"):
        load_dataset("csv", {"path": str(path), "target": "label", "text_columns": ["note"]})
