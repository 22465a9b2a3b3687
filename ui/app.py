"""Create the QApplication, show the main window, then load TensorFlow in the background."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from playground.i18n import language
from playground.kerasenv import configure_environment
from ui.language import APPLICATION, ORGANIZATION, install_translations

_STARTED = time.perf_counter()


def _report_shown_and_exit() -> None:
    print(f"WINDOW_SHOWN {time.perf_counter() - _STARTED:.3f}", flush=True)
    os._exit(0)  # do not wait for the TensorFlow import the window has started


def run_app(args: list[str], self_test: str | None = None) -> int:
    configure_environment()
    # Crisp at fractional scale factors (150 %, 175 %) instead of rounding to whole ones.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    # ui.launcher chose the language before the core was imported; Qt follows it.
    install_translations(app, language())  # the translators belong to app
    app.setApplicationDisplayName(app.translate("app", "Keras Playground"))
    from ui.theme import app_icon

    app.setWindowIcon(app_icon())
    # A file opened while the app runs (a double-click on a .kpg) goes to that app.
    from ui.single_instance import InstanceServer, connect_window, forward_if_running

    if self_test is None and forward_if_running(args):
        print(app.translate("app", "Keras Playground is already running: %1 was opened "
                            "there.").replace("%1", args[0]), flush=True)
        return 0
    from ui.crash import install_crash_reporter
    from ui.theme import apply_theme

    crash_reporter = install_crash_reporter(app)  # errors shown + logged, app goes on
    apply_theme(app, os.environ.get("KERAS_PLAYGROUND_THEME")
                or str(QSettings().value("ui/theme", "system")))
    from ui.composition import create_window, start_window

    window = create_window()
    # benchmarks/bench_startup.py: report once shown, then leave
    probe = _report_shown_and_exit if os.environ.get("KP_STARTUP_PROBE") else None
    start_window(window, Path(args[0]) if args else None, crash_reporter.reported, probe,
                 self_test=Path(self_test) if self_test else None)
    return app.exec()
