"""MNIST handwritten digits through Keras's real loader, with a local-file override.

Where the data comes from, in order: the ``data_dir`` setting, the ``PLAYGROUND_DATA_DIR``
environment variable (a folder holding ``mnist.npz``), then
``keras.datasets.mnist.load_data()`` (downloads once, then uses Keras's cache). Offline and
without the file, the error says exactly where to put it.
"""
from __future__ import annotations

import os
import threading
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
)
from playground.datasets.scaling import scale_splits
from playground.datasets.scaling_snippet import scaling_lines
from playground.errors import DatasetError
from playground.i18n import _

ENV_VAR = "PLAYGROUND_DATA_DIR"
FILE_NAME = "mnist.npz"
DOWNLOAD_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
CLASS_NAMES = [str(d) for d in range(10)]

_cache: dict[str, tuple[np.ndarray, ...]] = {}
_cache_lock = threading.Lock()
_app_data_dir = ""   # the data folder chosen in the app's settings (after the env var)


def set_app_data_dir(folder: str | os.PathLike[str] | None) -> None:
    """The app's own data-folder setting; used when ``PLAYGROUND_DATA_DIR`` is not set."""
    global _app_data_dir
    _app_data_dir = str(folder or "")

INFO = DatasetInfo(
    "mnist", _("MNIST digits"),
    _("70,000 small grey pictures (28 × 28) of handwritten digits 0-9: the classic first "
      "image task."),
    "Images", ("multiclass",),
    (DatasetParam("subset", "int", 0, _("Use only this many training images (0 = all "
                    "60,000). Small subsets train in seconds."), label=_("Training images"),
                  minimum=0, maximum=60_000),
     DatasetParam("test_subset", "int", 0, _("Use only this many test images (0 = all "
                    "10,000)."), label=_("Test images"), minimum=0, maximum=10_000, advanced=True),
     DatasetParam("digits", "int_list", [], _("Keep only these digits, e.g. [5, 6, 7, 8, 9] "
                    "(empty = all ten). Classes are numbered in the order given."),
                  minimum=0, maximum=9, advanced=True),
     DatasetParam("per_class", "int", 0, _("Keep only this many training images of each "
                    "digit (0 = no limit): learning from few examples."),
                  label=_("Images per digit"), minimum=0, maximum=6000, advanced=True),
     scaling_param("unit"),
     DatasetParam("data_dir", "path", "", (_("Folder holding mnist.npz, for computers without internet (empty = the "
                                             "{ENV_VAR} environment variable, else download).")
                                             .format(ENV_VAR=ENV_VAR)), label=_("Data folder"), advanced=True),
     seed_param()))


def data_file(data_dir: str = "") -> Path | None:
    """The local mnist.npz to use, or None to use Keras's download.

    Looked for in order: the dataset's ``data_dir`` setting, the ``PLAYGROUND_DATA_DIR``
    environment variable, the app's data-folder setting."""
    folder = data_dir or os.environ.get(ENV_VAR, "") or _app_data_dir
    if not folder:
        return None
    path = Path(folder).expanduser()
    return path / FILE_NAME if path.is_dir() else path


def offline_message(detail: str, data_dir: str = "") -> str:
    where = data_file(data_dir)
    place = (_("It was looked for at {where}.").format(where=where) if where else
             _("No data folder is set (neither the app's data folder nor the {ENV_VAR} "
               "environment variable).").format(ENV_VAR=ENV_VAR))
    return ((_("MNIST could not be loaded: {detail} {place} To use MNIST without "
               "internet, download {FILE_NAME} from {DOWNLOAD_URL} on a computer that "
               "is online, put it in a folder, and choose that folder as the data "
               "folder (the dataset panel's 'Choose data folder…' button, or MNIST's "
               "'Data folder' setting) or set it in the {ENV_VAR} environment variable.")
               .format(detail=detail, place=place, FILE_NAME=FILE_NAME, DOWNLOAD_URL=DOWNLOAD_URL, ENV_VAR=ENV_VAR)))


