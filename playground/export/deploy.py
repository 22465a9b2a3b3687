"""What the deployment exports (LiteRT, SavedModel, ONNX) share: the model to export with
its input names, the report each export returns, the message for a missing optional
package and the one that names the layer a format cannot take."""
from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playground.errors import ExportError
from playground.i18n import _

if TYPE_CHECKING:
    from playground.files.project import Project


@dataclass
class ExportReport:
    """What was written and how well the file, run in its own runtime, matches Keras.

    ``max_difference`` is the largest absolute difference between the file's outputs and
    the Keras model's on ``samples`` examples (from ``sample_source``); ``tolerance`` is
    the difference allowed for this format (see :mod:`playground.export.verify`).
    """

    format: str                      # "LiteRT", "SavedModel", "ONNX"
    path: Path
    size_bytes: int
    runtime: str                     # what loaded it for the check
    max_difference: float
    tolerance: float
    samples: int
    sample_source: str               # "test examples of 'XOR'", "random inputs", ...
    labels_path: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        return self.max_difference <= self.tolerance

    def summary(self) -> str:
        """One paragraph for the user (the CLI prints it, the app shows it)."""
        text = (_("Wrote {path} ({size}). Loaded with {runtime} and run on {samples} "
                  "{sample_source}: it matches the Keras model (largest difference "
                  "{difference}, allowed {tolerance}).") if self.matches else
                _("Wrote {path} ({size}). Loaded with {runtime} and run on {samples} "
                  "{sample_source}: it DOES NOT match the Keras model (largest difference "
                  "{difference}, allowed {tolerance}).")).format(
            path=self.path, size=_size_text(self.size_bytes), runtime=self.runtime,
            samples=self.samples, sample_source=self.sample_source,
            difference=f"{self.max_difference:.3g}", tolerance=f"{self.tolerance:.3g}")
        if self.labels_path is not None:
            text += _(" Class names: {name}.").format(name=self.labels_path.name)
        for note in self.notes:
            text += f" {note}"
        return text


def _size_text(size: int) -> str:
    if size < 1024:
        return _("{size} bytes").format(size=size)
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def export_model(project: "Project") -> Any:
    """The project's Keras model with its trained weights (fresh ones when untrained)."""
    from playground.network.keras_build import build_model

    return build_model(project.graph, project.weights or None)


@dataclass
class Deployable:
    """The model an export writes: the project's model (``trained``), with the data
    preparation in front when asked and possible (``model``)."""

    model: Any
    trained: Any
    preparation: Any = None          # playground.prepared.preparation.Preparation
    dataset: Any = None
    notes: list[str] = field(default_factory=list)


def deployable_model(project: "Project", dataset: Any = None,
                     include_preparation: bool = False, load_data: bool = True,
                     takes_text: bool = True) -> Deployable:
    """The model to export. ``include_preparation``: the dataset's preparation becomes
    Keras layers at its front (see :mod:`playground.prepared.layers`); ``takes_text``
    False (LiteRT, ONNX): a table with category columns, whose raw inputs are text, is
    exported without it, and a note says so."""
    trained = export_model(project)
    if not include_preparation:
        return Deployable(trained, trained, dataset=dataset)
    from playground.export.verify import project_dataset
    from playground.prepared.layers import prepared_model
    from playground.prepared.preparation import preparation_for

    if dataset is None:
        dataset, why = project_dataset(project) if load_data else (None, "")
        if dataset is None:
            raise ExportError(_("The data preparation cannot be included: {why}. Export "
                                "without it (untick \"Include the data preparation\", or "
                                "--no-preparation).").format(why=why or _("no data")))
    preparation = preparation_for(dataset)
    if preparation.is_identity:
        return Deployable(trained, trained, None, dataset,
                          [_("The model takes the raw data as it is: no preparation to add.")])
    if preparation.layout == "columns" and not takes_text:
        return Deployable(trained, trained, None, dataset, [_(
            "Exported without the data preparation: the table's category columns are text, "
            "which this format does not take. Feed it prepared numbers, or use the .keras "
            "or SavedModel export, which include it.")])
    model = prepared_model(trained, preparation)
    return Deployable(model, trained, preparation, dataset, [_(
        "The data preparation is included: it takes raw inputs ({what}).").format(
            what=preparation_summary(preparation))])


