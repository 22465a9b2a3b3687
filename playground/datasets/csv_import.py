"""The user's own table as a dataset: pick feature columns and a target column.

- The task is detected (text target or few distinct whole numbers: classification; other
  numbers: regression) and can be changed.
- Text targets become class ids; the class names are kept for the UI and the export.
- Text feature columns with few distinct values become one-hot columns.
- Numeric features are scaled with statistics of the training split only.
- Problems (missing values, text in a numeric column, rows of the wrong length, a single
  class) are reported with row and column. Nothing is dropped silently: by default loading
  stops with the list; the setting "skip rows with problems" drops exactly the listed rows
  and says so in ``Dataset.problems``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from playground.datasets.base import Dataset, split_train_test
from playground.datasets.csv_table import Column, CsvTable, Problem
from playground.datasets.csv_text import text_column_problems, text_matrix
from playground.datasets.scaling import fit_scaler
from playground.errors import DatasetError
from playground.i18n import N_, _, ngettext

# Values stored in projects; N_ marks them so the app shows them translated.
TASK_CHOICES = (N_("auto"), N_("classification"), N_("regression"))
ON_PROBLEM = (N_("stop"), N_("skip rows"))
MAX_CATEGORIES = 30       # a text feature with more distinct values is refused
MAX_CLASSES = 100
CLASSIFY_MAX_UNIQUE = 20  # whole-number targets with at most this many values are classes
MAX_LISTED = 1000         # problems kept as objects; the count is always exact
# Larger numbers overflow float32 (max 3.4e38) or its squares when scaling, giving inf/NaN.
LARGEST_NUMBER = 1e15
TOO_LARGE = (_("number too large to learn from (more than {LARGEST_NUMBER:g} in size): "
               "rescale the column (e.g. thousands instead of units) or leave the row "
               "out.").format(LARGEST_NUMBER=LARGEST_NUMBER))


class CsvProblemsError(DatasetError):
    """Loading stopped because of problems in the table; ``problems`` lists them all."""

    def __init__(self, message: str, problems: list[Problem], total: int):
        super().__init__(message)
        self.problems = problems
        self.total = total


@dataclass
class Selection:
    """What the user picked, checked against the table."""

    features: list[str]
    target: str
    task: str                                  # "classification" or "regression"
    problems: list[Problem] = field(default_factory=list)      # cell problems (by row)
    fatal: list[Problem] = field(default_factory=list)         # column problems
    bad_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    total_problems: int = 0
    text_columns: list[str] = field(default_factory=list)     # features kept as raw text


def detect_task(column: Column) -> str:
    """Classification for text or few distinct whole numbers, else regression."""
    if column.kind == "text":
        return "classification"
    values = column.values[~np.isnan(column.values)]
    unique = np.unique(values)
    if len(unique) <= CLASSIFY_MAX_UNIQUE and np.all(unique == np.round(unique)):
        return "classification"
    return "regression"


def default_target(table: CsvTable) -> str:
    return table.column_names[-1]


def check(table: CsvTable, features: list[str] | None, target: str | None,
          task: str = "auto", text_columns: list[str] | None = None) -> Selection:
    """Validate a choice of columns and list every problem with its row and column.
    ``text_columns`` are features kept as raw text (see csv_text)."""
    target = target or default_target(table)
    target_col = table.column(target)
    text_columns = list(text_columns or [])
    features = list(features) if features else (
        list(text_columns) or [n for n in table.column_names if n != target])
    for name in features:
        table.column(name)  # raises with the list of real columns
    fatal: list[Problem] = text_column_problems(table, features, text_columns)
    if target in features:
        fatal.append(Problem(_("is both the target and a feature: untick it as a feature."),
                             target))
    if not features:
        fatal.append(Problem(_("No feature columns are selected: tick at least one column "
                               "the model may use to predict.")))
    if task not in TASK_CHOICES:
        raise DatasetError((_("The task must be one of {TASK_CHOICES}; received {task!r}.")
                              .format(TASK_CHOICES=', '.join(TASK_CHOICES), task=task)))
    task = detect_task(target_col) if task == "auto" else task
    if task == "regression" and target_col.kind == "text":
        fatal.append(Problem(_("holds text, so it can only be predicted as classes: choose "
                               "classification, or pick a numeric target."), target))

    n = table.n_rows
    bad = table.ragged_rows.copy() if len(table.ragged_rows) == n else np.zeros(n, bool)
    cells: list[tuple[int, int, Problem]] = []  # (row index, column order, problem)
    order = {name: i for i, name in enumerate([target, *features])}
    counted = [len(table.problems)]

    def add(mask: np.ndarray, name: str, message: str) -> None:
        idx = np.flatnonzero(mask)
        bad[idx] = True
        counted[0] += len(idx)
        for i in idx[:MAX_LISTED]:
            cells.append((int(i), order[name], Problem(message, name,
                                                       int(table.row_number(int(i))))))

    for name in features:
        col = table.column(name)
        add(col.missing, name, _("missing value."))
        if col.kind == "numeric":
            add(col.bad_numbers, name, _("text in a numeric column "
                  "(expected a number, found '{}')."))
            add(_too_large(col), name, TOO_LARGE)
        elif name not in text_columns:
            count = len(col.unique_text())
            if count > MAX_CATEGORIES:
                fatal.append(Problem((_("holds text with {count} different values: too many to use as categories "
                                        "(at most {MAX_CATEGORIES}). Untick it, or clean it into numbers.")
                                        .format(count=count, MAX_CATEGORIES=MAX_CATEGORIES)), name))
    add(target_col.missing, target, _("missing target value."))
    if target_col.kind == "numeric":
        add(target_col.bad_numbers, target, _("text in a numeric column "
              "(expected a number, found '{}')."))
        add(_too_large(target_col), target, TOO_LARGE)
    cells.sort(key=lambda c: (c[0], c[1]))
    problems = [_with_cell_text(table, p) for _row, _col, p in cells[:MAX_LISTED]]
    problems = sorted(table.problems + problems, key=lambda p: (p.row or 0))[:MAX_LISTED]
    total = counted[0]

    if task == "classification" and not fatal:
        kept = ~bad
        classes = class_values(target_col, kept)
        if len(classes) < 2:
            only = classes[0] if classes else "none"
            fatal.append(Problem((_("has a single class ('{only}') in the rows used: a classifier needs at "
                                    "least two. Pick another target or add rows of other classes.")
                                    .format(only=only)), target))
        elif len(classes) > MAX_CLASSES:
            fatal.append(Problem((_("has {classes} different values: too many classes (at most "
                                    "{MAX_CLASSES}). Choose regression to predict the number itself.")
                                    .format(classes=len(classes), MAX_CLASSES=MAX_CLASSES)), target))
    return Selection(features, target, task, problems, fatal, bad, total, text_columns)


def _too_large(column: Column) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.abs(column.values) > LARGEST_NUMBER


def _with_cell_text(table: CsvTable, problem: Problem) -> Problem:
    if "{}" not in problem.message or problem.row is None or problem.column is None:
        return problem
    cell = str(table.column(problem.column).text[problem.row - table.first_row])
    return Problem(problem.message.replace("{}", cell[:40]), problem.column, problem.row)


def class_values(column: Column, mask: np.ndarray) -> list[str]:
    if column.kind == "text":
        return column.unique_text(mask)
    values = np.unique(column.values[mask & ~np.isnan(column.values)])
    return [_number_text(v) for v in values]


def _number_text(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def problems_message(selection: Selection, limit: int = 10) -> str:
    listed = selection.fatal + selection.problems
    lines = [f"  - {p}" for p in listed[:limit]]
    more = selection.total_problems + len(selection.fatal) - len(lines)
    if more > 0:
        lines.append(_("  … and {more} more.").format(more=more))
    fix = (_("Fix these in the file or change the selected columns.")
           if selection.fatal else
           _("Fix these cells in the file, untick the columns, or set 'Rows with problems' "
             "to 'skip rows' to leave exactly these rows out."))
    return _("The table has problems:\n") + "\n".join(lines) + "\n" + fix


# ------------------------------------------------------------------- building
def encode(table: CsvTable, sel: Selection, rows: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, list[str], list[str], list[int], dict]:
    """Raw feature matrix, targets, class names, feature names, numeric column indices,
    and the categories of text features, for the given row indices."""
    blocks: list[np.ndarray] = []
    names: list[str] = []
    numeric_idx: list[int] = []
    categories: dict[str, list[str]] = {}
    for name in [] if sel.text_columns else sel.features:  # raw text: no encoding here
        col = table.column(name)
        if col.kind == "numeric":
            numeric_idx.append(len(names))
            blocks.append(col.values[rows].reshape(-1, 1))
            names.append(name)
        else:
            used = np.zeros(table.n_rows, bool)
            used[rows] = True
            cats = col.unique_text(used)
            categories[name] = cats
            onehot = (col.text[rows][:, None] == np.asarray(cats)[None, :])
            blocks.append(onehot.astype(np.float64))
            names += [f"{name} = {c}" for c in cats]
    x = text_matrix(table, sel.text_columns, rows) if sel.text_columns else \
        np.concatenate(blocks, axis=1).astype(np.float32)
    if sel.text_columns:
        names, numeric_idx, categories = list(sel.text_columns), [], {}
    target = table.column(sel.target)
    if sel.task == "classification":
        mask = np.zeros(table.n_rows, bool)
        mask[rows] = True
        class_names = class_values(target, mask)
        keys = target.text[rows] if target.kind == "text" else \
            np.array([_number_text(v) for v in target.values[rows]])
        lookup = {c: i for i, c in enumerate(class_names)}
        y = np.fromiter((lookup[k] for k in keys), dtype=np.int32, count=len(rows))
    else:
        class_names = []
        y = target.values[rows].astype(np.float32)
    return x, y, class_names, names, numeric_idx, categories


def build(table: CsvTable, features: list[str] | None, target: str | None,
          task: str = "auto", test_fraction: float = 0.2, scaling: str = "standardize",
          on_problem: str = "stop", seed: int = 0,
          text_columns: list[str] | None = None) -> Dataset:
    sel = check(table, features, target, task, text_columns)
    if sel.fatal or (sel.total_problems and on_problem != "skip rows"):
        raise CsvProblemsError(problems_message(sel), sel.fatal + sel.problems,
                               sel.total_problems + len(sel.fatal))
    rows = np.flatnonzero(~sel.bad_rows)
    if len(rows) < 2:
        raise DatasetError(_("Fewer than two usable rows are left after skipping the rows with "
                             "problems. Fix the table or choose other columns."))
    x, y, class_names, feature_names, numeric_idx, categories = encode(table, sel, rows)
    rng = np.random.default_rng(seed)
    x_train, y_train, x_test, y_test = split_train_test(x, y, test_fraction, rng)
    scaler = fit_scaler(x_train[:, numeric_idx], scaling) if numeric_idx else None
    if scaler is not None:
        # Statistics from the training split only, so the test rows stay unseen.
        x_train[:, numeric_idx] = scaler.apply(x_train[:, numeric_idx])
        x_test[:, numeric_idx] = scaler.apply(x_test[:, numeric_idx])
    if sel.task == "classification":
        ds_task = "binary" if len(class_names) == 2 else "multiclass"
    else:
        ds_task = "regression"
    skipped = [_("Left out: {p}").format(p=p) for p in sel.problems] if sel.total_problems else []
    if sel.total_problems > len(sel.problems):
        skipped.append((_("… {value} more problems skipped.")
                          .format(value=sel.total_problems - len(sel.problems))))
    name = Path(table.path).name
    return Dataset("csv", _("Table {name}").format(name=name),
                   (_("Your table {name}: predicts '{target}' from {features} column(s).")
                      .format(name=name, target=sel.target, features=len(sel.features))), ds_task, x_train, y_train, None, None, x_test, y_test,
                   (x.shape[1],), class_names, problems=skipped,
                   extras={"feature_names": feature_names, "target_name": sel.target,
                           "categories": categories,
                           "numeric_features": [feature_names[i] for i in numeric_idx],
                           "text_columns": list(sel.text_columns),
                           "scaling": scaler.to_dict() if scaler else None,
                           "rows_used": int(len(rows)),
                           "rows_skipped": int(table.n_rows - len(rows))})


def describe_column(column: Column) -> str:
    """One short phrase: what a column holds, e.g. "numbers, 2 missing"."""
    missing = int(np.count_nonzero(column.missing))
    if column.kind == "numeric":
        bad = int(np.count_nonzero(column.bad_numbers))
        text = _("numbers")
        if bad:
            text += ngettext(", {bad} text cell", ", {bad} text cells", bad).format(bad=bad)
    else:
        text = (_("text, {unique_text} different values")
                  .format(unique_text=len(column.unique_text())))
    if missing:
        text += _(", {missing} missing").format(missing=missing)
    return text


def describe_selection(table: CsvTable, sel: Selection) -> str:
    """What will be predicted, e.g. "classification into 3 classes: no, yes, maybe"."""
    target = table.column(sel.target)
    if sel.task == "regression":
        return _("regression: predicts the number in '{target}'").format(target=sel.target)
    classes = class_values(target, ~sel.bad_rows)
    shown = ", ".join(classes[:6]) + (", …" if len(classes) > 6 else "")
    return (_("classification into {classes} classes: {shown}")
              .format(classes=len(classes), shown=shown))
