"""Text columns of the user's table kept as raw text, for a model with a string Input.

Normally a text feature becomes one-hot numbers (a few categories at most). A column marked
as text instead goes into the model as it is (sentences, or category names of any number),
and the model turns it into numbers itself with TextVectorization or StringLookup, whose
vocabulary is learned from the training split only (before training, by the engine).

A model has one Input, so when text columns are kept, every feature must be one.
"""
from __future__ import annotations

import numpy as np

from playground.datasets.csv_table import CsvTable, Problem


def text_column_problems(table: CsvTable, features: list[str],
                         text_columns: list[str]) -> list[Problem]:
    """Column problems that stop loading: a text column that is not a feature, holds
    numbers or is empty, and feature columns that are not text columns."""
    fatal: list[Problem] = []
    for name in text_columns:
        column = table.column(name)  # raises with the list of real columns
        if name not in features:
            fatal.append(Problem("is marked as a text column but is not a feature: tick it "
                                 "as a feature, or unmark it.", name))
        elif not np.any(~column.missing):
            fatal.append(Problem("is empty: no row has text in it. Unmark it as a text "
                                 "column, or fill it in the file.", name))
        elif column.kind == "numeric":
            fatal.append(Problem("holds numbers, not text, so it cannot be kept as text: "
                                 "unmark it as a text column (its numbers are then used as "
                                 "they are), or choose a column of words.", name))
    others = [f for f in features if f not in text_columns]
    if text_columns and others:
        fatal.append(Problem(
            "A model with one Input takes either raw text or numbers: with text columns "
            f"kept as text, the other features ({', '.join(others)}) cannot be used too. "
            "Untick them, or mark them as text columns as well."))
    return fatal


def text_matrix(table: CsvTable, names: list[str], rows: np.ndarray) -> np.ndarray:
    """The chosen rows of the text columns, as an (n, columns) array of strings."""
    return np.stack([table.column(name).text[rows] for name in names], axis=1).astype(np.str_)
