"""The timing claims that used to sit inside unit tests, measured here instead.

Run: .venv/bin/python benchmarks/bench_timing_claims.py [--smoke] [claim ...]

Unit tests check behaviour (what is computed, what is refused, what arrives); how fast it
happens depends on the machine and its load, so it is measured here, where a slow machine
makes a slow number rather than a red test. Each claim prints one JSON line::

    {"bench": "timing_claims", "claim": NAME, "ok": true|false, ...its measurements}

and the full run exits 1 if any claim does not hold. ``--smoke`` uses tiny sizes (a few
seconds besides TensorFlow's import) to show that every claim still runs; its figures say
little, so it reports ``ok`` but exits 0 whatever it is. The claims (name: what must hold):

- ``pause_not_counted``: a run paused for 0.3 s reports a training time without the pause.
- ``progress_throttle``: the training controller sends at most ~25 progress signals a
  second however fast the batches come (``ui.training.controller.PROGRESS_INTERVAL_S``).
- ``insight_frame_rate``: live pictures come about ``FRAMES_PER_S`` times a second in a
  run of many short epochs — not once per epoch, and not fewer than half the budget.
- ``csv_load``: a 100,000-row CSV loads as a dataset in under 10 s.
- ``csv_dialog_responsive``: the CSV import dialog returns at once (< 0.5 s) from
  ``load_path`` on a 100,000-row table and the UI thread never stalls 1 s while it reads.
- ``hostile_files_fast``: a zip-bomb project is refused, and a folder with a pixel-bomb
  picture loads, each in under 10 s.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import struct
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path
from typing import Any, Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FAST_S = 10.0


def _blobs(n: int = 200):
    from playground.datasets.base import Dataset

    rng = np.random.default_rng(0)
    y = (np.arange(n) % 2).astype(np.int32)
    x = (rng.normal(size=(n, 2)) * 0.5 + np.where(y[:, None] == 1, 1.5, -1.5)).astype(
        np.float32)
    return Dataset("blobs", "Blobs", "two blobs", "binary", x, y, None, None, x[:40], y[:40],
                   (2,), ["a", "b"])


def _mlp(units: tuple[int, ...] = (8,)):
    from playground.kerasenv import keras

    k = keras()
    k.utils.set_random_seed(1)
    x = k.Input((2,))
    h = x
    for u in units:
        h = k.layers.Dense(u, activation="tanh")(h)
    return k.Model(x, k.layers.Dense(1, activation="sigmoid")(h))


def _xor_project(samples: int, epochs: int, batch_size: int):
    from playground.files.project import Project
    from playground.network.chains import chain_graph

    graph = chain_graph([("Input", {"batch_shape": [None, 2]}),
                         ("Dense", {"units": 8, "activation": "tanh"}),
                         ("Dense", {"units": 1, "activation": "sigmoid"})])
    return Project(graph=graph, dataset={"name": "xor", "params": {"samples": samples}},
                   training={"epochs": epochs, "batch_size": batch_size,
                             "learning_rate": 0.03, "seed": 1})


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _wait(app: Any, done: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``done()`` (checked every 10 ms) or ``timeout_s``."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: done() and loop.quit())
    poll.start(10)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(int(timeout_s * 1000))
    loop.exec()
    poll.stop()
    deadline.stop()
    return done()


# ------------------------------------------------------------------------- claims
def pause_not_counted(smoke: bool) -> dict[str, Any]:
    import threading

    from playground.training import TrainingSettings
    from playground.training.engine import TrainingEngine
    from playground.training.events import EpochEnded

    pause_s, events, timers = 0.3, [], []

    def callback(event: Any) -> None:
        events.append(event)
        if isinstance(event, EpochEnded) and event.progress.epoch == 1 and not timers:
            engine.pause()
            timers.append(threading.Timer(pause_s, engine.resume))
            timers[0].start()

    engine = TrainingEngine(_mlp(), _blobs(), TrainingSettings(epochs=3, batch_size=10),
                            callback)
    start = time.perf_counter()
    engine.run()
    timers[0].join()
    wall = time.perf_counter() - start
    elapsed = events[-1].progress.elapsed_s
    return {"paused_s": pause_s, "wall_s": round(wall, 3), "elapsed_s": round(elapsed, 3),
            "ok": wall > pause_s and elapsed < wall - pause_s + 0.05}


def progress_throttle(smoke: bool) -> dict[str, Any]:
    from playground.session import Session
    from playground.training.events import StepsDone
    from ui.training.controller import PROGRESS_INTERVAL_S, TrainingController

    app = _app()
    session = Session(_xor_project(samples=400, epochs=500, batch_size=2))
    controller = TrainingController(session)
    stamps: list[float] = []
    epochs: list[object] = []
    controller.epochEnded.connect(epochs.append)
    controller.progress.connect(lambda p: isinstance(p, StepsDone)
                                and stamps.append(time.perf_counter()))
    wanted = 15 if smoke else 50
    controller.start(None)
    started = _wait(app, lambda: bool(epochs), 120)
    stamps.clear()
    arrived = started and _wait(app, lambda: len(stamps) >= wanted, 60)
    controller.stop()
    _wait(app, lambda: not controller.is_running(), 60)
    rate = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    limit = 1.5 / PROGRESS_INTERVAL_S
    return {"signals": len(stamps), "per_s": round(rate, 1), "limit_per_s": limit,
            "ok": arrived and rate <= limit}


def insight_frame_rate(smoke: bool) -> dict[str, Any]:
    from playground.datasets import load_dataset
    from playground.insight import probes
    from playground.training import TrainingEngine, TrainingSettings
    from playground.training.events import EpochEnded, Probe, ProbeResult

    ds = load_dataset("xor", {"samples": 500, "test_fraction": 0.5})
    frames: list[float] = []
    epochs: list[float] = []

    def callback(event: Any) -> None:
        if isinstance(event, ProbeResult) and event.result is not None and \
                probes.BOUNDARY in event.result.results:
            frames.append(time.perf_counter())
        elif isinstance(event, EpochEnded):
            epochs.append(time.perf_counter())

    settings = TrainingSettings(epochs=20 if smoke else 60, batch_size=10, optimizer="sgd",
                                learning_rate=0.03, validation_split=0.0, seed=0)
    TrainingEngine(_mlp((8, 8)), ds, settings, callback,
                   {"insight": Probe(probes.InsightProbe(), every=0.0)}).run()
    seconds = epochs[-1] - epochs[0]
    most = probes.FRAMES_PER_S * seconds + 3     # + the start and the last epoch
    least = min(len(epochs), 0.5 * probes.FRAMES_PER_S * seconds)
    return {"frames": len(frames), "epochs": len(epochs), "seconds": round(seconds, 2),
            "frames_per_s_budget": probes.FRAMES_PER_S, "ok": least <= len(frames) <= most}


def _write_rows(path: Path, rows: int) -> None:
    values = np.random.default_rng(0).normal(size=(rows, 4))
    np.savetxt(path, np.c_[values, (values[:, 0] > 0).astype(int)], delimiter=",",
               fmt=["%.4f"] * 4 + ["%d"], header="a,b,c,d,label", comments="")


def csv_load(smoke: bool) -> dict[str, Any]:
    from playground.datasets import load_dataset

    rows = 10_000 if smoke else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.csv"
        _write_rows(path, rows)
        start = time.perf_counter()
        ds = load_dataset("csv", {"path": str(path)})
        seconds = time.perf_counter() - start
    return {"rows": rows, "seconds": round(seconds, 2),
            "ok": len(ds.x_train) == int(rows * 0.8) and seconds < FAST_S}


def csv_dialog_responsive(smoke: bool) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    from ui.datasets.csv_dialog import CsvImportDialog

    app = _app()
    rows = 10_000 if smoke else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.csv"
        _write_rows(path, rows)
        dialog = CsvImportDialog({})
        ticks: list[float] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start(10)
        start = time.perf_counter()
        dialog.load_path(str(path))
        returned = time.perf_counter() - start
        loaded = _wait(app, lambda: dialog.table is not None, 60)
        timer.stop()
        dialog.reject()
        dialog.deleteLater()
    gap = float(np.diff(ticks).max()) if len(ticks) > 1 else float("inf")
    return {"rows": rows, "load_path_returned_s": round(returned, 3),
            "longest_ui_gap_s": round(gap, 3),
            "ok": loaded and returned < 0.5 and gap < 1.0}


def _pixel_bomb_png(width: int, height: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (2, 2)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    ihdr = 8 + 8
    data[ihdr:ihdr + 8] = struct.pack(">II", width, height)
    data[ihdr + 13:ihdr + 17] = struct.pack(">I", zlib.crc32(bytes(data[ihdr - 4:ihdr + 13])))
    return bytes(data)


def hostile_files_fast(smoke: bool) -> dict[str, Any]:
    from PIL import Image

    from playground.datasets import load_dataset
    from playground.errors import ProjectFileError
    from playground.files.project import load_project

    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.kpg"
        with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            with zf.open("project.json", "w", force_zip64=True) as fh:
                for _ in range(20):
                    fh.write(b" " * (1 << 20))
        start = time.perf_counter()
        try:
            load_project(bomb)
            refused = False
        except ProjectFileError:
            refused = True
        project_s = time.perf_counter() - start
        folder = Path(tmp) / "pictures"
        for cls in ("cat", "dog"):
            (folder / cls).mkdir(parents=True)
            for i in range(4):
                Image.new("RGB", (6, 6), (i * 40, 0, 0)).save(folder / cls / f"{i}.png")
        (folder / "dog" / "bomb.png").write_bytes(_pixel_bomb_png(30_000, 30_000))
        start = time.perf_counter()
        data = load_dataset("image_folder", {"path": str(folder), "size": 8})
        images_s = time.perf_counter() - start
    return {"zip_bomb_refused_s": round(project_s, 3), "pixel_bomb_folder_s": round(images_s, 3),
            "ok": refused and len(data.x_train) + len(data.x_test) == 8
            and project_s < FAST_S and images_s < FAST_S}


CLAIMS: dict[str, Callable[[bool], dict[str, Any]]] = {
    f.__name__: f for f in (pause_not_counted, progress_throttle, insight_frame_rate, csv_load,
                            csv_dialog_responsive, hostile_files_fast)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, a few seconds")
    parser.add_argument("claims", nargs="*", help=f"which ({', '.join(CLAIMS)}; all by "
                        "default)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.claims if name not in CLAIMS]
    if unknown:
        parser.error(f"unknown claim(s) {', '.join(unknown)}: choose from {', '.join(CLAIMS)}")
    failed = 0
    for name in args.claims or list(CLAIMS):
        result = CLAIMS[name](args.smoke)
        failed += not result["ok"]
        print(json.dumps({"bench": "timing_claims", "claim": name, "smoke": args.smoke,
                          **result}), flush=True)
    return 1 if failed and not args.smoke else 0


if __name__ == "__main__":
    sys.exit(main())
