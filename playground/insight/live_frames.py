"""Live pictures of a small dense network paced by the screen, not by the training.

The training thread only *publishes* the newest weight snapshot (a few small array copies
between chunks of steps; it never waits for anyone). Whoever draws — the UI, when the
screen can show another picture — calls :meth:`LiveFrames.frame` on a worker thread: it
pushes the grids through the newest snapshot in numpy (:class:`DenseFrames`) and returns
the boundary, every layer's neuron maps and (every few frames) the weights, all from that
one snapshot, so they agree with each other and with what the model computes for those
weights. Snapshots nobody drew are simply replaced: old frames drop, training goes on.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from playground.insight.boundary import dataset_points, grid_for_points
from playground.insight.dense_grid import DenseChain, DenseFrames, Weights
from playground.insight.neurons import NEURON_RESOLUTION

# The training thread copies the weights at most this often while someone draws them
# (a snapshot of a 6×8 network is ~0.1 ms: ≤ 2% of training at this interval) ...
PUBLISH_EVERY_S = 0.005
# ... and only this often while nobody takes them (views hidden, or the UI busy).
IDLE_PUBLISH_EVERY_S = 0.1
# The weights (lines of the neuron diagram, histograms) come with every this many frames:
# reading them into Python objects costs as much as the pictures.
WEIGHTS_EVERY_FRAMES = 3


@dataclass(frozen=True)
class LiveFrame:
    """Pictures of one snapshot: ``results`` keyed like the probes' (``insight.boundary``,
    ``insight.neurons``, sometimes ``insight.weights``); ``taken_at``: when the training
    thread copied those weights (``time.perf_counter``); ``number``: the snapshot's;
    ``weights``: the snapshot itself ((kernel, bias) per Dense layer)."""

    results: dict[str, Any]
    taken_at: float
    number: int
    weights: Weights


class LiveFrames:
    """The newest weight snapshot of one run, and the pictures of it on request."""

    def __init__(self, chain: DenseChain, dataset: Any, boundary_resolution: int,
                 names: tuple[str, str, str],
                 neuron_resolution: int = NEURON_RESOLUTION,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        points = dataset_points(dataset)
        self.frames = DenseFrames(chain, dataset.task,
                                  grid_for_points(points, boundary_resolution),
                                  grid_for_points(points, neuron_resolution))
        self.dataset = dataset
        self.names = names   # (boundary, neurons, weights) probe names
        self.clock = clock
        self._lock = threading.Lock()
        self._newest: tuple[Weights, float, int] | None = None
        self._published = 0      # snapshots published
        self._drawn = 0          # number of the newest snapshot handed to frame()
        self._frames = 0

    # ------------------------------------------------------------ training thread
    def publish(self, force: bool = False) -> bool:
        """Copy the weights if it is time to (see PUBLISH_EVERY_S); True when copied."""
        now = self.clock()
        with self._lock:
            last = self._newest[1] if self._newest is not None else -float("inf")
            taken = self._drawn == self._published
        wait = PUBLISH_EVERY_S if taken else IDLE_PUBLISH_EVERY_S
        if not force and now - last < wait:
            return False
        weights = self.frames.chain.snapshot()
        with self._lock:
            self._published += 1
            self._newest = (weights, now, self._published)
        return True

    # ------------------------------------------------------------ drawing side
    def has_new(self) -> bool:
        with self._lock:
            return self._newest is not None and self._newest[2] != self._drawn

    def frame(self) -> LiveFrame | None:
        """The pictures of the newest snapshot, or None when it was drawn already (training
        paused or between snapshots). Safe on any thread; it never touches the model."""
        with self._lock:
            if self._newest is None or self._newest[2] == self._drawn:
                return None
            weights, taken_at, number = self._newest
            self._drawn = number
        boundary, neurons, weights_name = self.names
        results = {boundary: self.frames.boundary(weights),
                   neurons: self.frames.neurons(weights)}
        if self._frames % WEIGHTS_EVERY_FRAMES == 0:
            results[weights_name] = self.frames.weights(weights)
        self._frames += 1
        return LiveFrame(results, taken_at, number, weights)
