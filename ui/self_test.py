"""``keras-playground --self-test OUT.keras`` (hidden; scripts/smoke_bundle.sh): the real
window opens the XOR lesson, trains it one epoch and exports the model, through the same
calls the menus make, then the app quits: exit 0 and a JSON line on success, 1 with the
reason otherwise. It proves a bundle can do the whole round on a fresh machine."""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

LESSON = "xor"
TIME_LIMIT_MS = 300_000


def start_self_test(window, out: Path) -> None:
    app = QApplication.instance()
    panel = window.panels.training
    out = out.resolve()

    def finish(code: int, **report: object) -> None:
        print(json.dumps({"self_test": "ok" if code == 0 else "failed", **report},
                         default=str), flush=True)
        app.exit(code)

    def train() -> None:
        from ui.presets_gallery import open_preset_in_window

        if not open_preset_in_window(window, LESSON):
            finish(1, reason=f"the lesson {LESSON} did not open")
            return
        settings = dataclasses.replace(panel.form.settings(), epochs=1)
        panel.form.set_settings(settings)
        panel.start_training()

    def trained(entry: dict) -> None:
        if entry.get("status") != "completed" or not window.document.project.weights:
            finish(1, reason=f"training ended {entry.get('status')}: {entry.get('message')}")
            return
        window.file_actions.busyChanged.connect(exported)
        window.file_actions.export_keras_to(out)

    def exported(busy: bool) -> None:
        if busy:
            return
        if out.is_file():
            finish(0, lesson=LESSON, epochs=1, keras=str(out), bytes=out.stat().st_size)
        else:
            finish(1, reason=f"{out} was not written")

    # After the window's own handlers (recording the run) have seen the signal.
    panel.controller.finished.connect(trained)
    panel.controller.failed.connect(lambda message: finish(1, reason=message))
    window.tf_loader.failed.connect(lambda message: finish(1, reason=message))
    if window.tf_loader.is_loaded:
        QTimer.singleShot(0, train)
    else:
        window.tfLoaded.connect(train)
    QTimer.singleShot(TIME_LIMIT_MS, lambda: finish(1, reason="took longer than 5 minutes"))
    print(f"self-test: {LESSON} -> {out}", file=sys.stderr, flush=True)
