"""The Tune panel on a real XOR document: a short search in the background, the table fills
in, "Apply best" is one undo step; bad inputs are said plainly."""
from __future__ import annotations

import pytest

from playground.files.project import save_project
from playground.tuning import project_space, tuning_data
from playground.tuning.space import Dimension, SearchSpace, training_dimension
from playground.tuning.study import TuneSettings
from tests.training.helpers import xor_project
from ui.document import Document
from ui.training.panel import TrainingPanel
from ui.tuning.panel import TunePanel

pytestmark = pytest.mark.gui


@pytest.fixture
def document(tmp_path):
    project = xor_project(samples=100, epochs=2, batch_size=20)
    hidden = project.graph.nodes[1].id
    project.tuning = tuning_data(
        SearchSpace([Dimension("units", "int", hidden, 2, 6),
                     training_dimension("learning_rate", 0.03)]),
        TuneSettings(trials=3, seed=0, pruner="none"))
    path = tmp_path / "xor.kpg"
    save_project(project, path)
    return Document(project, path)


def test_search_fills_the_table_and_apply_best_is_one_undo_step(qtbot, document):
    panel = TunePanel(document)
    training = TrainingPanel(document)      # shows the applied settings
    qtbot.addWidget(panel)
    qtbot.addWidget(training)
    with qtbot.waitSignal(panel.controller.runningChanged, timeout=180_000,
                          check_params_cb=lambda running: not running):
        panel.start()
    assert panel.table.rowCount() == 3, panel.status.text()
    assert "Search finished" in panel.status.text()
    best = panel._best()
    hidden = document.graph.nodes[1].id
    before_units = document.graph.node(hidden).params["units"]
    before_lr = document.project.training["learning_rate"]
    stack = document.undo_stack
    count = stack.count()
    panel.apply_best()
    assert stack.count() == count + 1
    assert document.graph.node(hidden).params["units"] == best.params[f"{hidden}.units"]
    lr = best.params["training.learning_rate"]
    assert document.project.training["learning_rate"] == pytest.approx(lr)
    assert training.form.learning_rate.value() == pytest.approx(lr, rel=1e-3)
    stack.undo()
    assert document.graph.node(hidden).params["units"] == before_units
    assert document.project.training["learning_rate"] == before_lr
    assert training.form.learning_rate.value() == pytest.approx(before_lr)
    panel.shutdown()
    training.shutdown()


def test_bad_inputs_give_clear_messages(qtbot, document):
    panel = TunePanel(document)
    qtbot.addWidget(panel)
    panel.apply_best()
    assert "nothing to apply" in panel.status.text()
    panel.storage.setText("study.db")
    panel.start()
    assert "not a database URL" in panel.status.text()
    assert not panel.controller.is_running()
    panel.storage.setText("")
    hidden = document.graph.nodes[1].id
    document.session.set_search_dimension(hidden, "units",
                                          Dimension("units", "int", hidden, 9, 3))
    panel.start()
    assert "inverted" in panel.status.text() and "units" in panel.status.text()
    assert not panel.controller.is_running()


def test_search_this_toggle_edits_the_space(qtbot, document):
    training = TrainingPanel(document)
    qtbot.addWidget(training)
    field = training.form.search_fields["batch_size"]
    assert not field.toggle.isChecked()
    field.toggle.setChecked(True)
    dim = project_space(document.project).get(None, "batch_size")
    assert (dim.low, dim.high, dim.log) == (5, 80, True)
    field.low.setValue(100)
    field._store()            # what editingFinished does
    assert "inverted" in field.error.text()
    assert project_space(document.project).get(None, "batch_size").low == 5
    field.toggle.setChecked(False)
    assert project_space(document.project).get(None, "batch_size") is None
    training.shutdown()


def test_inspector_offers_search_this_on_numbers_and_choices(window):
    from tests.gui.conftest import mlp

    ids = mlp(window.document.graph)
    window.scene.select_nodes([ids[1]])
    fields = window.panels.inspector.search_fields
    assert set(fields) == {"units", "activation", "use_bias"}
    fields["activation"].toggle.setChecked(True)
    dim = project_space(window.document.project).get(ids[1], "activation")
    assert dim.kind == "choice" and dim.choices[0] == "relu"   # the layer's own first
    fields["activation"].choices.setText("relu, tanh")
    fields["activation"]._store()
    assert project_space(window.document.project).get(ids[1], "activation").choices == \
        ["relu", "tanh"]


def test_apply_best_with_a_refused_value_changes_nothing_and_records_nothing(qtbot):
    """All or nothing: a layer value the graph refuses undoes the other values, and the
    undo stack stays empty (no half step to redo)."""
    from playground.errors import ParameterError
    from ui.tuning.apply import apply_trial_params

    document = Document(xor_project(epochs=2))
    session = document.session
    dense = [n for n in session.graph if n.layer_type == "Dense"]
    first, second = dense[0], dense[-1]
    space = SearchSpace([Dimension("units", "int", first.id, 2, 6),
                         Dimension("units", "int", second.id, 2, 6),
                         training_dimension("learning_rate", 0.01)])
    before_units = [n.params["units"] for n in dense]
    before_training = dict(session.project.training)
    params = {f"{first.id}.units": 5, f"{second.id}.units": 0,   # 0: refused by the layer
              "training.learning_rate": 0.05}
    with pytest.raises(ParameterError):
        apply_trial_params(document.undo_stack, session, space, params)
    assert [n.params["units"] for n in dense] == before_units
    assert session.project.training == before_training
    assert document.undo_stack.count() == 0 and not document.modified


