"""Many workers, one study: `tune --jobs N` spreads the search (no parameter set tried twice,
the project's values once), and one seeded process repeats itself exactly."""
from __future__ import annotations

import pytest

from playground.cli.main import main
from playground.errors import TuningError
from playground.tuning.jobs import check_jobs
from playground.tuning.sampler import trial_seed
from tests.tuning.workers import (PROJECT_LEARNING_RATE, last_json, run_tune_processes,
                                  saved_search_project, study_learning_rates)


@pytest.mark.slow
def test_tune_jobs_runs_workers_on_one_study_and_sums_them_up(tmp_path):
    path = saved_search_project(tmp_path)
    [(out, err)] = run_tune_processes([[str(path), "--trials", "6", "--jobs", "2"]])
    url = f"sqlite:///{tmp_path.resolve() / 'xor.optuna.db'}"
    assert f"study storage: {url}" in err
    rates = study_learning_rates(url, "search")
    assert [number for number, _ in rates] == list(range(6))
    values = [value for _, value in rates]
    assert len(set(values)) == 6, values                 # no value tried twice
    assert values.count(PROJECT_LEARNING_RATE) == 1      # the project's own: once
    lines = out.strip().splitlines()
    trial_lines = [line for line in lines[:-1] if " trial " in line]
    assert len(trial_lines) == 6
    assert {line.split("]")[0] + "]" for line in trial_lines} == {"[worker 0]", "[worker 1]"}
    summary = last_json(out)
    assert summary["jobs"] == 2 and summary["trials_run"] == 6
    assert summary["trials_complete"] == 6
    import optuna

    best = optuna.load_study(study_name="search", storage=url).best_trial
    assert summary["best_trial"] == best.number
    assert summary["best_params"] == {"learning_rate": best.params["training.learning_rate"]}


@pytest.mark.slow
def test_one_seeded_process_draws_the_same_values_twice(tmp_path, capsys):
    path = saved_search_project(tmp_path, seed=11)

    def values(name: str, *extra: str) -> list[float]:
        url = f"sqlite:///{tmp_path / name}"
        assert main(["tune", str(path), "--trials", "3", "--storage", url, *extra]) == 0
        return [value for _, value in study_learning_rates(url, "search")]

    first, again = values("a.db"), values("b.db")
    assert first == again
    assert first[0] == PROJECT_LEARNING_RATE and len(set(first)) == 3
    other = values("c.db", "--seed", "12")
    assert other[0] == PROJECT_LEARNING_RATE and other[1:] != first[1:]
    capsys.readouterr()


def test_each_trial_number_has_its_own_stream():
    seeds = {trial_seed(3, number) for number in range(1000)}
    assert len(seeds) == 1000
    assert trial_seed(3, 5) == trial_seed(3, 5) != trial_seed(4, 5)


@pytest.mark.parametrize("jobs, url, words", [
    (0, "sqlite:///x.db", "at least 1"),
    (2, "sqlite://", "in-memory"),
    (2, "sqlite:///:memory:", "in-memory"),
])
def test_bad_jobs_are_explained(jobs, url, words):
    with pytest.raises(TuningError, match=words):
        check_jobs(jobs, url)
