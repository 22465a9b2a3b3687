"""The search space: saved in the project, checked with messages naming layer and field."""
from __future__ import annotations

import pytest

from playground.errors import TuningError
from playground.files.project import load_project, save_project
from playground.tuning import project_space, tuning_data
from playground.tuning.space import Dimension, SearchSpace, default_dimension, \
    training_dimension
from playground.tuning.study import TuneSettings
from tests.training.helpers import xor_project


def _hidden(project):
    return project.graph.nodes[1].id


def test_space_round_trips_through_the_project_file(tmp_path):
    project = xor_project()
    hidden = _hidden(project)
    space = SearchSpace([Dimension("units", "int", hidden, 2, 32, True),
                         Dimension("activation", "choice", hidden, choices=["relu", "tanh"]),
                         training_dimension("learning_rate", 0.01)])
    project.tuning = tuning_data(space, TuneSettings(trials=7, objective="val_accuracy",
                                                     direction="maximize"))
    save_project(project, tmp_path / "p.kpg")
    again = load_project(tmp_path / "p.kpg")
    assert project_space(again).to_list() == space.to_list()
    assert again.tuning["settings"]["trials"] == 7
    lr = project_space(again).get(None, "learning_rate")
    assert (lr.low, lr.high, lr.log) == (pytest.approx(0.001), pytest.approx(0.1), True)


@pytest.mark.parametrize("dim, words", [
    (Dimension("units", "int", "HIDDEN", 64, 4), ["dense", "units", "inverted", "64", "4"]),
    (Dimension("activation", "choice", "HIDDEN", choices=[]), ["dense", "activation", "empty"]),
    (Dimension("units", "int", "HIDDEN", 0, 8), ["units", "below the smallest", "1"]),
    (Dimension("units", "int", "HIDDEN", 2.2, 2.8), ["no whole number"]),
    (Dimension("learning_rate", "float", None, 0.0, 0.1, True),
     ["Learning rate", "log scale", "above 0"]),
    (Dimension("optimizer", "choice", None, choices=["adam", "lion"]),
     ["Optimizer", "'lion'", "adam"]),
    (Dimension("validation_split", "float", None, 0.1, 0.2), ["cannot be searched"]),
    (Dimension("units", "float", "HIDDEN", 1, 4), ["saved as a float", "int"]),
])
def test_bad_dimensions_are_refused_naming_layer_and_field(dim, words):
    project = xor_project()
    if dim.node == "HIDDEN":
        dim.node = _hidden(project)
    with pytest.raises(TuningError) as info:
        SearchSpace([dim]).validate(project.graph)
    message = str(info.value)
    for word in words:
        assert word.lower() in message.lower(), message


def test_empty_space_and_deleted_layers_are_explained():
    project = xor_project()
    with pytest.raises(TuningError, match="Nothing is searched"):
        SearchSpace().validate(project.graph)
    space = SearchSpace([Dimension("units", "int", "gone", 2, 8),
                         training_dimension("batch_size", 10)])
    with pytest.raises(TuningError, match="deleted"):
        space.validate(project.graph)
    kept, notes = space.without_missing_nodes(project.graph)
    assert [d.param for d in kept.dimensions] == ["batch_size"] and "gone" in notes[0]
    kept.validate(project.graph)


def test_default_dimensions_suit_the_field():
    units = default_dimension("n", "units", "int", 8, 1, 65536)
    assert (units.low, units.high, units.log) == (2, 32, True)
    rate = default_dimension("n", "rate", "float", 0.5, 0.0, 1.0)
    assert (rate.low, rate.high, rate.log) == (0.0, 0.5, False)
    act = default_dimension("n", "activation", "activation", "tanh")
    assert act.kind == "choice" and act.choices[0] == "tanh" and "relu" in act.choices


def test_split_sends_values_to_layers_and_settings():
    project = xor_project()
    hidden = _hidden(project)
    space = SearchSpace([Dimension("units", "int", hidden, 2, 32),
                         training_dimension("learning_rate", 0.01)])
    nodes, training = space.split({f"{hidden}.units": 5, "training.learning_rate": 0.02})
    assert nodes == {hidden: {"units": 5}} and training == {"learning_rate": 0.02}
    assert space.current_values(project.graph, project.training) == {
        f"{hidden}.units": 8, "training.learning_rate": 0.03}


def test_the_session_stores_search_choices_and_says_so():
    from playground.session import Session

    session = Session(xor_project())
    hidden = _hidden(session.project)
    changes = []
    session.tuning_changed.connect(lambda: changes.append(1))
    session.set_search_dimension(hidden, "units", Dimension("units", "int", hidden, 2, 8))
    assert changes == [1] and session.modified
    assert project_space(session.project).get(hidden, "units").high == 8
    session.set_search_dimension(hidden, "units", None)
    assert len(project_space(session.project)) == 0 and changes == [1, 1]
