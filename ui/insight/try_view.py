"""Try it: give the trained model a new input and see its answer.

The widget follows the dataset: pictures (open, drop or paste one or many, each with its
three most likely classes as bars), a table row (one field per input column, prefilled
from a random test row, answered as the user types), a sentence (answered as the user
types), a test sequence (its forecast drawn after it). 2-D points need nothing here: the
boundary's hover answers any point. Everything is computed by
:mod:`playground.prepared.trying` on a background runner; this view only shows it.
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QProgressBar, QPushButton,
                               QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from ui.background import BackgroundRunner
from ui.insight.common import InsightView

THUMBNAIL = 64
BAR_STEPS = 1000


class AnswerBox(QWidget):
    """One answer: its name, then a bar and a percentage for each of the top classes (or
    the predicted value)."""

    def __init__(self, answer: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.texts: list[str] = []
        if answer.top:
            for name, probability in answer.top:
                row = QHBoxLayout()
                label = QLabel(name, self)
                label.setMinimumWidth(80)
                bar = QProgressBar(self)
                bar.setRange(0, BAR_STEPS)
                bar.setValue(int(round(probability * BAR_STEPS)))
                bar.setTextVisible(False)
                text = f"{probability:.1%}"
                self.texts.append(f"{name} {text}")
                row.addWidget(label)
                row.addWidget(bar, 1)
                row.addWidget(QLabel(text, self))
                layout.addLayout(row)
        else:
            text = self.tr("Predicted value: {0}").format(answer.label)
            self.texts.append(text)
            layout.addWidget(QLabel(text, self))
        for note in answer.notes:
            note_label = QLabel(note, self)
            note_label.setWordWrap(True)
            note_label.setProperty("role", "hint")
            layout.addWidget(note_label)


class TryView(InsightView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Try it"), self.tr(
            "Give the trained model a new input and see its answer, prepared exactly as the "
            "training data was."), parent)
        self.empty_text = self.tr("Train the model, then try it here on new inputs.")
        self.predictor: Any = None
        self.dataset: Any = None
        self.kind = ""
        self.shown: list[Any] = []          # the answers on screen (TryAnswer)
        self.fields: dict[str, Any] = {}    # column -> QLineEdit / QComboBox
        self._setup = BackgroundRunner("try-it-setup", self)
        self._setup.done.connect(self._ready)
        self._setup.failed.connect(self.set_status)
        self._runner = BackgroundRunner("try-it", self)
        self._runner.done.connect(self._show_answers)
        self._runner.failed.connect(self._failed)
        self.open_button = QPushButton(self.tr("Open pictures…"), self)
        self.open_button.clicked.connect(self._open_pictures)
        self.paste_button = QPushButton(self.tr("Paste"), self)
        self.paste_button.clicked.connect(self.paste)
        self.row_button = QPushButton(self.tr("Another test row"), self)
        self.row_button.clicked.connect(self._another_row)
        self.file_button = QPushButton(self.tr("Predict a file…"), self)
        self.file_button.setToolTip(self.tr(
            "Answer every picture, table row or line of text in files and write the "
            "answers to a CSV file."))
        self.file_button.clicked.connect(self._predict_file_dialog)
        self._files = BackgroundRunner("try-it-files", self)
        self._files.done.connect(self.set_status)
        self._files.failed.connect(self.set_status)
        for button in (self.open_button, self.paste_button, self.row_button,
                       self.file_button):
            button.setVisible(False)
            self.toolbar.addWidget(button)
        self.content = QWidget(self)
        self.body.addWidget(self.content, 1)
        self.answers_area = QScrollArea(self)
        self.answers_area.setWidgetResizable(True)
        self.body.addWidget(self.answers_area, 2)
        self._row_seed = 0
        self.setAcceptDrops(True)
        self.set_status(self.empty_text)

    # ------------------------------------------------------------ model
    def set_model(self, model: Any, dataset: Any) -> None:
        """The trained model (not training) and its dataset; None: nothing to try."""
        self._runner.cancel()
        self.predictor = None
        self._clear_answers()
        if model is None or dataset is None:
            self._setup.cancel()
            self._build_input("")
            self.set_status(self.empty_text)
            return
        from playground.prepared.predictor import model_predictor
        from playground.prepared.trying import form_fields, input_kind

        self.set_status("")

        def setup() -> tuple[Any, Any, str, list[Any]]:
            predictor = model_predictor(model, dataset)
            kind = input_kind(predictor)
            fields = form_fields(predictor, dataset) if kind == "table" else []
            return predictor, dataset, kind, fields

        self._setup.request(setup)

    def _ready(self, payload: tuple[Any, Any, str, list[Any]]) -> None:
        self.predictor, self.dataset, kind, fields = payload
        self.set_status("")
        self._build_input(kind, fields)

    @property
    def busy(self) -> bool:
        return self._setup.busy or self._runner.busy or self._files.busy

    def wait(self, timeout: float | None = None) -> None:
        for runner in (self._setup, self._runner, self._files):
            runner.wait(timeout)

    def shutdown(self) -> None:
        for runner in (self._setup, self._runner, self._files):
            runner.shutdown()

    # ------------------------------------------------------------ files
    def _predict_file_dialog(self) -> None:
        inputs, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Inputs to predict"), "",
            self.tr("Pictures, tables or text (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff "
                    "*.webp *.csv *.tsv *.txt);;All files (*)"))
        if not inputs:
            return
        out, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the answers"), "answers.csv", self.tr("CSV tables (*.csv)"))
        if out:
            self.predict_files_to(inputs, out)

    def predict_files_to(self, inputs: list[str], out: str) -> None:
        """Answer every input of ``inputs`` into the CSV ``out`` (off the UI thread); the
        status line then says how many and what was skipped."""
        from playground.prepared.predict_files import predict_to_csv

        predictor = self.predictor
        if predictor is None:
            return
        done_text = self.tr("Wrote %1: %2 answers.")

        def work() -> str:
            count, notes = predict_to_csv(predictor, list(inputs), out)
            return " ".join([done_text.replace("%1", out).replace("%2", str(count)),
                             *notes.lines()[:10]])

        self.set_status(self.tr("Predicting…"))
        self._files.request(work)

    def clear(self) -> None:
        self.set_model(None, None)

    # ------------------------------------------------------------ inputs
    def _build_input(self, kind: str, fields: list[Any] | None = None) -> None:
        self.kind = kind
        self.fields = {}
        old = self.content
        self.content = QWidget(self)
        self.body.replaceWidget(old, self.content)
        old.deleteLater()
        # A form or a text box may grow; the pictures' line leaves the room to the answers.
        self.body.setStretchFactor(self.content, 0 if kind == "picture" else 1)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.open_button.setVisible(kind == "picture")
        self.paste_button.setVisible(kind == "picture")
        self.row_button.setVisible(kind == "table")
        self.file_button.setVisible(kind in ("picture", "table", "text"))
        self.answers_area.setVisible(kind in ("picture", "table", "text"))
        if kind == "picture":
            layout.addWidget(QLabel(self.tr("Open, drop or paste one or more pictures."),
                                    self.content))
        elif kind == "table":
            form = QFormLayout()
            layout.addLayout(form)
            for field in fields or []:
                form.addRow(field.name, self._field_widget(field))
            self.ask_row()
        elif kind == "text":
            self.text_box = QPlainTextEdit(self.content)
            self.text_box.setPlaceholderText(self.tr("Type a sentence…"))
            self.text_box.textChanged.connect(self.ask_text)
            layout.addWidget(self.text_box)
        elif kind == "sequence":
            self._build_sequence(layout)
        elif kind == "points":
            label = QLabel(self.tr("Point at the Boundary view: hovering over a point shows "
                                   "the model's answer there."), self.content)
            label.setWordWrap(True)
            layout.addWidget(label)

    def _field_widget(self, field: Any) -> QWidget:
        from playground.prepared.preparation import CATEGORY

        if field.kind == CATEGORY:
            combo = QComboBox(self.content)
            combo.addItems(list(field.categories))
            combo.setCurrentText(field.value)
            combo.currentTextChanged.connect(lambda _text: self.ask_row())
            self.fields[field.name] = combo
            return combo
        edit = QLineEdit(field.value, self.content)
        edit.textChanged.connect(lambda _text: self.ask_row())
        self.fields[field.name] = edit
        return edit

    def field_values(self) -> dict[str, str]:
        return {name: (w.currentText() if isinstance(w, QComboBox) else w.text())
                for name, w in self.fields.items()}

    def ask_row(self) -> None:
        from playground.prepared.trying import answer_row

        predictor, values = self.predictor, self.field_values()
        self._ask(lambda: [answer_row(predictor, values)])

    def ask_text(self) -> None:
        from playground.prepared.trying import answer_text

        predictor, text = self.predictor, self.text_box.toPlainText()
        self._ask(lambda: [answer_text(predictor, text)])

    def ask_pictures(self, paths: list[str]) -> None:
        from playground.prepared.trying import answer_pictures

        predictor = self.predictor
        self._thumbnails = {p.rsplit("/", 1)[-1]: p for p in paths}
        self._ask(lambda: answer_pictures(predictor, list(paths)))

    def paste(self) -> None:
        """A picture from the clipboard (an image, or copied picture files)."""
        data = QGuiApplication.clipboard().mimeData()
        if data is not None and data.hasUrls():
            self.ask_pictures([u.toLocalFile() for u in data.urls() if u.isLocalFile()])
            return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.set_status(self.tr("The clipboard holds no picture."))
            return
        self.ask_image(image, self.tr("pasted picture"))

    def ask_image(self, image: QImage, name: str) -> None:
        from playground.prepared.trying import answer_picture_array

        rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
        pixels = np.frombuffer(rgba.constBits(), np.uint8).reshape(
            rgba.height(), rgba.bytesPerLine() // 4, 4)[:, :rgba.width()].copy()
        predictor = self.predictor
        self._thumbnails = {name: QPixmap.fromImage(image)}
        self._ask(lambda: [answer_picture_array(predictor, name, pixels)])

    def _ask(self, job: Callable[[], list[Any]]) -> None:
        if self.predictor is not None:
            self._runner.request(job)

    def _open_pictures(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Open pictures"), "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)"))
        if paths:
            self.ask_pictures(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt name)
        if self.kind == "picture" and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.ask_pictures(paths)

    def _another_row(self) -> None:
        from playground.prepared.trying import form_fields

        self._row_seed += 1
        for field in form_fields(self.predictor, self.dataset, self._row_seed):
            widget = self.fields.get(field.name)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(field.value)
            else:
                widget.setText(field.value)
            widget.blockSignals(False)
        self.ask_row()

    # ------------------------------------------------------------ sequences
    def _build_sequence(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Test sequence:"), self.content))
        self.sequence_index = QSpinBox(self.content)
        x = self.dataset.x_test if self.dataset.x_test is not None else self.dataset.x_train
        self.sequence_index.setRange(0, max(0, len(x) - 1))
        row.addWidget(self.sequence_index)
        row.addStretch(1)
        layout.addLayout(row)
        self.sequence_plot = pg.PlotWidget(self.content)
        self.sequence_plot.setBackground("w")
        layout.addWidget(self.sequence_plot, 1)
        self.forecast_label = QLabel(self.content)
        layout.addWidget(self.forecast_label)
        self.sequence_index.valueChanged.connect(self.ask_forecast)
        self.ask_forecast()

    def ask_forecast(self) -> None:
        from playground.prepared.trying import forecast

        predictor, dataset = self.predictor, self.dataset
        index = self.sequence_index.value()
        self._ask(lambda: forecast(predictor, dataset, index))

    def _show_forecast(self, result: Any) -> None:
        n = len(result.window)
        self.sequence_plot.clear()
        self.sequence_plot.plot(np.arange(n), result.window, pen=pg.mkPen((8, 119, 189), width=2))
        self.sequence_plot.plot([n], [result.predicted], pen=None, symbol="o",
                                symbolBrush=(245, 147, 34))
        if result.truth is not None:
            self.sequence_plot.plot([n], [result.truth], pen=None, symbol="x",
                                    symbolBrush=(0, 0, 0))
            text = self.tr("Forecast: {0:.4g} (true next value: {1:.4g})").format(
                result.predicted, result.truth)
        else:
            text = self.tr("Forecast: {0:.4g}").format(result.predicted)
        self.forecast_label.setText(text)
        self.shown = [result]

    # ------------------------------------------------------------ answers
    def _failed(self, message: str) -> None:
        self._clear_answers()
        self.set_status(message)

    def _show_answers(self, answers: Any) -> None:
        if not isinstance(answers, list):
            self._show_forecast(answers)
            return
        self.set_status("")
        self._clear_answers()
        self.shown = answers
        holder = QWidget()
        layout = QVBoxLayout(holder)
        thumbnails = getattr(self, "_thumbnails", {}) if self.kind == "picture" else {}
        for answer in answers:
            row = QHBoxLayout()
            if self.kind == "picture":  # the picture, and its name under it
                column = QVBoxLayout()
                picture = QLabel(holder)
                source = thumbnails.get(answer.name)
                pixmap = source if isinstance(source, QPixmap) else QPixmap(source or "")
                if not pixmap.isNull():
                    picture.setPixmap(pixmap.scaled(THUMBNAIL, THUMBNAIL,
                                                    Qt.AspectRatioMode.KeepAspectRatio))
                column.addWidget(picture)
                name = QLabel(answer.name, holder)
                name.setMaximumWidth(2 * THUMBNAIL)
                column.addWidget(name)
                row.addLayout(column)
            box = AnswerBox(answer, holder)
            row.addWidget(box, 1)
            layout.addLayout(row)
        layout.addStretch(1)
        self.answers_area.setWidget(holder)

    def _clear_answers(self) -> None:
        self.shown = []
        old = self.answers_area.takeWidget()
        if old is not None:
            old.deleteLater()

    def answer_texts(self) -> list[list[str]]:
        """What each answer box shows, e.g. ["cats 73.2%", "dogs 26.8%"] (tests, reading)."""
        holder = self.answers_area.widget()
        if holder is None:
            return []
        return [box.texts for box in holder.findChildren(AnswerBox)]
