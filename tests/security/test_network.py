"""Finding 2 (high): the multi-worker servers are for a private network only. Everything
here uses 127.0.0.1 (and 127.0.0.2, which Linux routes to the same loopback) and free ports,
is bounded in time, and leaves no thread or socket behind."""
from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from playground.errors import TrainingError
from playground.files.project import Project
from playground.training.cluster import (Cluster, WorkersUnreachable, answers,
                                         cluster_from_env, parse_workers, wait_for_workers)
from playground.training.launch_kit import readme_text, write_launch_kit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_join_socket_listens_only_on_the_workers_own_address():
    me, other = free_port(), free_port()
    cluster = Cluster((f"127.0.0.1:{me}", f"127.0.0.1:{other}"), 0)
    errors: list[BaseException] = []

    def join() -> None:
        try:
            wait_for_workers(cluster, timeout_s=4.0)
        except BaseException as error:  # noqa: BLE001 - the test reads it
            errors.append(error)

    thread = threading.Thread(target=join)
    thread.start()
    try:
        deadline = time.monotonic() + 4.0
        while not answers(f"127.0.0.1:{me}", 0.2):  # bounded wait for it to listen
            assert time.monotonic() < deadline, "worker 0 never listened"
        # Another address of this machine: before, the socket took every interface.
        assert not answers(f"127.0.0.2:{me}", 0.5)
    finally:
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], WorkersUnreachable)


@pytest.mark.parametrize("address", ["8.8.8.8:2222", "[2001:4860:4860::8888]:2222",
                                     "1.1.1.1:80"])
def test_a_public_worker_address_is_refused_with_the_reason(address):
    with pytest.raises(TrainingError) as refused:
        parse_workers(f"10.0.0.2:2222,{address}", 0)
    message = str(refused.value)
    assert "read and write files" in message and "--allow-public-network" in message
    assert "VPN" in message and "SSH" in message
    cluster = parse_workers(f"10.0.0.2:2222,{address}", 0, allow_public_network=True)
    assert cluster.addresses[1] == address


@pytest.mark.parametrize("workers", [
    "127.0.0.1:1,127.0.0.1:2", "10.1.2.3:1,172.16.0.9:1,192.168.5.5:1",
    "[fd12:3456::1]:1,[fe80::1]:1", "169.254.10.10:1,100.100.1.1:1", "localhost:1,localhost:2"])
def test_private_loopback_and_link_local_addresses_are_accepted(workers):
    assert parse_workers(workers, 1).size == len(workers.split(","))


def test_the_launch_kit_refuses_public_addresses_and_warns_in_its_readme(tmp_path):
    with pytest.raises(TrainingError, match="allow-public-network"):
        write_launch_kit(Project(), tmp_path / "kit", "8.8.8.8:1,8.8.4.4:1")
    assert not (tmp_path / "kit").exists() or not any((tmp_path / "kit").iterdir())
    text = readme_text("p", ("10.0.0.1:1", "10.0.0.2:1"))
    assert "open them in the" not in text
    assert "without a password" in text and "SSH tunnels" in text and "VPN" in text
    kit = write_launch_kit(Project(), tmp_path / "kit2", "8.8.8.8:1,8.8.4.4:1",
                           allow_public_network=True)
    assert all(c.endswith("--allow-public-network") or "--allow-public-network " in c
               for c in kit.commands)


def test_tf_config_with_public_workers_is_refused_too():
    config = {"cluster": {"worker": ["8.8.8.8:1", "8.8.4.4:1"]},
              "task": {"type": "worker", "index": 0}}
    with pytest.raises(TrainingError, match="read and write files"):
        cluster_from_env({"TF_CONFIG": json.dumps(config)})
