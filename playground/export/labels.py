"""The class names file written beside an export of a classifier: one name per line, in
class-id order (line 1 is class 0), as phone and web apps expect ("labels.txt")."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from playground.files.fileio import atomic_write_text

if TYPE_CHECKING:
    from playground.datasets.base import Dataset


def labels_path(export_path: str | Path) -> Path:
    """``model.tflite`` -> ``model.labels.txt``; a SavedModel folder ``model`` ->
    ``model.labels.txt`` beside it."""
    path = Path(export_path)
    return path.with_name(path.name.removesuffix(path.suffix) + ".labels.txt")


def write_labels(dataset: "Dataset | None", export_path: str | Path) -> Path | None:
    """Write the labels file for a classifier's export; None for other tasks."""
    if dataset is None or not dataset.is_classification or not dataset.class_names:
        return None
    path = labels_path(export_path)
    names = [str(name).replace("\n", " ").strip() for name in dataset.class_names]
    atomic_write_text(path, "\n".join(names) + "\n")
    return path
