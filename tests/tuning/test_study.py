"""Study storage and settings: bad input gives a message that says what to do."""
from __future__ import annotations

import pytest

from playground.errors import TuningError
from playground.tuning.study import TuneSettings, default_storage_url, open_study


@pytest.mark.parametrize("url, words", [
    ("study.db", ["not a database URL", "sqlite:///"]),
    ("sqlite:////no/such/folder/s.db", ["folder", "does not exist"]),
    ("nosuchdb://user@host/db", ["cannot be opened", "nosuchdb"]),
    ("postgresql://user@127.0.0.1:1/db", ["postgresql://user@127.0.0.1:1/db"]),
])
def test_bad_storage_urls_are_explained(url, words):
    with pytest.raises(TuningError) as info:
        open_study(TuneSettings(), url)
    for word in words:
        assert word in str(info.value), str(info.value)


def test_a_study_keeps_its_direction_and_objective(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    open_study(TuneSettings(study="a"), url)
    with pytest.raises(TuningError, match="minimize its objective, not to maximize"):
        open_study(TuneSettings(study="a", direction="maximize"), url)
    with pytest.raises(TuningError, match="scores trials by val_loss, not by loss"):
        open_study(TuneSettings(study="a", objective="loss"), url)


@pytest.mark.parametrize("changes, words", [
    ({"trials": 0}, "at least 1"), ({"timeout_s": -5}, "positive number of seconds"),
    ({"pruner": "smart"}, "median, halving, none"), ({"seed": -1}, "seed"),
    ({"direction": "up"}, "'minimize' or 'maximize'"),
])
def test_bad_settings_are_explained(changes, words):
    with pytest.raises(TuningError, match=words):
        TuneSettings(**changes).validate()


def test_the_study_file_sits_next_to_the_project(tmp_path):
    url = default_storage_url(tmp_path / "xor.kpg")
    assert url == f"sqlite:///{tmp_path.resolve() / 'xor.optuna.db'}"
    with pytest.raises(TuningError, match="Save the project first"):
        default_storage_url(None)
