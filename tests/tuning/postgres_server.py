"""A private PostgreSQL server for one test: initdb into a temporary folder, started on a free
port of 127.0.0.1 (and a socket in that folder), stopped and removed at the end.

PostgreSQL refuses to run as root; as root the server runs as the ``postgres`` system user
(in a folder of its own, since pytest's temporary folders are private to root). Tests skip
only when no server can be started (no binaries, no such user) or psycopg is missing.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

ADMIN = "kp_admin"
START_TIMEOUT_S = 60


@dataclass
class PostgresServer:
    port: int
    socket_dir: Path

    def admin_connect(self, dbname: str = "postgres"):
        import psycopg

        return psycopg.connect(host=str(self.socket_dir), port=self.port, user=ADMIN,
                               dbname=dbname, autocommit=True, connect_timeout=10)


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    pytest.importorskip("psycopg", reason="psycopg is not installed "
                                          "(pip install \"keras-playground[postgres]\")")
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    user = None
    if os.geteuid() == 0:
        import pwd

        try:
            entry = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        user = entry.pw_name
    folder = Path(tempfile.mkdtemp(prefix="kp-pg-"))
    if user is not None:
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data, port = folder / "data", _free_port()

    def run(*command: str) -> subprocess.CompletedProcess:
        return subprocess.run(command, cwd=folder, user=user, capture_output=True,
                              text=True, timeout=START_TIMEOUT_S)

    started = False
    try:
        done = run(initdb, "-D", str(data), "-U", ADMIN, "--auth-local=trust",
                   "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync")
        if done.returncode != 0:
            pytest.skip(f"initdb failed: {done.stderr.strip()[-300:]}")
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
        done = run(pg_ctl, "-D", str(data), "-l", str(folder / "server.log"), "-w",
                   "-t", str(START_TIMEOUT_S), "-o", options, "start")
        started = done.returncode == 0
        if not started:
            log = (folder / "server.log").read_text(errors="replace")[-300:] \
                if (folder / "server.log").exists() else done.stderr
            pytest.skip(f"the PostgreSQL server did not start: {log.strip()}")
        yield PostgresServer(port, folder)
    finally:
        if started:
            run(pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)
