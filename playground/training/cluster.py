"""Training on several machines: who takes part, and joining them with TensorFlow.

A multi-worker run is described the way TensorFlow, Kubeflow's TFJob and Vertex AI do it:
``TF_CONFIG`` names every worker's ``host:port`` and this process's index. The ``train``
command's ``--workers``/``--index`` write that variable. :func:`connect` must run before
TensorFlow starts anything else in the process (``MultiWorkerMirroredStrategy`` has to be
the first thing it sets up); it waits a bounded time for every worker to join and otherwise
names the addresses that did not answer.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import threading
import time
import zlib
from dataclasses import dataclass
from typing import Any

from playground.errors import TrainingError

JOIN_TIMEOUT_S = 60.0
# A collective that waits longer than this for a worker ends the run with an error rather
# than waiting forever (a worker that died mid-run).
COLLECTIVE_TIMEOUT_S = 60.0
LOST_EXIT_CODE = 4


@dataclass(frozen=True)
class Cluster:
    """Every worker's address and this process's place among them (0 is the chief)."""

    addresses: tuple[str, ...]
    index: int

    @property
    def is_chief(self) -> bool:
        return self.index == 0

    @property
    def size(self) -> int:
        return len(self.addresses)

    def tf_config(self) -> dict[str, Any]:
        return {"cluster": {"worker": list(self.addresses)},
                "task": {"type": "worker", "index": self.index}}

    def shared_seed(self) -> int:
        """A seed all workers derive alike (same start weights, same shuffling) when the
        project has none."""
        return zlib.crc32(",".join(self.addresses).encode()) % 100_000


def parse_workers(text: str, index: int | None) -> Cluster:
    """``host:port,host:port,...`` and this worker's index; raises TrainingError."""
    addresses = tuple(part.strip() for part in text.split(",") if part.strip())
    for address in addresses:
        host, _, port = address.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise TrainingError(f"'{address}' is not a worker address: write host:port, "
                                "e.g. 192.168.1.20:12345, and separate workers by commas.")
    if len(set(addresses)) != len(addresses):
        raise TrainingError("The same worker address is listed twice in --workers: give "
                            "each worker its own host:port.")
    if index is None:
        raise TrainingError("--workers needs --index: this machine's place in the list, "
                            "0 for the first (the chief), 1 for the second, …")
    if not 0 <= index < len(addresses):
        raise TrainingError(f"--index {index} is outside the {len(addresses)} workers "
                            f"listed: use 0 to {len(addresses) - 1}.")
    return Cluster(addresses, index)


def cluster_from_env(environ: dict[str, str] | None = None) -> Cluster | None:
    """The cluster ``TF_CONFIG`` describes, or None when it is unset or names one worker."""
    raw = (os.environ if environ is None else environ).get("TF_CONFIG", "").strip()
    if not raw:
        return None
    try:
        config = json.loads(raw)
        cluster = config["cluster"]
        task = config["task"]
        workers = list(cluster.get("chief", [])) + list(cluster["worker"])
        index = int(task["index"]) + (len(cluster.get("chief", []))
                                      if task.get("type") == "worker" else 0)
    except (ValueError, KeyError, TypeError) as error:
        raise TrainingError(f"TF_CONFIG is not a valid cluster description ({error}). "
                            'Expected e.g. {"cluster": {"worker": ["host1:12345", '
                            '"host2:12345"]}, "task": {"type": "worker", "index": 0}}.'
                            ) from None
    if len(workers) < 2:
        return None
    return parse_workers(",".join(workers), index)


def answers(address: str, timeout_s: float = 0.5) -> bool:
    """Whether something accepts TCP connections at ``host:port``."""
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s):
            return True
    except OSError:
        return False


def unreachable_message(cluster: Cluster, waited_s: float) -> str:
    others = [a for i, a in enumerate(cluster.addresses) if i != cluster.index]
    silent = [a for a in others if not answers(a)] or others
    return (f"Worker {cluster.index} waited {waited_s:.0f} s but could not reach "
            f"{', '.join(silent)}. Start the training command on every machine listed in "
            "--workers (each with its own --index), check the addresses and ports, and that "
            "no firewall blocks them.")


def connect(cluster: Cluster, timeout_s: float = JOIN_TIMEOUT_S) -> Any:
    """Set ``TF_CONFIG`` and create the MultiWorkerMirroredStrategy, waiting at most
    ``timeout_s`` for the other workers. TensorFlow's wait cannot be interrupted, so when
    the time is up a watchdog prints which addresses did not answer and ends the process
    with exit code 4 (no traceback)."""
    os.environ["TF_CONFIG"] = json.dumps(cluster.tf_config())
    from playground.kerasenv import keras

    keras()
    import tensorflow as tf

    joined = threading.Event()
    started = time.monotonic()

    def watchdog() -> None:
        if not joined.wait(timeout_s):
            print(unreachable_message(cluster, time.monotonic() - started), file=sys.stderr,
                  flush=True)
            os._exit(LOST_EXIT_CODE)

    threading.Thread(target=watchdog, name="worker-join-watchdog", daemon=True).start()
    options = tf.distribute.experimental.CommunicationOptions(
        timeout_seconds=COLLECTIVE_TIMEOUT_S)
    strategy = tf.distribute.MultiWorkerMirroredStrategy(communication_options=options)
    joined.set()
    return strategy


@dataclass(frozen=True)
class WorkerSetup:
    """This process's part in a multi-worker run: the strategy and the cluster."""

    strategy: Any
    cluster: Cluster

    def description(self) -> str:
        per_worker = self.strategy.num_replicas_in_sync // self.cluster.size
        where = "CPU" if per_worker == 1 else f"{per_worker} devices"
        return (f"{self.cluster.size} workers ({where} each), this is worker "
                f"{self.cluster.index} at {self.cluster.addresses[self.cluster.index]}")

    def gather(self, value: float) -> list[float]:
        """Every replica's ``value`` (every worker must call this, in the same order)."""
        import tensorflow as tf

        strategy = self.strategy
        local = strategy.run(lambda v: tf.reshape(v, (1,)),
                             args=(tf.constant(float(value), tf.float32),))
        return [float(v) for v in strategy.gather(local, axis=0).numpy()]
