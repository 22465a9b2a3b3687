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
from playground.i18n import _
from playground.training.network_policy import check_worker_hosts, split_address

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


MAX_WORKERS = 256  # more than any cluster this app runs; bounds the join's checks


def parse_workers(text: str, index: int | None, allow_public_network: bool = False,
                  unresolved_ok: bool = False) -> Cluster:
    """``host:port,host:port,...`` and this worker's index; raises TrainingError. Hosts
    must be plain names, and private ones unless ``allow_public_network`` (see
    :mod:`playground.training.network_policy`)."""
    addresses = tuple(part.strip() for part in text.split(",") if part.strip())
    if len(addresses) > MAX_WORKERS:
        raise TrainingError(_("{count} workers are listed; at most {limit} can take part in "
                              "one run.").format(count=len(addresses), limit=MAX_WORKERS))
    for address in addresses:
        host, port = split_address(address)
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise TrainingError(_("'{address}' is not a worker address: write host:port, "
                                  "e.g. 192.168.1.20:12345, and separate workers by commas.")
                                .format(address=address))
    check_worker_hosts([split_address(a)[0] for a in addresses], allow_public_network,
                       unresolved_ok)
    if len(set(addresses)) != len(addresses):
        raise TrainingError(_("The same worker address is listed twice in --workers: give "
                              "each worker its own host:port."))
    if index is None:
        raise TrainingError(_("--workers needs --index: this machine's place in the list, "
                              "0 for the first (the chief), 1 for the second, …"))
    if not 0 <= index < len(addresses):
        raise TrainingError(_("--index {index} is outside the {count} workers listed: use "
                              "0 to {last}.").format(index=index, count=len(addresses),
                                                     last=len(addresses) - 1))
    return Cluster(addresses, index)


MAX_TF_CONFIG_CHARS = 64 * 1024


def cluster_from_env(environ: dict[str, str] | None = None,
                     allow_public_network: bool = False) -> Cluster | None:
    """The cluster ``TF_CONFIG`` describes, or None when it is unset or names one worker.
    Its size is checked before it is parsed (no deep nesting, no endless list), and only
    the chief and worker tasks this app runs are accepted."""
    raw = (os.environ if environ is None else environ).get("TF_CONFIG", "").strip()
    if not raw:
        return None
    if len(raw) > MAX_TF_CONFIG_CHARS:
        raise TrainingError(_("TF_CONFIG is {size} characters long; a cluster description "
                              "is far shorter (at most {limit}).").format(
                                  size=len(raw), limit=MAX_TF_CONFIG_CHARS))
    try:
        config = json.loads(raw)
        cluster = config["cluster"]
        task = config["task"]
        if not isinstance(cluster, dict) or not isinstance(task, dict):
            raise TypeError("'cluster' and 'task' must be objects")
        roles = set(cluster) - {"chief", "worker"}
        if roles or task.get("type", "worker") not in ("chief", "worker"):
            raise TrainingError(_("TF_CONFIG names {roles} tasks, which this app does not run: "
                                  "it trains with workers only (and an optional chief), all "
                                  "equal. Remove the {roles} entries (parameter servers and "
                                  "evaluators are for other training strategies).").format(
                roles=", ".join(sorted(roles | ({task.get("type")} - {"chief", "worker"})))))
        workers = list(cluster.get("chief", [])) + list(cluster["worker"])
        if not all(isinstance(w, str) for w in workers):
            raise TypeError("every worker address must be text")
        index = int(task["index"]) + (len(cluster.get("chief", []))
                                      if task.get("type") == "worker" else 0)
    except TrainingError:
        raise
    except (ValueError, KeyError, TypeError, RecursionError) as error:
        raise TrainingError(_("TF_CONFIG is not a valid cluster description ({error}). "
                              "Expected e.g. {example}.").format(
            error=error, example='{"cluster": {"worker": ["host1:12345", "host2:12345"]}, '
                                 '"task": {"type": "worker", "index": 0}}')) from None
    if len(workers) < 2:
        return None
    return parse_workers(",".join(workers), index, allow_public_network)


def answers(address: str, timeout_s: float = 0.5) -> bool:
    """Whether something accepts TCP connections at ``host:port``."""
    host, port = split_address(address)
    try:
        with socket.create_connection((host, int(port)), timeout=timeout_s):
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
    host, port = split_address(cluster.addresses[cluster.index])
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        # Only on the address given for this worker, never on every interface.
        listener.bind((host, int(port)))
    except OSError as error:
        listener.close()
        raise TrainingError(_("Worker {index} cannot listen on {host} port {port} ({reason}): "
                              "another program uses the port, or {host} is not an address "
                              "of this machine. Check this worker's address in --workers (on "
                              "every machine).").format(
            index=cluster.index, host=host, port=port, reason=error.strerror)) from None
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
                    _("Worker {index} waited {waited} s but could not reach {waiting}. "
                      "Start the training command on every machine listed in --workers "
                      "(each with its own --index), and check the addresses, the ports and "
                      "that no firewall blocks them.").format(
                        index=cluster.index, waited=f"{waited:.0f}",
                        waiting=", ".join(sorted(waiting))))
            waiting = {a for a in waiting if not answers(a, 0.2)}
            # answer the others' checks (and drop the connection at once) until none waits
            while _answer_one(listener):
                continue
        # Keep answering a moment, so the last worker to arrive also sees this one.
        until = time.monotonic() + 1.0
        while time.monotonic() < until:
            _answer_one(listener)
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
        where = "CPU" if per_worker == 1 else _("{count} devices").format(count=per_worker)
        return _("{size} workers ({where} each), this is worker {index} at {address}").format(
            size=self.cluster.size, where=where, index=self.cluster.index,
            address=self.cluster.addresses[self.cluster.index])


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


def _answer_one(listener: Any) -> bool:
    """Accept and close one waiting connection (another worker's check that this one is
    up); False when none is waiting (the non-blocking accept raises)."""
    try:
        listener.accept()[0].close()
    except OSError:   # nobody waiting right now: not an error, the caller decides
        return False
    return True
