"""What the Try it panel computes: a form prefilled from a test row, and the answer for
what the user typed, dropped or picked, always through the prepared model (the dataset's
own preparation as Keras layers), so it is the answer the exported file gives too."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.i18n import _
from playground.prepared.predictor import Answer, Predictor
from playground.prepared.preparation import (CATEGORY, NUMBER, PICTURE, TEXT, VALUES,
                                             raw_examples)
from playground.prepared.raw_inputs import InputError, Notes, load_pictures

TOP = 3


@dataclass
class TryField:
    """One field of the form: a table column with its value as text."""

    name: str
    kind: str                                  # NUMBER, CATEGORY or TEXT
    categories: tuple[str, ...] = ()
    value: str = ""


@dataclass
class TryAnswer:
    """An answer as shown: the best classes with their probabilities (or the value)."""

    name: str                                  # the picture, "row", the text
    label: str
    top: list[tuple[str, float]] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def input_kind(predictor: Predictor) -> str:
    """Which widget asks for the input: "picture", "table", "text", "sequence", "points"."""
    columns = predictor.preparation.columns
    kinds = {c.kind for c in columns}
    if PICTURE in kinds:
        return "picture"
    if kinds == {TEXT} and len(columns) == 1:
        return "text"
    if VALUES in kinds:
        return "sequence"
    if _is_points(predictor.preparation.dataset):
        return "points"  # the boundary's hover already answers any point
    return "table"


def _is_points(name: str) -> bool:
    from playground.datasets import dataset_info
    from playground.errors import PlaygroundError

    try:
        return dataset_info(name).family == "2-D points"
    except PlaygroundError:  # a .keras file's predictor: no dataset
        return False


def form_fields(predictor: Predictor, dataset: Any, seed: int = 0) -> list[TryField]:
    """One field per input column, prefilled from a random test row of the dataset."""
    preparation = predictor.preparation
    raw = raw_examples(dataset, preparation) if dataset is not None else None
    rng = np.random.default_rng(seed)
    row = None
    if raw is not None:
        count = len(next(iter(raw.values()))) if isinstance(raw, dict) else len(raw)
        row = int(rng.integers(count)) if count else None
    fields = []
    for position, column in enumerate(preparation.columns):
        value = ""
        if row is not None:
            cell = raw[column.name][row] if isinstance(raw, dict) else raw[row][position]
            value = _cell_text(cell)
        fields.append(TryField(column.name, column.kind, tuple(column.categories), value))
    return fields


def _cell_text(cell: Any) -> str:
    if isinstance(cell, (float, np.floating)):
        return f"{float(cell):.6g}"
    return str(cell)


def answer_row(predictor: Predictor, values: dict[str, str]) -> TryAnswer:
    """The answer for one table row typed in the form (texts as the user typed them)."""
    preparation = predictor.preparation
    raw: dict[str, Any] = {}
    notes: list[str] = []
    for column in preparation.columns:
        text = str(values.get(column.name, "")).strip()
        if column.kind == NUMBER:
            try:
                number = float(text)
            except ValueError:
                raise InputError(_("{column} needs a number (received {value!r}).").format(
                    column=column.name, value=text)) from None
            if not np.isfinite(number):
                raise InputError(_("{column} needs a finite number.").format(
                    column=column.name))
            raw[column.name] = np.array([number], np.float32)
        else:
            if column.kind == TEXT and not text:
                raise InputError(_("{column} is empty: type some text.").format(
                    column=column.name))
            if column.kind == CATEGORY and text not in column.categories:
                notes.append(_("{value!r} was never seen in training for {column}: counted "
                               "as unknown.").format(value=text, column=column.name))
            raw[column.name] = np.array([text])
    if preparation.layout != "columns":
        raw = np.stack([raw[c.name] for c in preparation.columns], axis=1)  # type: ignore
    return _shown(predictor, _("row"), predictor.answers(predictor.outputs(raw))[0], notes)


def answer_text(predictor: Predictor, text: str) -> TryAnswer:
    if not text.strip():
        raise InputError(_("The text is empty: type a sentence."))
    raw = np.array([[text.strip()]])
    return _shown(predictor, text.strip(), predictor.answers(predictor.outputs(raw))[0], [])


def answer_pictures(predictor: Predictor, paths: list[str]) -> list[TryAnswer]:
    """One answer per picture file (resized and converted as the dataset's pictures)."""
    shape = predictor.preparation.columns[0].shape
    names, pixels, notes = load_pictures(shape, paths)
    return _picture_answers(predictor, names, pixels, notes)


def answer_picture_array(predictor: Predictor, name: str, pixels: np.ndarray) -> TryAnswer:
    """A picture given as pixels (pasted from the clipboard): (h, w, 4) RGBA uint8."""
    from PIL import Image

    shape = predictor.preparation.columns[0].shape
    notes = Notes()
    image = Image.fromarray(np.ascontiguousarray(pixels[..., :3]), "RGB")
    mode = "L" if shape[2] == 1 else "RGB"
    if mode == "L":
        image = image.convert("L")
        notes.adapted[_("pictures converted to {mode}").format(mode=_("grey"))] += 1
    if image.size != (shape[1], shape[0]):
        notes.adapted[_("pictures resized to {w} × {h}").format(w=shape[1], h=shape[0])] += 1
        image = image.resize((shape[1], shape[0]), Image.Resampling.BILINEAR)
    array = np.asarray(image, np.uint8).reshape(1, *shape)
    return _picture_answers(predictor, [name], array, notes)[0]


def _picture_answers(predictor: Predictor, names: list[str], pixels: np.ndarray,
                     notes: Notes) -> list[TryAnswer]:
    answers = predictor.answers(predictor.outputs(pixels)) if len(pixels) else []
    shown = [_shown(predictor, name, answer, []) for name, answer in zip(names, answers)]
    lines = notes.lines()
    if shown:
        shown[0].notes = lines
    elif lines:
        raise InputError(" ".join(lines))
    return shown


@dataclass
class Forecast:
    """A test window, the model's next value and the true one."""

    window: list[float]
    predicted: float
    truth: float | None


def forecast(predictor: Predictor, dataset: Any, index: int) -> Forecast:
    x = dataset.x_test if dataset.x_test is not None else dataset.x_train
    y = dataset.y_test if dataset.x_test is not None else dataset.y_train
    index = min(max(0, index), len(x) - 1)
    window = x[index:index + 1]
    value = float(predictor.outputs(window).reshape(-1)[0])
    truth = float(np.asarray(y[index]).reshape(-1)[0]) if y is not None else None
    return Forecast([float(v) for v in window.reshape(-1)], value, truth)


def _shown(predictor: Predictor, name: str, answer: Answer, notes: list[str]) -> TryAnswer:
    if predictor.is_classification:
        return TryAnswer(name, answer.label, answer.top(TOP, predictor.class_names),
                         notes=notes)
    return TryAnswer(name, answer.label, values=answer.values, notes=notes)
