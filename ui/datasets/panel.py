"""The Dataset panel: choose a dataset, edit its settings, see a preview and any problems.

The choice lives in the project (``project.dataset = {"name": ..., "params": {...}}``);
the panel writes it there through the session. Loading runs off the UI thread (MNIST and
large tables take a moment) and a newer request always wins over an older one; the loaded
dataset is handed to the session (``Session.offer_dataset``), whose ``dataset_loaded``
event (``Document.datasetLoaded``) other views follow. A choice changed elsewhere (painted
points, undo) arrives as ``Document.datasetChoiceChanged`` and is shown and loaded.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QPushButton, QVBoxLayout, QWidget)

from playground.datasets.preview import make_preview
from playground.datasets import all_infos, dataset_info
from playground.datasets.mnist import set_app_data_dir
from playground.errors import DatasetError
from ui.background import BackgroundRunner
from ui.datasets.param_form import DatasetParamForm
from ui.datasets.preview import DatasetPreview
from playground.session import Session
from ui.document import Document

DATA_DIR_KEY = "datasets/data_dir"   # QSettings key of the app's data folder
LOAD_DELAY_MS = 250   # wait for a burst of edits (spin box arrows) to settle
PREVIEW_ITEMS = 400


def _load_with_preview(session: Session, choice: dict[str, Any]
                       ) -> tuple[dict[str, Any], Any, dict[str, Any]]:
    """Runs on the worker thread: the dataset (the session's, loaded once for every view
    and the training run) and its preview arrays."""
    dataset = session.load_dataset(choice)
    return choice, dataset, make_preview(dataset, PREVIEW_ITEMS)


class DatasetPanel(QWidget):
    datasetLoaded = Signal(object)      # playground.datasets.Dataset
    choiceChanged = Signal(dict)        # the project's new dataset choice
    loadFailed = Signal(str)

    def __init__(self, document: Document, settings: QSettings | None = None,
                 closing: SignalInstance | None = None, parent: QWidget | None = None) -> None:
        """``settings`` remembers the data folder; ``closing`` (the window's) stops loads."""
        super().__init__(parent)
        self.document = document
        self.settings = settings
        # Loads run off the UI thread; a new choice made meanwhile wins over the running one.
        self._loader = BackgroundRunner("dataset-load", self)
        self._loader.done.connect(self._loaded)
        self._loader.failed.connect(self._failed)
        self._updating = False
        self._shown: dict[str, Any] = {}
        self._shown_data: int | None = None   # id() of the dataset whose preview is shown

        self.chooser = QComboBox(self)
        self.chooser.setObjectName("dataset_chooser")
        family = None
        for info in all_infos():
            if family is not None and info.family != family:
                self.chooser.insertSeparator(self.chooser.count())
            family = info.family
            self.chooser.addItem(info.title, info.name)
            self.chooser.setItemData(self.chooser.count() - 1, info.description,
                                     Qt.ItemDataRole.ToolTipRole)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.import_csv = QPushButton(self.tr("Import CSV…"), self)
        self.import_csv.setToolTip(self.tr("Choose a table file, its feature columns and "
                                           "the column to predict."))
        self.import_images = QPushButton(self.tr("Choose picture folder…"), self)
        self.import_images.setToolTip(self.tr("Choose a folder with one sub-folder of "
                                              "pictures per class."))
        self.data_folder = QPushButton(self.tr("Choose data folder…"), self)
        self.data_folder.setToolTip(self.tr("The folder holding mnist.npz, for computers "
                                            "without internet. Remembered for next time."))
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_csv)
        import_row.addWidget(self.import_images)
        import_row.addWidget(self.data_folder)
        import_row.addStretch(1)
        self.form = DatasetParamForm(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("dataset_summary")
        self.problems = QListWidget(self)
        self.problems.setObjectName("dataset_problems")
        self.problems.setMaximumHeight(110)
        self.problems.setToolTip(self.tr("Things noticed while loading: they were handled "
                                         "as described, nothing was dropped silently."))
        self.preview = DatasetPreview(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.description)
        layout.addLayout(import_row)
        layout.addWidget(self.source)
        layout.addWidget(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.preview, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOAD_DELAY_MS)
        self._timer.timeout.connect(self._start_load)
        self.chooser.currentIndexChanged.connect(self._on_dataset_chosen)
        self.form.paramChanged.connect(self._on_param_edited)
        # Other views change the choice too (painted points, with undo): follow them.
        document.datasetChoiceChanged.connect(self._follow_project)
        self.import_csv.clicked.connect(self.open_csv_dialog)
        self.import_images.clicked.connect(self.open_image_dialog)
        self.data_folder.clicked.connect(self.choose_data_folder)
        # Replaceable in tests: returns a folder or "" (cancelled).
        self.ask_folder = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder that holds mnist.npz"))
        document.projectReplaced.connect(self.show_project_choice)
        document.lockedChanged.connect(self._on_locked)
        self._closed = False
        if closing is not None:
            closing.connect(self.shutdown)
        self.show_project_choice()

    # ------------------------------------------------------------------ public
    @property
    def dataset(self) -> Any:
        """The session's dataset for the current choice once this panel shows it (None
        while it loads, or when loading failed)."""
        dataset = self.document.session.loaded_dataset()
        return dataset if dataset is not None and id(dataset) == self._shown_data else None

    def choice(self) -> dict[str, Any]:
        return dict(self.document.project.dataset or {})

    def set_choice(self, name: str, params: dict[str, Any] | None = None) -> bool:
        """Choose a dataset with settings (validated); returns False if refused."""
        try:
            full = dataset_info(name).validate_params(params)
        except DatasetError as exc:
            self._show_error(str(exc))
            return False
        self.document.session.set_dataset_choice(name, full)
        self.choiceChanged.emit(self.choice())
        self._show_choice(name, full)
        self.request_load()
        return True

    def update_params(self, changes: dict[str, Any]) -> bool:
        """Change some settings of the current dataset (e.g. ``extra_points``)."""
        current = self.choice()
        return self.set_choice(current["name"], {**current.get("params", {}), **changes})

    def request_load(self) -> None:
        self._loader.cancel()  # the running load is of an older choice now
        self._timer.start()

    def is_loading(self) -> bool:
        return self._timer.isActive() or self._loader.busy

    def wait(self) -> None:
        """Block until a running load ends (tests)."""
        self._loader.wait()

    def shutdown(self) -> None:
        """The window is closing: start no more loads and wait for the running one, so no
        loader thread outlives the panel."""
        self._closed = True
        self._timer.stop()
        self._loader.shutdown()

    # ------------------------------------------------------------ project sync
    def show_project_choice(self) -> None:
        choice = self.choice()
        name = choice.get("name", "")
        try:
            params = dataset_info(name).validate_params(choice.get("params") or {})
        except DatasetError as exc:
            self._show_error(str(exc))
            return
        self._show_choice(name, params)
        self.request_load()

    def _show_choice(self, name: str, params: dict[str, Any]) -> None:
        info = dataset_info(name)
        self._shown = {"name": name, "params": dict(params)}
        self._updating = True
        try:
            index = self.chooser.findData(name)
            self.chooser.setCurrentIndex(index)
            self.description.setText(info.description)
            self.form.set_info(info, params)
            self.import_csv.setVisible(name == "csv")
            self.import_images.setVisible(name == "image_folder")
            self.data_folder.setVisible(name == "mnist")
            self.source.setVisible(name in ("csv", "image_folder"))
            self.source.setText(self._source_text(name, params))
        finally:
            self._updating = False

    def _source_text(self, name: str, params: dict[str, Any]) -> str:
        if name == "csv":
            if not params["path"]:
                return self.tr("No table chosen yet: press Import CSV…")
            features = ", ".join(params["features"]) or self.tr("all other columns")
            target = params["target"] or self.tr("the last column")
            return self.tr("File %1 — predicts %2 from %3").replace(
                "%1", params["path"]).replace("%2", target).replace("%3", features)
        if name == "image_folder":
            return params["path"] or self.tr("No folder chosen yet: press Choose picture "
                                             "folder…")
        return ""

    def _on_dataset_chosen(self, index: int) -> None:
        if self._updating or index < 0:
            return
        name = self.chooser.itemData(index)
        if name and name != self.choice().get("name"):
            self.set_choice(name, None)
            if name == "csv" and not self.choice()["params"]["path"]:
                QTimer.singleShot(0, self.open_csv_dialog)
            elif name == "image_folder" and not self.choice()["params"]["path"]:
                QTimer.singleShot(0, self.open_image_dialog)

    def _on_param_edited(self, name: str, value: Any) -> None:
        if not self._updating:
            self.update_params({name: value})

    def _follow_project(self) -> None:
        choice = self.choice()
        try:
            params = dataset_info(choice.get("name", "")).validate_params(
                choice.get("params") or {})
        except DatasetError:
            params = None
        if {"name": choice.get("name"), "params": params} != self._shown:
            self.show_project_choice()

    def _on_locked(self, locked: bool) -> None:
        for w in (self.chooser, self.form, self.import_csv, self.import_images,
                  self.data_folder):
            w.setEnabled(not locked)
        if locked:
            self.chooser.setToolTip(self.tr("The dataset cannot change while training."))
        else:
            self.chooser.setToolTip("")

    # ---------------------------------------------------------------- dialogs
    def open_csv_dialog(self) -> None:
        from ui.datasets.csv_dialog import CsvImportDialog

        self._open_dialog("csv", CsvImportDialog)

    def open_image_dialog(self) -> None:
        from ui.datasets.image_dialog import ImageFolderDialog

        self._open_dialog("image_folder", ImageFolderDialog)

    def _open_dialog(self, name: str, dialog_class: Any) -> None:
        """The import dialog of dataset ``name``, filled with its current settings."""
        current = self.choice()
        params = current.get("params", {}) if current.get("name") == name else {}
        dialog = dialog_class(params, self)
        if dialog.exec():
            self.set_choice(name, dialog.params())

    def choose_data_folder(self) -> None:
        """Remember the folder holding mnist.npz in the app's settings and reload."""
        folder = self.ask_folder()
        if not folder:
            return
        set_app_data_dir(folder)
        if self.settings is not None:
            self.settings.setValue(DATA_DIR_KEY, folder)
        self.request_load()

    # ---------------------------------------------------------------- loading
    def _start_load(self) -> None:
        if self._closed:
            return
        choice = self.choice()
        self.summary.setText(self.tr("Loading…"))
        session = self.document.session
        self._loader.request(lambda: _load_with_preview(session, choice))

    def _loaded(self, result: tuple[Any, Any, dict[str, Any]]) -> None:
        choice, dataset, preview = result
        self._shown_data = id(dataset)
        self.document.session.offer_dataset(choice, dataset)
        self.summary.setText(dataset.summary())
        self.summary.setStyleSheet("")
        self._show_problems(dataset.problems)
        self.preview.show_preview(preview)
        self.datasetLoaded.emit(dataset)

    def _failed(self, message: str) -> None:
        self._shown_data = None
        self._show_error(message)
        self.loadFailed.emit(message)

    def _show_error(self, message: str) -> None:
        lines = message.splitlines()
        self.summary.setText(lines[0])
        self.summary.setStyleSheet("color: #c62828")
        self._show_problems([ln.strip(" -") for ln in lines[1:] if ln.strip()])
        self.preview.show_message(message)

    def _show_problems(self, problems: list[str]) -> None:
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))
