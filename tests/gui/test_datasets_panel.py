"""The dataset panel, the CSV and picture-folder dialogs (offscreen, pytest-qt)."""
from __future__ import annotations

from playground.datasets.mnist import ENV_VAR as MNIST_ENV_VAR
import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from playground.files.project import Project
from ui.datasets.csv_dialog import CsvImportDialog
from ui.datasets.image_dialog import ImageFolderDialog
from ui.datasets.panel import DatasetPanel
from ui.document import Document

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot):
    document = Document(Project(dataset={"name": "xor", "params": {"samples": 80}}))
    widget = DatasetPanel(document)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.datasetLoaded, timeout=10_000):
        pass
    yield widget
    widget.wait()


def test_panel_shows_the_project_dataset_with_a_point_preview(panel):
    assert panel.chooser.currentData() == "xor"
    assert panel.dataset.name == "xor" and len(panel.dataset.x_train) == 40
    assert panel.preview.kind == "points"
    assert "40 training" in panel.summary.text()
    assert not panel.document.modified


def test_choosing_and_editing_writes_the_project(panel, qtbot):
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as blocker:
        panel.chooser.setCurrentIndex(panel.chooser.findData("spiral"))
    assert blocker.args[0].name == "spiral"
    assert panel.document.project.dataset["name"] == "spiral"
    assert panel.document.modified
    samples = panel.form.editor("samples")
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as blocker:
        samples.setValue(120)
    assert panel.document.project.dataset["params"]["samples"] == 120
    assert len(blocker.args[0].x_train) + len(blocker.args[0].x_test) == 120


def test_sine_and_celsius_previews_are_series(panel, qtbot):
    for name in ("sine", "celsius"):
        with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000):
            panel.set_choice(name)
        assert panel.preview.kind == "series"


def test_scaling_choice_explains_why(panel, qtbot):
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000):
        panel.set_choice("celsius")
    combo = panel.form.editor("scaling")
    combo.setCurrentIndex(combo.findData("standardize"))
    assert "mean 0" in panel.form.scaling_why.text()
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=10_000)
    assert abs(float(panel.dataset.x_train.mean())) < 1e-4


def test_painted_points_through_update_params(panel, qtbot):
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as blocker:
        panel.update_params({"extra_points": [[0.5, 0.5, 1], [0.2, -0.4, 0]]})
    assert len(blocker.args[0].x_train) == 42
    button = panel.form.editor("extra_points")
    assert "2" in button.text()
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as blocker:
        button.click()
    assert len(blocker.args[0].x_train) == 40


def test_mnist_without_the_file_says_where_to_put_it(panel, qtbot, tmp_path):
    with qtbot.waitSignal(panel.loadFailed, timeout=10_000) as blocker:
        panel.set_choice("mnist", {"data_dir": str(tmp_path)})
    assert MNIST_ENV_VAR in blocker.args[0]
    assert panel.preview.kind == "message" and "mnist.npz" in panel.preview.message.text()
    assert panel.dataset is None


def test_mnist_images_preview(panel, qtbot, mnist_dir):
    with qtbot.waitSignal(panel.datasetLoaded, timeout=20_000):
        panel.set_choice("mnist", {"data_dir": str(mnist_dir), "subset": 100,
                                   "test_subset": 20})
    assert panel.preview.kind == "images"
    assert panel.preview.image_item.image.shape[0] > 28


def test_bad_setting_is_refused_and_shown(panel):
    assert not panel.set_choice("xor", {"samples": 1})
    assert "whole number" in panel.summary.text()
    assert panel.document.project.dataset["params"]["samples"] == 80


def test_locked_document_disables_the_choice(panel):
    panel.document.set_locked(True, "training")
    assert not panel.chooser.isEnabled() and not panel.form.isEnabled()
    panel.document.set_locked(False)
    assert panel.chooser.isEnabled()


def test_project_replaced_shows_the_new_choice(panel, qtbot):
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as blocker:
        panel.document.replace_project(Project(dataset={"name": "circle", "params": {}}))
    assert blocker.args[0].name == "circle" and panel.chooser.currentData() == "circle"


