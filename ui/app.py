"""Create the QApplication, show the main window, then load TensorFlow in the background."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from playground.i18n import language
from playground.kerasenv import configure_environment
from ui.language import APPLICATION, ORGANIZATION, install_translations

_STARTED = time.perf_counter()


def _report_shown_and_exit() -> None:
    print(f"WINDOW_SHOWN {time.perf_counter() - _STARTED:.3f}", flush=True)
    os._exit(0)  # do not wait for the TensorFlow import the window has started


def create_window(app: QApplication):
    """The main window with every panel installed and the saved layout applied."""
    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.panels import install_panels

    window = MainWindow(Document())
    window.panels = install_panels(window)
    window.restore_layout()
    return window


def run_app(args: list[str]) -> int:
    configure_environment()
    # Crisp at fractional scale factors (150 %, 175 %) instead of rounding to whole ones.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    # ui.launcher chose the language before the core was imported; Qt follows it.
    app.translators = install_translations(app, language())
    app.setApplicationDisplayName(app.translate("app", "Keras Playground"))
    from ui.theme import app_icon

    app.setWindowIcon(app_icon())
    from ui.crash import install_crash_reporter
    from ui.theme import apply_theme

    app.crash_reporter = install_crash_reporter(app)  # errors shown + logged, app goes on
    apply_theme(app, os.environ.get("KERAS_PLAYGROUND_THEME")
                or str(QSettings().value("ui/theme", "system")))
    window = create_window(app)
    window.show_window()  # maximized at the first start
    if os.environ.get("KP_STARTUP_PROBE"):  # benchmarks/bench_startup.py: report, then leave
        QTimer.singleShot(0, _report_shown_and_exit)
    # Start TensorFlow's import only once the window is on screen.
    QTimer.singleShot(0, window.tf_loader.start)
    if args:
        QTimer.singleShot(0, lambda: window.file_actions.open_path(Path(args[0]), ask=False))
    else:
        QTimer.singleShot(0, window.view.fit_all)
    QTimer.singleShot(0, window.panels.autosave.offer_restore)  # work left by a crashed session
    if not args:   # the first start leads somewhere: lessons, build your own, your data
        window.panels.welcome.show_on_first_start()
    # After an unexpected error, put unsaved work aside at once rather than within 30 s.
    app.crash_reporter.reported.connect(lambda *_: window.panels.autosave.autosave_now())
    return app.exec()
