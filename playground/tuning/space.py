"""What a search may change: a range (with a log flag) or a set of choices per layer
parameter and per training setting, stored as JSON in ``project.tuning["space"]``.

A :class:`Dimension` names its target (a node id, or ``None`` for the training settings),
the parameter and what to try. Optuna knows each dimension by :attr:`Dimension.key`
(``"<node id>.<param>"`` or ``"training.<setting>"``), which stays the same when a layer
is renamed, so a study can be resumed after such edits.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from playground.errors import TuningError
from playground.network.graph import Graph
from playground.training.settings import OPTIMIZERS

TRAINING_PREFIX = "training"
# Node parameter kinds a search can change, and how: a range or choices.
RANGE_KINDS = ("int", "float")
CHOICE_KINDS = ("choice", "activation", "bool")
# Training settings a search can change: kind, and the limits of a valid value.
TRAINING_FIELDS: dict[str, tuple[str, float | None, float | None, tuple[Any, ...]]] = {
    "optimizer": ("choice", None, None, OPTIMIZERS),
    "learning_rate": ("float", 1e-7, 10.0, ()),
    "batch_size": ("int", 1, 65536, ()),
    "epochs": ("int", 1, 100000, ()),
}
TRAINING_TITLES = {"optimizer": "Optimizer", "learning_rate": "Learning rate",
                   "batch_size": "Batch size", "epochs": "Epochs"}
# Activations offered when a search over an activation is switched on.
DEFAULT_ACTIVATIONS = ("relu", "tanh", "sigmoid", "elu")


@dataclass
class Dimension:
    """One searched value. ``kind`` is ``"int"``, ``"float"`` or ``"choice"``."""

    param: str
    kind: str
    node: str | None = None              # None: a training setting
    low: float | None = None
    high: float | None = None
    log: bool = False
    choices: list[Any] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The parameter's name in the Optuna study."""
        return f"{self.node or TRAINING_PREFIX}.{self.param}"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"node": self.node, "param": self.param, "kind": self.kind}
        if self.kind == "choice":
            data["choices"] = list(self.choices)
        else:
            data.update(low=self.low, high=self.high, log=self.log)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> "Dimension":
        if not isinstance(data, dict) or not isinstance(data.get("param"), str) \
                or data.get("kind") not in ("int", "float", "choice"):
            raise TuningError("The search space saved in the project is damaged (an entry "
                              f"without a parameter or kind: {data!r}). Switch the search "
                              "of that field off and on again.")
        choices = data.get("choices") or []
        return cls(param=data["param"], kind=data["kind"], node=data.get("node"),
                   low=data.get("low"), high=data.get("high"), log=bool(data.get("log")),
                   choices=list(choices) if isinstance(choices, list) else [])

    def suggest(self, trial: Any) -> Any:
        """Ask an Optuna trial for this dimension's value."""
        if self.kind == "choice":
            return trial.suggest_categorical(self.key, list(self.choices))
        if self.kind == "int":
            return trial.suggest_int(self.key, int(self.low), int(self.high), log=self.log)
        return trial.suggest_float(self.key, float(self.low), float(self.high), log=self.log)

    def contains(self, value: Any) -> bool:
        if self.kind == "choice":
            return value in self.choices
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        return float(self.low) <= value <= float(self.high)


