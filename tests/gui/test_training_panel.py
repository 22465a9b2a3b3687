"""The Training panel in a real document: train, curves, history, lock, reset, export."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QObject, Signal

from playground.training.settings import TrainingSettings
from tests.training.helpers import xor_project
from ui.document import Document
from ui.training.panel import TrainingPanel

pytestmark = pytest.mark.gui


class FakeWindow(QObject):
    closing = Signal()
    tfLoaded = Signal()

    def __init__(self):
        super().__init__()
        self.device_texts: list[str] = []
        self.messages: list[str] = []

    def set_status_device(self, text):
        self.device_texts.append(text)

    def show_message(self, text, timeout_ms=0):
        self.messages.append(text)


@pytest.fixture
def panel(qtbot):
    window = FakeWindow()
    document = Document(xor_project(epochs=3))
    widget = TrainingPanel(document, window, window.tfLoaded, window.closing)
    qtbot.addWidget(widget)
    yield widget
    window.closing.emit()
    assert not widget.controller.is_running()


def test_form_round_trips_settings_and_marks_the_document_modified(panel):
    settings = TrainingSettings(optimizer="sgd", learning_rate=0.05, epochs=7, batch_size=16,
                                validation_split=0.1, early_stopping=True, patience=3,
                                seed=4, tensorboard=True)
    panel.form.set_settings(settings)
    assert panel.form.settings() == settings
    assert panel.form.tensorboard.isChecked()
    panel.form.epochs.setValue(9)
    assert panel.document.project.training["epochs"] == 9
    assert panel.document.modified


def test_train_fills_curves_history_weights_and_locks_while_running(panel, qtbot, tmp_path):
    locks = []
    panel.document.lockedChanged.connect(locks.append)
    with qtbot.waitSignal(panel.controller.finished, timeout=60000):
        panel.train_button.click()
        assert not panel.train_button.isEnabled() and panel.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.controller.is_running(), timeout=10000)
    assert locks == [True, False]
    project = panel.document.project
    assert len(project.history) == 1 and project.history[0]["epochs_done"] == 3
    assert project.weights and panel.train_button.isEnabled()
    series = panel.curves.series()
    assert len(series["loss"]) == 3 and len(series["val_accuracy"]) == 3
    assert len(series["batch_loss"]) == 3 * 8  # 80 examples at batch 10
    assert "Epoch 3 of 3" in panel.counters.text()
    from playground.training.device import list_gpus, plan_device

    # the device actually used: "CPU ..." here, "GPU 0: ..." on a machine with one
    assert panel.status_line.device_texts[-1] == plan_device("auto", list_gpus()).description
    assert "validation loss" in panel.curves.readout_at("loss", 2.0)
    panel.curves.export_csv(tmp_path / "c.csv")
    rows = list(csv.reader(open(tmp_path / "c.csv")))
    assert rows[0] == ["series", "epoch", "value"] and len(rows) > 30
    panel.curves.export_png(tmp_path / "c.png")
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"
    # A second run shows the first as a faded overlay and extends the history.
    with qtbot.waitSignal(panel.controller.finished, timeout=60000):
        panel.train_button.click()
    qtbot.waitUntil(lambda: not panel.controller.is_running(), timeout=10000)
    assert len(project.history) == 2
    assert project.history[1]["history"]["loss"][0] < project.history[0]["history"]["loss"][0]
    assert "Run 1:" in panel.curves.runs_label.toolTip()
    panel.reset_weights()
    assert panel.document.project.weights is None


def test_a_model_that_does_not_fit_the_data_is_explained(panel, qtbot):
    panel.document.project.dataset = {"name": "celsius", "params": {}}
    with qtbot.waitSignal(panel.controller.failed, timeout=60000):
        panel.start_training()
    qtbot.waitUntil(lambda: not panel.controller.is_running(), timeout=10000)
    assert "Input layer" in panel.status.text()
    assert panel.status_line.messages and not panel.document.locked
    assert panel.document.project.history == []


def test_opening_another_project_mid_run_stops_it_and_keeps_its_results_out(panel, qtbot):
    panel.document.project.training["epochs"] = 500
    panel._load_project()
    with qtbot.waitSignal(panel.controller.epochEnded, timeout=60000):
        panel.train_button.click()
    other = xor_project(epochs=2)
    panel.document.replace_project(other)
    qtbot.waitUntil(lambda: not panel.controller.is_running(), timeout=30000)
    assert other.history == [] and other.weights is None
    assert "previous project" in panel.status.text()


def test_curves_crosshair_reads_values_and_log_scale_keeps_points_in_view(qtbot):
    from ui.training.curves import TrainingCurves

    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.resize(600, 400)
    curves.show()
    curves.begin_run(["accuracy"], epochs=2)
    from playground.training.events import EpochEnded, Progress, StepsDone

    at = Progress(epoch=1, epochs=2, step=4, steps_per_epoch=4)
    curves.add_progress(StepsDone(at, {"loss": 0.9}, (2.0, 1.0, 0.5, 0.25)))
    curves.add_epoch(EpochEnded(at, {"loss": 0.9, "val_loss": 1.1, "accuracy": 0.5,
                                     "val_accuracy": 0.4}))
    curves.flush()
    loss_plot = curves._plots["loss"]
    low, high = loss_plot.vb.viewRange()[1]
    assert low <= 0.25 and high >= 2.0
    scene_pos = loss_plot.vb.mapViewToScene(pg_point(1.0, 1.0))
    curves._on_mouse_moved((scene_pos,))
    assert loss_plot.crosshair.isVisible()
    text = curves.readout.text()
    assert "validation loss 1.1 (at epoch 1.00)" in text and "batch loss 0.25" in text
    curves.log_scale.setChecked(True)
    curves.flush()
    low, high = loss_plot.vb.viewRange()[1]
    assert low <= -0.6 and high >= 0.3  # log10(0.25) and log10(2)
    curves.begin_run(["accuracy"], epochs=2)  # same metrics: plots kept, data emptied
    assert curves._plots["loss"] is loss_plot and not curves.series()


def pg_point(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_closing_the_window_mid_training_stops_and_joins_the_thread(qtbot):
    window = FakeWindow()
    document = Document(xor_project(samples=400, epochs=100000, batch_size=1))
    panel = TrainingPanel(document, window, window.tfLoaded, window.closing)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.controller.epochEnded, timeout=60000):
        panel.train_button.click()
    assert document.locked
    window.closing.emit()  # what MainWindow.closeEvent emits
    assert not panel.controller.is_running()
    document.set_modified(False)
    qtbot.wait(200)  # the run's result, still queued, must not touch the closed document
    assert not document.modified and document.project.history == []


def test_earlier_runs_keep_their_numbers_when_only_the_last_five_are_drawn(qtbot):
    from ui.training.curves import MAX_OVERLAY_RUNS, TrainingCurves

    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.begin_run([], epochs=2)
    runs = [{"history": {"loss": [1.0 / (i + 1), 0.5 / (i + 1)]},
             "settings": {"optimizer": "adam", "learning_rate": 0.001 * (i + 1)}}
            for i in range(8)]
    curves.set_past_runs(runs)
    label = curves.runs_label.toolTip()  # the line says "point here"
    shown = range(8 - MAX_OVERLAY_RUNS + 1, 9)
    assert all(f"Run {n}:" in label for n in shown) and "Run 1:" not in label


def test_a_price_table_lays_out_no_accuracy_plot(qtbot, tmp_path):
    """Issue 23: a CSV with a price target (regression) laid out an "accuracy" plot, since a
    CSV can hold either kind of target. Once the table is loaded, its own task decides."""
    from playground.datasets import load_dataset
    from playground.files.project import Project

    path = tmp_path / "houses.csv"
    with path.open("w", newline="") as f:
        rows = csv.writer(f)
        rows.writerow(["rooms", "area", "price"])
        for i in range(40):
            rows.writerow([1 + i % 5, 30 + 7 * i, 1000.5 + 123.25 * i])
    choice = {"name": "csv", "params": {"path": str(path), "target": "price"}}
    document = Document(Project(dataset=choice))
    dataset = load_dataset("csv", choice["params"])
    assert dataset.task == "regression"
    assert document.session.offer_dataset(choice, dataset)
    panel = TrainingPanel(document)
    qtbot.addWidget(panel)
    settings = TrainingSettings.from_dict(document.project.training)
    metrics = panel._expected_metrics(settings)
    panel.curves.begin_run(metrics, settings.epochs)
    assert metrics == ["mae"] and "accuracy" not in panel.curves._plots
    panel.shutdown()
