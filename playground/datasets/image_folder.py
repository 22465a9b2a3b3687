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
    test_fraction_param,
)
from playground.datasets.picture_files import (file_share, list_pictures, read_picture,
                                               read_pictures, split_by_name)
from playground.datasets.scaling import fit_scaler
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
    """Lists the pictures (headers only) and streams them: nothing is decoded whole."""
    from playground.datasets.picture_stream import PictureStream, StreamSplit

    folder = Path(params["path"]).expanduser() if params["path"] else None
    if folder is None or not folder.is_dir():
        raise DatasetError((_("The picture folder {value} does not exist. Choose a folder with one "
                              "sub-folder per class.")
                              .format(value=params['path'] or '(none chosen)')))
    files, y, classes, unreadable = list_pictures(str(folder), params["max_per_class"])
    if len(classes) < 2:
        raise DatasetError((_("{folder} has {classes} sub-folder(s); it needs one sub-folder per class "
                              "and at least two classes, e.g. cats/ and dogs/.")
                              .format(folder=folder, classes=len(classes))))
    counts = np.bincount(y, minlength=len(classes))
    empty = [c for c, n in zip(classes, counts) if n == 0]
    if empty:
        raise DatasetError((_("No readable pictures in sub-folder(s) {empty} of {folder}.")
                              .format(empty=', '.join(empty), folder=folder)) + _unreadable_text(unreadable))
    if len(files) < 4:
        raise DatasetError((_("{folder} holds only {x} readable pictures: too few to train and test on.")
                              .format(folder=folder, x=len(files))))
    train_idx, test_idx = split_by_name(files, params["test_fraction"], params["seed"])
    stream = PictureStream(str(folder), params["size"], params["color"], 0.0, 1.0)
    stream.train = StreamSplit(stream, "train", [files[i] for i in train_idx], y[train_idx])
    stream.test = StreamSplit(stream, "test", [files[i] for i in test_idx], y[test_idx])
    # Scaling statistics from a bounded sample of the training pictures (for [0, 1] the
    # range is known: 0-255, so the sample does not matter).
    raw_x, raw_y = stream.sample(stream.train)
    scaler = fit_scaler(raw_x, params["scaling"], per_feature=False, known_range=(0.0, 255.0))
    stream.offset = float(np.asarray(scaler.offset).reshape(-1)[0])
    stream.scale = float(np.asarray(scaler.scale).reshape(-1)[0])
    x_train = ((raw_x - np.float32(stream.offset)) / np.float32(stream.scale)).astype(np.float32)
    y_train = raw_y
    x_test, y_test = stream.sample(stream.test)
    channels = 1 if params["color"] == "grayscale" else 3
    unreadable += [f for f in stream.failed if f not in unreadable]  # headers fine, data not
    return Dataset("image_folder", _("Pictures in {name}").format(name=folder.name), INFO.description,
                   "binary" if len(classes) == 2 else "multiclass", x_train, y_train,
                   None, None, x_test, y_test, (params["size"], params["size"], channels),
                   classes, problems=[_("Could not read {u}").format(u=u) for u in unreadable],
                   extras={"scaling": scaler.to_dict(), "per_class": counts.tolist()},
                   stream=stream)


def _unreadable_text(unreadable: list[str]) -> str:
    if not unreadable:
        return ""
    return _(" Unreadable files: ") + "; ".join(unreadable[:10]) + \
        (_(" and {value} more.").format(value=len(unreadable) - 10) if len(unreadable) > 10 else ".")


def snippet(params: dict[str, Any]) -> str:
    lines = ["import hashlib", "import os", "", "import numpy as np", "", "",
             *function_sources(list_pictures, file_share, split_by_name, read_picture,
                               read_pictures),
             f"folder = {params['path']!r}",
             f"files, y, class_names, unreadable = list_pictures(folder, "
             f"{params['max_per_class']!r})",
             "# A file is a test file by a hash of its name: adding pictures moves none.",
             f"train_idx, test_idx = split_by_name(files, {params['test_fraction']!r}, "
             f"{params['seed']!r})",
             f"x_train = read_pictures(folder, [files[i] for i in train_idx], "
             f"{params['size']!r}, {params['color']!r})",
             f"x_test = read_pictures(folder, [files[i] for i in test_idx], "
             f"{params['size']!r}, {params['color']!r})",
             "y_train, y_test = y[train_idx], y[test_idx]"]
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
