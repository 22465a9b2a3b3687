"""The session: the one home of the open project's state, with events for every change."""
from __future__ import annotations

import threading

import pytest

from playground.errors import TrainingError
from playground.files.project import Project, load_project
from playground.session import Session
from playground.training.settings import TrainingSettings
from tests.training.helpers import xor_project


def _recorder(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def test_changes_go_through_methods_that_emit_and_mark_modified():
    session = Session(xor_project(samples=40, epochs=1))
    modified = _recorder(session.modified_changed)
    choice = _recorder(session.dataset_choice_changed)
    settings = _recorder(session.training_settings_changed)
    notes = _recorder(session.notes_changed)

    session.set_dataset_choice("circle", {"samples": 50})
    assert session.project.dataset == {"name": "circle", "params": {"samples": 50}}
    session.set_dataset_choice("circle", {"samples": 50})      # no change: no event
    session.set_training_settings(TrainingSettings(epochs=7))
    session.set_notes("my notes")
    assert (len(choice), len(settings), len(notes)) == (1, 1, 1)
    assert modified == [(True,)] and session.modified
    assert session.training_settings().epochs == 7


def test_invalid_training_settings_are_refused_and_not_stored():
    session = Session()
    before = dict(session.project.training)
    with pytest.raises(TrainingError, match="learning rate"):
        session.set_training_settings(TrainingSettings(learning_rate=-1.0))
    assert session.project.training == before and not session.modified


def test_the_dataset_is_loaded_once_and_shared_and_a_stale_load_is_dropped():
    session = Session(xor_project(samples=40))
    loaded = _recorder(session.dataset_loaded)
    first = session.load_dataset()
    assert session.load_dataset() is first            # cached: same object for everyone
    old_choice = dict(session.dataset_choice)
    session.set_dataset_choice("circle", {"samples": 30})
    assert session.loaded_dataset() is None           # the choice changed
    # a load for the old choice that finishes late (a worker) is not kept
    assert not session.offer_dataset(old_choice, first)
    fresh = session.load_dataset()
    assert session.offer_dataset(session.dataset_choice, fresh)
    assert session.loaded_dataset() is fresh and loaded == [(fresh,)]


def test_loading_from_several_threads_keeps_one_consistent_dataset():
    session = Session(xor_project(samples=40))
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(session.load_dataset()))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(results) == 4
    kept = session.loaded_dataset()
    assert kept is not None and any(r is kept for r in results)
    assert all(r.x_train.shape == kept.x_train.shape for r in results)


def test_replace_project_resets_modified_and_emits(tmp_path):
    session = Session()
    session.set_notes("x")
    replaced = _recorder(session.project_replaced)
    session.replace_project(Project(), tmp_path / "a.kpg")
    assert replaced == [()] and not session.modified and session.path.name == "a.kpg"


def test_a_run_through_the_session_records_weights_and_history_and_saves(tmp_path):
    from playground.training.run import trained_weights

    session = Session(xor_project(samples=40, epochs=2))
    engine = session.make_engine()
    result = engine.run()
    session.record_run(result.history_entry(), trained_weights(session.graph, result))
    assert session.modified and session.project.weights
    assert session.project.history[-1]["epochs_done"] == 2
    path = session.save(tmp_path / "trained.kpg")
    assert not session.modified and session.path == path
    assert load_project(path).history[-1]["epochs_done"] == 2


def _trained_run(session: Session) -> tuple[dict, dict]:
    """A real one-epoch run's history entry and trained weights."""
    from playground.training.run import trained_weights

    result = session.make_engine().run()
    return result.history_entry(), trained_weights(session.graph, result)


def test_a_recorded_run_keeps_the_project_modified_when_the_graph_is_back_as_saved(tmp_path):
    session = Session(xor_project(samples=40, epochs=1))
    session.save(tmp_path / "xor.kpg")
    session.set_graph_clean(False)            # the app: a layer added, the undo stack moved
    assert session.modified
    session.record_run(*_trained_run(session))
    session.set_graph_clean(True)             # the layer undone: the graph is as saved
    assert session.modified                   # but the run (weights, history) is not saved
    session.save()
    assert not session.modified
    assert load_project(session.path).history == session.project.history


def test_every_kind_of_change_marks_modified_and_going_back_to_the_saved_value_clears_it(
        tmp_path):
    session = Session(xor_project(samples=40, epochs=1))
    session.save(tmp_path / "xor.kpg")
    saved_settings = session.training_settings()

    changes = [
        (lambda: session.set_dataset_choice("circle", {"samples": 40}),
         lambda: session.set_dataset_choice("xor", {"samples": 40})),
        (lambda: session.set_training_settings(TrainingSettings(epochs=9)),
         lambda: session.set_training_settings(saved_settings)),
        (lambda: session.set_notes("remember this"), lambda: session.set_notes("")),
        (lambda: session.set_tuning({"settings": {"trials": 3}}),
         lambda: session.set_tuning({})),
        (lambda: session.set_graph_clean(False), lambda: session.set_graph_clean(True)),
    ]
    for change, revert in changes:
        change()
        assert session.modified
        revert()
        assert not session.modified
    # Weights and history have no "back": once changed, only a save makes them safe.
    session.set_weights({"x": []})
    assert session.modified
    session.save()
    session.add_history({"epochs_done": 1})
    assert session.modified


def test_an_imported_project_stays_modified_until_saved(tmp_path):
    session = Session(xor_project(samples=40))
    session.set_modified(True)                # e.g. imported from .keras: never saved
    session.set_graph_clean(True)
    assert session.modified
    saved = _recorder(session.saved)
    session.save(tmp_path / "imported.kpg")
    assert not session.modified and saved == [()]
