"""One editor widget per catalog parameter kind, with text <-> value conversion.

Each editor emits ``committed(value)`` when the user finishes an edit (Enter, focus out,
a click); the inspector turns that into an undo command. ``set_value`` never emits.
"""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QLineEdit,
                               QSpinBox, QWidget)

from playground.network.catalog import ParamSpec
from playground.errors import ParameterError

INT_LIMIT = 2_000_000_000


class ParamEditor(QWidget):
    committed = Signal(object)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.widget = self._make()
        layout.addWidget(self.widget)
        self.widget.setToolTip(spec.help)

    # --------------------------------------------------------------- widgets
    def _make(self) -> QWidget:
        s = self.spec
        if s.kind == "int":
            box = QSpinBox(self)
            box.setRange(int(s.minimum) if s.minimum is not None else -INT_LIMIT,
                         int(min(s.maximum, INT_LIMIT)) if s.maximum is not None else INT_LIMIT)
            box.setKeyboardTracking(False)
            box.setAccelerated(True)
            box.valueChanged.connect(lambda v: self.committed.emit(int(v)))
            return box
        if s.kind == "float":
            box = QDoubleSpinBox(self)
            box.setDecimals(4)
            top = s.maximum if s.maximum is not None else 1e9
            if s.exclusive_maximum:
                top -= 1e-4
            box.setRange(s.minimum if s.minimum is not None else -1e9, top)
            box.setSingleStep(0.05 if (s.maximum or 10) <= 1 else 0.1)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda v: self.committed.emit(float(v)))
            return box
        if s.kind == "bool":
            check = QCheckBox(self)
            check.toggled.connect(lambda on: self.committed.emit(bool(on)))
            return check
        if s.kind in ("choice", "activation"):
            combo = QComboBox(self)
            combo.addItems([str(c) for c in s.choices])
            if s.kind == "activation":  # any name Keras knows, choices offered
                combo.setEditable(True)
                combo.lineEdit().editingFinished.connect(
                    lambda: self._emit_text(combo.currentText()))
            combo.activated.connect(lambda i: self._emit_choice(combo, i))
            return combo
        line = QLineEdit(self)
        line.setPlaceholderText(self._placeholder())
        line.editingFinished.connect(lambda: self._emit_text(line.text()))
        return line

    def _placeholder(self) -> str:
        # QT_TRANSLATE_NOOP marks the texts for lupdate; self.tr translates them here.
        texts = {"int_tuple": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 3, 3"),
                 "optional_int_tuple": QT_TRANSLATE_NOOP("ParamEditor",
                                                         "empty = same as pool size"),
                 "shape": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 7, 7, 64"),
                 "batch_shape": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 28, 28, 1"),
                 "padding2d": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 1  or  1, 2"),
                 "float_or_pair": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 0.1  or  -0.2, 0.2"),
                 "axis": QT_TRANSLATE_NOOP("ParamEditor", "e.g. -1"),
                 "optional_int": QT_TRANSLATE_NOOP("ParamEditor", "empty = none"),
                 "rnn_layer": '{"class_name": "LSTM", "config": {...}}'}
        text = texts.get(self.spec.kind, "")
        return self.tr(text) if text else ""

    def _emit_choice(self, combo: QComboBox, index: int) -> None:
        value = self.spec.choices[index] if index < len(self.spec.choices) \
            else combo.itemText(index)
        self.committed.emit(value)

    def _emit_text(self, text: str) -> None:
        try:
            value = parse_text(self.spec, text)
        except ParameterError as exc:
            self.committed.emit(_Invalid(str(exc)))
            return
        self.committed.emit(value)

    # ---------------------------------------------------------------- values
    def set_value(self, value: Any) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QSpinBox):
                w.setValue(int(value) if value is not None else 0)
            elif isinstance(w, QDoubleSpinBox):
                w.setValue(float(value) if value is not None else 0.0)
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox):
                index = w.findText(str(value))
                if index < 0 and w.isEditable():
                    w.setEditText(str(value))
                else:
                    w.setCurrentIndex(max(index, 0))
            elif isinstance(w, QLineEdit):
                w.setText(format_text(self.spec, value))
                w.setCursorPosition(0)
        finally:
            w.blockSignals(False)


class _Invalid:
    """Text that could not be read as a value; carries the reason for the inspector."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def is_invalid(value: Any) -> str | None:
    return value.reason if isinstance(value, _Invalid) else None


def format_text(spec: ParamSpec, value: Any) -> str:
    """Value -> the text shown in a line edit ("3, 3", "28, 28, 1", JSON for the rest)."""
    if value is None:
        return ""
    if spec.kind == "batch_shape" and isinstance(value, (list, tuple)) and value \
            and value[0] is None:
        value = value[1:]
    if spec.kind in ("int_tuple", "optional_int_tuple", "shape", "batch_shape", "axis",
                     "float_or_pair") and isinstance(value, (list, tuple)):
        return ", ".join("None" if v is None else f"{v:g}" if isinstance(v, float) else str(v)
                         for v in value)
    if spec.kind == "padding2d" and isinstance(value, (list, tuple)):
        return json.dumps(value)
    if spec.kind == "str":
        return str(value)
    return json.dumps(value) if not isinstance(value, (int, float)) else f"{value:g}"


def parse_text(spec: ParamSpec, text: str) -> Any:
    """Text typed by the user -> a value for ``spec.validate`` (which has the last word)."""
    text = text.strip()
    if spec.kind in ("str", "activation"):
        return text
    if not text:
        if spec.kind in ("optional_int_tuple", "optional_int"):
            return None
        raise ParameterError(tr("%1 cannot be empty. %2").replace("%1", spec.title)
                             .replace("%2", spec.help), None, spec.name)
    candidate = text
    if spec.kind in ("batch_shape", "shape") and not text.startswith("["):
        candidate = "[" + text + "]"
    elif "," in text and not text.startswith(("[", "(", "{")):
        candidate = "[" + text + "]"
    candidate = candidate.replace("(", "[").replace(")", "]") if spec.kind != "rnn_layer" \
        else candidate
    candidate = candidate.replace("None", "null").replace("none", "null")
    try:
        value = json.loads(candidate)
    except (json.JSONDecodeError, RecursionError):  # RecursionError: "[[[[…" pasted
        raise ParameterError(tr("%1: “%2” is not understood. Write numbers separated by "
                                 "commas (%3).").replace("%1", spec.title)
                             .replace("%2", text).replace("%3", _example(spec)), None,
                             spec.name) from None
    if spec.kind == "batch_shape" and isinstance(value, list):
        value = [None, *value]
    return value


def tr(text: str) -> str:
    return QCoreApplication.translate("ParamEditor", text)


def _example(spec: ParamSpec) -> str:
    examples = {"int_tuple": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 3, 3"),
                "shape": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 7, 7, 64"),
                "batch_shape": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 28, 28, 1"),
                "padding2d": QT_TRANSLATE_NOOP("ParamEditor", "e.g. 1, 1")}
    return tr(examples.get(spec.kind, QT_TRANSLATE_NOOP("ParamEditor", "see the help below")))
