"""A project as an ONNX file, checked right after writing in onnxruntime.

Written by Keras's own ``model.export(format="onnx")``, which runs tf2onnx on the model's
traced function (with Keras's fix for NumPy 2); tf2onnx's own ``from_function`` works too
with the versions pinned here, but Keras's way names the ONNX inputs after the model's
Input layers by itself. Needs the ``onnx`` extra (tf2onnx, onnx, onnxruntime).
"""
from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.errors import ExportError
from playground.export.deploy import (ExportReport, deployable_model, input_names, input_specs,
                                      require_extra, unsupported_layer_error, weights_notes)
from playground.export.labels import write_labels
from playground.export.verify import prepare_check
from playground.files.fileio import atomic_path
from playground.i18n import N_, _

if TYPE_CHECKING:
    from playground.datasets.base import Dataset
    from playground.files.project import Project

FIX = N_("Replace or remove that layer to export to ONNX, or export to a SavedModel.")


def write_onnx(model: Any, path: Path) -> None:
    logging.getLogger("tf2onnx").setLevel(logging.ERROR)  # its per-op chatter
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)    # numpy 2 notices from the patch
        model.export(str(path), format="onnx", verbose=False,
                     input_signature=[input_specs(model)] if len(model.inputs) > 1
                     else input_specs(model))


def run_onnx(path: str | Path, model: Any, inputs: list[np.ndarray]) -> list[np.ndarray]:
    """The ONNX file's outputs for ``inputs``, fed by the model's input names."""
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed_names = [i.name for i in session.get_inputs()]
    wanted = input_names(model)
    if sorted(feed_names) != sorted(wanted):
        raise ExportError(_("The ONNX file's inputs are {inputs}, not the model's {wanted}.")
                          .format(inputs=", ".join(feed_names), wanted=", ".join(wanted)))
    return [np.asarray(o) for o in session.run(None, dict(zip(wanted, inputs)))]


def export_onnx(project: "Project", path: str | Path, dataset: "Dataset | None" = None,
                load_data: bool = True,
                  include_preparation: bool = False) -> ExportReport:
    """Write ``path`` (.onnx), check it in onnxruntime on examples of the project's data,
    write a classifier's labels file beside it."""
    path = Path(path)
    if path.suffix.lower() != ".onnx":
        raise ExportError(_("{name}: an ONNX model file must end in .onnx.")
                          .format(name=path.name))
    require_extra("onnx")
    deployable = deployable_model(project, dataset, include_preparation, load_data,
                                  takes_text=False)
    model, dataset = deployable.model, deployable.dataset
    try:
        with atomic_path(path, suffix=".tmp.onnx") as tmp:
            write_onnx(model, tmp)
            _load_check(tmp)
    except ExportError:
        raise
    except Exception as error:  # noqa: BLE001 - named in words, with the layer
        raise unsupported_layer_error(error, model, "ONNX", _(FIX)) from error

    check = prepare_check(project, model, dataset, load_data, deployable.preparation)
    import onnxruntime

    outputs = run_onnx(path, model, check.inputs)
    return ExportReport("ONNX", path, path.stat().st_size,
                        f"onnxruntime {onnxruntime.__version__}", check.difference(outputs),
                        check.tolerance("float"), len(check.inputs[0]), check.source,
                        write_labels(check.dataset, path), deployable.notes + weights_notes(project, deployable.trained))


def _load_check(path: Path) -> None:
    """tf2onnx writes a file even when an operation has no ONNX equivalent; onnxruntime
    refuses it then (with the operation's node name, which names the layer)."""
    import onnxruntime

    onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
