"""Import a CSV table: pick the feature columns and the target, see every problem.

The file is read on a worker thread (100,000 rows take about a second); checking a choice
of columns (``playground.datasets.csv_import.check``) is fast and runs after each change,
so the problems list always matches what is ticked. OK is only enabled when the table
can be loaded as chosen.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFileDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from playground.datasets import dataset_info
from playground.datasets.csv_import import (ON_PROBLEM, TASK_CHOICES, check,
                                            describe_column, describe_selection)
from playground.datasets.csv_table import CsvTable, read_csv
from playground.datasets.scaling import SCALING_TITLES, SCALING_WHY, SCALINGS
from ui.last_folder import remember, start_folder
from ui.background import BackgroundRunner

PREVIEW_ROWS = 20
LISTED_PROBLEMS = 200


def _read_and_describe(path: str, has_header: bool) -> tuple[CsvTable, dict[str, str]]:
    """Runs on the worker thread: the table and a phrase per column (both take a moment
    on large tables)."""
    table = read_csv(path, has_header)
    return table, {c.name: describe_column(c) for c in table.columns}


class CsvImportDialog(QDialog):
    def __init__(self, params: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a CSV table"))
        self.resize(900, 640)
        self._params = dataset_info("csv").validate_params(params or {})
        self.table: CsvTable | None = None
        # Reads run off the UI thread; a file chosen meanwhile wins over the one being read.
        self._reader = BackgroundRunner("csv-read", self)
        self._reader.done.connect(self._on_read)
        self._reader.failed.connect(self._on_read_failed)
        self._filling = False
        # Replaceable in tests: returns a path or "" (cancelled).
        self.ask_path = self._ask_path

        self.path_edit = QLineEdit(self._params["path"], self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.browse)
        self.has_header = QCheckBox(self.tr("The first row holds the column names"), self)
        self.has_header.setChecked(self._params["has_header"])
        self.has_header.toggled.connect(lambda _on: self.load_path(self.path_edit.text()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File:"), self))
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)

        self.features = QListWidget(self)
        self.features.setToolTip(self.tr("Tick the columns the model may learn from."))
        self.features.itemChanged.connect(lambda _item: self.recheck())
        self.target = QComboBox(self)
        self.target.currentIndexChanged.connect(lambda _i: self._on_target_changed())
        self.task = QComboBox(self)
        for value, text in zip(TASK_CHOICES, (self.tr("Detect from the target"),
                                              self.tr("Classification (categories)"),
                                              self.tr("Regression (a number)"))):
            self.task.addItem(text, value)
        self.task.setCurrentIndex(TASK_CHOICES.index(self._params["task"]))
        self.task.currentIndexChanged.connect(lambda _i: self.recheck())
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)
        self.test_share = QDoubleSpinBox(self)
        self.test_share.setRange(0.05, 0.9)
        self.test_share.setSingleStep(0.05)
        self.test_share.setValue(self._params["test_fraction"])
        self.scaling = QComboBox(self)
        for method in SCALINGS:
            self.scaling.addItem(SCALING_TITLES[method], method)
        self.scaling.setCurrentIndex(SCALINGS.index(self._params["scaling"]))
        self.scaling_why = QLabel(self)
        self.scaling_why.setWordWrap(True)
        self.scaling.currentIndexChanged.connect(lambda _i: self._show_scaling_why())
        self.on_problem = QComboBox(self)
        for value, text in zip(ON_PROBLEM, (self.tr("Stop and list them"),
                                            self.tr("Leave exactly those rows out"))):
            self.on_problem.addItem(text, value)
        self.on_problem.setCurrentIndex(ON_PROBLEM.index(self._params["on_problem"]))
        self.on_problem.currentIndexChanged.connect(lambda _i: self.recheck())

        form = QFormLayout()
        form.addRow(self.tr("Column to predict:"), self.target)
        form.addRow(self.tr("Task:"), self.task)
        form.addRow("", self.detected)
        form.addRow(self.tr("Test share:"), self.test_share)
        form.addRow(self.tr("Input scaling:"), self.scaling)
        form.addRow("", self.scaling_why)
        form.addRow(self.tr("Rows with problems:"), self.on_problem)
        middle = QGridLayout()
        middle.addWidget(QLabel(self.tr("Feature columns (inputs):"), self), 0, 0)
        middle.addWidget(self.features, 1, 0)
        middle.addLayout(form, 1, 1)

        self.preview = QTableWidget(self)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("csv_problems")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.has_header)
        layout.addLayout(middle, 2)
        layout.addWidget(QLabel(self.tr("First rows:"), self))
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self._show_scaling_why()
        self._set_ok(False)
        if self._params["path"]:
            self.load_path(self._params["path"])

    # ------------------------------------------------------------------ public
    def params(self) -> dict[str, Any]:
        """The csv dataset settings chosen in the dialog."""
        features = [self.features.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(self.features.count())
                    if self.features.item(i).checkState() == Qt.CheckState.Checked]
        return {**self._params, "path": self.path_edit.text(),
                "has_header": self.has_header.isChecked(),
                "target": self.target.currentData() or "", "features": features,
                "task": self.task.currentData(), "test_fraction": self.test_share.value(),
                "scaling": self.scaling.currentData(),
                "on_problem": self.on_problem.currentData()}

    def browse(self) -> None:
        path = self.ask_path()
        if path:
            self.load_path(path)

    def load_path(self, path: str) -> None:
        if not path:
            return
        self.path_edit.setText(path)
        self.status.setText(self.tr("Reading %1…").replace("%1", Path(path).name))
        self.status.setStyleSheet("")
        self._set_ok(False)
        header = self.has_header.isChecked()
        self._reader.request(lambda: _read_and_describe(path, header))

    def wait(self) -> None:
        self._reader.wait()

    def done(self, result: int) -> None:
        self._reader.cancel()  # a read still running is of no use now: wait, drop it
        self._reader.wait()
        super().done(result)

    # ---------------------------------------------------------------- reading
    def _on_read(self, result: tuple[CsvTable, dict[str, str]]) -> None:
        table, descriptions = result  # the newest file chosen (older reads are dropped)
        self.table = table
        self._filling = True
        try:
            self._fill_columns(table, descriptions)
            self._fill_preview(table)
        finally:
            self._filling = False
        self.recheck()

    def _on_read_failed(self, message: str) -> None:
        self.table = None
        self.features.clear()
        self.target.clear()
        self.preview.clear()
        self.problems.clear()
        self.status.setText(message)
        self.status.setStyleSheet("color: #c62828")
        self._set_ok(False)

    def _fill_columns(self, table: CsvTable, descriptions: dict[str, str]) -> None:
        names = table.column_names
        target = self._params["target"] if self._params["target"] in names else names[-1]
        chosen = set(self._params["features"]) & set(names) or set(names) - {target}
        self.target.clear()
        self.features.clear()
        for name in names:
            self.target.addItem(name, name)
            item = QListWidgetItem(f"{name}  —  {descriptions[name]}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen and name != target
                               else Qt.CheckState.Unchecked)
            self.features.addItem(item)
        self.target.setCurrentIndex(names.index(target))

    def _fill_preview(self, table: CsvTable) -> None:
        rows = table.preview_rows(PREVIEW_ROWS)
        self.preview.clear()
        self.preview.setColumnCount(len(table.columns))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(table.column_names)
        self.preview.setVerticalHeaderLabels([str(table.first_row + i)
                                              for i in range(len(rows))])
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(cell))

    # --------------------------------------------------------------- checking
    def _on_target_changed(self) -> None:
        if self._filling:
            return
        target = self.target.currentData()
        # The target cannot also be an input: untick it.
        for i in range(self.features.count()):
            item = self.features.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == target:
                self._filling = True
                item.setCheckState(Qt.CheckState.Unchecked)
                self._filling = False
        self.recheck()

    def recheck(self) -> None:
        if self._filling or self.table is None:
            return
        params = self.params()
        if not params["features"]:
            self._show(self.tr("Tick at least one feature column."), [], False)
            self.detected.setText("")
            return
        sel = check(self.table, params["features"], params["target"], params["task"])
        self.detected.setText("<small>" + describe_selection(self.table, sel)
                              + "</small>" if not sel.fatal else "")
        listed = [str(p) for p in sel.fatal + sel.problems][:LISTED_PROBLEMS]
        count = sel.total_problems + len(sel.fatal)
        rows = self.table.n_rows
        if sel.fatal:
            self._show(self.tr("This choice cannot be used: see the problems below."),
                       listed, False)
        elif sel.total_problems and params["on_problem"] != "skip rows":
            self._show(self.tr("%1 problem(s) with row and column below. Fix them in the "
                               "file, untick those columns, or choose to leave those rows "
                               "out.").replace("%1", str(count)), listed, False)
        elif sel.total_problems:
            kept = int((~sel.bad_rows).sum())
            self._show(self.tr("%1 of %2 rows will be used; the %3 rows listed below are "
                               "left out.").replace("%1", str(kept)).replace("%2", str(rows))
                       .replace("%3", str(rows - kept)), listed, kept >= 2)
        else:
            self._show(self.tr("All %1 rows are usable.").replace("%1", str(rows)), [], True)

    def _show(self, status: str, problems: list[str], ok: bool) -> None:
        if self.table is not None and self.table.warnings:  # e.g. bytes not valid UTF-8
            status = "\n".join([status, *self.table.warnings])
        self.status.setText(status)
        self.status.setStyleSheet("" if ok else "color: #c62828")
        self.problems.clear()
        self.problems.addItems(problems)
        self._set_ok(ok)

    def _set_ok(self, ok: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _ask_path(self) -> str:
        path = QFileDialog.getOpenFileName(
            self, self.tr("Choose a table"), start_folder(current=self._params["path"]),
            self.tr("Tables (*.csv *.tsv *.txt);;All files (*)"))[0]
        remember(path)
        return path

    def _show_scaling_why(self) -> None:
        self.scaling_why.setText("<small>" + SCALING_WHY[self.scaling.currentData()]
                                 + "</small>")
