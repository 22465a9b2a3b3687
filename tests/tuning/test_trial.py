"""Picking the best trial from the records a search reported."""
from __future__ import annotations

from playground.tuning.trial import TrialRecord, best_of


def _record(number: int, state: str, value: float | None) -> TrialRecord:
    return TrialRecord(number=number, state=state, params={}, value=value)


def test_the_best_is_the_lowest_or_highest_complete_score():
    records = [_record(0, "complete", 0.5), _record(1, "pruned", 0.1),
               _record(2, "complete", 0.3), _record(3, "failed", None),
               _record(4, "complete", 0.9)]
    assert best_of(records, "minimize").number == 2
    assert best_of(records, "maximize").number == 4


def test_no_best_while_no_trial_is_complete_and_scored():
    assert best_of([], "minimize") is None
    assert best_of([_record(0, "pruned", 0.1), _record(1, "complete", None)],
                   "minimize") is None