def preparation_summary(preparation: Any) -> str:
    """The preparation in a few words, e.g. "pictures ÷ 255"."""
    from playground.prepared.preparation import CATEGORY, PICTURE

    parts = []
    if preparation.columns and preparation.columns[0].kind == PICTURE:
        parts.append(_("pictures with pixels 0-255"))
    categories = [c.name for c in preparation.columns if c.kind == CATEGORY]
    if categories:
        parts.append(_("categories as text in {columns}").format(columns=", ".join(categories)))
    if preparation.method == "standardize":
        parts.append(_("numbers standardized with the training mean and variance"))
    elif preparation.method == "unit":
        parts.append(_("numbers rescaled to 0-1 with the training range"))
    return "; ".join(parts)


def weights_notes(project: "Project", model: Any) -> list[str]:
    """What the user should know about the weights that went into the file."""
    from playground.network.keras_build import stale_weights

    if not project.weights:
        return [_("The model is untrained: the file holds fresh random weights. Train it "
                  "first to export what it learned.")]
    stale = stale_weights(project.graph, model, project.weights)
    if stale:
        return [_("{layers} changed since training and start from fresh weights: "
                  "train again to export trained ones.").format(layers=", ".join(stale))]
    return []


def input_names(model: Any) -> list[str]:
    """The model's input names (its Input layers' names): the names the exported files
    give their inputs."""
    return [tensor.name for tensor in model.inputs]


def output_names(model: Any) -> list[str]:
    return list(model.output_names)


def input_specs(model: Any, batch: int | None = None) -> list[Any]:
    """One ``tf.TensorSpec`` per model input, named after it; ``batch`` None = any size."""
    import tensorflow as tf

    return [tf.TensorSpec((batch, *tensor.shape[1:]), tensor.dtype, name=tensor.name)
            for tensor in model.inputs]


def serving_function(model: Any) -> Any:
    """``serve(*inputs) -> {output name: tensor}``: the model in inference mode, one
    positional argument per input, outputs named after the model's output layers."""
    names = output_names(model)

    def serve(*inputs: Any) -> dict[str, Any]:
        outputs = model(list(inputs) if len(inputs) > 1 else inputs[0], training=False)
        outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
        return dict(zip(names, outputs))

    return serve


OPTIONAL_PACKAGES = {
    "onnx": ("ONNX", ("tf2onnx", "onnx", "onnxruntime")),
}


def require_extra(extra: str) -> None:
    """Raise ExportError naming the pip command when an optional package is missing."""
    what, modules = OPTIONAL_PACKAGES[extra]
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise ExportError(
            _("{what} export needs the optional package(s) {missing}, which are not "
              "installed. Install them with: pip install \"keras-playground[{extra}]\" "
              "(or pip install {modules}).").format(
                what=what, missing=", ".join(missing), extra=extra, modules=" ".join(modules)))


def unsupported_layer_error(error: BaseException, model: Any, format_name: str,
                            fix: str) -> ExportError:
    """An ExportError naming the layer (and the operations) that ``format_name`` cannot
    express, found in a converter's error text; a plainer one when no layer is named."""
    text = str(error)
    ops = _unsupported_ops(text)
    layer = _layer_in(text, model)
    need = _(" (it needs {ops})").format(ops=", ".join(ops)) if ops else ""
    if layer is not None:
        kind = type(layer).__name__
        return ExportError(_("{format_name} cannot express layer '{layer}' ({kind}){need}. "
                             "{fix}").format(format_name=format_name, layer=layer.name,
                                              kind=kind, need=need, fix=fix))
    first = text.strip().splitlines()[0][:300] if text.strip() else type(error).__name__
    return ExportError(_("{format_name} conversion failed{need}: {first}. {fix}").format(
        format_name=format_name, need=need, first=first, fix=fix))



def _unsupported_ops(text: str) -> list[str]:
    ops = re.findall(r"'tf\.(\w+)' op is neither a custom op nor a flex op", text)
    select = re.search(r"TF Select ops: ([\w, ]+)", text)
    if select:
        ops += [op.strip() for op in select.group(1).split(",")]
    ops += re.findall(r"failed to legalize operation 'tf\.(\w+)'", text)
    return list(dict.fromkeys(op for op in ops if op))


def _layer_in(text: str, model: Any) -> Any:
    """The model layer whose name scope appears first in ``text``. Inside a traced model
    TensorFlow scopes layer ``name`` as ``name_N/`` (a suffix made unique per trace), so a
    suffixed match wins over a bare one ("dense_1/" is layer "dense", not "dense_1")."""
    best: tuple[int, int] | None = None
    found = None
    for layer in model.layers:
        if type(layer).__name__ == "InputLayer":
            continue
        for rank, pattern in enumerate((rf"/{re.escape(layer.name)}_\d+/",
                                        rf"/{re.escape(layer.name)}/")):
            match = re.search(pattern, text)
            if match is not None and (best is None or (match.start(), rank) < best):
                best, found = (match.start(), rank), layer
    return found
