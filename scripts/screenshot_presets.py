"""Screenshots of every preset while it trains, at 1366×768 and 1920×1080, for review.

Opens the main window (offscreen unless a display is set), loads each lesson, presses
Train, waits a few seconds and saves what the window shows, then stops the run.

    PLAYGROUND_DATA_DIR=../shared/data .venv/bin/python scripts/screenshot_presets.py \
        [--out screenshots] [--seconds 4] [--sizes 1366x768,1920x1080] [PRESET ...]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("presets", nargs="*")
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--sizes", default="1366x768,1920x1080")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from playground.files.project import load_project
    from ui.composition import create_window
    from ui.training.panel import TrainingPanel

    app = QApplication.instance() or QApplication([])
    loop = QEventLoop()

    def wait(seconds: float) -> None:
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    presets = args.presets or sorted(p.stem for p in (ROOT / "presets").glob("*.kpg"))
    for size in args.sizes.split(","):
        width, height = (int(v) for v in size.split("x"))
        ini = os.path.join(tempfile.mkdtemp(), "settings.ini")
        window = create_window(QSettings(ini, QSettings.Format.IniFormat))
        window.resize(width, height)
        window.show()
        window.tf_loader.loaded.connect(loop.quit)
        window.tf_loader.start()
        loop.exec()
        training = window.findChild(TrainingPanel)
        for name in presets:
            window.document.replace_project(load_project(ROOT / "presets" / f"{name}.kpg"))
            window.view.fit_all()
            wait(2.0)   # its data loads in the background
            training.start_training()
            started = time.perf_counter()
            while time.perf_counter() - started < args.seconds and \
                    training.controller.is_running():
                wait(0.1)
            path = out / f"{name}_{size}.png"
            window.grab().save(str(path))
            print(path, flush=True)
            training.controller.stop()
            while training.controller.is_running():
                wait(0.1)
            window.document.set_modified(False)
        window.close()


if __name__ == "__main__":
    main()