# ------------------------------------------------------------------- CSV dialog
CSV = ("age,city,income,label\n30,Paris,1000,yes\n,Rome,2000,no\n25,Paris,abc,yes\n"
       "40,Oslo,1500,no\n33,Rome,1200,no\n35,Oslo,1300,yes\n")


def test_csv_dialog_lists_problems_and_picks_columns(qtbot, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(CSV)
    dialog = CsvImportDialog({})
    qtbot.addWidget(dialog)
    dialog.ask_path = lambda: str(path)
    dialog.browse()
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10_000)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == ["Row 3, column 'age': missing value.",
                        "Row 4, column 'income': text in a numeric column (expected a "
                        "number, found 'abc')."]
    assert not ok.isEnabled()
    assert dialog.target.currentData() == "label"
    assert "classification into 2 classes" in dialog.detected.text()
    # untick the two columns with problems: nothing left to report
    for i in range(dialog.features.count()):
        item = dialog.features.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("age", "income"):
            item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.problems.count() == 0 and ok.isEnabled()
    params = dialog.params()
    assert params["features"] == ["city"] and params["target"] == "label"
    assert params["path"] == str(path)
    dialog.reject()


def test_csv_dialog_skip_rows_and_task_change(qtbot, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(CSV)
    dialog = CsvImportDialog({"path": str(path)})
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10_000)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.on_problem.setCurrentIndex(dialog.on_problem.findData("skip rows"))
    assert ok.isEnabled() and "4 of 6 rows" in dialog.status.text()
    dialog.target.setCurrentIndex(dialog.target.findData("income"))
    dialog.task.setCurrentIndex(dialog.task.findData("regression"))
    assert "regression" in dialog.detected.text()
    assert dialog.params()["task"] == "regression"
    assert "income" not in dialog.params()["features"]  # the target is unticked as input
    dialog.reject()


def test_csv_dialog_reports_an_unreadable_file(qtbot, tmp_path):
    dialog = CsvImportDialog({})
    qtbot.addWidget(dialog)
    dialog.load_path(str(tmp_path / "missing.csv"))
    qtbot.waitUntil(lambda: "cannot be opened" in dialog.status.text(), timeout=10_000)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_panel_loads_the_csv_chosen_in_the_dialog(panel, qtbot, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(CSV)
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as blocker:
        panel.set_choice("csv", {"path": str(path), "on_problem": "skip rows",
                                 "test_fraction": 0.25})
    ds = blocker.args[0]
    assert ds.class_names == ["no", "yes"] and len(ds.problems) == 2
    assert panel.problems.count() == 2 and "row 3" in panel.problems.item(0).text().lower()
    assert "people.csv" in panel.source.text()


# ----------------------------------------------------------- picture folder dialog
def test_image_folder_dialog_counts_classes(qtbot, tmp_path):
    for name in ("cats", "dogs"):
        (tmp_path / "pets" / name).mkdir(parents=True)
        for i in range(3):
            Image.new("L", (10, 10), 40 * i).save(tmp_path / "pets" / name / f"{i}.png")
    dialog = ImageFolderDialog({})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.ask_folder = lambda: str(tmp_path / "pets")
    dialog.browse()
    assert dialog.classes.count() == 2 and "cats — 3 file(s)" in dialog.classes.item(0).text()
    assert ok.isEnabled()
    dialog.size.setValue(12)
    assert dialog.params()["size"] == 12 and dialog.params()["path"].endswith("pets")
    dialog.set_folder(str(tmp_path / "pets" / "cats"))  # no class sub-folders
    assert not ok.isEnabled()
    dialog.reject()


def test_data_folder_button_remembers_the_folder(qtbot, tmp_path, mnist_dir, monkeypatch):
    from PySide6.QtCore import QSettings

    from playground.datasets import mnist

    monkeypatch.delenv(MNIST_ENV_VAR, raising=False)
    monkeypatch.setattr(mnist, "_app_data_dir", "")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)

    document = Document(Project(dataset={"name": "mnist", "params": {
        "data_dir": "", "subset": 50, "test_subset": 10}}))
    # keep the first (download) attempt from running: a missing folder fails fast
    mnist.set_app_data_dir(str(tmp_path / "nowhere"))
    widget = DatasetPanel(document, settings)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loadFailed, timeout=10_000):
        pass
    assert widget.data_folder.isVisibleTo(widget)
    widget.ask_folder = lambda: str(mnist_dir)
    with qtbot.waitSignal(widget.datasetLoaded, timeout=20_000):
        widget.data_folder.click()
    assert settings.value("datasets/data_dir") == str(mnist_dir)
    assert mnist.data_file() == mnist_dir / "mnist.npz"
    widget.wait()


