"""Create the QApplication and show the main window."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def run_app(args: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Keras Playground")
    app.setOrganizationName("KerasPlayground")
    window = QMainWindow()
    window.setWindowTitle(app.translate("MainWindow", "Keras Playground"))
    window.resize(1280, 800)
    window.show()
    return app.exec()
