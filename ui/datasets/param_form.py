"""A form generated from a dataset's parameter specs (playground.datasets.DatasetParam).

Simple settings are shown directly; ``advanced`` ones go into a collapsible "More
settings" section. ``paramChanged(name, value)`` fires after each user edit (only the
edited setting, so settings changed elsewhere meanwhile, such as painted points, are not
overwritten); ``set_info`` never emits. Settings edited by the import dialogs (file, columns) are
shown read-only here.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)
from superqt import QCollapsible

# Texts from the core (help, titles, descriptions) arrive translated by playground.i18n;
# core_text translates the stored choice values marked with N_ there.
from playground.i18n import _ as core_text

from playground.datasets import DatasetInfo, DatasetParam
from playground.datasets.scaling import SCALING_TITLES, SCALING_WHY

# Set through the import dialogs, not typed in the form.
DIALOG_PARAMS = {"path", "features", "target", "has_header"}


def tr(text: str) -> str:
    return QCoreApplication.translate("DatasetParamForm", text)


class DatasetParamForm(QWidget):
    paramChanged = Signal(str, object)   # one setting edited by the user: name, new value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._info: DatasetInfo | None = None
        self._values: dict[str, Any] = {}
        self._editors: dict[str, QWidget] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._body: QWidget | None = None
        self.scaling_why = self._new_scaling_why(self)

    # ----------------------------------------------------------------- public
    def set_info(self, info: DatasetInfo, values: dict[str, Any]) -> None:
        """Rebuild the form for ``info`` showing ``values`` (validated, complete)."""
        self._info = info
        self._values = dict(values)
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.deleteLater()
        self._editors = {}
        body = QWidget(self)
        # The note lives and dies with the form it explains: a label kept across rebuilds
        # was deleted with the first form it joined (issue 23).
        self.scaling_why = self._new_scaling_why(body)
        main = QFormLayout(body)
        main.setContentsMargins(0, 0, 0, 0)
        more = QCollapsible(tr("More settings"), body)
        more_form_widget = QWidget(more)
        more_form = QFormLayout(more_form_widget)
        for spec in info.params:
            editor = self._make_editor(spec, body)
            if editor is None:
                continue
            editor.setToolTip(spec.help)
            self._editors[spec.name] = editor
            label = QLabel(spec.title, body)
            label.setToolTip(spec.help)
            (more_form if spec.advanced else main).addRow(label, editor)
            if spec.name == "scaling":
                main.addRow(self.scaling_why)
        if more_form.rowCount():
            more.addWidget(more_form_widget)
            main.addRow(more)
        else:
            more.deleteLater()
        self._body = body
        self._layout.addWidget(body)
        self._show_scaling_why()

    @staticmethod
    def _new_scaling_why(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setObjectName("scaling_why")
        label.setVisible(False)
        return label

    def values(self) -> dict[str, Any]:
        return dict(self._values)

    def editor(self, name: str) -> QWidget | None:
        return self._editors.get(name)

    # ---------------------------------------------------------------- editors
    def _make_editor(self, spec: DatasetParam, parent: QWidget) -> QWidget | None:
        value = self._values.get(spec.name, spec.default)
        if spec.name in DIALOG_PARAMS:
            return None  # the import dialog edits these; the panel shows a summary
        if spec.kind == "int":
            box = QSpinBox(parent)
            box.setRange(int(spec.minimum or 0), int(min(spec.maximum or 2**31 - 1,
                                                         2**31 - 1)))
            box.setValue(int(value))
            box.setKeyboardTracking(False)
            if spec.minimum == 0:
                box.setSpecialValueText(tr("all"))  # 0 means "no limit" for these settings
            box.valueChanged.connect(lambda v, n=spec.name: self._set(n, int(v)))
            return box
        if spec.kind == "float":
            box = QDoubleSpinBox(parent)
            box.setDecimals(3)
            box.setRange(float(spec.minimum or 0.0), float(spec.maximum or 1e9))
            box.setSingleStep(0.05 if (spec.maximum or 10) <= 1 else 1.0)
            box.setValue(float(value))
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda v, n=spec.name: self._set(n, float(v)))
            return box
        if spec.kind == "bool":
            check = QCheckBox(parent)
            check.setChecked(bool(value))
            check.toggled.connect(lambda on, n=spec.name: self._set(n, bool(on)))
            return check
        if spec.kind == "choice":
            combo = QComboBox(parent)
            for choice in spec.choices:
                text = SCALING_TITLES.get(choice, choice) if spec.name == "scaling" \
                    else str(choice)
                combo.addItem(core_text(text), choice)
            combo.setCurrentIndex(max(0, list(spec.choices).index(value)))
            combo.currentIndexChanged.connect(
                lambda i, n=spec.name, c=combo: self._set(n, c.itemData(i)))
            return combo
        if spec.kind == "int_list":
            line = QLineEdit(", ".join(str(v) for v in value), parent)
            line.setPlaceholderText(tr("e.g. 5, 6, 7, 8, 9 (empty = all)"))
            line.editingFinished.connect(lambda n=spec.name, w=line: self._set_list(n, w))
            return line
        if spec.kind == "points":
            button = QPushButton(parent)
            self._show_points(button, value)
            button.clicked.connect(lambda _=False, n=spec.name: self._set(n, []))
            return button
        line = QLineEdit(str(value), parent)  # text / path
        line.editingFinished.connect(lambda n=spec.name, w=line: self._set(n, w.text()))
        return line

    def _show_points(self, button: QPushButton, points: list) -> None:
        button.setText(tr("Clear %n painted point(s)").replace("%n", str(len(points)))
                       if points else tr("No painted points"))
        button.setEnabled(bool(points))

    def _set_list(self, name: str, line: QLineEdit) -> None:
        parts = [p.strip() for p in line.text().replace(";", ",").split(",") if p.strip()]
        try:
            numbers = [int(p) for p in parts]
        except ValueError:
            line.setStyleSheet("color: #c62828")
            line.setToolTip(tr("Write whole numbers separated by commas, e.g. 5, 6, 7."))
            return
        line.setStyleSheet("")
        self._set(name, numbers)

    def _set(self, name: str, value: Any) -> None:
        if self._values.get(name) == value:
            return
        self._values[name] = value
        if name == "scaling":
            self._show_scaling_why()
        editor = self._editors.get(name)
        if isinstance(editor, QPushButton):
            self._show_points(editor, value)
        self.paramChanged.emit(name, value)

    def _show_scaling_why(self) -> None:
        method = self._values.get("scaling")
        self.scaling_why.setVisible(method is not None)
        if method is not None:
            self.scaling_why.setText("<small>" + SCALING_WHY[method] + "</small>")
