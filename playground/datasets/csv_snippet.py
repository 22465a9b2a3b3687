"""Plain Python that reads the user's CSV exactly as the app does, for exported scripts."""
from __future__ import annotations

import inspect
from typing import Any

from playground.datasets.base import split_train_test
from playground.datasets.csv_import import class_values, check
from playground.datasets.csv_table import MISSING_TOKENS, read_csv
from playground.datasets.scaling_snippet import scaling_lines


def csv_snippet(params: dict[str, Any]) -> str:
    table = read_csv(params["path"], params["has_header"])
    sel = check(table, params["features"], params["target"], params["task"],
                params.get("text_columns"))
    keep_text = bool(sel.text_columns)  # raw text for a string Input: no one-hot
    names = table.column_names
    width = len(names)
    features = [(names.index(f), table.column(f).kind == "text") for f in sel.features]
    categories = {} if keep_text else {names.index(f): table.column(f).unique_text(
        ~sel.bad_rows) for f in sel.features if table.column(f).kind == "text"}
    target_index = names.index(sel.target)
    target = table.column(sel.target)
    classification = sel.task == "classification"
    numeric_classes = classification and target.kind == "numeric"
    skip = 1 if params["has_header"] else 0
    lines = [
        "import csv",
        "",
        "import numpy as np",
        "",
        f"MISSING = {set(MISSING_TOKENS)!r}",
        # Names and the path come from the user's file: they enter the program only as
        # repr() literals, never as text in a comment (a line break would start code).
        f"PATH = {str(table.path)!r}",
        f"COLUMNS = {list(names)!r}",
        "# (column index, is text) of each feature column of the file at PATH",
        f"FEATURES = {features!r}",
        f"CATEGORIES = {categories!r}  # one-hot categories of text columns",
        f"KEEP_TEXT = {keep_text!r}  # text columns go to the model as raw text",
        f"TARGET = {target_index!r}  # the target column: COLUMNS[TARGET]",
    ]
    if classification:
        lines.append(f"CLASS_NAMES = {class_values(target, ~sel.bad_rows)!r}")
    lines += [
        "",
        "",
        "def number(cell):",
        "    cell = cell.strip()",
        "    if cell.lower() in MISSING:",
        "        raise ValueError('missing value')",
        "    value = float(cell)",
        "    if not np.isfinite(value):",
        "        raise ValueError('not a finite number')",
        "    return value",
        "",
        "",
        f"with open(PATH, newline='', encoding={table.encoding!r}, "
        f"errors={table.decode_errors!r}) as f:",
        f"    rows = [r for r in csv.reader(f, delimiter={table.delimiter!r})",
        "            if r and any(c.strip() for c in r)]",
        "x_rows, y_rows = [], []",
        f"for r in rows[{skip}:]:",
        f"    if len(r) != {width}:",
        "        continue  # a row of the wrong length (the app lists it as a problem)",
        "    try:",
        "        features = []",
        "        for index, is_text in FEATURES:",
        "            cell = r[index].strip()",
        "            if is_text:",
        "                if cell.lower() in MISSING:",
        "                    raise ValueError('missing value')",
        "                if KEEP_TEXT:",
        "                    features.append(cell)",
        "                else:",
        "                    features += [float(cell == c) for c in CATEGORIES[index]]",
        "            else:",
        "                features.append(number(cell))",
        "        cell = r[TARGET].strip()",
    ]
    if numeric_classes:
        lines.append("        value = number(cell)")
        lines.append("        key = str(int(value)) if value.is_integer() else repr(value)")
        lines.append("        y_rows.append(CLASS_NAMES.index(key))")
    elif classification:
        lines.append("        if cell.lower() in MISSING:")
        lines.append("            raise ValueError('missing value')")
        lines.append("        y_rows.append(CLASS_NAMES.index(cell))")
    else:
        lines.append("        y_rows.append(number(cell))")
    lines += [
        "    except ValueError:",
        "        continue  # a row with a problem: the app loads it only with 'skip rows'",
        "    x_rows.append(features)",
        f"x = np.array(x_rows, dtype={'np.str_' if keep_text else 'np.float32'})",
        f"y = np.array(y_rows, dtype={'np.int32' if classification else 'np.float32'})",
        "",
        "",
        *inspect.getsource(split_train_test).rstrip().splitlines(),
        "",
        "",
        f"rng = np.random.default_rng({params['seed']})",
        "x_train, y_train, x_test, y_test = split_train_test(x, y, "
        f"{params['test_fraction']!r}, rng)",
    ]
    numeric_cols = []
    position = 0
    for index, is_text in features:
        if is_text:
            position += len(categories.get(index, []))
        else:
            numeric_cols.append(position)
            position += 1
    scaled = scaling_lines(params["scaling"], per_feature=True,
                           splits=("x_train[:, NUMERIC]", "x_test[:, NUMERIC]"),
                           fit_on="x_train[:, NUMERIC]")
    if numeric_cols and scaled and not keep_text:
        lines.append(f"NUMERIC = {numeric_cols!r}  # positions of the numeric features")
        lines += scaled
    lines.append("x_val, y_val = None, None  # validation comes from validation_split")
    return "\n".join(lines) + "\n"
