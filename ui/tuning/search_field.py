"""The "search this" toggle shown under a numeric or choice field, with its range (from, to,
log scale) or its choices. It edits the project's search space through the session."""
from __future__ import annotations

import re

from typing import Any, Callable

from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from playground.errors import TuningError
from playground.network.graph import Graph
from playground.session import Session
from playground.tuning import project_space
from playground.tuning.space import Dimension, check_dimension


class SearchField(QWidget):
    """Toggle + editor for one dimension. ``make_default(value)`` gives the first range or
    choices when the toggle is switched on; ``current()`` reads the field's value."""

    def __init__(self, session: Session, node: str | None, param: str, kind: str,
                 make_default: Callable[[], Dimension], parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.node, self.param, self.kind = session, node, param, kind
        self._make_default = make_default
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The toggle on its row, the range or choices on the next: the field stays as
        # narrow as the panel beside it (issue 23: ranges pushed Pause/Reset off screen).
        self.toggle = QCheckBox(self.tr("search this"), self)
        self.toggle.setToolTip(self.tr("Let the hyper-parameter search (Tune panel) try "
                                       "values of this field in the range or set given here."))
        toggle_row = QHBoxLayout()
        toggle_row.addWidget(self.toggle)
        outer.addLayout(toggle_row)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(layout)
        self.low = self._spin()
        self.high = self._spin()
        self.log = QCheckBox(self.tr("log"), self)
        self.log.setToolTip(self.tr("Try values spread evenly in orders of magnitude "
                                    "(0.001, 0.01, 0.1) rather than in equal steps."))
        self.choices = QLineEdit(self)
        self.choices.setPlaceholderText(self.tr("choices, separated by commas"))
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        outer.addWidget(self.error)
        # Only the editors of this kind are laid out; the others stay hidden.
        if kind == "choice":
            self._editors: tuple[QWidget, ...] = (self.choices,)
        else:
            self._editors = (QLabel(self.tr("from"), self), self.low,
                             QLabel(self.tr("to"), self), self.high, self.log)
        for widget in self._editors:
            if widget is self.log:   # beside the toggle: the range row stays short
                toggle_row.addStretch(1)
                toggle_row.addWidget(widget)
            else:
                layout.addWidget(widget, 1 if widget is self.choices else 0)
        layout.addStretch(0 if kind == "choice" else 1)
        for widget in (self.low, self.high, self.log, self.choices):
            widget.setVisible(False)
        self.toggle.toggled.connect(self._on_toggled)
        for spin in (self.low, self.high):
            spin.editingFinished.connect(self._store)
        self.log.toggled.connect(self._store)
        self.choices.editingFinished.connect(self._store)
        self.load()

    def _spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setDecimals(0 if self.kind == "int" else 6)
        spin.setRange(-1e9, 1e9)
        spin.setKeyboardTracking(False)
        # Its size hint fits ±1e9 with six decimals; a narrow panel shows it narrower.
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0.000000") + 24)
        return spin

    def load(self) -> None:
        """Show what the project's search space holds for this field."""
        dim = project_space(self.session.project).get(self.node, self.param)
        for widget in (self.toggle, self.low, self.high, self.log, self.choices):
            widget.blockSignals(True)
        self.toggle.setChecked(dim is not None)
        if dim is not None and dim.kind == "choice":
            self.choices.setText(", ".join(str(c) for c in dim.choices))
        elif dim is not None:
            self.low.setValue(float(dim.low or 0))
            self.high.setValue(float(dim.high or 0))
            self.log.setChecked(dim.log)
        for widget in (self.toggle, self.low, self.high, self.log, self.choices):
            widget.blockSignals(False)
        self._show_editors(dim is not None)

    def _show_editors(self, on: bool) -> None:
        """The range or choices show only while the field is searched."""
        for widget in self._editors:
            widget.setVisible(on)

    def _on_toggled(self, on: bool) -> None:
        self.session.set_search_dimension(self.node, self.param,
                                          self._make_default() if on else None)
        self.load()
        self.error.setVisible(False)

    def dimension(self) -> Dimension:
        """The dimension the editors show now."""
        if self.kind == "choice":
            default = self._make_default()
            by_text = {str(c): c for c in default.choices}
            texts = [t.strip() for t in self.choices.text().split(",") if t.strip()]
            return Dimension(self.param, "choice", self.node,
                             choices=[by_text.get(t, _number_or_text(t)) for t in texts])
        low, high = self.low.value(), self.high.value()
        if self.kind == "int":
            low, high = int(low), int(high)
        return Dimension(self.param, self.kind, self.node, low, high, self.log.isChecked())

    def _store(self) -> None:
        if not self.toggle.isChecked():
            return
        dim = self.dimension()
        try:
            check_dimension(dim, self._graph())
        except TuningError as exc:  # kept visible under the field until it is fixed
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.session.set_search_dimension(self.node, self.param, dim)

    def _graph(self) -> Graph:
        return self.session.graph


def _number_or_text(text: str) -> Any:
    """A typed choice value: a whole number, a decimal, true/false, or else the text."""
    if re.fullmatch(r"[+-]?\d+", text.strip()):
        return int(text)
    try:
        return float(text)
    except ValueError:   # not a number: a word such as "relu" or "true"
        return {"true": True, "false": False}.get(text.lower(), text)
