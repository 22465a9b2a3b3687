"""Draws a run's live pictures at the screen's pace (:class:`LivePacer`).

The training thread only publishes weight snapshots (:class:`playground.insight.live_frames.
LiveFrames`). This pacer asks for the pictures of the newest one on its own worker thread
(a low-priority :class:`BackgroundRunner`: newest wins), hands them to the views when they
come, and asks for the next one a screen refresh after the previous request — so pictures
come as often as the display shows them (its refresh rate, QScreen.refreshRate), never
faster, and never using more than MAX_SHARE of the time: a slow or loaded machine simply
draws fewer, and the training never waits for a picture.
"""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from ui.background import BackgroundRunner

FALLBACK_REFRESH_HZ = 60.0
# When no new snapshot was there (training paused, or faster drawing than publishing):
# look again after this long.
IDLE_RETRY_MS = 4
# The pictures (computing them on the worker, showing them on the UI thread) may take at
# most this share of the wall time: on a slow or loaded machine fewer pictures come, and
# the training keeps the rest of the CPU (and of Python's GIL).
MAX_SHARE = 0.25


def refresh_interval_ms(widget: Any = None) -> float:
    """One refresh of the screen showing ``widget`` (the primary screen without one)."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    rate = screen.refreshRate() if screen is not None else 0.0
    return 1000.0 / (rate if rate and rate > 1.0 else FALLBACK_REFRESH_HZ)


class LivePacer(QObject):
    """``frameReady(LiveFrame)``: the pictures of one snapshot to show (``.results``,
    keyed by probe name).

    ``ages_ms`` keeps, for the last pictures handed over, how old their weights were
    (snapshot to hand-over), and ``frames`` counts them (the benchmark reads both)."""

    frameReady = Signal(object)

    def __init__(self, widget: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.source: Any = None
        self.frames = 0
        self.ages_ms: list[float] = []
        self._runner = BackgroundRunner("insight-live", self, lower_priority=True)
        self._runner.done.connect(self._computed)
        self._runner.failed.connect(self._failed)
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.timeout.connect(self._request)
        self._asked_at = 0.0

    @property
    def running(self) -> bool:
        return self.source is not None

    def start(self, source: Any) -> None:
        """Draw ``source``'s snapshots (a LiveFrames) from now on."""
        self.source = source
        self._runner.cancel()
        self._next.stop()
        self._request()

    def stop(self) -> None:
        """Draw nothing more (the run ended, another project): a picture being computed is
        dropped when it comes."""
        self.source = None
        self._next.stop()
        self._runner.cancel()

    def shutdown(self) -> None:
        self.stop()
        self._runner.shutdown()

    def wait(self, timeout_s: float | None = None) -> bool:
        return self._runner.wait(timeout_s)

    def _request(self) -> None:
        source = self.source
        if source is None:
            return
        self._asked_at = time.perf_counter()
        self._runner.request(lambda: _timed(source))

    def _computed(self, payload: tuple[Any, Any]) -> None:
        source, frame, compute_s = payload
        if source is not self.source:
            return
        if frame is None:
            self._next.start(IDLE_RETRY_MS)
            return
        self.frames += 1
        self.ages_ms.append(1000.0 * (time.perf_counter() - frame.taken_at))
        del self.ages_ms[:-256]
        shown_at = time.perf_counter()
        self.frameReady.emit(frame)
        now = time.perf_counter()
        # The next request one screen refresh after this one was made (the computing of
        # the next picture overlaps the drawing of this one), or later when this picture
        # cost more than MAX_SHARE of that time.
        cost_ms = 1000.0 * (compute_s + now - shown_at)
        spent = 1000.0 * (now - self._asked_at)
        interval = max(refresh_interval_ms(self.widget), cost_ms / MAX_SHARE)
        self._next.start(max(0, round(interval - spent)))

    def _failed(self, message: str) -> None:
        # A picture failed (a bug, logged by the runner): stop drawing this run's pictures.
        self.stop()


def _timed(source: Any) -> tuple[Any, Any, float]:
    """(source, its newest frame or None, seconds the frame took) — on the worker."""
    start = time.perf_counter()
    frame = source.frame()
    return source, frame, time.perf_counter() - start
