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
import time
import zlib
from dataclasses import dataclass
from typing import Any

from playground.errors import TrainingError

# How long a worker waits for the others to join, and how long a collective waits for a
# worker mid-run before the run ends with an error (a worker that died) rather than waiting
# forever. PLAYGROUND_WORKER_TIMEOUT (seconds) sets both.
JOIN_TIMEOUT_S = 60.0
COLLECTIVE_TIMEOUT_S = 60.0


def worker_timeout_s(default: float) -> float:
    raw = os.environ.get("PLAYGROUND_WORKER_TIMEOUT", "")
    try:
        return float(raw) if raw else default
    except ValueError:
        return default
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


class WorkersUnreachable(TrainingError):
    """Not every worker answered within the time allowed."""


def wait_for_workers(cluster: Cluster, timeout_s: float) -> None:
    """Wait until every other worker's address accepts connections, while answering on our
    own; raises WorkersUnreachable naming the silent addresses and the time waited.

    TensorFlow's own wait for the workers cannot be interrupted (it holds the interpreter
    until every worker joined, however long), so this plain-socket meeting comes first: once
    every worker answers, all of them are about to start TensorFlow and its wait is short.
    A worker that already started TensorFlow answers through TensorFlow's server."""
    host, _, port = cluster.addresses[cluster.index].rpartition(":")
    listener = socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(("", int(port)))
    except OSError as error:
        listener.close()
        raise TrainingError(f"Worker {cluster.index} cannot listen on port {port} "
                            f"({error.strerror}): another program uses it. Choose another "
                            "port for this worker in --workers (on every machine).") from None
    listener.listen(16)
    listener.settimeout(0.05)
    others = [a for i, a in enumerate(cluster.addresses) if i != cluster.index]
    waiting = set(others)
    started = time.monotonic()
    try:
        while waiting:
            waited = time.monotonic() - started
            if waited > timeout_s:
                raise WorkersUnreachable(
                    f"Worker {cluster.index} waited {waited:.0f} s but could not reach "
                    f"{', '.join(sorted(waiting))}. Start the training command on every "
                    "machine listed in --workers (each with its own --index), and check "
                    "the addresses, the ports and that no firewall blocks them.")
            waiting = {a for a in waiting if not answers(a, 0.2)}
            try:  # answer the others' checks (and drop the connection at once)
                while True:
                    listener.accept()[0].close()
            except OSError:
                pass
        # Keep answering a moment, so the last worker to arrive also sees this one.
        until = time.monotonic() + 1.0
        while time.monotonic() < until:
            try:
                listener.accept()[0].close()
            except OSError:
                pass
    finally:
        listener.close()


def connect(cluster: Cluster, timeout_s: float | None = None) -> Any:
    """Wait (at most ``timeout_s``) for every worker, set ``TF_CONFIG`` and create the
    MultiWorkerMirroredStrategy; raises WorkersUnreachable when a worker did not answer."""
    timeout_s = worker_timeout_s(JOIN_TIMEOUT_S) if timeout_s is None else timeout_s
    wait_for_workers(cluster, timeout_s)
    os.environ["TF_CONFIG"] = json.dumps(cluster.tf_config())
    from playground.kerasenv import keras

    keras()
    import tensorflow as tf

    options = tf.distribute.experimental.CommunicationOptions(
        timeout_seconds=worker_timeout_s(COLLECTIVE_TIMEOUT_S))
    return tf.distribute.MultiWorkerMirroredStrategy(communication_options=options)


class WorkerSetup:
    """This process's part in a multi-worker run: the strategy and the cluster."""

    def __init__(self, strategy: Any, cluster: Cluster):
        self.strategy = strategy
        self.cluster = cluster
        self._gather: Any = None

    def description(self) -> str:
        per_worker = self.strategy.num_replicas_in_sync // self.cluster.size
        where = "CPU" if per_worker == 1 else f"{per_worker} devices"
        return (f"{self.cluster.size} workers ({where} each), this is worker "
                f"{self.cluster.index} at {self.cluster.addresses[self.cluster.index]}")

    def gather(self, value: float) -> list[float]:
        """Every replica's ``value`` (every worker must call this, in the same order)."""
        import tensorflow as tf

        if self._gather is None:  # compiled once: eager collectives are slow
            strategy = self.strategy

            def gather(v: Any) -> Any:
                local = strategy.run(lambda x: tf.reshape(x, (1,)), args=(v,))
                return strategy.gather(local, axis=0)

            self._gather = tf.function(gather, autograph=False)
        values = self._gather(tf.constant(float(value), tf.float32))
        return [float(v) for v in values.numpy()]
