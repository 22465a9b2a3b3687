"""File menu: New, Open, Save, Save As, recent files, Import/Export, and the
unsaved-changes prompt. Reading and writing is done by core functions
(``playground.files.project``, ``keras_import``, ``export``); slow ones run on a worker thread."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from ui.message_box import plain_box, show_warning

from playground.errors import PlaygroundError
from playground.files.project import SUFFIX, Project, load_project, save_project
from ui.last_folder import remember, start_folder
from ui.background import BackgroundRunner
from ui.document import new_project
from ui.window_parts import WindowParts
from ui.canvas.picture import render_canvas


MAX_RECENT = 8
OPENABLE = (SUFFIX, ".keras")


class FileActions(QObject):
    """``busyChanged(bool)`` while an import/export runs on its worker thread."""

    busyChanged = Signal(bool)
    projectOpened = Signal(str)

    def __init__(self, window: WindowParts) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.settings = window.settings
        self._tasks: list[BackgroundRunner] = []  # one per running import/export
        # Replaceable in tests: they return a path or None (cancelled).
        self.ask_open_path: Callable[[str, str], str | None] = self._ask_open_path
        self.ask_save_path: Callable[[str, str, str], str | None] = self._ask_save_path

        menu = window.menuBar().addMenu(self.tr("&File"))
        self.menu = menu
        self.new = self._add(menu, self.tr("&New"), QKeySequence.StandardKey.New,
                             self.new_project)
        self.open = self._add(menu, self.tr("&Open…"), QKeySequence.StandardKey.Open,
                              self.open_dialog)
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        menu.addSeparator()
        self.save = self._add(menu, self.tr("&Save"), QKeySequence.StandardKey.Save, self.save_)
        self.save_as = self._add(menu, self.tr("Save &As…"), QKeySequence.StandardKey.SaveAs,
                                 self.save_as_dialog)
        menu.addSeparator()
        self.import_keras = self._add(menu, self.tr("&Import Keras Model (.keras)…"),
                                      QKeySequence("Ctrl+I"), self.import_dialog)
        export = menu.addMenu(self.tr("&Export"))
        self.export_keras = self._add(export, self.tr("Keras Model (.keras)…"),
                                      QKeySequence("Ctrl+E"), self.export_keras_dialog)
        self.export_python = self._add(export, self.tr("Python Script (.py)…"), None,
                                       self.export_python_dialog)
        export.addSeparator()
        from ui.export_actions import DeploymentExports

        self.deployment = DeploymentExports(
            window, export, self.document,  # type: ignore[arg-type]
            lambda *args: self.ask_save_path(*args), self._background, self._snapshot,
            self._stem)
        export.addSeparator()
        self.export_png = self._add(export, self.tr("Canvas as PNG Image…"), None,
                                    lambda: self.export_image_dialog("png"))
        self.export_svg = self._add(export, self.tr("Canvas as SVG Drawing…"), None,
                                    lambda: self.export_image_dialog("svg"))
        menu.addSeparator()
        self.quit = self._add(menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                              window.close)
        self._rebuild_recent()

        bar = window.addToolBar(self.tr("File"))
        bar.setObjectName("file_toolbar")
        for a in (self.new, self.open, self.save):
            bar.addAction(a)

    def _add(self, menu, text: str, shortcut, slot) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # ----------------------------------------------------------- dialogs
    def _start_dir(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return start_folder(self.settings)

    def _ask_open_path(self, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.window, title, self._start_dir(), filters)
        remember(path, self.settings)
        return path or None

    def _ask_save_path(self, title: str, filters: str, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title,
                                              str(Path(self._start_dir()) / suggested), filters)
        remember(path, self.settings)   # exports too: the next dialog starts there
        return path or None

    def _error(self, title: str, message: str) -> None:
        show_warning(self.window, title, message)

    def _stem(self) -> str:
        if self.document.path is not None:
            return self.document.path.stem
        return self.document.project.title or self.tr("model")

    # -------------------------------------------------- unsaved-changes prompt
    def unsaved_box(self) -> QMessageBox:
        box = plain_box(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("“%1” has changes that are not saved. Save them first?")
                          .replace("%1", self.document.display_name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("unsaved_changes_box")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return box

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded, unchanged)."""
        if not self.document.modified:
            return True
        answer = self.unsaved_box().exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save_()
        return answer == QMessageBox.StandardButton.Discard

    # -------------------------------------------------------------- project
    def new_project(self) -> None:
        if not self.maybe_save():
            return
        self.document.replace_project(new_project())
        self.window.view.fit_all()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = self.ask_open_path(self.tr("Open"), self.tr(
            "Projects and Keras models (*%1 *.keras);;Projects (*%1);;Keras models (*.keras)")
            .replace("%1", SUFFIX))
        if path:
            self.open_path(Path(path), ask=False)

    def open_path(self, path: Path | str, ask: bool = True) -> None:
        """Open a project (.kpg) or import a Keras model (.keras) — also for drops and argv."""
        path = Path(path)
        if not path.is_file():
            self._forget(path)
            self._error(self.tr("Cannot open file"), self.tr(
                "%1 does not exist (any more). Check the name, or whether it was moved.")
                .replace("%1", str(path)))
            return
        if ask and not self.maybe_save():
            return
        if path.suffix.lower() == ".keras":
            self.import_path(path, ask=False)
            return
        if path.suffix.lower() != SUFFIX:
            self._error(self.tr("Cannot open file"), self.tr(
                "%1 is not a Keras Playground project (%2) or a Keras model (.keras).")
                .replace("%1", path.name).replace("%2", SUFFIX))
            return
        def done(project: object) -> None:
            self.document.replace_project(project, path)  # type: ignore[arg-type]
            self._remember(path)
            self.window.view.fit_all()
            self.projectOpened.emit(str(path))

        # On a worker: a project with generic Keras layers needs Keras to read them.
        self._background(lambda: load_project(path), "open-project", done,
                         self.tr("Opening %1…").replace("%1", path.name),
                         self.tr("Cannot open project"))

    def save_(self) -> bool:
        if self.document.path is None:
            return self.save_as_dialog()
        return self.save_to(self.document.path)

    def save_as_dialog(self) -> bool:
        path = self.ask_save_path(self.tr("Save Project"),
                                  self.tr("Keras Playground projects (*%1)").replace("%1", SUFFIX),
                                  self._stem() + SUFFIX)
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != SUFFIX:
            path = path.with_suffix(path.suffix + SUFFIX) if path.suffix else \
                path.with_suffix(SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        try:
            save_project(self.document.project, path)
        except (PlaygroundError, OSError) as exc:
            self._error(self.tr("Cannot save"), self.tr("%1 could not be saved: %2")
                        .replace("%1", path.name).replace("%2", str(exc)))
            return False
        self.document.set_path(path)
        self.document.set_modified(False)
        self._remember(path)
        self.window.show_message(self.tr("Saved %1").replace("%1", str(path)))
        return True

    # ------------------------------------------------------------- recent
    def recent_files(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, path: Path) -> None:
        path = path.resolve()
        recent = [p for p in self.recent_files() if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("files/recent", recent[:MAX_RECENT])
        remember(path, self.settings)
        self._rebuild_recent()

    def _forget(self, path: Path) -> None:
        recent = self.recent_files()
        kept = [p for p in recent if p not in (str(path), str(path.resolve()))]
        if kept != recent:
            self.settings.setValue("files/recent", kept)
            self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for i, p in enumerate(recent):
            action = self.recent_menu.addAction(f"&{i + 1}  {Path(p).name}")
            action.setToolTip(p)
            action.setStatusTip(p)
            action.triggered.connect(lambda _c=False, p=p: self.open_path(Path(p)))
        if recent:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear List"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.settings.setValue("files/recent", [])
        self._rebuild_recent()

    # ---------------------------------------------------------------- drops
    def droppable_path(self, data: QMimeData) -> Path | None:
        if not data.hasUrls():
            return None
        for url in data.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.suffix.lower() in OPENABLE:
                    return path
        return None

    # --------------------------------------------------------- import/export
    def _background(self, fn: Callable, name: str, done: Callable, what: str,
                    error_title: str | None = None) -> BackgroundRunner:
        task = BackgroundRunner(name, self)  # its own: no import/export replaces another
        self._tasks.append(task)
        self.busyChanged.emit(True)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.window.show_message(what, 0)

        def finish() -> None:
            QApplication.restoreOverrideCursor()
            self._tasks.remove(task)
            task.shutdown()  # the job has returned: this joins its thread
            task.deleteLater()
            self.busyChanged.emit(bool(self._tasks))
            self.window.statusBar().clearMessage()

        def ok(result: object) -> None:
            finish()
            done(result)

        def fail(message: str) -> None:
            finish()
            self._error(error_title or self.tr("Something went wrong"), message)

        task.done.connect(ok)
        task.failed.connect(fail)
        task.request(fn)
        return task

    def is_busy(self) -> bool:
        return bool(self._tasks)

    def wait(self) -> None:
        for task in list(self._tasks):
            task.wait()

    def import_dialog(self) -> None:
        if not self.maybe_save():
            return
        path = self.ask_open_path(self.tr("Import Keras Model"),
                                  self.tr("Keras models (*.keras)"))
        if path:
            self.import_path(Path(path), ask=False)

    def import_path(self, path: Path, ask: bool = True) -> None:
        """Import a .keras file as a new, laid-out, unsaved project (weights kept)."""
        if ask and not self.maybe_save():
            return
        from playground.files.imported_project import import_project

        def done(result: object) -> None:
            project, problems = result  # type: ignore[misc]
            graph = project.graph
            self.document.replace_project(project)
            self.document.set_modified(True)  # not saved as a project yet
            self._remember(path)  # File > Open Recent reopens (imports) it again
            self.window.view.fit_all()
            self.window.show_message(self.tr("Imported %1 (%2 layers)")
                                     .replace("%1", path.name).replace("%2", str(len(graph))))
            if problems:
                self._error(self.tr("Imported with suspicious weights"),
                            self.tr("%1 was imported, but:").replace("%1", path.name)
                            + "\n\n" + "\n\n".join(problems))
            self.projectOpened.emit(str(path))

        self._background(lambda: import_project(path), "import-keras", done,
                         self.tr("Importing %1…").replace("%1", path.name))

    def _snapshot(self) -> Project:
        """A copy of the project for a worker thread, so edits meanwhile cannot race it."""
        project = self.document.project
        return dataclasses.replace(project, graph=project.graph.copy())

    def export_keras_dialog(self) -> None:
        path = self.ask_save_path(self.tr("Export Keras Model"), self.tr("Keras models (*.keras)"),
                                  self._stem() + ".keras")
        if path:
            self.export_keras_to(Path(path))

    def export_keras_to(self, path: Path) -> None:
        from playground.export.keras_file import export_keras

        if path.suffix.lower() != ".keras":
            path = path.with_suffix(".keras")
        snapshot = self._snapshot()
        with_weights = bool(snapshot.weights)
        def done(stale: object) -> None:
            text = (self.tr("Exported %1 with its trained weights") if with_weights
                    else self.tr("Exported %1 (untrained)")).replace("%1", str(path))
            if stale:
                text += self.tr(" — %1 changed since training and start from fresh "
                                "weights").replace("%1", ", ".join(stale))  # type: ignore[arg-type]
            self.window.show_message(text)

        self._background(lambda: export_keras(snapshot, path), "export-keras", done,
                         self.tr("Exporting %1…").replace("%1", path.name))

    def export_python_dialog(self) -> None:
        path = self.ask_save_path(self.tr("Export Python Script"),
                                  self.tr("Python scripts (*.py)"), self._stem() + ".py")
        if path:
            self.export_python_to(Path(path))

    def export_python_to(self, path: Path) -> None:
        from playground.export.keras_file import export_python

        if path.suffix.lower() != ".py":
            path = path.with_suffix(".py")
        snapshot = self._snapshot()
        self._background(lambda: export_python(snapshot, path), "export-python",
                         lambda _r: self.window.show_message(
                             self.tr("Exported %1").replace("%1", str(path))),
                         self.tr("Exporting %1…").replace("%1", path.name))

    def export_image_dialog(self, kind: str) -> None:
        filters = self.tr("PNG images (*.png)") if kind == "png" else \
            self.tr("SVG drawings (*.svg)")
        path = self.ask_save_path(self.tr("Export Canvas"), filters, f"{self._stem()}.{kind}")
        if path:
            self.export_image_to(Path(path))

    def export_image_to(self, path: Path) -> bool:
        """Draw the whole graph (not just the visible part) to a PNG or SVG file."""
        ok = render_canvas(self.window.scene, path, self.document.display_name())
        if not ok:
            self._error(self.tr("Cannot export"), self.tr("%1 could not be written. Check that "
                                                          "the folder exists and is writable.")
                        .replace("%1", str(path)))
            return False
        self.window.show_message(self.tr("Exported %1").replace("%1", str(path)))
        return True
