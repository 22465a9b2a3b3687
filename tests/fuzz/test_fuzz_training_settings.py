"""Training settings read from a project file: any JSON gives settings that validate, or a
TrainingError naming the setting; never a TypeError deep inside a run."""
from __future__ import annotations

from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from playground.errors import TrainingError
from playground.training.settings import TrainingSettings
from tests.fuzz.strategies import count, fuzz_settings, json_values

KEYS = [f.name for f in fields(TrainingSettings)]
GOOD = TrainingSettings().to_dict()


@fuzz_settings(400)
@given(st.one_of(
    st.dictionaries(st.sampled_from(KEYS), json_values, max_size=4).map(
        lambda bad: {**GOOD, **bad}),
    json_values))
def test_settings_from_any_json(data):
    try:
        settings = TrainingSettings.from_dict(data)
        settings.validate()
    except TrainingError as exc:
        assert str(exc).strip()
        count("training settings", "refused")
        return
    count("training settings", "accepted")
    assert isinstance(settings.monitor, str) and isinstance(settings.optimizer, str)
    assert isinstance(settings.validation_split, float | int)
    assert all(isinstance(m, str) for m in settings.metrics)
    assert TrainingSettings.from_dict(settings.to_dict()) == settings
