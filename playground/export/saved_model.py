"""A project as a TensorFlow SavedModel folder (for TensorFlow Serving, TF.js converters,
Vertex AI...), checked right after writing with ``tf.saved_model.load``.

Written with Keras's ``ExportArchive``; its ``serving_default`` signature takes the
model's inputs by the names of its Input layers and returns its outputs by the names of
its output layers. The folder is written beside the target and moved into place only once
complete, so a failed export never leaves half a model where the old one was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.errors import ExportError
from playground.export.deploy import (ExportReport, export_model, input_names, input_specs,
                                      output_names, serving_function,
                                      unsupported_layer_error, weights_notes)
from playground.export.labels import write_labels
from playground.export.verify import prepare_check
from playground.files.fileio import private_dir_mode
from playground.i18n import _

if TYPE_CHECKING:
    from playground.datasets.base import Dataset
    from playground.files.project import Project

SIGNATURE = "serving_default"


def write_saved_model(model: Any, folder: Path) -> None:
    from keras.export import ExportArchive

    archive = ExportArchive()
    archive.track(model)
    archive.add_endpoint("serve", serving_function(model), input_signature=input_specs(model))
    archive.write_out(str(folder), verbose=False)


def run_saved_model(folder: str | Path, model: Any,
                    inputs: list[np.ndarray]) -> list[np.ndarray]:
    """The outputs of the SavedModel's serving signature for ``inputs`` (passed by name)."""
    import tensorflow as tf

    loaded = tf.saved_model.load(str(folder))
    serve = loaded.signatures[SIGNATURE]
    result = serve(**{name: tf.constant(x) for name, x in zip(input_names(model), inputs)})
    return [result[name].numpy() for name in output_names(model)]


def _folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def export_saved_model(project: "Project", folder: str | Path,
                       dataset: "Dataset | None" = None,
                       load_data: bool = True) -> ExportReport:
    """Write the SavedModel folder ``folder`` (replacing an earlier SavedModel there), check
    it on examples of the project's data, write a classifier's labels file beside it."""
    folder = Path(folder)
    if folder.exists() and not (folder.is_dir() and (
            not any(folder.iterdir()) or (folder / "saved_model.pb").exists())):
        raise ExportError(_("{folder} already exists and is not a SavedModel folder: choose "
                            "a new folder name (a SavedModel is a folder of files).")
                          .format(folder=folder))
    model = export_model(project)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    os.chmod(staging, private_dir_mode())  # a folder like any other, not mkdtemp's 0700
    try:
        try:
            write_saved_model(model, staging)
        except Exception as error:  # noqa: BLE001 - named in words, with the layer
            raise unsupported_layer_error(error, model, "SavedModel", _(
                "Replace or remove that layer to export a SavedModel.")) from error
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    check = prepare_check(project, model, dataset, load_data)
    outputs = run_saved_model(folder, model, check.inputs)
    names = ", ".join(input_names(model))
    return ExportReport("SavedModel", folder, _folder_size(folder),
                        _("TensorFlow's SavedModel loader"), check.difference(outputs),
                        check.tolerance("float"), len(check.inputs[0]), check.source,
                        write_labels(check.dataset, folder),
                        [_("Serving signature '{signature}' takes: {names}.")
                         .format(signature=SIGNATURE, names=names),

                         *weights_notes(project, model)])