@pytest.mark.slow
def test_use_two_processes_fills_the_table_from_both(qtbot, document):
    import os
    import time

    import optuna
    from PySide6.QtCore import Qt

    panel = TunePanel(document)
    qtbot.addWidget(panel)
    assert panel.jobs.maximum() == max(1, os.cpu_count() or 1)   # capped by the cores
    if panel.jobs.maximum() < 2:
        pytest.skip("one core: no second process to offer")
    panel.trials.setValue(4)
    panel.jobs.setValue(2)
    summaries, own, url = [], [], f"sqlite:///{document.path.resolve().with_suffix('')}" \
        ".optuna.db"

    def wait_for_the_helper(number, _params):
        """On the search thread, at the app's first trial: the helper process needs a
        while to start (TensorFlow's import); hold this trial until it has finished one,
        so that the test does not depend on how fast this machine is."""
        own.append(number)
        if len(own) > 1:
            return
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            trials = optuna.load_study(study_name="search", storage=url).get_trials()
            if any(t.state.name == "COMPLETE" and t.number not in own for t in trials):
                return
            time.sleep(0.5)             # another process: no signal to wait for

    panel.controller.finished.connect(summaries.append)
    with qtbot.waitSignal(panel.controller.runningChanged, timeout=300_000,
                          check_params_cb=lambda running: not running):
        panel.start()
        panel.controller._worker.trialStarted.connect(
            wait_for_the_helper, Qt.ConnectionType.DirectConnection)
    assert sorted(panel.records) == [0, 1, 2, 3], panel.status.text()
    assert panel.table.rowCount() == 4
    assert all(r.state == "complete" for r in panel.records.values())
    ran_here = [r.number for r in summaries[0].records]
    assert 1 <= len(ran_here) < 4             # the helper process ran the others
    params = [tuple(sorted(r.params.items())) for r in panel.records.values()]
    assert len(set(params)) == 4              # no parameter set tried twice
    panel.shutdown()


def test_unsaved_project_searches_beside_its_autosave_then_moves_on_first_save(
        qtbot, tmp_path):
    """Issue 23: Tune ran only on saved projects. Unsaved, the study is kept next to the
    autosave copy; the first save moves it next to the project, trials and all."""
    import optuna

    project = xor_project(samples=100, epochs=2, batch_size=20)
    project.tuning = tuning_data(SearchSpace([training_dimension("learning_rate", 0.03)]),
                                 TuneSettings(trials=2, seed=0, pruner="none"))
    document = Document(project)
    beside_autosave = tmp_path / "recovery" / "20260101-000000-1-abc.optuna.db"
    beside_autosave.parent.mkdir()
    panel = TunePanel(document, unsaved_study=beside_autosave)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.controller.runningChanged, timeout=180_000,
                          check_params_cb=lambda running: not running):
        panel.start()
    assert panel.table.rowCount() == 2, panel.status.text()
    values = sorted(t.value for t in optuna.load_study(
        study_name="search", storage=f"sqlite:///{beside_autosave}").trials)
    assert len(values) == 2

    document.session.save(tmp_path / "mine.kpg")
    moved = tmp_path / "mine.optuna.db"
    assert not beside_autosave.exists()
    assert str(moved) in panel.status.text()
    again = optuna.load_study(study_name="search", storage=f"sqlite:///{moved}")
    assert sorted(t.value for t in again.trials) == values
    panel.shutdown()


def test_choices_in_plain_words_keep_the_stored_keys(qtbot, document):
    """Issue 23: the panel showed Keras's keys (val_loss, minimise, median, "search");
    it now shows plain words, each with a line saying what it does, and still stores the
    keys the search and the project file use."""
    panel = TunePanel(document)
    qtbot.addWidget(panel)
    shown = panel.objective.currentText()
    assert shown != "val_loss" and "held-back" in shown
    assert panel.study.text() == "" and "search" in panel.study.placeholderText()
    assert panel.direction.currentText() == "lower is better"
    settings = panel.settings()
    assert (settings.objective, settings.direction, settings.study) == \
        ("val_loss", "minimize", "search")
    panel.objective.setCurrentIndex(panel.objective.findData("val_accuracy"))
    assert panel.settings().direction == "maximize"
    panel.objective.setEditText("val_auc")       # a metric of its own, typed
    assert panel.settings().objective == "val_auc"
    from PySide6.QtWidgets import QLabel
    helps = [label.text() for label in panel.findChildren(QLabel)
             if label.property("role") == "help"]
    assert len(helps) == 9 and all(helps)
