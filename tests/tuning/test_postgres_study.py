"""The README's recipe for a search across machines, on a real PostgreSQL server started for
the test: a user and a database for the study, then a `tune` command per machine with the
same URL. Here the two "machines" are two processes on 127.0.0.1."""
from __future__ import annotations

import pytest

from tests.tuning.postgres_server import postgres_server
from tests.tuning.workers import (PROJECT_LEARNING_RATE, last_json, run_tune_processes,
                                  saved_search_project, study_learning_rates)

PASSWORD = "Tun1ng-s3cret"

pytestmark = pytest.mark.slow


def test_two_machines_share_a_postgresql_study_without_repeats(tmp_path, monkeypatch):
    path = saved_search_project(tmp_path)
    with postgres_server() as server:
        with server.admin_connect() as admin:      # the README's two SQL lines
            admin.execute(f"CREATE USER kp PASSWORD '{PASSWORD}'")
            admin.execute("CREATE DATABASE tuning OWNER kp")
        monkeypatch.setenv("PGPASSWORD", PASSWORD)  # as the README: not in the URL
        url = f"postgresql://kp@127.0.0.1:{server.port}/tuning"
        command = [str(path), "--trials", "6", "--storage", url, "--study", "lr-search"]
        # machine A with two worker processes, machine B with one
        outputs = run_tune_processes([[*command, "--jobs", "2"], command])
        rates = study_learning_rates(url, "lr-search")
        with_password = url.replace("kp@", f"kp:{PASSWORD}@")
        assert study_learning_rates(with_password, "lr-search") == rates
    assert [number for number, _ in rates] == list(range(6))
    values = [value for _, value in rates]
    assert len(set(values)) == 6, values                 # no value tried twice
    assert values.count(PROJECT_LEARNING_RATE) == 1      # the project's own: once
    runs = [last_json(out)["trials_run"] for out, _ in outputs]
    # Every trial was run by exactly one process (which machine got how many depends on
    # when each started: on a loaded computer one may finish before the other begins).
    assert sum(runs) == 6
    assert last_json(outputs[0][0])["jobs"] == 2
    for out, err in outputs:
        assert PASSWORD not in out + err
        assert f"study storage: {url}" in err