def load_arrays(data_dir: str = "") -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x_train, y_train, x_test, y_test) as uint8, cached for the process."""
    path = data_file(data_dir)
    key = str(path) if path else "keras"
    with _cache_lock:
        if key in _cache:
            return _cache[key]  # type: ignore[return-value]
    if path is not None:
        arrays = _read_npz(path, data_dir)
    else:
        arrays = _keras_download(data_dir)
    with _cache_lock:
        _cache[key] = arrays
    return arrays


def _read_npz(path: Path, data_dir: str) -> tuple[np.ndarray, ...]:
    if not path.exists():
        raise DatasetError(offline_message(_("the file {path} does not exist.").format(path=path), data_dir))
    try:
        with np.load(path, allow_pickle=False) as d:
            arrays = (d["x_train"], d["y_train"], d["x_test"], d["y_test"])
    except (OSError, ValueError, KeyError) as exc:
        raise DatasetError((_("MNIST could not be read from {path}: {exc}. The file must be Keras's "
                              "{FILE_NAME} with x_train, y_train, x_test and y_test (download it from "
                              "{DOWNLOAD_URL}).")
                              .format(path=path, exc=exc, FILE_NAME=FILE_NAME, DOWNLOAD_URL=DOWNLOAD_URL))) from exc
    _check_shapes(arrays, path)
    return arrays


def _keras_download(data_dir: str) -> tuple[np.ndarray, ...]:
    from playground.kerasenv import keras

    try:
        (x_train, y_train), (x_test, y_test) = keras().datasets.mnist.load_data()
    except Exception as exc:  # any download/cache failure: explain the offline fix
        raise DatasetError(offline_message((_("the download failed ({name}: {exc}).")
                                              .format(name=type(exc).__name__, exc=exc)), data_dir)) from exc
    return x_train, y_train, x_test, y_test


def _check_shapes(arrays: tuple[np.ndarray, ...], path: Path) -> None:
    x_train, y_train, x_test, y_test = arrays
    if x_train.ndim != 3 or x_train.shape[1:] != (28, 28) or x_test.shape[1:] != (28, 28) \
            or len(x_train) != len(y_train) or len(x_test) != len(y_test):
        raise DatasetError((_("{path} does not hold MNIST: expected 28 × 28 images with one label "
                              "each, found x_train {shape}, y_train {shape2}.")
                              .format(path=path, shape=x_train.shape, shape2=y_train.shape)))


def select(x: np.ndarray, y: np.ndarray, digits: list[int], per_class: int, limit: int,
           rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Keep ``digits`` (relabelled 0..k-1 in the order given), at most ``per_class`` of
    each, then at most ``limit`` in all, chosen at random but reproducibly."""
    order = rng.permutation(len(x))
    if digits:
        order = order[np.isin(y[order], digits)]
    if per_class:
        kept = [order[y[order] == d][:per_class] for d in (digits or range(10))]
        order = np.sort(np.concatenate(kept))
        order = order[rng.permutation(len(order))]
    if limit:
        order = order[:limit]
    labels = y[order].astype(np.int32)
    if digits:
        lookup = np.full(10, -1, dtype=np.int32)
        lookup[digits] = np.arange(len(digits), dtype=np.int32)
        labels = lookup[labels]
    return x[order], labels


def load(params: dict[str, Any]) -> Dataset:
    digits = params["digits"]
    if len(set(digits)) != len(digits) or len(digits) == 1:
        raise DatasetError((_("Dataset mnist: 'digits' must list at least two different digits; "
                              "received {digits}.")
                              .format(digits=digits)))
    x_train, y_train, x_test, y_test = load_arrays(params["data_dir"])
    rng = np.random.default_rng(params["seed"])
    x_train, y_train = select(x_train, y_train, digits, params["per_class"],
                              params["subset"], rng)
    x_test, y_test = select(x_test, y_test, digits, 0, params["test_subset"], rng)
    scaler, (x_train, x_test) = scale_splits(params["scaling"], x_train[..., None],
                                             x_test[..., None], per_feature=False,
                                             known_range=(0.0, 255.0))
    class_names = [str(d) for d in digits] if digits else list(CLASS_NAMES)
    return Dataset("mnist", INFO.title, INFO.description, "multiclass", x_train, y_train,
                   None, None, x_test, y_test, (28, 28, 1), class_names,
                   extras={"scaling": scaler.to_dict(), "source": str(data_file(
                       params["data_dir"]) or "keras.datasets.mnist")})


def snippet(params: dict[str, Any]) -> str:
    path = data_file(params["data_dir"])
    lines = ["import numpy as np", ""]
    if path is not None:
        lines += [f"with np.load({str(path)!r}) as d:",
                  "    x_train, y_train = d['x_train'], d['y_train']",
                  "    x_test, y_test = d['x_test'], d['y_test']"]
    else:
        lines += ["import keras", "",
                  "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()"]
    lines += ["", "", *function_sources(select),
              f"rng = np.random.default_rng({params['seed']})",
              f"x_train, y_train = select(x_train, y_train, {params['digits']!r}, "
              f"{params['per_class']}, {params['subset']}, rng)",
              f"x_test, y_test = select(x_test, y_test, {params['digits']!r}, 0, "
              f"{params['test_subset']}, rng)",
              "x_train, x_test = x_train[..., None], x_test[..., None]  # add a colour channel"]
    lines += scaling_lines(params["scaling"], per_feature=False, known_range=(0.0, 255.0))
    lines.append("x_val, y_val = None, None  # validation comes from validation_split")
    return "\n".join(lines) + "\n"


def entries() -> list[DatasetEntry]:
    return [DatasetEntry(INFO, load, snippet)]