class SearchSpace:
    """The searched dimensions of a project, at most one per (node, parameter)."""

    def __init__(self, dimensions: list[Dimension] | None = None) -> None:
        self._dims: dict[tuple[str | None, str], Dimension] = {}
        for dim in dimensions or []:
            self.set(dim)

    # ------------------------------------------------------------ editing
    @property
    def dimensions(self) -> list[Dimension]:
        return list(self._dims.values())

    def __len__(self) -> int:
        return len(self._dims)

    def get(self, node: str | None, param: str) -> Dimension | None:
        return self._dims.get((node, param))

    def set(self, dim: Dimension) -> None:
        self._dims[(dim.node, dim.param)] = dim

    def remove(self, node: str | None, param: str) -> None:
        self._dims.pop((node, param), None)

    def without_missing_nodes(self, graph: Graph) -> tuple["SearchSpace", list[str]]:
        """This space less the dimensions of deleted layers, and a note for each dropped."""
        kept, dropped = [], []
        for dim in self.dimensions:
            if dim.node is None or dim.node in graph:
                kept.append(dim)
            else:
                dropped.append(f"{dim.param} of the deleted layer {dim.node} is no longer "
                               "searched.")
        return SearchSpace(kept), dropped

    # ------------------------------------------------------------ storage
    def to_list(self) -> list[dict[str, Any]]:
        return [dim.to_dict() for dim in self.dimensions]

    @classmethod
    def from_list(cls, data: Any) -> "SearchSpace":
        if data is None:
            return cls()
        if not isinstance(data, list):
            raise TuningError("The search space saved in the project is damaged (expected a "
                              "list of searched fields). Switch the searches on again.")
        return cls([Dimension.from_dict(item) for item in data])

    # ------------------------------------------------------------ checks
    def validate(self, graph: Graph) -> None:
        """Raise TuningError naming the layer (or setting) and parameter to fix."""
        if not self._dims:
            raise TuningError("Nothing is searched yet: switch on \"search this\" for at "
                              "least one layer setting (in the inspector) or training "
                              "setting, then start the search again.")
        for dim in self.dimensions:
            check_dimension(dim, graph)

    # ------------------------------------------------------------ values
    def split(self, params: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
        """Optuna params -> (updates per node id, training setting updates)."""
        nodes: dict[str, dict[str, Any]] = {}
        training: dict[str, Any] = {}
        for dim in self.dimensions:
            if dim.key not in params:
                continue
            if dim.node is None:
                training[dim.param] = params[dim.key]
            else:
                nodes.setdefault(dim.node, {})[dim.param] = params[dim.key]
        return nodes, training

    def current_values(self, graph: Graph, training: dict[str, Any]) -> dict[str, Any]:
        """The project's own values of the searched dimensions that lie inside them (to try
        the current settings as the first trial)."""
        from playground.training.settings import TrainingSettings

        settings = TrainingSettings.from_dict(training).to_dict()
        values: dict[str, Any] = {}
        for dim in self.dimensions:
            if dim.node is None:
                value = settings.get(dim.param)
            elif dim.node in graph:
                value = graph.node(dim.node).params.get(dim.param)
            else:
                continue
            if dim.contains(value):
                values[dim.key] = value
        return values


def check_dimension(dim: Dimension, graph: Graph) -> None:
    where = describe(dim, graph)
    limits = _limits(dim, graph, where)
    if dim.kind == "choice":
        if not dim.choices:
            raise TuningError(f"{where}: the set of choices to try is empty. Tick at least "
                              "one choice, or switch off \"search this\".")
        allowed = limits[2]
        bad = [c for c in dim.choices if allowed and c not in allowed]
        if bad:
            raise TuningError(f"{where}: {', '.join(map(repr, bad))} is not one of the "
                              f"choices ({', '.join(map(str, allowed))}).")
        return
    low, high = dim.low, dim.high
    for name, value in (("from", low), ("to", high)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value):
            raise TuningError(f"{where}: the range needs a number in '{name}'. "
                              f"Received: {value!r}.")
    if low > high:
        raise TuningError(f"{where}: the range is inverted (from {low:g} to {high:g}). "
                          "Make 'from' smaller than 'to'.")
    if dim.kind == "int" and math.ceil(low) > math.floor(high):
        raise TuningError(f"{where}: the range from {low:g} to {high:g} holds no whole "
                          "number. Widen it.")
    if dim.log and low <= 0:
        raise TuningError(f"{where}: a log scale needs a range above 0 (from {low:g}). Start "
                          "the range at a small positive number such as 0.0001, or switch "
                          "the log scale off.")
    minimum, maximum = limits[0], limits[1]
    if minimum is not None and low < minimum:
        raise TuningError(f"{where}: the range starts at {low:g}, below the smallest allowed "
                          f"value {minimum:g}. Start it at {minimum:g} or more.")
    if maximum is not None and high > maximum:
        raise TuningError(f"{where}: the range ends at {high:g}, above the largest allowed "
                          f"value {maximum:g}. End it at {maximum:g} or less.")


def describe(dim: Dimension, graph: Graph | None) -> str:
    """How a message names the dimension: "Layer 'dense_1' (Dense), units"."""
    if dim.node is None:
        return f"Training setting {TRAINING_TITLES.get(dim.param, dim.param)}"
    if graph is None or dim.node not in graph:
        return f"Layer {dim.node} (deleted), {dim.param}"
    from playground.network.layer_calls import layer_names

    node = graph.node(dim.node)
    return f"Layer '{layer_names(graph)[node.id]}' ({node.layer_type}), {dim.param}"


def _limits(dim: Dimension, graph: Graph, where: str
            ) -> tuple[float | None, float | None, tuple[Any, ...]]:
    """(minimum, maximum, allowed choices) for the dimension's parameter."""
    if dim.node is None:
        if dim.param not in TRAINING_FIELDS:
            raise TuningError(f"{where} cannot be searched; searchable settings are "
                              f"{', '.join(TRAINING_FIELDS)}.")
        kind, minimum, maximum, choices = TRAINING_FIELDS[dim.param]
        _check_kind(dim, kind, where)
        return minimum, maximum, choices
    if dim.node not in graph:
        raise TuningError(f"{where}: that layer was deleted. Switch its search off.")
    spec = graph.node(dim.node).spec.param(dim.param)
    if spec is None or spec.kind not in RANGE_KINDS + CHOICE_KINDS:
        raise TuningError(f"{where} cannot be searched: only numbers and choices can.")
    _check_kind(dim, "choice" if spec.kind in CHOICE_KINDS else spec.kind, where)
    maximum = spec.maximum
    if maximum is not None and spec.exclusive_maximum:
        maximum = math.nextafter(maximum, -math.inf)
    choices = (True, False) if spec.kind == "bool" else \
        () if spec.kind == "activation" else tuple(spec.choices)
    return spec.minimum, maximum, choices


def _check_kind(dim: Dimension, kind: str, where: str) -> None:
    if dim.kind != kind:
        raise TuningError(f"{where}: saved as a {dim.kind} search but the setting is a "
                          f"{kind}. Switch its search off and on again.")


def default_dimension(node: str | None, param: str, kind: str, value: Any,
                      minimum: float | None = None, maximum: float | None = None,
                      choices: tuple[Any, ...] = ()) -> Dimension:
    """A sensible first range or choice set around the current value, when a user switches
    on "search this" (they can edit it)."""
    if kind in CHOICE_KINDS:
        if kind == "bool":
            options: list[Any] = [True, False]
        elif kind == "activation":
            options = list(dict.fromkeys([value, *DEFAULT_ACTIVATIONS]))
        else:
            options = list(choices)
        return Dimension(param, "choice", node, choices=options)
    number = float(value) if isinstance(value, (int, float)) else 1.0
    positive = number > 0 and (minimum is None or minimum > 0 or kind == "int")
    if positive and param != "rate":
        low, high, log = number / 10 if kind == "float" else max(1.0, number // 4), \
            number * 10 if kind == "float" else number * 4, True
    else:  # rates (0..1) and ranges that may reach zero: the whole allowed range, linear
        low, high, log = minimum if minimum is not None else 0.0, \
            maximum if maximum is not None else number * 2 or 1.0, False
    if minimum is not None:
        low = max(low, minimum)
    if maximum is not None:
        high = min(high, maximum)
    if param == "rate":
        high = min(high, 0.5)
    if kind == "int":
        low, high = float(math.ceil(low)), float(math.floor(high))
        log = log and low >= 1
        return Dimension(param, "int", node, int(low), int(high), log)
    return Dimension(param, "float", node, low, high, log)


def training_dimension(param: str, value: Any) -> Dimension:
    kind, minimum, maximum, choices = TRAINING_FIELDS[param]
    dim = default_dimension(None, param, kind, value, minimum, maximum, choices)
    if param == "learning_rate":  # a decade each side of the value, log scale
        dim.low, dim.high, dim.log = max(value / 10, 1e-7), min(value * 10, 1.0), True
    if param == "batch_size":
        dim.low, dim.high, dim.log = max(1, int(value) // 4), int(value) * 4, True
    return dim