def test_points_painted_elsewhere_are_followed_and_kept(panel, qtbot):
    from PySide6.QtGui import QUndoCommand

    document = panel.document
    points = [[0.3, 0.3, 1]]

    class Paint(QUndoCommand):  # what another panel does: change the choice with undo
        def redo(self):
            params = {**document.project.dataset["params"], "extra_points": points}
            document.session.set_dataset_choice("xor", params)

        def undo(self):
            params = {**document.project.dataset["params"], "extra_points": []}
            document.session.set_dataset_choice("xor", params)

    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as blocker:
        document.undo_stack.push(Paint())
    assert len(blocker.args[0].x_train) == 41
    assert "1" in panel.form.editor("extra_points").text()
    # editing another setting keeps the painted point
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000):
        panel.form.editor("noise").setValue(0.1)
    assert document.project.dataset["params"]["extra_points"] == points
    assert document.project.dataset["params"]["noise"] == 0.1
    with qtbot.waitSignal(panel.datasetLoaded, timeout=10_000) as blocker:
        document.undo_stack.undo()
    assert len(blocker.args[0].x_train) == 40


def test_a_100k_row_table_loads_on_a_worker_and_arrives_whole(qtbot, tmp_path):
    """load_path hands the reading to a worker: it returns before the table is there,
    the table then arrives whole. (That the window never stalls while it reads is a timing
    claim: benchmarks/bench_timing_claims.py csv_dialog_responsive.)"""
    import numpy as np

    rng = np.random.default_rng(0)
    values = rng.normal(size=(100_000, 4))
    labels = (values[:, 0] > 0).astype(int)
    path = tmp_path / "big.csv"
    np.savetxt(path, np.c_[values, labels], delimiter=",", fmt=["%.4f"] * 4 + ["%d"],
               header="a,b,c,d,label", comments="")
    dialog = CsvImportDialog({})
    qtbot.addWidget(dialog)
    dialog.load_path(str(path))
    assert dialog.table is None               # returned at once: the worker is reading
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=30_000)
    assert dialog.table.n_rows == 100_000 and "100000 rows" in dialog.status.text()
    dialog.reject()


def test_every_dataset_after_every_other_keeps_the_form_alive(panel, qtbot):
    """Issue 23: CSV, then Circle, then picture folder raised "QLabel already deleted"
    (the scaling note was owned by the discarded form) and hid the folder button."""
    for name in ("csv", "circle", "image_folder", "celsius", "csv"):
        panel.set_choice(name)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    panel.set_choice("image_folder")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not panel.import_images.isHidden()
    assert panel.form.editor("scaling").currentData() == \
        panel.document.project.dataset["params"]["scaling"]
    assert not panel.form.scaling_why.isHidden()
    assert panel.form.scaling_why.text()
    panel.set_choice("circle")
    assert panel.form.scaling_why.isHidden()


def test_picture_folder_path_can_be_typed(qtbot, tmp_path):
    """Issue 23: the path field was read-only. A typed path that is not a folder is said
    plainly and the dialog stays; a right one + Enter is looked up and taken."""
    from PIL import Image
    from PySide6.QtCore import Qt

    for name in ("cats", "dogs"):
        (tmp_path / "pets" / name).mkdir(parents=True)
        for i in range(2):
            Image.new("L", (8, 8), 60 * i).save(tmp_path / "pets" / name / f"{i}.png")
    dialog = ImageFolderDialog({})
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "nowhere"))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and not ok.isEnabled()
    assert "nowhere" in dialog.status.text() and "not a folder" in dialog.status.text()
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "pets"))
    with qtbot.waitSignal(dialog.accepted):   # looked up, right: Enter is OK
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert [dialog.classes.item(i).text() for i in range(2)] == \
        ["cats — 2 file(s)", "dogs — 2 file(s)"]
    assert dialog.params()["path"] == str(tmp_path / "pets")
