from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from playground.training.curve_data import (GrowingSeries, SmoothedSeries, batch_positions,
                                        curves_csv, run_label)


def test_growing_series_keeps_all_points_across_growth():
    s = GrowingSeries(capacity=4)
    for i in range(10):
        s.append(i, i * i)
    s.extend(np.arange(10, 13), [100, 121, 144])
    assert len(s) == 13
    assert s.y.tolist() == [i * i for i in range(13)]
    s.clear()
    assert len(s) == 0 and s.x.size == 0


def test_smoothing_is_debiased_and_follows_a_constant():
    s = SmoothedSeries(weight=0.9)
    s.extend(range(5), [2.0] * 5)
    assert s.y == pytest.approx([2.0] * 5)
    s.extend([5], [12.0])
    assert 2.0 < s.y[-1] < 12.0


def test_batch_positions_are_fractions_of_epochs():
    assert batch_positions(2, 10, 3, 10).tolist() == pytest.approx([1.8, 1.9, 2.0])


def test_csv_and_run_label():
    s = GrowingSeries()
    s.extend([1, 2], [0.5, 0.25])
    rows = list(csv.reader(io.StringIO(curves_csv({"val_loss": s}))))
    assert rows == [["series", "epoch", "value"], ["val_loss", "1", "0.5"],
                    ["val_loss", "2", "0.25"]]
    label = run_label(2, {"settings": {"optimizer": "sgd", "learning_rate": 0.1,
                                       "batch_size": 8}, "epochs_done": 3,
                          "final": {"val_loss": 0.1234}})
    assert label == "Run 2: sgd lr 0.1, batch 8, 3 epochs → val_loss 0.123"


def test_steady_range_moves_only_when_needed():
    from playground.training.curve_data import finite_bounds, steady_range

    bounds = finite_bounds([np.array([0.2, 1.0, np.nan]), np.array([0.5])])
    assert bounds == (0.2, 1.0)
    new = steady_range((0.0, 0.1), bounds)
    assert new is not None and new[0] < 0.2 and new[1] > 1.0
    assert steady_range(new, (0.3, 0.9)) is None          # still inside and fills the view
    assert steady_range(new, (0.3, 0.4)) is not None      # shrank to a sliver: zoom in
    assert finite_bounds([np.array([0.01, 100.0, -1.0])], log=True) == (-2.0, 2.0)
    assert finite_bounds([np.array([np.inf])]) is None
