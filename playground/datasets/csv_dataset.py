"""The user's CSV table registered as a dataset: its settings, loading, and exported code."""
from __future__ import annotations

from typing import Any

from playground.datasets.base import (Dataset, DatasetEntry, DatasetInfo, DatasetParam,
                                      scaling_param, seed_param, test_fraction_param)
from playground.datasets.csv_import import ON_PROBLEM, TASK_CHOICES, build
from playground.datasets.csv_snippet import csv_snippet
from playground.datasets.csv_table import read_csv
from playground.errors import DatasetError
from playground.i18n import N_, _


INFO = DatasetInfo(
    "csv", _("Your table (CSV)"),
    _("Any table saved as CSV: choose the columns to learn from and the column to predict."),
    _("Your data"), ("binary", "multiclass", "regression"),
    (DatasetParam("path", "path", "", _("The CSV file (a header row, then one example per "
                    "row)."), label=N_("File")),
     DatasetParam("target", "text", "", _("Column to predict (empty = the last column)."),
                  label=_("Target column")),
     DatasetParam("features", "columns", [], _("Columns the model learns from (empty = all "
                    "columns except the target)."), label=_("Feature columns")),
     DatasetParam("text_columns", "columns", [], _("Feature columns kept as raw text "
                  "(sentences or category names) for a text Input (dtype 'string') with "
                  "TextVectorization or StringLookup; all features must then be text "
                  "columns. Empty: text columns become one-hot numbers."),
                  label=_("Keep as text"), advanced=True),
     DatasetParam("task", "choice", "auto", _("Predict classes (categories) or a number; "
                    "'auto' decides from the target column."), choices=TASK_CHOICES),
     test_fraction_param(0.2), scaling_param("standardize"),
     DatasetParam("on_problem", "choice", "stop", _("What to do with rows that have missing "
                    "or wrong values: stop and list them, or leave exactly those rows out."),
                  label=_("Rows with problems"), choices=ON_PROBLEM),
     DatasetParam("has_header", "bool", True, _("The first row holds the column names."),
                  advanced=True),
     seed_param()))


def load(params: dict[str, Any]) -> Dataset:
    if not params["path"]:
        raise DatasetError(_("No table file is chosen. Pick a CSV file in the dataset panel "
                             "(Import CSV…)."))
    table = read_csv(params["path"], params["has_header"])
    return build(table, params["features"], params["target"], params["task"],
                 params["test_fraction"], params["scaling"], params["on_problem"],
                 params["seed"], params["text_columns"])


def snippet(params: dict[str, Any]) -> str:
    return csv_snippet(params)


def entries() -> list[DatasetEntry]:
    return [DatasetEntry(INFO, load, snippet)]


# ------------------------------------------------------------ for the import dialog
