"""The training settings form: one field per setting, each with plain-language help."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QSpinBox, QWidget)

from playground.session import Session
from playground.tuning.space import TRAINING_FIELDS, Dimension, training_dimension
from ui.tuning.search_field import SearchField
from playground.training.settings import LOSSES, METRICS, MONITORS, OPTIMIZERS, TrainingSettings


class SettingsForm(QWidget):
    """Edits a :class:`TrainingSettings`; ``changed`` fires on every user edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, session: Session | None = None):
        """With a ``session``, the settings a search can try get a "search this" toggle."""
        super().__init__(parent)
        self._loading = False
        self.search_fields: dict[str, SearchField] = {}
        self.help_label = QLabel(self)
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet("color: palette(mid);")
        self.optimizer = QComboBox(self)
        self.optimizer.addItems(list(OPTIMIZERS))
        self.learning_rate = QDoubleSpinBox(self)
        self.learning_rate.setDecimals(6)
        self.learning_rate.setRange(0.000001, 10.0)
        self.learning_rate.setSingleStep(0.001)
        self.loss = QComboBox(self)
        for name in LOSSES:
            self.loss.addItem(self.tr("automatic (from the data)") if name == "auto" else name,
                              name)
        # Not "self.metric": that would hide QWidget.metric(), which Qt calls to paint the
        # form into a pixmap (grab) and which then crashes.
        self.metric_choice = QComboBox(self)
        for name in METRICS:
            self.metric_choice.addItem(self.tr("automatic") if name == "auto" else name, name)
        self.epochs = QSpinBox(self)
        self.epochs.setRange(1, 100000)
        self.batch_size = QSpinBox(self)
        self.batch_size.setRange(1, 65536)
        self.validation_split = QDoubleSpinBox(self)
        self.validation_split.setRange(0.0, 0.9)
        self.validation_split.setSingleStep(0.05)
        self.early_stopping = QCheckBox(self.tr("stop when it stops improving"), self)
        self.patience = QSpinBox(self)
        self.patience.setRange(0, 1000)
        self.monitor = QComboBox(self)
        self.monitor.addItems(list(MONITORS))
        self.seed = QSpinBox(self)
        self.seed.setRange(-1, 2**31 - 1)
        self.seed.setSpecialValueText(self.tr("random"))
        self.tensorboard = QCheckBox(self.tr("write TensorBoard logs"), self)
        self.device = QComboBox(self)
        self.set_device_choices([("auto", self.tr("Automatic (GPU if available)")),
                                 ("cpu", self.tr("CPU"))])
        shrink = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        for box in (self.optimizer, self.loss, self.metric_choice, self.monitor, self.device):
            # long choices ("automatic (from the data)") must not widen the narrow column
            box.setSizeAdjustPolicy(shrink)
            box.setMinimumContentsLength(8)

        helps = {
            self.optimizer: self.tr("How the weights are changed after each batch. Adam "
                                    "adapts its steps by itself and is a good start; SGD is "
                                    "the plain textbook method."),
            self.learning_rate: self.tr("How big each correction step is. Too high: the loss "
                                        "jumps around or explodes. Too low: learning crawls. "
                                        "0.001 suits Adam; SGD often needs 0.01–0.1."),
            self.loss: self.tr("The number training tries to make small: how wrong the "
                               "predictions are. Automatic picks cross-entropy for classes and "
                               "mean squared error for numbers."),
            self.metric_choice: self.tr("An extra score that is easier to read than the loss, e.g. "
                                 "accuracy = share of examples classified right."),
            self.epochs: self.tr("An epoch is one pass over all training examples. More "
                                 "epochs = more practice, but too many can memorise the data."),
            self.batch_size: self.tr("How many examples are looked at before each weight "
                                     "update. One batch = one iteration (step). Small batches: "
                                     "noisy but frequent updates; large: smooth but fewer."),
            self.validation_split: self.tr("Share of the training examples kept aside to check "
                                           "the model on data it never trained on (ignored "
                                           "when the dataset has its own validation set)."),
            self.early_stopping: self.tr("Stop by itself when the watched value has not "
                                         "improved for 'patience' epochs."),
            self.patience: self.tr("How many epochs without improvement to wait before "
                                   "stopping early."),
            self.monitor: self.tr("The value early stopping watches: val_loss (loss on the "
                                  "validation examples) is the usual choice."),
            self.seed: self.tr("A fixed number makes runs repeatable (same shuffling and "
                               "starting weights); 'random' gives a different run each time."),
            self.device: self.tr("Where the arithmetic runs. Automatic uses the GPU when "
                                 "TensorFlow finds one, else the CPU."),
            self.tensorboard: self.tr("Also record each run for TensorBoard (the loss and "
                                      "metrics per epoch, the model's graph, how the weights "
                                      "spread), in a folder beside the project file. Help ▸ "
                                      "TensorBoard Logs shows how to open them."),
        }
        self._helps = helps
        self._names = {self.optimizer: "optimizer", self.learning_rate: "learning_rate",
                       self.epochs: "epochs", self.batch_size: "batch_size"}
        form = QFormLayout(self)
        # In the narrow column beside the curves a long row puts its field under its label.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows = [(self.tr("Optimizer"), self.optimizer),
                (self.tr("Learning rate"), self.learning_rate),
                (self.tr("Loss"), self.loss), (self.tr("Metric"), self.metric_choice),
                (self.tr("Epochs"), self.epochs), (self.tr("Batch size"), self.batch_size),
                (self.tr("Validation split"), self.validation_split),
                (self.tr("Early stopping"), self.early_stopping),
                (self.tr("Patience"), self.patience), (self.tr("Watch"), self.monitor),
                (self.tr("Random seed"), self.seed), (self.tr("Device"), self.device),
                (self.tr("TensorBoard"), self.tensorboard)]
        for label, field in rows:
            field.setToolTip(helps[field])
            field.setWhatsThis(helps[field])
            field.installEventFilter(self)
            form.addRow(label, field)
            name = self._names.get(field)
            if session is not None and name in TRAINING_FIELDS:
                search = SearchField(session, None, name, TRAINING_FIELDS[name][0],
                                     lambda name=name: self._default_dimension(name), self)
                self.search_fields[name] = search
                form.addRow(search)   # the whole width: its range fits under it
        form.addRow(self.help_label)
        self.help_label.setText(self.tr("Point at or click a setting to see what it means."))

        for combo in (self.optimizer, self.loss, self.metric_choice, self.monitor, self.device):
            combo.currentIndexChanged.connect(self._emit_changed)
        for spin in (self.learning_rate, self.epochs, self.batch_size, self.validation_split,
                     self.patience, self.seed):
            spin.valueChanged.connect(self._emit_changed)
        self.early_stopping.toggled.connect(self._emit_changed)
        self.tensorboard.toggled.connect(self._emit_changed)
        self.early_stopping.toggled.connect(self._update_enabled)
        self.set_settings(TrainingSettings())

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter) and watched in self._helps:
            self.help_label.setText(self._helps[watched])
        return super().eventFilter(watched, event)

    def _default_dimension(self, name: str) -> Dimension:
        return training_dimension(name, getattr(self.settings(), name))

    def reload_search(self) -> None:
        """Show the search space of the (new) project."""
        for field in self.search_fields.values():
            field.load()

    def set_device_choices(self, choices: list[tuple[str, str]]) -> None:
        current = self.device.currentData()
        self._loading = True
        self.device.clear()
        for value, label in choices:
            self.device.addItem(label, value)
        index = self.device.findData(current)
        self.device.setCurrentIndex(max(index, 0))
        self._loading = False

    def _emit_changed(self, *_args: Any) -> None:
        if not self._loading:
            self.changed.emit()

    def _update_enabled(self) -> None:
        on = self.early_stopping.isChecked()
        self.patience.setEnabled(on)
        self.monitor.setEnabled(on)

    def set_settings(self, s: TrainingSettings) -> None:
        self._loading = True
        try:
            self.optimizer.setCurrentText(s.optimizer)
            self.learning_rate.setValue(s.learning_rate)
            self.loss.setCurrentIndex(max(self.loss.findData(s.loss), 0))
            metric = s.metrics[0] if s.metrics else "auto"
            self.metric_choice.setCurrentIndex(max(self.metric_choice.findData(metric), 0))
            self.epochs.setValue(s.epochs)
            self.batch_size.setValue(s.batch_size)
            self.validation_split.setValue(s.validation_split)
            self.early_stopping.setChecked(s.early_stopping)
            self.patience.setValue(s.patience)
            if self.monitor.findText(s.monitor) < 0:
                self.monitor.addItem(s.monitor)
            self.monitor.setCurrentText(s.monitor)
            self.seed.setValue(-1 if s.seed is None else s.seed)
            index = self.device.findData(s.device)
            if index < 0:
                self.device.addItem(s.device, s.device)
                index = self.device.findData(s.device)
            self.device.setCurrentIndex(index)
            self.tensorboard.setChecked(s.tensorboard)
        finally:
            self._loading = False
        self._update_enabled()

    def settings(self) -> TrainingSettings:
        seed = self.seed.value()
        return TrainingSettings(
            optimizer=self.optimizer.currentText(),
            learning_rate=float(self.learning_rate.value()),
            loss=self.loss.currentData(), metrics=[self.metric_choice.currentData()],
            epochs=self.epochs.value(), batch_size=self.batch_size.value(),
            validation_split=round(float(self.validation_split.value()), 4),
            early_stopping=self.early_stopping.isChecked(), patience=self.patience.value(),
            monitor=self.monitor.currentText(), seed=None if seed < 0 else seed,
            device=self.device.currentData() or "auto",
            tensorboard=self.tensorboard.isChecked())
