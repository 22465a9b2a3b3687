"""Does the model fit the chosen dataset, and what would make it fit?

A newcomer's first model is unfinished (an Input and nothing after it) or does not match the
data (an Input of shape 2 for a 4-column table, 1 output unit for 10 classes). These checks
say so in plain words before Keras is asked, and propose the parameter changes that fix it,
which the app applies as one undo step.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from playground.i18n import _
from playground.network.graph import Graph

if TYPE_CHECKING:
    from playground.datasets.base import Dataset


@dataclass(frozen=True)
class OutputLayer:
    """The last layer a dataset asks for: ``Dense(units, activation)``."""

    units: int
    activation: str

    def params(self) -> dict[str, Any]:
        return {"units": self.units, "activation": self.activation}


def output_for(dataset: "Dataset") -> OutputLayer:
    """1 sigmoid unit for two classes, one softmax unit per class for more, one linear unit
    per target number for regression."""
    return OutputLayer(dataset.output_size, dataset.suggested_activation)


def unfinished_reason(graph: Graph) -> str | None:
    """Plain words for what the model lacks before it can train, or None when it has an
    Input and at least one layer after it."""
    if not graph.input_nodes():
        return _("The model has no Input layer: add an Input layer (the data enters there), "
                 "connect a layer after it and end with an output layer.")
    if not graph.output_nodes():
        return _("The model is not finished: connect a layer after Input and end with an "
                 "output layer.")
    return None


def _numeric_input(dataset: "Dataset") -> bool:
    return dataset.x_train.dtype.kind not in "UOS"


def fit_changes(graph: Graph, dataset: "Dataset") -> dict[str, dict[str, Any]]:
    """Parameter changes, by node id, that make the Input's shape and the output layer's
    units and activation match ``dataset``; empty when they already match or the model is
    not one the app can fix this way (several inputs or outputs, a last layer that is not
    Dense, text input)."""
    changes: dict[str, dict[str, Any]] = {}
    inputs, outputs = graph.input_nodes(), graph.output_nodes()
    if len(inputs) != 1 or len(outputs) != 1:
        return changes
    source = inputs[0]
    wanted_shape = [None, *dataset.input_shape]
    if _numeric_input(dataset) and "batch_shape" in source.params \
            and list(source.params["batch_shape"]) != wanted_shape:
        changes[source.id] = {"batch_shape": wanted_shape}
    last = outputs[0]
    if last.layer_type == "Dense":
        wanted = output_for(dataset)
        units = last.params.get("units")
        activation = last.params.get("activation", "linear")
        update: dict[str, Any] = {}
        binary_pair = dataset.task == "binary" and units == 2 and activation == "softmax"
        if units != wanted.units and not binary_pair:
            update["units"] = wanted.units
        if activation != wanted.activation and not binary_pair:
            # A linear output is a valid choice for classification (logits), but the app's
            # "fix" gives the one that says what it means.
            update["activation"] = wanted.activation
        if update:
            changes[last.id] = update
    return changes


def describe_changes(graph: Graph, changes: dict[str, dict[str, Any]]) -> str:
    """One line per layer changed, e.g. "Input: batch_shape → (None, 4)"."""
    lines = []
    for node_id, update in changes.items():
        node = graph.node(node_id)
        values = ", ".join(f"{key} = {_value_text(value)}" for key, value in update.items())
        lines.append(f"{node.display_name()}: {values}")
    return "\n".join(lines)


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return "(" + ", ".join("None" if v is None else str(v) for v in value) + ")"
    return str(value)
