"""The Tune panel: search settings, Start/Stop, the live curve of the current trial, the
table of trials, score plots, parameter importance and "Apply best".

The search itself is ``playground.tuning`` run by :class:`TuneController`'s thread; this
panel only shows what it reports and writes the chosen values back through undo commands.
"""
from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QSpinBox, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from ui.message_box import plain_box

from playground.errors import PlaygroundError
from playground.network.layer_calls import layer_names
from playground.tuning import project_space, project_tune_settings, tuning_data
from playground.tuning.jobs import check_jobs, max_jobs
from playground.tuning.space import SearchSpace
from playground.tuning.storage import is_project_local, masked_url
from playground.tuning.study import (OBJECTIVES, PRUNERS, TuneSettings, check_storage_url,
                                     default_direction, default_storage_url)
from playground.tuning.trial import TrialRecord, best_of
from playground.training.events import EpochEnded
from ui.document import Document
from ui.tuning.apply import apply_trial_params
from ui.tuning.controller import TuneController

STATE_COLORS = {"complete": (40, 120, 200), "pruned": (150, 150, 150), "failed": (200, 60, 60)}


class TunePanel(QWidget):
    """``closing`` (the window's signal) stops a running search before the window goes."""

    def __init__(self, document: Document, closing: SignalInstance | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = TuneController(self)
        self.records: dict[int, TrialRecord] = {}
        self._space = SearchSpace()
        self._curve_x: list[int] = []
        self._curve_y: list[float] = []

        self.trials = QSpinBox(self)
        self.trials.setRange(1, 100000)
        self.trials.setToolTip(self.tr("How many trials the study should hold in all "
                                       "(earlier searches of the same study count)."))
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setRange(0, 7 * 24 * 60)
        self.timeout.setSpecialValueText(self.tr("none"))
        self.timeout.setSuffix(self.tr(" min"))
        self.objective = QComboBox(self)
        self.objective.setEditable(True)
        self.objective.addItems(list(OBJECTIVES))
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("minimise"), "minimize")
        self.direction.addItem(self.tr("maximise"), "maximize")
        self.pruner = QComboBox(self)
        for name, label in zip(PRUNERS, (self.tr("median"), self.tr("successive halving"),
                                         self.tr("none"))):
            self.pruner.addItem(label, name)
        self.pruner.setToolTip(self.tr("Stop hopeless trials early: 'median' stops a trial "
                                       "doing worse than the median of earlier ones at the "
                                       "same epoch."))
        self.seed = QSpinBox(self)
        self.seed.setRange(-1, 2**31 - 1)
        self.seed.setSpecialValueText(self.tr("random"))
        self.storage = QLineEdit(self)
        self.storage.setPlaceholderText(self.tr("a file next to the project"))
        self.storage.setToolTip(self.tr("Where the study is kept: empty for a SQLite file "
                                        "next to the project, or a database URL such as "
                                        "postgresql://user@host/db to share it."))
        self.study = QLineEdit(self)
        self.jobs = QSpinBox(self)
        self.jobs.setRange(1, max_jobs())
        self.jobs.setToolTip(self.tr("Use N processes on this machine, all on the same study: "
                                     "N trials train at once (at most one process per "
                                     "core)."))
        self._allowed_storages: set[str] = set()
        self.start_button = QPushButton(self.tr("Start"), self)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.apply_button = QPushButton(self.tr("Apply best"), self)
        self.apply_button.setToolTip(self.tr("Write the best trial's values into the layers "
                                             "and training settings (one undo step)."))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.importance = QLabel(self)
        self.importance.setWordWrap(True)

        form = QFormLayout()
        for label, field in ((self.tr("Trials"), self.trials),
                             (self.tr("Time limit"), self.timeout),
                             (self.tr("Objective"), self.objective),
                             (self.tr("Direction"), self.direction),
                             (self.tr("Pruning"), self.pruner), (self.tr("Seed"), self.seed),
                             (self.tr("Storage"), self.storage), (self.tr("Study"), self.study),
                             (self.tr("Processes"), self.jobs)):
            form.addRow(label, field)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.stop_button, self.apply_button):
            buttons.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.importance)
        left_layout.addStretch(1)

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Trial"), self.tr("State"),
                                              self.tr("Score"), self.tr("Seconds"),
                                              self.tr("Values")])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column in range(4):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.live = pg.PlotWidget(self, title=self.tr("Current trial"))
        self.live.setLabel("bottom", self.tr("epoch"))
        self.live_curve = self.live.plot([], [], pen=pg.mkPen((40, 120, 200), width=2),
                                         symbol="o", symbolSize=5)
        self.scores = pg.PlotWidget(self, title=self.tr("Score per trial"))
        self.scores.setLabel("bottom", self.tr("trial"))
        self.score_dots = pg.ScatterPlotItem(size=8)
        self.scores.addItem(self.score_dots)
        self.param_choice = QComboBox(self)
        self.by_param = pg.PlotWidget(self, title=self.tr("Score against a value"))
        self.param_dots = pg.ScatterPlotItem(size=8)
        self.by_param.addItem(self.param_dots)
        plots = QWidget(self)
        plots_layout = QVBoxLayout(plots)
        plots_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.live)
        row.addWidget(self.scores)
        plots_layout.addLayout(row)
        plots_layout.addWidget(self.param_choice)
        plots_layout.addWidget(self.by_param)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for widget in (left, self.table, plots):
            splitter.addWidget(widget)
        splitter.setSizes([300, 420, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)

        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.controller.stop)
        self.apply_button.clicked.connect(self.apply_best)
        self.objective.currentTextChanged.connect(self._objective_changed)
        self.param_choice.currentIndexChanged.connect(lambda _i: self._plot_params())
        c = self.controller
        c.runningChanged.connect(self._on_running_changed)
        c.studyLoaded.connect(self._on_study_loaded)
        c.trialStarted.connect(self._on_trial_started)
        c.epochEnded.connect(self._on_epoch)
        c.trialFinished.connect(self._on_trial_finished)
        c.finished.connect(self._on_finished)
        c.failed.connect(self._show_error)
        c.helpersFailed.connect(self._show_error)
        document.projectReplaced.connect(self._load_project)
        if closing is not None:
            closing.connect(self.shutdown)
        self._load_project()
        self._on_running_changed(False)

    # ------------------------------------------------------------------ settings
    def _load_project(self) -> None:
        if self.controller.is_running():
            self.controller.stop()
        try:
            s = project_tune_settings(self.document.project)
        except PlaygroundError as error:
            self._show_error(str(error))
            s = TuneSettings()
        self.trials.setValue(s.trials)
        self.timeout.setValue((s.timeout_s or 0) / 60)
        self.objective.setCurrentText(s.objective)
        self.direction.setCurrentIndex(max(self.direction.findData(s.direction), 0))
        self.pruner.setCurrentIndex(max(self.pruner.findData(s.pruner), 0))
        self.seed.setValue(-1 if s.seed is None else s.seed)
        self.storage.setText(s.storage)
        self.study.setText(s.study)
        self._allowed_storages = set()   # a new project's storage is asked about again
        self._clear_results()
        self.status.setText(self.tr("Switch on \"search this\" for the settings to try "
                                    "(inspector, training settings), then press Start."))

    def _objective_changed(self, text: str) -> None:
        self.direction.setCurrentIndex(self.direction.findData(default_direction(text)))

    def settings(self) -> TuneSettings:
        seed = self.seed.value()
        return TuneSettings(trials=self.trials.value(),
                            timeout_s=self.timeout.value() * 60 or None,
                            objective=self.objective.currentText().strip(),
                            direction=self.direction.currentData(),
                            pruner=self.pruner.currentData(),
                            seed=None if seed < 0 else seed,
                            storage=self.storage.text().strip(),
                            study=self.study.text().strip())

    # ------------------------------------------------------------------ actions
    def start(self) -> None:
        """Check the inputs (a clear message when one is wrong), then search."""
        session = self.document.session
        try:
            settings = self.settings()
            settings.validate()
            space, notes = project_space(session.project).without_missing_nodes(session.graph)
            space.validate(session.graph)
            url = settings.storage or default_storage_url(session.path)
            check_storage_url(url)
            if self.jobs.value() > 1:
                check_jobs(self.jobs.value(), url)
        except PlaygroundError as error:
            self._show_error(str(error))
            return
        if not self._storage_allowed(url, session.path):
            self._show_error(self.tr("Not started: the study storage %1 was not confirmed. "
                                     "Empty the Storage field to keep the search next to "
                                     "the project.").replace("%1", masked_url(url)))
            return
        session.set_tuning(tuning_data(space, settings))
        self._space = space
        self._clear_results()
        self.status.setStyleSheet("")
        self.status.setText(" ".join([*notes, self.tr("Opening the study in %1…")
                                      .replace("%1", masked_url(url))]))
        self.controller.start(session.project, space, settings, url,
                              session.loaded_dataset(), jobs=self.jobs.value())

    def _storage_allowed(self, url: str, project_path: Any) -> bool:
        """A storage outside the project's folder (a server, another file) is used only
        after the user says yes once: a project file must not pick it silently."""
        if (project_path is not None and is_project_local(url, project_path)) \
                or url in self._allowed_storages:
            return True
        box = plain_box(QMessageBox.Icon.Question, self.tr("Study storage"),
                        self.tr("The search will be kept in %1, outside the project's "
                                "folder. Use this storage?").replace("%1", masked_url(url)),
                        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                        self)
        box.setObjectName("study_storage_box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        self._allowed_storages.add(url)
        return True

    def apply_best(self) -> None:
        best = self._best()
        if best is None:
            self._show_error(self.tr("No trial has finished yet: there is nothing to apply."))
            return
        try:
            apply_trial_params(self.document.undo_stack, self.document.session,
                               self._space, best.params)
        except PlaygroundError as error:
            self._show_error(str(error))
            return
        self.status.setText(self.tr("Applied trial %1 (Edit ▸ Undo takes it back).")
                            .replace("%1", str(best.number)))

    def shutdown(self) -> None:
        self.controller.shutdown()

    # ------------------------------------------------------------------ results
    def _best(self) -> TrialRecord | None:
        return best_of(self.records.values(), self.settings().direction)

    def _clear_results(self) -> None:
        self.records = {}
        self.table.setRowCount(0)
        self.importance.setText("")
        self._curve_x, self._curve_y = [], []
        self.live_curve.setData([], [])
        self.score_dots.setData([], [])
        self.param_dots.setData([], [])

    def _label(self, key: str) -> str:
        node, _, param = key.partition(".")
        if node == "training":
            return param
        return f"{layer_names(self.document.graph).get(node, node)}.{param}"

    def _on_running_changed(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)

    def _on_study_loaded(self, records: list) -> None:
        """The study's trials so far (on opening it, and as other processes add some)."""
        self.records = {}
        self.table.setRowCount(0)
        for record in records:
            if record.state != "running":
                self._add_record(record)
        self._refresh_plots()

    def _on_trial_started(self, number: int, params: dict) -> None:
        self._curve_x, self._curve_y = [], []
        self.live_curve.setData([], [])
        self.live.setTitle(self.tr("Trial %1").replace("%1", str(number)))
        values = ", ".join(f"{self._label(k)} = {_fmt(v)}" for k, v in params.items())
        self.status.setText(self.tr("Trial %1: %2").replace("%1", str(number))
                            .replace("%2", values))

    def _on_epoch(self, number: int, event: EpochEnded) -> None:
        value = event.logs.get(self.settings().objective)
        if value is not None:
            self._curve_x.append(event.progress.epoch)
            self._curve_y.append(float(value))
            self.live_curve.setData(self._curve_x, self._curve_y)

    def _on_trial_finished(self, record: TrialRecord, importances: dict) -> None:
        if record.number not in self.records:
            self._add_record(record)
        self._refresh_plots()
        if importances:
            self.importance.setText(self.tr("What mattered most: %1").replace("%1", ", ".join(
                f"{self._label(k)} {v:.0%}" for k, v in importances.items())))

    def _state_text(self, state: str) -> str:
        """A trial's state in the reader's language (Optuna's names, as literals for lupdate)."""
        return {"complete": self.tr("complete"), "pruned": self.tr("pruned"),
                "failed": self.tr("failed"), "running": self.tr("running")}.get(state, state)

    def _add_record(self, record: TrialRecord) -> None:
        self.records[record.number] = record
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = ", ".join(f"{self._label(k)} = {_fmt(v)}" for k, v in record.params.items())
        if record.message and record.state != "complete":
            values += f" — {record.message}"
        cells = (str(record.number), self._state_text(record.state),
                 "" if record.value is None else f"{record.value:.5g}",
                 f"{record.duration_s:.1f}", values)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, column, item)

    def _refresh_plots(self) -> None:
        scored = [r for r in self.records.values() if r.value is not None]
        self.score_dots.setData([{"pos": (r.number, r.value),
                                  "brush": pg.mkBrush(*STATE_COLORS.get(r.state, (0, 0, 0)))}
                                 for r in scored])
        keys = sorted({k for r in self.records.values() for k in r.params})
        if [self.param_choice.itemData(i) for i in range(self.param_choice.count())] != keys:
            self.param_choice.blockSignals(True)
            self.param_choice.clear()
            for key in keys:
                self.param_choice.addItem(self._label(key), key)
            self.param_choice.blockSignals(False)
        self._plot_params()

    def _plot_params(self) -> None:
        key = self.param_choice.currentData()
        points = [(r.params[key], r.value) for r in self.records.values()
                  if r.state == "complete" and r.value is not None and key in r.params
                  and isinstance(r.params[key], (int, float))]
        self.param_dots.setData([{"pos": p} for p in points])
        self.by_param.setLabel("bottom", self._label(key) if key else "")

    def _on_finished(self, summary: Any) -> None:
        best = self._best()
        text = self.tr("Search stopped.") if summary.stopped else self.tr("Search finished.")
        if best is not None:
            text += " " + self.tr("Best: trial %1, %2 = %3.").replace("%1", str(best.number)) \
                .replace("%2", summary.objective).replace("%3", f"{best.value:.5g}")
        self.status.setText(text)

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020;")


def _fmt(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)
