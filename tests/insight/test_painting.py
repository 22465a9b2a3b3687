import numpy as np
import pytest

from playground.datasets import load_from_choice
from playground.insight._model import InsightError
from playground.insight.painting import (add_point, check_target, erase_near, painted_points,
                                         with_points)


def test_painted_points_reach_the_training_data():
    choice = {"name": "xor", "params": {"samples": 50}}
    before = load_from_choice(choice)
    points = add_point([], 4.5, -4.5, 1)
    points = add_point(points, 4.5, -4.4, 1, min_distance=0.5)  # too close: not added
    points = add_point(points, -4.0, 4.0, 0, min_distance=0.5)
    choice = with_points(choice, points)
    assert painted_points(choice) == [[4.5, -4.5, 1.0], [-4.0, 4.0, 0.0]]
    after = load_from_choice(choice)
    assert len(after.x_train) == len(before.x_train) + 2
    np.testing.assert_allclose(after.x_train[-2:], [[4.5, -4.5], [-4.0, 4.0]])
    np.testing.assert_array_equal(after.y_train[-2:], [1, 0])
    assert choice["params"]["samples"] == 50


def test_erase_and_target_checks():
    points = [[0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.1, 0.0, 0.0]]
    assert erase_near(points, 0.0, 0.0, 0.3) == [[1.0, 1.0, 0.0]]
    assert check_target(2, "multiclass", 3) == 2.0
    with pytest.raises(InsightError, match="from 0 to 1"):
        check_target(2, "binary", 2)
    assert check_target(-3.5, "regression", 0) == -3.5
