"""The Training panel: settings, Train/Pause/Stop/Reset, progress, counters and curves.

It adapts the controller's signals to widgets and writes results into the document
(weights, history); the training itself happens in :mod:`playground.training`.
"""
from __future__ import annotations

import time
from dataclasses import replace
from typing import Any, Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (QGridLayout, QLabel, QProgressBar,
                               QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from playground.errors import TrainingError
from playground.training.dataset_fit import unfinished_reason
from playground.training.events import (EpochEnded, Progress, RunEnded, RunStarted,
                                        StepsDone, format_seconds)
from playground.training.settings import TrainingSettings
from ui.training.controller import TrainingController
from ui.training.curves import TrainingCurves
from ui.training.settings_form import SettingsForm
from ui.document import Document
from ui.status import StatusLine
from ui.background import BackgroundRunner
from ui.fit_actions import add_output_layer, match_dataset, needs_matching


COUNTER_INTERVAL_S = 0.2
CONTROLS_WIDTH = 258   # buttons, progress and the settings form, left of the curves


class TrainingPanel(QWidget):
    """Dockable panel. ``status`` is the window's status line; ``tf_loaded`` (TensorFlow is
    ready: list the devices, warm up) and ``closing`` (stop the run) are the window's
    signals. All optional: the panel also works on its own (tests, benchmarks)."""

    def __init__(self, document: Document, status: StatusLine | None = None,
                 tf_loaded: SignalInstance | None = None, closing: SignalInstance | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.status_line = status
        self.controller = TrainingController(document.session, self)
        self.form = SettingsForm(self, document.session)
        self.curves = TrainingCurves(self)
        self._counters_shown = 0.0
        # Compiles a tiny model once off the UI thread so the first run starts faster.
        self._warmup = BackgroundRunner("training-warm-up", self, lower_priority=True)
        self._warmed = False
        self._device_text = ""
        self._total_steps = 0

        self.train_button = QPushButton(self.tr("Train"), self)
        self.train_button.setToolTip(self.tr("Train the model on the chosen dataset, "
                                             "continuing from its current weights."))
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.setCheckable(True)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.reset_button = QPushButton(self.tr("Reset weights"), self)
        self.reset_button.setToolTip(self.tr("Forget what was learned: the next run starts "
                                             "from new random weights."))
        # Two rows of two: the controls column stays narrow, the curves get the width.
        buttons = QGridLayout()
        for i, button in enumerate((self.train_button, self.pause_button, self.stop_button,
                                    self.reset_button)):
            buttons.addWidget(button, i // 2, i % 2)

        self.epoch_bar = QProgressBar(self)
        self.epoch_bar.setFormat(self.tr("this epoch %p%"))
        self.run_bar = QProgressBar(self)
        self.run_bar.setFormat(self.tr("whole run %p%"))
        self.counters = QLabel(self)
        self.counters.setWordWrap(True)
        self.counters.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self.tr("Ready. Press Train to start."), self)
        self.status.setWordWrap(True)
        # The one-click fix for the problem the status names (a missing output layer, a
        # shape that does not match the dataset); hidden when there is none.
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("training_fix_button")
        self.fix_button.hide()
        self.fix_button.clicked.connect(self._apply_fix)
        self._fix: Callable[[], object] | None = None
        self._failure_shown = False   # a failure is in the window's status bar

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.epoch_bar)
        left_layout.addWidget(self.run_bar)
        left_layout.addWidget(self.counters)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.fix_button)
        left_layout.addWidget(self.form)
        left_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # Narrow column: it scrolls down, never sideways (its fields shrink instead).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(self.curves)
        splitter.setStretchFactor(0, 0)   # a wider panel widens the curves, not the form
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([CONTROLS_WIDTH, 900])
        layout = QGridLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter, 0, 0)

        self.train_button.clicked.connect(self.start_training)
        self.pause_button.toggled.connect(self._on_pause_toggled)
        self.stop_button.clicked.connect(self.controller.stop)
        self.reset_button.clicked.connect(self.reset_weights)
        self.form.changed.connect(self._store_settings)
        c = self.controller
        c.runningChanged.connect(self._on_running_changed)
        c.runInfo.connect(self._on_run_info)
        c.progress.connect(self._on_progress)
        c.epochEnded.connect(self._on_epoch)
        c.finished.connect(self._on_finished)
        c.failed.connect(self._on_failed)
        c.probeFailed.connect(self._on_view_failed)
        document.projectReplaced.connect(self._load_project)
        # Settings changed elsewhere (the Tune panel's "Apply best", its undo): show them.
        document.session.training_settings_changed.connect(self._show_stored_settings)
        if closing is not None:
            closing.connect(self.shutdown)
        if tf_loaded is not None:
            tf_loaded.connect(self._on_tf_loaded)
        self._load_project()
        self._on_running_changed(False)
        self._show_counters(Progress())

    # ------------------------------------------------------------------ project
    def _load_project(self) -> None:
        self._offer_fix(None)
        if self.controller.is_running():   # another project now: its run has no place
            self.controller.stop()
        self.form.set_settings(TrainingSettings.from_dict(self.document.project.training))
        self.form.reload_search()
        # Nothing of the previous project stays on screen: its error, its counters, the
        # curves of its last run (issue 23). Its history is the new project's overlays.
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Ready. Press Train to start."))
        if self._failure_shown and self.status_line is not None:
            self.status_line.show_message("", 1)
        self._failure_shown = False
        self._total_steps = 0
        self._show_counters(Progress())
        self.curves.clear_run()
        self.curves.set_past_runs(self.document.project.history)

    def _show_stored_settings(self) -> None:
        stored = TrainingSettings.from_dict(self.document.project.training)
        if stored != self.form.settings():
            self.form.set_settings(stored)

    def _store_settings(self) -> None:
        try:
            self.document.session.set_training_settings(self.form.settings())
        except TrainingError as error:  # kept in the form; said where the user looks
            self._on_failed(str(error))

    def _on_tf_loaded(self) -> None:
        from playground.training.device import device_choices, list_gpus, plan_device
        from playground.training.warmup import warm_up

        if not self._warmed and not self.controller.is_running():
            self._warmed = True
            self._warmup.request(warm_up)

        gpus = list_gpus()
        labels = {"auto": self.tr("Automatic (GPU if available)"), "cpu": self.tr("CPU")}
        self.form.set_device_choices([(value, labels.get(value, text))
                                      for value, text in device_choices(gpus)])
        self._set_device_text(plan_device("auto", gpus).description)

    def _set_device_text(self, text: str) -> None:
        if self.status_line is not None:
            self.status_line.set_status_device(text)
        self._device_text = text

    # ------------------------------------------------------------------ actions
    def start_training(self) -> None:
        self._offer_fix(None)
        # An unfinished model is said in plain words, before anything is stored or built
        # (Keras would only say "`outputs` argument cannot be empty").
        reason = unfinished_reason(self.document.graph)
        if reason is not None:
            self._on_failed(reason)
            self._offer_fix(self.tr("Add an output layer for this dataset"),
                            lambda: add_output_layer(self.document))
            return
        settings = self.form.settings()
        try:
            settings.validate()
        except TrainingError as error:  # show it, keep the form as it is
            self._on_failed(str(error))
            return
        self.document.session.set_training_settings(settings)
        self._total_steps = 0
        self.curves.set_past_runs(self.document.project.history)
        # Lay the plots out now, before the worker starts: building them later, while it
        # compiles the model and holds the GIL, would stall the window.
        self.curves.begin_run(self._expected_metrics(settings), settings.epochs)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Preparing the model and the data…"))
        self.controller.start(settings)

    def _expected_metrics(self, settings: TrainingSettings) -> list[str]:
        from playground.datasets import dataset_info
        from playground.errors import DatasetError
        from playground.training.losses import expected_metric_names

        try:
            tasks = dataset_info((self.document.project.dataset or {}).get("name", "")).tasks
        except DatasetError:  # unknown dataset: the worker reports it in plain words
            tasks = ()
        return expected_metric_names(settings.metrics, tuple(tasks))

    def reset_weights(self) -> None:
        self.document.set_weights(None)
        self.status.setText(self.tr("Weights reset: the next run starts from new random "
                                    "weights."))

    def shutdown(self) -> None:
        """Stop a run and wait for the training thread (the window is closing)."""
        self.controller.shutdown()
        self.curves._timer.stop()
        self._warmup.shutdown()

    def _on_pause_toggled(self, paused: bool) -> None:
        if paused:
            self.controller.pause()
            self.pause_button.setText(self.tr("Resume"))
            self.status.setText(self.tr("Paused. Press Resume to go on."))
        else:
            self.controller.resume()
            self.pause_button.setText(self.tr("Pause"))
            if self.controller.is_running():
                self.status.setText(self.tr("Training…"))

    # ------------------------------------------------------------------ signals in
    def _on_running_changed(self, running: bool) -> None:
        self.train_button.setEnabled(not running)
        self.reset_button.setEnabled(not running)
        self.form.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if not running:
            self.pause_button.blockSignals(True)
            self.pause_button.setChecked(False)
            self.pause_button.setText(self.tr("Pause"))
            self.pause_button.blockSignals(False)
        self.document.set_locked(running, self.tr(
            "Training: adding, removing and rewiring layers is locked until it stops.")
            if running else "")

    def _on_run_info(self, event: RunStarted) -> None:
        self._total_steps = event.total_steps
        self.curves.begin_run(list(event.metrics), event.epochs)
        self._set_device_text(event.device)
        self.status.setText(self.tr("Training on %1 with %2 examples…")
                            .replace("%1", event.device)
                            .replace("%2", str(event.train_samples)))

    def _on_progress(self, event: StepsDone | RunEnded) -> None:
        progress = event.progress
        if isinstance(event, StepsDone):
            self.curves.add_progress(event)
            # Numbers are read, not watched: 5 updates a second is plenty, and progress
            # bars repaint synchronously (a cost on the UI thread).
            now = time.perf_counter()
            if now - self._counters_shown < COUNTER_INTERVAL_S:
                return
            self._counters_shown = now
        else:  # the run's totals; the epoch bar stays as is
            progress = replace(progress, step=self.epoch_bar.value())
        self._show_counters(progress, event.logs.get("loss"))

    def _on_epoch(self, epoch: EpochEnded) -> None:
        self.curves.add_epoch(epoch)
        self._show_counters(epoch.progress, epoch.logs.get("loss"))

    def _show_counters(self, p: Progress, loss: float | None = None) -> None:
        spe = max(p.steps_per_epoch, 1)
        self.epoch_bar.setRange(0, spe)
        self.epoch_bar.setValue(min(p.step, spe))
        total = max(self._total_steps, 1)
        self.run_bar.setRange(0, total)
        self.run_bar.setValue(min(p.iteration, total))
        text = self.tr("Epoch %1 of %2 · iteration %3 of %4 · %5 samples seen\n"
                       "Elapsed %6 · ETA %7 · %8 samples/s · loss %9") + "\n" + \
            self.tr("Device: %1").replace("%1", self._device_text or self.tr("not chosen yet"))
        values = [str(p.epoch), str(p.epochs), str(p.iteration),
                  str(self._total_steps), f"{p.samples_seen:,}",
                  format_seconds(p.elapsed_s), format_seconds(p.eta_s),
                  f"{p.samples_per_s:,.0f}",
                  "—" if loss is None else f"{loss:.4g}"]
        for i in range(9, 0, -1):  # replace %9 before %1 so "%1" does not eat "%1x"
            text = text.replace(f"%{i}", values[i - 1])
        self.counters.setText(text)

    def _on_finished(self, entry: dict[str, Any]) -> None:
        project = self.document.project
        if self.controller.run_project is not project:
            self.status.setText(self.tr("The run of the previous project ended; its "
                                        "results belong to that project and were dropped."))
            return
        self.document.session.record_run(entry, self.controller.last_weights)
        self.curves.flush()
        self.status.setStyleSheet("")   # a red error from before this run is over
        status = entry.get("status")
        texts = {"completed": self.tr("Finished %1 epochs."),
                 "stopped": self.tr("Stopped after %1 complete epochs."),
                 "early_stopped": self.tr("Stopped early after %1 epochs (no more "
                                          "improvement)."),
                 "diverged": self.tr("Training diverged after %1 epochs.")}
        text = texts.get(status, self.tr("Run ended after %1 epochs.")).replace(
            "%1", str(entry.get("epochs_done", 0)))
        if entry.get("message"):
            text += "\n" + entry["message"]
        self.status.setText(text)

    def _on_view_failed(self, message: str) -> None:
        """A live view broke; training goes on, so this is news, not a failed run."""
        if self.status_line is not None:
            self.status_line.show_message(message, 10000)

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020;")
        if self.status_line is not None:
            self.status_line.show_message(message, 0)
            self._failure_shown = True
        if needs_matching(self.document):   # the Input or output does not fit the data
            self._offer_fix(self.tr("Fix it: match the dataset"),
                            lambda: match_dataset(self.document))

    def _offer_fix(self, text: str | None, fix: Callable[[], object] | None = None) -> None:
        self._fix = fix
        self.fix_button.setText(text or "")
        self.fix_button.setVisible(fix is not None)

    def _apply_fix(self) -> None:
        fix = self._fix
        self._offer_fix(None)
        if fix is not None and fix():
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Fixed. Press Train to start."))
