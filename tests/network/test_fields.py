"""The base shared by layer parameters and dataset settings."""
from __future__ import annotations

import pytest

from playground.network import catalog
from playground.datasets.base import DatasetParam
from playground.errors import DatasetError, ParameterError
from playground.fields import FieldSpec, format_number


def test_numbers_read_as_people_write_them():
    assert format_number(2147483647) == "2,147,483,647"
    assert format_number(0.5) == "0.5" and format_number(1e-07) == "1e-07"
    assert format_number(3.0) == "3"


def test_range_text_and_title():
    spec = FieldSpec("learning_rate", "float", 0.01, "How big each step is.", minimum=0,
                     maximum=1)
    assert spec.title == "Learning rate" and spec.range_text() == " from 0 to 1"
    assert FieldSpec("n", "int", 1, "", minimum=1).range_text() == " of at least 1"
    assert FieldSpec("n", "int", 1, "", maximum=5).range_text() == " of at most 5"
    assert FieldSpec("n", "int", 1, "", label="Count").title == "Count"


def test_layer_parameters_and_dataset_settings_share_the_base_but_not_their_errors():
    units = catalog.get("Dense").param("units")
    samples = DatasetParam("samples", "int", 200, "How many points.", minimum=10,
                           maximum=2_000_000_000)
    assert isinstance(units, FieldSpec) and isinstance(samples, FieldSpec)
    with pytest.raises(ParameterError, match="units must be a positive whole number"):
        units.validate(0, "Dense node n1")
    with pytest.raises(DatasetError, match="from 10 to 2,000,000,000"):
        samples.validate(5, "circle")
