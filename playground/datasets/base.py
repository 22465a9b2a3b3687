"""What every dataset is: arrays plus the facts a model and the UI need about them.

A dataset family registers a :class:`DatasetInfo` (title, description, parameters with
defaults, ranges and one sentence of help) and a loader ``fn(params) -> Dataset``. The
registry in :mod:`playground.datasets` validates parameters against the specs before the
loader runs, so loaders can trust what they receive.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from playground.errors import DatasetError
from playground.fields import FieldSpec
from playground.i18n import _

TASKS = ("binary", "multiclass", "regression", "sequence")
CLASSIFICATION_TASKS = ("binary", "multiclass")


@dataclass
class Dataset:
    """Train / validation / test arrays with their facts.

    Classification targets are integer class ids of shape (n,); regression and sequence
    targets are float32 of shape (n,) or (n, k). ``x_val`` None means "no separate
    validation split: use the training settings' validation_split".
    ``problems`` lists things the loader noticed and handled on purpose (e.g. an image
    file it could not read), so the UI can show them instead of hiding them.
    ``extras`` holds facts for previews and exports (feature names, the raw series,
    scaling statistics), JSON-able or numpy.
    """

    name: str
    title: str
    description: str
    task: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray | None
    y_val: np.ndarray | None
    x_test: np.ndarray | None
    y_test: np.ndarray | None
    input_shape: tuple[int, ...]
    class_names: list[str]
    problems: list[str] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    # A PictureStream when the examples are streamed from disk: then x_train / x_test hold
    # only a bounded sample (for previews and views) and training reads the stream.
    stream: Any = None

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise DatasetError((_("Dataset {name}: task must be one of {TASKS}; received {task!r}.")
                                  .format(name=self.name, TASKS=', '.join(TASKS), task=self.task)))
        self.input_shape = tuple(int(d) for d in self.input_shape)

    # ----------------------------------------------------------------- facts
    @property
    def is_classification(self) -> bool:
        return self.task in CLASSIFICATION_TASKS

    @property
    def num_classes(self) -> int:
        """Number of classes (0 for regression and sequence targets)."""
        return len(self.class_names) if self.is_classification else 0

    @property
    def output_size(self) -> int:
        """Units the model's last layer needs: 1 for binary (sigmoid), one per class for
        multi-class (softmax), one per target value for regression/sequence."""
        if self.task == "binary":
            return 1
        if self.task == "multiclass":
            return self.num_classes
        return 1 if self.y_train.ndim == 1 else int(np.prod(self.y_train.shape[1:]))

    @property
    def suggested_activation(self) -> str:
        """Activation of the last layer that fits the task."""
        return {"binary": "sigmoid", "multiclass": "softmax"}.get(self.task, "linear")

    def split_sizes(self) -> dict[str, int]:
        if self.stream is not None:
            return {"train": len(self.stream.train), "validation": 0,
                    "test": 0 if self.stream.test is None else len(self.stream.test)}
        return {"train": len(self.x_train),
                "validation": 0 if self.x_val is None else len(self.x_val),
                "test": 0 if self.x_test is None else len(self.x_test)}

    def summary(self) -> str:
        """One plain sentence: sizes, input shape and what is predicted."""
        sizes = self.split_sizes()
        parts = [_("{train} training").format(train=sizes['train'])]
        if sizes["validation"]:
            parts.append(_("{validation} validation").format(validation=sizes['validation']))
        if sizes["test"]:
            parts.append(_("{test} test").format(test=sizes['test']))
        shape = " × ".join(str(d) for d in self.input_shape)
        if self.is_classification:
            target = _("{num_classes} classes").format(num_classes=self.num_classes)
        elif self.task == "sequence":
            target = _("the next value")
        else:
            target = _("a number") if self.output_size == 1 else (_("{output_size} numbers")
                                                                 .format(output_size=self.output_size))
        return (_("{parts} examples; each input is {shape}; predicts {target}.")
                  .format(parts=', '.join(parts), shape=shape, target=target))


@dataclass(frozen=True)
class DatasetParam(FieldSpec):
    """One setting of a dataset: what the UI shows as a form field and validates.

    Kinds: ``int``, ``float``, ``bool``, ``choice``, ``text``, ``path`` (a file or folder),
    ``columns`` (list of column names), ``int_list`` and ``points`` (painted points,
    ``[[x, y, target], ...]``).
    """

    advanced: bool = False  # shown under "More settings" in the UI

    def validate(self, value: Any, dataset: str) -> Any:
        """Return ``value`` normalized, or raise DatasetError saying what is accepted."""
        def refuse(expected: str) -> DatasetError:
            return DatasetError((_("Dataset {dataset}: setting '{title}' must be {expected}. Received: "
                                   "{name}={value!r}")
                                   .format(dataset=dataset, title=self.title, expected=expected, name=self.name, value=value)))

        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, (int, float, np.integer)) \
                    or not np.isfinite(value) or float(value) != int(value):
                raise refuse(_("a whole number") + self.range_text())
            value = int(value)
            self._check_range(value, refuse)
        elif self.kind == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) \
                    or not np.isfinite(value):
                raise refuse(_("a number") + self.range_text())
            value = float(value)
            self._check_range(value, refuse)
        elif self.kind == "bool":
            if not isinstance(value, (bool, np.bool_)):
                raise refuse(_("true or false"))
            value = bool(value)
        elif self.kind == "choice":
            if value not in self.choices:
                raise refuse(_("one of {choices}").format(
                    choices=", ".join(repr(c) for c in self.choices)))
        elif self.kind in ("text", "path"):
            if not isinstance(value, str):
                raise refuse(_("text"))
        elif self.kind == "columns":
            if not isinstance(value, (list, tuple)) or \
                    not all(isinstance(v, str) for v in value):
                raise refuse(_("a list of column names"))
            value = list(value)
        elif self.kind == "int_list":
            if not isinstance(value, (list, tuple)) or not all(
                    isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                    for v in value):
                raise refuse(_("a list of whole numbers"))
            value = [int(v) for v in value]
            for v in value:
                self._check_range(v, refuse)
        elif self.kind == "points":
            value = _validate_points(value, refuse)
        else:  # a spec error, not a user error
            raise ValueError(_("unknown dataset parameter kind {kind!r}").format(kind=self.kind))
        return value

    def _check_range(self, v: float, refuse: Callable[[str], DatasetError]) -> None:
        if (self.minimum is not None and v < self.minimum) or \
                (self.maximum is not None and v > self.maximum):
            kind = _("a whole number") if self.kind in ("int", "int_list") else _("a number")
            raise refuse(kind + self.range_text())


def _validate_points(value: Any, refuse: Callable[[str], DatasetError]) -> list[list[float]]:
    expected = _("a list of painted points [x, y, target] (three finite numbers each)")
    if not isinstance(value, (list, tuple)):
        raise refuse(expected)
    points = []
    for p in value:
        if not isinstance(p, (list, tuple)) or len(p) != 3:
            raise refuse(expected)
        try:
            row = [float(c) for c in p]
        except (TypeError, ValueError):
            raise refuse(expected) from None
        if not all(np.isfinite(row)):
            raise refuse(expected)
        points.append(row)
    return points


@dataclass(frozen=True)
class DatasetInfo:
    """What the UI needs to offer a dataset before loading it."""

    name: str
    title: str
    description: str
    family: str                      # "2-D points", "Numbers", "Series", "Images", "Your data"
    tasks: tuple[str, ...]           # tasks this dataset can produce
    params: tuple[DatasetParam, ...]

    def default_params(self) -> dict[str, Any]:
        return {p.name: _copy_default(p.default) for p in self.params}

    def validate_params(self, params: dict[str, Any] | None) -> dict[str, Any]:
        """Defaults filled in, every value checked; unknown settings are refused by name."""
        params = dict(params or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(params) - known)
        if unknown:
            raise DatasetError((_("Dataset {name} has no setting named {value}. Its settings are: {known}.")
                                  .format(name=self.name, value=', '.join(repr(u) for u in unknown), known=', '.join(sorted(known)))))
        full = self.default_params()
        for p in self.params:
            if p.name in params:
                full[p.name] = p.validate(params[p.name], self.name)
        return full


def _copy_default(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple)) else value


@dataclass(frozen=True)
class DatasetEntry:
    info: DatasetInfo
    loader: Callable[[dict[str, Any]], Dataset]
    snippet: Callable[[dict[str, Any]], str]


# ----------------------------------------------------------------- shared params
def samples_param(default: int = 500, maximum: int = 100_000) -> DatasetParam:
    return DatasetParam("samples", "int", default, _("How many examples to make in total "
                          "(training + test)."), minimum=10, maximum=maximum)


def noise_param(default: float, maximum: float = 1.0, help: str = "") -> DatasetParam:
    return DatasetParam("noise", "float", default, help or _("How much random scatter is "
                          "added: more noise makes the task harder and shows overfitting."),
                        minimum=0.0, maximum=maximum)


def test_fraction_param(default: float = 0.5) -> DatasetParam:
    return DatasetParam("test_fraction", "float", default, _("Share of the examples kept "
                          "aside to test the trained model on data it has never seen."),
                        label=_("Test share"), minimum=0.05, maximum=0.9)


def seed_param() -> DatasetParam:
    return DatasetParam("seed", "int", 0, _("Number that fixes the random choices: the same "
                          "seed always gives the same data."), minimum=0, maximum=2**31 - 1,
                        advanced=True)


def scaling_param(default: str) -> DatasetParam:
    from playground.datasets.scaling import SCALING_HELP, SCALINGS

    return DatasetParam("scaling", "choice", default, SCALING_HELP, label=_("Input scaling"),
                        choices=SCALINGS)


def function_sources(*functions: Callable[..., Any]) -> list[str]:
    """The source of each function, followed by two blank lines: lines of a generated
    program that includes the same code the app ran."""
    lines: list[str] = []
    for fn in functions:
        lines += [inspect.getsource(fn).rstrip(), "", ""]
    return lines


def split_train_test(x, y, test_fraction, rng):
    """Shuffle, then keep the first part for testing and the rest for training (at least
    one example each). Written plainly: the generated programs include its source."""
    order = rng.permutation(len(x))
    n_test = min(max(1, int(round(len(x) * test_fraction))), len(x) - 1)
    test, train = order[:n_test], order[n_test:]
    return x[train], y[train], x[test], y[test]
