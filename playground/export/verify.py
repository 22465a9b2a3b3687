"""Checking an export: real examples of the project's dataset through the exported file
(in its own runtime) and through the Keras model, and the largest difference between them.

Tolerances are absolute differences, scaled by the size of the model's outputs when those
exceed 1 (a regression model predicting hundreds is compared relative to that). Float
exports agree with Keras to ~1e-6 in practice; float16 weights lose about three decimal
digits; dynamic-range quantisation stores weights as 8-bit integers and is the loosest.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy as np

from playground.errors import PlaygroundError
from playground.i18n import N_, _

if TYPE_CHECKING:
    from playground.datasets.base import Dataset
    from playground.files.project import Project

SAMPLES = 8
TOLERANCES = {"float": 1e-4, "float16": 1e-2, "dynamic": 5e-2}


def tolerance(kind: str, reference: Sequence[np.ndarray]) -> float:
    scale = max([1.0] + [float(np.max(np.abs(r))) for r in reference if r.size])
    return TOLERANCES[kind] * scale


# Where the checked examples came from, by the dataset split they were taken from.
SOURCE_TEXTS = {"test": N_("test examples of '{title}'"),
                "validation": N_("validation examples of '{title}'"),
                "training": N_("training examples of '{title}'")}


def project_dataset(
project: "Project") -> tuple["Dataset | None", str]:
    """The project's dataset, or None and why not (an export is still checked, on random
    inputs, when its data cannot be loaded, e.g. a CSV file that moved)."""
    from playground.datasets import load_dataset

    choice = project.dataset or {}
    if not choice.get("name"):
        return None, _("the project has no dataset")
    try:
        return load_dataset(choice["name"], choice.get("params") or {}), ""
    except (PlaygroundError, OSError) as error:
        return None, _("its dataset could not be loaded ({error})").format(error=error)


def sample_inputs(model: Any, dataset: "Dataset | None", count: int = SAMPLES,
                  why_no_data: str = "") -> tuple[list[np.ndarray], str]:
    """One array of ``count`` examples per model input and where they came from.

    Real examples (test, else validation, else training ones) for every input whose shape
    is the dataset's; seeded random numbers in the data's range for the others (a model
    with several inputs, or no data)."""
    source = None
    if dataset is not None:
        for split, x in (("test", dataset.x_test), ("validation", dataset.x_val),
                         ("training", dataset.x_train)):
            if x is not None and len(x):
                source = (split, x[:count])
                break
    rng = np.random.default_rng(0)
    arrays, real, made_up = [], 0, 0
    for tensor in model.inputs:
        shape = tuple(tensor.shape[1:])
        dtype = np.dtype(tensor.dtype)
        if source is not None and _fits(shape, source[1].shape[1:]):
            arrays.append(source[1].astype(dtype, copy=False))
            real += 1
            continue
        size = tuple(d if d is not None else 8 for d in shape)
        n = len(source[1]) if source is not None else count
        if np.issubdtype(dtype, np.integer):
            arrays.append(rng.integers(0, 10, size=(n, *size)).astype(dtype))
        else:
            low, high = (float(source[1].min()), float(source[1].max())) \
                if source is not None else (0.0, 1.0)
            arrays.append(rng.uniform(low, high, size=(n, *size)).astype(dtype))
        made_up += 1
    if source is None:
        return arrays, _("random inputs") + (
            _(" ({why_no_data})").format(why_no_data=why_no_data) if why_no_data else "")
    described = _(SOURCE_TEXTS[source[0]]).format(
        title=dataset.title)  # type: ignore[union-attr]
    if made_up:
        described += _(" ({made_up} of the {inputs} inputs do not take the dataset's "
                       "examples: random numbers in the data's range there)"
                       ).format(made_up=made_up, inputs=real + made_up)
    return arrays, described


def _fits(model_shape: tuple[Any, ...], data_shape: tuple[int, ...]) -> bool:
    return len(model_shape) == len(data_shape) and all(
        m is None or m == d for m, d in zip(model_shape, data_shape))


def keras_outputs(model: Any, inputs: list[np.ndarray]) -> list[np.ndarray]:
    out = model(inputs if len(inputs) > 1 else inputs[0], training=False)
    out = out if isinstance(out, (list, tuple)) else [out]
    return [np.asarray(o) for o in out]


def max_difference(reference: Sequence[np.ndarray], outputs: Sequence[np.ndarray]) -> float:
    """Largest absolute difference over every output (NaN anywhere counts as infinite)."""
    if len(reference) != len(outputs):
        raise PlaygroundError(_("The exported model gives {outputs} output(s), the Keras "
                                "model {reference}.")
                              .format(outputs=len(outputs), reference=len(reference)))
    worst = 0.0
    for ref, out in zip(reference, outputs):
        out = np.asarray(out, dtype=np.float64).reshape(ref.shape)
        diff = np.abs(out - ref.astype(np.float64))
        worst = max(worst, float(np.max(diff)) if diff.size else 0.0)
        if not np.all(np.isfinite(diff)):
            return float("inf")
    return worst


def run_per_sample(run: Callable[[list[np.ndarray]], list[np.ndarray]],
                   inputs: list[np.ndarray]) -> list[np.ndarray]:
    """Run a fixed-batch-1 model once per example and stack the outputs."""
    pieces = [run([x[i:i + 1] for x in inputs]) for i in range(len(inputs[0]))]
    return [np.concatenate([p[k] for p in pieces]) for k in range(len(pieces[0]))]



@dataclass
class Check:
    """The examples an export is checked on and the Keras model's outputs for them."""

    inputs: list[np.ndarray]
    source: str                     # where the examples came from, in words
    reference: list[np.ndarray]     # the Keras model's outputs
    dataset: "Dataset | None"       # the project's dataset (None when not loaded)

    def difference(self, outputs: Sequence[np.ndarray]) -> float:
        return max_difference(self.reference, outputs)

    def tolerance(self, kind: str) -> float:
        return tolerance(kind, self.reference)


def prepare_check(project: "Project", model: Any, dataset: "Dataset | None" = None,
                  load_data: bool = True, preparation: Any = None) -> Check:
    """Examples for checking an export of ``model``. ``dataset`` None with ``load_data``:
    the project's own dataset is loaded (``load_data`` False: random inputs).
    ``preparation``: the model takes raw data, so the examples are raw ones."""
    why = ""
    if dataset is None and load_data:
        dataset, why = project_dataset(project)
    if preparation is not None and dataset is not None:
        inputs, source = raw_sample_inputs(model, dataset, preparation)
    else:
        inputs, source = sample_inputs(model, dataset, why_no_data=why)
    return Check(inputs, source, keras_outputs(model, inputs), dataset)


def raw_sample_inputs(model: Any, dataset: "Dataset", preparation: Any,
                      count: int = SAMPLES) -> tuple[list[np.ndarray], str]:
    """Raw test examples (0-255 pictures, the table's own cells), one array per input of a
    model with the data preparation in front."""
    from playground.prepared.predictor import input_entries, input_key
    from playground.prepared.preparation import raw_examples

    raw = raw_examples(dataset, preparation, count)
    if isinstance(raw, dict):
        by_key = {input_key(model, name): np.asarray(v).reshape(-1, 1)
                  for name, v in raw.items()}
        arrays = [by_key[key] for key, _tensor in input_entries(model)]
    else:
        arrays = [np.asarray(raw, dtype=np.float32)]
    return arrays, _("raw test examples of '{title}'").format(title=dataset.title)
