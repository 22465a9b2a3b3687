"""A project as a LiteRT (TensorFlow Lite) ``.tflite`` file, float or quantised, checked
right after writing in the LiteRT interpreter.

Conversion goes the way TensorFlow recommends for Keras 3 (a SavedModel written by Keras's
``ExportArchive``, then ``TFLiteConverter.from_saved_model``) and allows only LiteRT's
built-in operations, so the file runs with the plain runtime on a phone; a layer that would
need TensorFlow's own kernels ("Select TF ops") is named instead. Recurrent layers convert
to LiteRT's fused kernels only with a fixed batch size: when the any-batch-size conversion
fails for that reason the file takes one example at a time.
"""
from __future__ import annotations

import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.errors import ExportError
from playground.export.deploy import (ExportReport, deployable_model, input_names, input_specs,
                                      output_names, serving_function,
                                      unsupported_layer_error, weights_notes)
from playground.export.labels import write_labels
from playground.export.verify import prepare_check, run_per_sample
from playground.files.fileio import atomic_write_bytes
from playground.i18n import N_, _

if TYPE_CHECKING:
    from playground.datasets.base import Dataset
    from playground.files.project import Project

QUANTIZATIONS = ("dynamic", "float16")
FIX = N_("Replace or remove that layer to export to LiteRT, or export to ONNX or a "
         "SavedModel, which take every TensorFlow operation.")


def convert(model: Any, quantize: str | None = None, batch: int | None = None) -> bytes:
    """The ``.tflite`` bytes of ``model`` (raises the converter's own errors)."""
    import tensorflow as tf
    from keras.export import ExportArchive

    with tempfile.TemporaryDirectory(prefix="kp-tflite-") as folder:
        archive = ExportArchive()
        archive.track(model)
        archive.add_endpoint("serve", serving_function(model),
                             input_signature=input_specs(model, batch))
        archive.write_out(folder, verbose=False)
        converter = tf.lite.TFLiteConverter.from_saved_model(folder)
        converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS]
        if quantize is not None:
            converter.optimizations = [tf.lite.Optimize.DEFAULT]
        if quantize == "float16":
            converter.target_spec.supported_types = [tf.float16]
        return converter.convert()


def _is_recurrent(model: Any) -> bool:
    from playground.kerasenv import keras

    layers = keras().layers
    return any(isinstance(layer, (layers.RNN, layers.Bidirectional)) for layer in model.layers)


def _needs_fixed_batch(error: BaseException) -> bool:
    text = str(error)
    return "TensorList" in text or "element_shape to be static" in text


def load_interpreter(path: str | Path) -> tuple[Any, str]:
    """A LiteRT interpreter for the file, and the runtime's name: ``ai-edge-litert`` when
    installed (the ``litert`` extra), else the interpreter TensorFlow still ships."""
    try:
        from ai_edge_litert.interpreter import Interpreter

        return Interpreter(model_path=str(path)), "the LiteRT interpreter (ai-edge-litert)"
    except ImportError:
        import tensorflow as tf

        with warnings.catch_warnings():  # deprecated in favour of ai-edge-litert
            warnings.simplefilter("ignore")
            return tf.lite.Interpreter(model_path=str(path)), "TensorFlow's LiteRT interpreter"


def run_tflite(path: str | Path, model: Any, inputs: list[np.ndarray],
               batch: int | None = None) -> tuple[list[np.ndarray], str]:
    """The file's outputs for ``inputs`` (by name, through its serving signature)."""
    interpreter, runtime = load_interpreter(path)
    runner = interpreter.get_signature_runner("serving_default")
    names, outs = input_names(model), output_names(model)

    def run(arrays: list[np.ndarray]) -> list[np.ndarray]:
        result = runner(**dict(zip(names, arrays)))
        return [np.asarray(result[name]) for name in outs]

    return (run_per_sample(run, inputs) if batch == 1 else run(inputs)), runtime


def export_tflite(project: "Project", path: str | Path, quantize: str | None = None,
                  dataset: "Dataset | None" = None, load_data: bool = True,
                  include_preparation: bool = False) -> ExportReport:
    """Write ``path`` (.tflite), check it on examples of the project's data, write the
    labels file of a classifier beside it. ``quantize``: None (float32), ``"dynamic"``
    (8-bit weights) or ``"float16"`` (half-size weights)."""
    path = Path(path)
    if path.suffix.lower() != ".tflite":
        raise ExportError(_("{name}: a LiteRT model file must end in .tflite.")
                          .format(name=path.name))
    if quantize not in (None, *QUANTIZATIONS):
        raise ExportError(_("Unknown quantisation {quantize}: choose dynamic or float16 (or "
                            "leave it out for a float model).").format(quantize=repr(quantize)))
    deployable = deployable_model(project, dataset, include_preparation, load_data,
                                  takes_text=False)
    model, dataset = deployable.model, deployable.dataset
    batch: int | None = 1 if _is_recurrent(model) else None
    try:
        try:
            data = convert(model, quantize, batch)
        except Exception as error:  # noqa: BLE001 - converter errors have no common type
            if batch == 1 or not _needs_fixed_batch(error):
                raise
            batch = 1
            data = convert(model, quantize, batch=1)
    except ExportError:
        raise
    except Exception as error:  # noqa: BLE001 - named in words, with the layer
        raise unsupported_layer_error(error, model, "LiteRT", _(FIX)) from error
    atomic_write_bytes(path, data)
    check = prepare_check(project, model, dataset, load_data, deployable.preparation)
    outputs, runtime = run_tflite(path, model, check.inputs, batch)
    notes = deployable.notes + weights_notes(project, deployable.trained)
    if quantize == "dynamic":
        notes.append(_("Weights stored as 8-bit integers (dynamic-range quantisation)."))
    elif quantize == "float16":
        notes.append(_("Weights stored as 16-bit floats."))
    if batch == 1:
        notes.append(_("It takes one example at a time (recurrent layers need a fixed batch "
                       "size in LiteRT)."))

    return ExportReport("LiteRT", path, path.stat().st_size, runtime,
                        check.difference(outputs), check.tolerance(quantize or "float"),
                        len(check.inputs[0]), check.source, write_labels(check.dataset, path),
                        notes)
