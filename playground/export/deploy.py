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
        verdict = "matches" if self.matches else "DOES NOT match"
        text = (f"Wrote {self.path} ({_size_text(self.size_bytes)}). Loaded with "
                f"{self.runtime} and run on {self.samples} {self.sample_source}: it "
                f"{verdict} the Keras model (largest difference {self.max_difference:.3g}, "
                f"allowed {self.tolerance:.3g}).")
        if self.labels_path is not None:
            text += f" Class names: {self.labels_path.name}."
        for note in self.notes:
            text += f" {note}"
        return text


def _size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def export_model(project: "Project") -> Any:
    """The project's Keras model with its trained weights (fresh ones when untrained)."""
    from playground.network.keras_build import build_model

    return build_model(project.graph, project.weights or None)


def weights_notes(project: "Project", model: Any) -> list[str]:
    """What the user should know about the weights that went into the file."""
    from playground.network.keras_build import stale_weights

    if not project.weights:
        return ["The model is untrained: the file holds fresh random weights. Train it "
                "first to export what it learned."]
    stale = stale_weights(project.graph, model, project.weights)
    if stale:
        return [f"{', '.join(stale)} changed since training and start from fresh weights: "
                "train again to export trained ones."]
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
            f"{what} export needs the optional package(s) {', '.join(missing)}, which are "
            f"not installed. Install them with: pip install \"keras-playground[{extra}]\" "
            f"(or pip install {' '.join(modules)}).")


def unsupported_layer_error(error: BaseException, model: Any, format_name: str,
                            fix: str) -> ExportError:
    """An ExportError naming the layer (and the operations) that ``format_name`` cannot
    express, found in a converter's error text; a plainer one when no layer is named."""
    text = str(error)
    ops = _unsupported_ops(text)
    layer = _layer_in(text, model)
    need = f" (it needs {', '.join(ops)})" if ops else ""
    if layer is not None:
        kind = type(layer).__name__
        return ExportError(f"{format_name} cannot express layer '{layer.name}' ({kind}){need}. "
                           f"{fix}")
    first = text.strip().splitlines()[0][:300] if text.strip() else type(error).__name__
    return ExportError(f"{format_name} conversion failed{need}: {first}. {fix}")


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
