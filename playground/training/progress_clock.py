"""Where a run stands in time, apart from the training loop: samples seen, speed and ETA.

Speed and ETA count from the first compiled call that did not trace (``call_starting``
with ``timed``), so the seconds spent compiling do not make the first ETA hours long;
until then the ETA is unknown (None). Paused seconds are not counted.
"""
from __future__ import annotations

import time
from typing import Callable

from playground.training.events import Progress


class ProgressClock:
    def __init__(self, epochs: int, steps_per_epoch: int, total_samples: int,
                 now: Callable[[], float] = time.perf_counter) -> None:
        self.epochs, self.steps_per_epoch = epochs, steps_per_epoch
        self.total_samples = total_samples
        self._now = now
        self.started = now()
        self.paused_s = 0.0
        self.seen = 0
        self.iteration = 0
        # (active seconds, samples seen) when the first call that did not trace began.
        self._warm: tuple[float, int] | None = None

    def active_s(self) -> float:
        return self._now() - self.started - self.paused_s

    def call_starting(self, timed: bool) -> None:
        """A compiled call starts; ``timed``: it will not trace (its speed is real)."""
        if timed and self._warm is None:
            self._warm = (self.active_s(), self.seen)

    def steps_done(self, steps: int, samples: int) -> None:
        self.iteration += steps
        self.seen += samples

    def progress(self, epoch: int, step: int) -> Progress:
        active = max(self.active_s(), 1e-9)
        warm = self._warm
        if warm is None or active - warm[0] <= 0 or self.seen <= warm[1]:
            rate = self.seen / active
            eta = 0.0 if self.seen >= self.total_samples else None
        else:
            rate = (self.seen - warm[1]) / (active - warm[0])
            eta = (self.total_samples - self.seen) / rate
        return Progress(epoch, self.epochs, step, self.steps_per_epoch, self.iteration,
                        self.seen, rate, active, eta)
