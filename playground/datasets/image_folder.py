"""The user's own pictures: one sub-folder per class (``cats/``, ``dogs/`` ...).

Every file is tried as an image (Pillow reads PNG, JPEG, BMP, GIF, TIFF, WebP...); files
that cannot be read are listed by name in ``Dataset.problems`` rather than dropped
silently. Images are resized to a square of the chosen size, in grey or colour.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from playground.datasets.base import (
    Dataset,
    DatasetEntry,
    DatasetInfo,
    DatasetParam,
    function_sources,
    scaling_param,
    seed_param,
    split_train_test,
    test_fraction_param,
)
from playground.datasets.scaling import scale_splits
from playground.datasets.scaling_snippet import scaling_lines
from playground.errors import DatasetError
from playground.i18n import N_, _

COLORS = (N_("grayscale"), N_("rgb"))  # stored values; N_: shown translated


def read_images(folder, size, color, max_per_class=0):
    """Images of each sub-folder of ``folder`` as one class (sub-folders in name order).

    Returns x (n, size, size, channels) uint8, y (n,) class ids, the class names and a
    list of "file: reason" for files that could not be read.
    """
    import os

    from PIL import Image, UnidentifiedImageError

    mode = "L" if color == "grayscale" else "RGB"
    classes = sorted(d for d in os.listdir(folder)
                     if os.path.isdir(os.path.join(folder, d)) and not d.startswith("."))
    images, labels, unreadable = [], [], []
    for label, name in enumerate(classes):
        files = sorted(f for f in os.listdir(os.path.join(folder, name))
                       if not f.startswith(".")
                       and os.path.isfile(os.path.join(folder, name, f)))
        kept = 0
        for f in files:
            if max_per_class and kept >= max_per_class:
                break
            try:
                with Image.open(os.path.join(folder, name, f)) as img:
                    img = img.convert(mode).resize((size, size), Image.Resampling.BILINEAR)
                    pixels = np.asarray(img, dtype=np.uint8)
            except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
                    Image.DecompressionBombError) as exc:  # broken, or a "pixel bomb"
                unreadable.append(f"{name}/{f}: {exc.__class__.__name__}: {exc}")
                continue
            images.append(pixels.reshape(size, size, -1))
            labels.append(label)
            kept += 1
    channels = 1 if mode == "L" else 3
    x = np.stack(images) if images else np.zeros((0, size, size, channels), np.uint8)
    return x, np.asarray(labels, dtype=np.int32), classes, unreadable


INFO = DatasetInfo(
    "image_folder", _("Your pictures (folder)"),
    _("A folder with one sub-folder per class, e.g. cats/ and dogs/, each holding pictures."),
    _("Your data"), ("binary", "multiclass"),
    (DatasetParam("path", "path", "", _("The folder whose sub-folders are the classes."),
                  label=N_("Folder")),
     DatasetParam("size", "int", 32, _("Pictures are resized to this many pixels square: "
                    "small sizes train much faster."), label=_("Image size"), minimum=4,
                  maximum=512),
     DatasetParam("color", "choice", "grayscale", _("Grey pictures have one channel and train "
                    "faster; colour keeps red, green and blue."), choices=COLORS),
     DatasetParam("max_per_class", "int", 0, _("Read at most this many pictures per class "
                    "(0 = all)."), minimum=0, maximum=1_000_000, advanced=True),
     test_fraction_param(0.2), scaling_param("unit"), seed_param()))


def load(params: dict[str, Any]) -> Dataset:
    folder = Path(params["path"]).expanduser() if params["path"] else None
    if folder is None or not folder.is_dir():
        raise DatasetError((_("The picture folder {value} does not exist. Choose a folder with one "
                              "sub-folder per class.")
                              .format(value=params['path'] or '(none chosen)')))
    x, y, classes, unreadable = read_images(str(folder), params["size"], params["color"],
                                            params["max_per_class"])
    if len(classes) < 2:
        raise DatasetError((_("{folder} has {classes} sub-folder(s); it needs one sub-folder per class "
                              "and at least two classes, e.g. cats/ and dogs/.")
                              .format(folder=folder, classes=len(classes))))
    counts = np.bincount(y, minlength=len(classes))
    empty = [c for c, n in zip(classes, counts) if n == 0]
    if empty:
        raise DatasetError((_("No readable pictures in sub-folder(s) {empty} of {folder}.")
                              .format(empty=', '.join(empty), folder=folder)) + _unreadable_text(unreadable))
    if len(x) < 4:
        raise DatasetError((_("{folder} holds only {x} readable pictures: too few to train and test on.")
                              .format(folder=folder, x=len(x))))
    rng = np.random.default_rng(params["seed"])
    x_train, y_train, x_test, y_test = split_train_test(x, y, params["test_fraction"], rng)
    scaler, (x_train, x_test) = scale_splits(params["scaling"], x_train, x_test,
                                             per_feature=False, known_range=(0.0, 255.0))
    channels = 1 if params["color"] == "grayscale" else 3
    return Dataset("image_folder", _("Pictures in {name}").format(name=folder.name), INFO.description,
                   "binary" if len(classes) == 2 else "multiclass", x_train, y_train,
                   None, None, x_test, y_test, (params["size"], params["size"], channels),
                   classes, problems=[_("Could not read {u}").format(u=u) for u in unreadable],
                   extras={"scaling": scaler.to_dict(), "per_class": counts.tolist()})


def _unreadable_text(unreadable: list[str]) -> str:
    if not unreadable:
        return ""
    return _(" Unreadable files: ") + "; ".join(unreadable[:10]) + \
        (_(" and {value} more.").format(value=len(unreadable) - 10) if len(unreadable) > 10 else ".")


def snippet(params: dict[str, Any]) -> str:
    lines = ["import numpy as np", "", "", *function_sources(read_images, split_train_test),
             f"x, y, class_names, unreadable = read_images({params['path']!r}, "
             f"{params['size']}, {params['color']!r}, {params['max_per_class']})",
             f"rng = np.random.default_rng({params['seed']})",
             "x_train, y_train, x_test, y_test = split_train_test(x, y, "
             f"{params['test_fraction']!r}, rng)"]
    lines += scaling_lines(params["scaling"], per_feature=False, known_range=(0.0, 255.0))
    lines.append("x_val, y_val = None, None  # validation comes from validation_split")
    return "\n".join(lines) + "\n"


def entries() -> list[DatasetEntry]:
    return [DatasetEntry(INFO, load, snippet)]


def scan_folder(path: str) -> list[tuple[str, int]]:
    """(class name, number of files) per sub-folder, without reading any picture."""
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise DatasetError((_("{value} is not a folder. Choose a folder with one sub-folder per class.")
                              .format(value=path or '(no folder)')))
    result = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        count = sum(1 for f in sub.iterdir() if f.is_file() and not f.name.startswith("."))
        result.append((sub.name, count))
    return result
