"""The search on a real (tiny) XOR project, trained by our engine: each trial a few epochs."""
from __future__ import annotations

import optuna
import pytest

from playground.network.chains import chain_graph
from playground.training.run import load_project_dataset, make_engine
from playground.tuning.search import Search, param_importances
from playground.tuning.space import Dimension, SearchSpace, training_dimension
from playground.tuning.study import TuneSettings, open_study
from playground.training.events import EpochEnded
from tests.training.helpers import xor_project


def _project(epochs: int = 3):
    project = xor_project(samples=120, epochs=epochs, batch_size=20)
    project.training["learning_rate"] = 0.001   # the defaults: learns slowly
    return project


def _study(tmp_path, settings: TuneSettings, first_trial=None):
    return open_study(settings, f"sqlite:///{tmp_path / 'study.db'}", first_trial)


def test_a_small_search_is_at_least_as_good_as_the_defaults(tmp_path):
    project = _project()
    dataset = load_project_dataset(project)
    default = make_engine(project, dataset=dataset).run().final_logs["val_loss"]
    space = SearchSpace([training_dimension("learning_rate", 0.01),
                         Dimension("units", "int", project.graph.nodes[1].id, 4, 16, True)])
    settings = TuneSettings(trials=6, seed=0, pruner="none")
    events = []
    summary = Search(project, space, settings, _study(tmp_path, settings), events.append,
                     dataset=dataset).run()
    assert [r.number for r in summary.records] == list(range(6))
    assert summary.counts() == {"complete": 6}
    assert summary.best is not None and summary.best.value <= default
    # live curve of each trial: training events arrive between each start and end
    kinds = [e.kind for e in events]
    assert kinds.count("trial_start") == 6 and kinds.count("trial_end") == 6
    assert kinds[1] == "training"
    assert set(param_importances(summary_study := _study(tmp_path, settings))) == \
        {f"{project.graph.nodes[1].id}.units", "training.learning_rate"}
    assert summary_study.best_trial.number == summary.best.number


def test_resuming_continues_trial_numbers_and_tries_the_current_values_first(tmp_path):
    project = _project(epochs=1)
    space = SearchSpace([training_dimension("learning_rate", 0.01)])
    settings = TuneSettings(trials=1, seed=1, pruner="none")
    current = space.current_values(project.graph, project.training)
    first = Search(project, space, settings, _study(tmp_path, settings, current)).run()
    assert [r.number for r in first.records] == [0]
    assert first.records[0].params == {"training.learning_rate": 0.001}  # the project's own
    settings.trials = 3           # the study should now hold 3: two more
    again = Search(project, space, settings, _study(tmp_path, settings, current)).run()
    assert [r.number for r in again.records] == [1, 2]     # queued once: by its creator
    assert 0.001 not in [r.params["training.learning_rate"] for r in again.records]
    assert Search(project, space, settings, _study(tmp_path, settings)).run().records == []


def test_pruning_stops_a_hopeless_trial_early(tmp_path):
    project = _project(epochs=8)
    space = SearchSpace([Dimension("learning_rate", "float", None, 1e-6, 0.1, True)])
    settings = TuneSettings(trials=3, seed=0, pruner="median")
    study = _study(tmp_path, settings)
    for lr in (0.1, 0.1, 1e-6):       # two good trials, then one that cannot learn
        study.enqueue_trial({"training.learning_rate": lr})
    summary = Search(project, space, settings, study).run()
    good, _, hopeless = summary.records
    assert good.state == "complete" and good.epochs_done == 8
    assert hopeless.state == "pruned" and hopeless.epochs_done < 8
    assert "Pruned after epoch" in hopeless.message


def test_a_trial_that_makes_an_invalid_model_fails_with_the_layer_message(tmp_path):
    from playground.files.project import Project

    graph = chain_graph([("Input", {"batch_shape": [None, 2]}),
                         ("Dense", {"units": 4, "activation": "tanh"}),
                         ("Reshape", {"target_shape": [2, 2]}),
                         ("Flatten", {}),
                         ("Dense", {"units": 1, "activation": "sigmoid"})])
    project = Project(graph=graph, dataset={"name": "xor", "params": {"samples": 100}},
                      training={"epochs": 1, "batch_size": 20, "seed": 0})
    dense = graph.nodes[1].id
    space = SearchSpace([Dimension("units", "int", dense, 3, 4)])
    settings = TuneSettings(trials=2, pruner="none")
    study = _study(tmp_path, settings)
    study.enqueue_trial({f"{dense}.units": 3})
    study.enqueue_trial({f"{dense}.units": 4})
    summary = Search(project, space, settings, study).run()
    failed, complete = summary.records
    assert failed.state == "failed" and "reshape" in failed.message.lower()
    assert complete.state == "complete" and summary.best.number == 1


def test_a_missing_objective_ends_the_search_with_a_message(tmp_path):
    project = _project(epochs=1)
    space = SearchSpace([training_dimension("learning_rate", 0.01)])
    settings = TuneSettings(trials=3, objective="val_mae", pruner="none")
    from playground.errors import TuningError

    with pytest.raises(TuningError, match="reports only .*val_loss"):
        Search(project, space, settings, _study(tmp_path, settings)).run()
    trials = _study(tmp_path, settings).get_trials()
    assert [t.state for t in trials] == [optuna.trial.TrialState.FAIL]


def test_stop_keeps_finished_trials_and_a_time_limit_starts_no_new_trial(tmp_path):
    project = _project(epochs=3)
    space = SearchSpace([training_dimension("learning_rate", 0.01)])
    settings = TuneSettings(trials=5, seed=0, pruner="none")
    search = None

    def stop_in_second_trial(event):
        if event.kind == "training" and event.number == 1 \
                and isinstance(event.training, EpochEnded):
            search.stop()

    search = Search(project, space, settings, _study(tmp_path, settings),
                    stop_in_second_trial)
    summary = search.run()
    assert summary.stopped and [r.state for r in summary.records] == ["complete", "failed"]
    assert "Stopped by you" in summary.records[1].message
    assert summary.best.number == 0
    settings.timeout_s = 0.001        # passes during the first trial: one more, no more
    again = Search(project, space, settings, _study(tmp_path, settings)).run()
    assert [r.number for r in again.records] == [2]
