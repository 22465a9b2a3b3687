"""What a dataset does to raw data before the model sees it, as data (no Keras here).

Every dataset prepares its inputs: pictures are divided by 255 (or scaled as the dataset's
setting says), table columns are standardized with training statistics and text columns
become one-hot numbers, sentences stay text for the model's own TextVectorization. A
:class:`Preparation` records those steps and the statistics, so the same steps can become
Keras preprocessing layers at the front of the model (:mod:`playground.prepared.layers`)
and a raw picture, table row or sentence gets the answer the app gives.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.errors import PlaygroundError
from playground.i18n import _

if TYPE_CHECKING:
    from playground.datasets.base import Dataset

# What one raw input holds: decides the widget that asks for it and how a file is read.
NUMBER, CATEGORY, TEXT, PICTURE, VALUES = "number", "category", "text", "picture", "values"


class PreparationError(PlaygroundError):
    """The data preparation cannot be put in front of this model; says why and what to do."""


@dataclass(frozen=True)
class RawColumn:
    """One raw value the user gives: a table column, a picture, a sentence, a window."""

    name: str
    kind: str                                   # NUMBER, CATEGORY, TEXT, PICTURE, VALUES
    categories: tuple[str, ...] = ()            # CATEGORY: the values seen in training
    shape: tuple[int, ...] = ()                 # PICTURE (h, w, c) and VALUES (steps, 1)


@dataclass(frozen=True)
class Preparation:
    """The steps from raw inputs to the arrays the model was trained on.

    ``layout`` says how the prepared model takes its raw inputs:

    - ``"array"``: one array, the columns in order (numbers only; pictures; windows);
    - ``"columns"``: one input per table column, named after it (a table with category
      columns: numbers and text cannot share one array);
    - ``"text"``: the model's own string input (sentences, table columns kept as text).

    ``offset``/``scale`` give ``x' = (x - offset) / scale`` on the numbers (one value for
    pictures, one per numeric column for tables); ``method`` "none" leaves them as they are.
    """

    dataset: str
    layout: str
    columns: tuple[RawColumn, ...]
    method: str = "none"                        # "none", "unit" or "standardize"
    offset: tuple[float, ...] = ()
    scale: tuple[float, ...] = ()
    class_names: tuple[str, ...] = ()
    task: str = "regression"
    target_name: str = ""
    feature_names: tuple[str, ...] = field(default=())   # the model's input columns

    @property
    def is_identity(self) -> bool:
        """Nothing to add: the model already takes the raw data."""
        return self.method == "none" and not any(c.kind == CATEGORY for c in self.columns)

    @property
    def numeric_columns(self) -> list[RawColumn]:
        return [c for c in self.columns if c.kind == NUMBER]

    @property
    def is_classification(self) -> bool:
        return self.task in ("binary", "multiclass")

    def prepare(self, raw: Any) -> np.ndarray:
        """The prepared array for raw inputs, in numpy, exactly as the dataset prepared its
        own examples (the reference the Keras layers are checked against)."""
        if self.layout == "text":
            return np.asarray(raw)
        if self.layout == "columns":
            blocks = []
            numeric = 0
            for column in self.columns:
                values = np.asarray(raw[column.name]).reshape(-1)
                if column.kind == NUMBER:
                    block = self._scaled(values.astype(np.float32), numeric)
                    numeric += 1
                    blocks.append(block.reshape(-1, 1))
                else:
                    cats = np.asarray(column.categories)
                    blocks.append((values.astype(str)[:, None] == cats[None, :])
                                  .astype(np.float32))
            return np.concatenate(blocks, axis=1).astype(np.float32)
        x = np.asarray(raw, dtype=np.float32)
        if self.method == "none":
            return x
        offset = np.asarray(self.offset, np.float32)
        scale = np.asarray(self.scale, np.float32)
        if offset.size == 1:
            offset, scale = offset.reshape(()), scale.reshape(())
        return ((x - offset) / scale).astype(np.float32)

    def _scaled(self, values: np.ndarray, index: int) -> np.ndarray:
        if self.method == "none":
            return values
        return ((values - np.float32(self.offset[index])) / np.float32(self.scale[index])
                ).astype(np.float32)

    def unprepare_pictures(self, x: np.ndarray) -> np.ndarray:
        """Prepared pictures back to their 0-255 pixels (uint8), e.g. test pictures to try."""
        if self.method != "none":
            x = x.astype(np.float64) * self.scale[0] + self.offset[0]
        return np.clip(np.rint(x), 0, 255).astype(np.uint8)


def preparation_for(dataset: "Dataset") -> Preparation:
    """The preparation the dataset applied to its inputs, with its training statistics."""
    extras = dataset.extras
    classes = tuple(str(c) for c in dataset.class_names)
    common = dict(dataset=dataset.name, class_names=classes, task=dataset.task,
                  target_name=str(extras.get("target_name", "")))
    method, offset, scale = _scaling(extras.get("scaling"))
    shape = tuple(dataset.input_shape)
    if dataset.x_train.dtype.kind in "UO":  # raw text: the model's own vocabulary layers
        names = tuple(extras.get("text_columns") or extras.get("feature_names")
                      or ["text"])
        return Preparation(layout="text", columns=tuple(RawColumn(n, TEXT) for n in names),
                           feature_names=names, **common)
    if len(shape) == 3:
        return Preparation(layout="array", columns=(RawColumn("picture", PICTURE,
                                                              shape=shape),),
                           method=method, offset=offset, scale=scale, **common)
    if "feature_names" in extras and len(shape) == 1:
        return _table_preparation(dataset, method, offset, scale, common)
    return Preparation(layout="array", columns=(RawColumn("values", VALUES, shape=shape),),
                       method=method, offset=offset, scale=scale, **common)


def quick_preparation(choice: dict[str, Any]) -> Preparation | None:
    """The preparation of a picture folder scaled by its known range (0-255, or none)
    without reading its pictures: the statistics are fixed, the classes are the folder's
    sub-folders (read_images's order). None when the data must be loaded to know it."""
    from playground.datasets import dataset_info

    if choice.get("name") != "image_folder":
        return None
    info = dataset_info("image_folder")
    params = info.validate_params(choice.get("params") or {})
    if params["scaling"] not in ("none", "unit") or not params["path"]:
        return None
    from playground.datasets.image_folder import scan_folder

    classes = tuple(name for name, _count in scan_folder(params["path"]))
    if len(classes) < 2:
        return None
    channels = 1 if params["color"] == "grayscale" else 3
    shape = (params["size"], params["size"], channels)
    method, offset, scale = ("none", (), ()) if params["scaling"] == "none" else \
        ("unit", (0.0,), (255.0,))
    return Preparation("image_folder", "array", (RawColumn("picture", PICTURE, shape=shape),),
                       method, offset, scale, classes,
                       "binary" if len(classes) == 2 else "multiclass")


def _table_preparation(dataset: "Dataset", method: str, offset: tuple[float, ...],
                       scale: tuple[float, ...], common: dict[str, Any]) -> Preparation:
    extras = dataset.extras
    features = [str(f) for f in extras["feature_names"]]
    categories: dict[str, list[str]] = extras.get("categories") or {}
    columns: list[RawColumn] = []
    seen: set[str] = set()
    for feature in features:
        owner = next((c for c in categories if feature.startswith(f"{c} = ")), None)
        if owner is None:
            columns.append(RawColumn(feature, NUMBER))
        elif owner not in seen:
            seen.add(owner)
            columns.append(RawColumn(owner, CATEGORY, tuple(categories[owner])))
    numeric = [c for c in columns if c.kind == NUMBER]
    if method != "none" and len(offset) == 1 and len(numeric) > 1:
        offset, scale = offset * len(numeric), scale * len(numeric)
    layout = "columns" if categories else "array"
    return Preparation(layout=layout, columns=tuple(columns), method=method, offset=offset,
                       scale=scale, feature_names=tuple(features), **common)


def _scaling(info: Any) -> tuple[str, tuple[float, ...], tuple[float, ...]]:
    if not isinstance(info, dict) or info.get("method") in (None, "none"):
        return "none", (), ()
    offset = tuple(float(v) for v in np.atleast_1d(np.asarray(info["offset"], np.float32)))
    scale = tuple(float(v) for v in np.atleast_1d(np.asarray(info["scale"], np.float32)))
    return str(info["method"]), offset, scale


def check_fits(preparation: Preparation, model: Any) -> None:
    """Refuse a model whose input is not the dataset's (several inputs, another shape)."""
    if len(model.inputs) != 1:
        raise PreparationError(
            _("The model has {count} inputs; the data preparation can only be put in front "
              "of a model with one input. Export without the data preparation.")
            .format(count=len(model.inputs)))


def raw_examples(dataset: "Dataset", preparation: Preparation, count: int | None = None
                 ) -> Any:
    """Test examples of ``dataset`` as raw data (what a user would give): the table's own
    cells for a CSV, 0-255 pixels for pictures, unscaled numbers otherwise.

    A dict of column -> array for the "columns" layout, an array otherwise."""
    x = dataset.x_test if dataset.x_test is not None and len(dataset.x_test) else \
        dataset.x_train
    count = len(x) if count is None else min(count, len(x))
    x = x[:count]
    extras = dataset.extras
    if dataset.name == "csv" and extras.get("test_rows") is not None \
            and dataset.x_test is not None:
        from playground.datasets.csv_table import read_csv

        table = read_csv(extras["path"], bool(extras.get("has_header", True)))
        rows = np.asarray(extras["test_rows"][:count], dtype=np.int64)
        cells = {c.name: table.column(c.name) for c in preparation.columns}
        if preparation.layout == "text":
            return np.stack([cells[c.name].text[rows] for c in preparation.columns], axis=1)
        table_raw = {c.name: (cells[c.name].values[rows].astype(np.float32)
                              if c.kind == NUMBER else cells[c.name].text[rows])
                     for c in preparation.columns}
        if preparation.layout == "columns":
            return table_raw
        return np.stack([table_raw[c.name] for c in preparation.columns], axis=1)
    if preparation.layout == "text":
        return x
    if preparation.columns[0].kind == PICTURE:
        return preparation.unprepare_pictures(x)
    if preparation.method == "none":
        return x
    offset = np.asarray(preparation.offset, np.float64)
    scale = np.asarray(preparation.scale, np.float64)
    return (x.astype(np.float64) * scale + offset).astype(np.float32)
