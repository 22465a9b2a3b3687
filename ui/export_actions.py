"""File ▸ Export entries for other runtimes: LiteRT (float, 8-bit, 16-bit weights),
TensorFlow SavedModel and ONNX. The core writes and checks each file
(``playground.export.tflite``, ``saved_model``, ``onnx_file``) on a worker thread; the
result, with the largest difference from the Keras model, is shown in a message."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget
from ui.message_box import plain_box

from playground.errors import PlaygroundError
from playground.export.deploy import ExportReport
from playground.files.project import Project
from ui.document import Document

AskPath = Callable[[str, str, str], "str | None"]
RunInBackground = Callable[..., Any]


class DeploymentExports(QObject):
    """Adds its entries to ``menu``; ``ask_path(title, filters, suggested)`` asks where to
    write, ``run(fn, name, done, what)`` runs ``fn`` on a worker and ``done(result)`` on
    the UI thread, ``snapshot()`` copies the project for the worker, ``stem()`` suggests a
    file name."""

    def __init__(self, parent: QWidget, menu: QMenu, document: Document, ask_path: AskPath,
                 run: RunInBackground, snapshot: Callable[[], Project],
                 stem: Callable[[], str]) -> None:
        super().__init__(parent)
        self._parent = parent
        self.document = document
        self._ask_path = ask_path
        self._run = run
        self._snapshot = snapshot
        self._stem = stem
        self.last_box: QMessageBox | None = None
        self.tflite = menu.addAction(self.tr("LiteRT / TensorFlow Lite (.tflite)…"))
        self.tflite.triggered.connect(lambda: self.tflite_dialog(None))
        self.tflite_int8 = menu.addAction(self.tr("LiteRT, 8-bit Weights (.tflite)…"))
        self.tflite_int8.triggered.connect(lambda: self.tflite_dialog("dynamic"))
        self.tflite_float16 = menu.addAction(self.tr("LiteRT, 16-bit Float Weights (.tflite)…"))
        self.tflite_float16.triggered.connect(lambda: self.tflite_dialog("float16"))
        self.saved_model = menu.addAction(self.tr("TensorFlow SavedModel (folder)…"))
        self.saved_model.triggered.connect(self.saved_model_dialog)
        self.onnx = menu.addAction(self.tr("ONNX (.onnx)…"))
        self.onnx.triggered.connect(self.onnx_dialog)
        for action in (self.tflite, self.tflite_int8, self.tflite_float16, self.saved_model,
                       self.onnx):
            action.setStatusTip(self.tr("Write the model for another runtime, then load it "
                                        "there and compare its outputs with Keras's."))

    # ------------------------------------------------------------- dialogs
    def tflite_dialog(self, quantize: str | None) -> None:
        suffix = {"dynamic": "-int8", "float16": "-float16"}.get(quantize or "", "")
        path = self._ask_path(self.tr("Export LiteRT Model"), self.tr("LiteRT models (*.tflite)"),
                              f"{self._stem()}{suffix}.tflite")
        if path:
            self.export_tflite_to(Path(path), quantize)

    def saved_model_dialog(self) -> None:
        path = self._ask_path(self.tr("Export TensorFlow SavedModel (a folder)"),
                              self.tr("SavedModel folders (*)"),
                              f"{self._stem()}_savedmodel")
        if path:
            self.export_saved_model_to(Path(path))

    def onnx_dialog(self) -> None:
        path = self._ask_path(self.tr("Export ONNX Model"), self.tr("ONNX models (*.onnx)"),
                              f"{self._stem()}.onnx")
        if path:
            self.export_onnx_to(Path(path))

    # ------------------------------------------------------------- exports
    def export_tflite_to(self, path: Path, quantize: str | None = None) -> None:
        from playground.export.tflite import export_tflite

        path = path if path.suffix.lower() == ".tflite" else path.with_suffix(".tflite")
        self._start(path, "export-tflite",
                    lambda project, data: export_tflite(project, path, quantize, data))

    def export_saved_model_to(self, path: Path) -> None:
        from playground.export.saved_model import export_saved_model

        self._start(path, "export-saved-model",
                    lambda project, data: export_saved_model(project, path, data))

    def export_onnx_to(self, path: Path) -> None:
        from playground.export.onnx_file import export_onnx

        path = path if path.suffix.lower() == ".onnx" else path.with_suffix(".onnx")
        self._start(path, "export-onnx", lambda project, data: export_onnx(project, path, data))

    def _start(self, path: Path, name: str,
               export: Callable[[Project, Any], ExportReport]) -> None:
        snapshot = self._snapshot()
        session = self.document.session
        choice = dict(snapshot.dataset or {})

        def work() -> ExportReport:
            try:  # the session's shared dataset: loaded once, also for the check
                dataset = session.load_dataset(choice) if choice.get("name") else None
            except (PlaygroundError, OSError):
                dataset = None  # the export loads it again and says why it could not
            return export(snapshot, dataset)

        self._run(work, name, self.show_report,
                  self.tr("Exporting and checking %1…").replace("%1", path.name),
                  self.tr("Cannot export"))

    def show_report(self, report: ExportReport) -> None:
        """A message (not modal: the app stays usable) with what was written and checked."""
        verdict = (self.tr("It matches the Keras model.") if report.matches else
                   self.tr("It does NOT match the Keras model closely enough: check it "
                           "before using it."))
        text = (self.tr("Wrote %1 (%2 KB).").replace("%1", str(report.path))
                .replace("%2", f"{report.size_bytes / 1024:.1f}") + "\n\n"
                + self.tr("Checked with %1 on %2 %3: the largest difference from the Keras "
                          "model's outputs is %4 (allowed: %5).")
                .replace("%1", report.runtime).replace("%2", str(report.samples))
                .replace("%3", report.sample_source)
                .replace("%4", f"{report.max_difference:.3g}")
                .replace("%5", f"{report.tolerance:.3g}") + " " + verdict)
        if report.labels_path is not None:
            text += "\n\n" + self.tr("Class names, one per line: %1").replace(
                "%1", report.labels_path.name)
        if report.notes:
            text += "\n\n" + " ".join(report.notes)
        icon = QMessageBox.Icon.Information if report.matches else QMessageBox.Icon.Warning
        box = plain_box(icon, self.tr("%1 export").replace("%1", report.format), text,
                        QMessageBox.StandardButton.Ok, self._parent)
        box.setObjectName("export_report_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_box = box
        box.destroyed.connect(lambda *_: self._forget(box))
        box.setModal(False)
        box.show()

    def _forget(self, box: QMessageBox) -> None:
        if self.last_box is box:
            self.last_box = None
