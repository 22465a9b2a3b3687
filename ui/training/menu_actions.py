"""Training ▸ Train / Pause / Stop / Reset weights: the Training panel's buttons as menu
actions with keyboard shortcuts, enabled exactly when the buttons are."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton

from ui.training.panel import TrainingPanel

# Debugger-like keys: unused elsewhere in the app (tests/gui/test_shortcuts.py checks).
SHORTCUTS = {"train": "F5", "pause": "F6", "stop": "Shift+F5", "reset": "Ctrl+Shift+R"}


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def add_run_actions(menu: QMenu, window: QMainWindow, panel: TrainingPanel
                    ) -> dict[str, QAction]:
    texts = {"train": tr("&Train"), "pause": tr("&Pause / Resume"), "stop": tr("&Stop"),
             "reset": tr("&Reset Weights")}
    buttons: dict[str, QPushButton] = {"train": panel.train_button,
                                       "pause": panel.pause_button,
                                       "stop": panel.stop_button, "reset": panel.reset_button}
    actions: dict[str, QAction] = {}
    for key, button in buttons.items():
        action = QAction(texts[key], window)
        action.setObjectName(f"training_{key}_action")
        action.setShortcut(QKeySequence(SHORTCUTS[key]))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(button.toolTip())
        # The button does the work (and ignores the click while it is disabled).
        action.triggered.connect(lambda _checked=False, b=button: b.click())
        menu.addAction(action)
        actions[key] = action

    def follow() -> None:
        for key, button in buttons.items():
            actions[key].setEnabled(button.isEnabled())

    panel.controller.runningChanged.connect(lambda _running: follow())
    window.document.lockedChanged.connect(lambda _locked: follow())
    follow()
    menu.addSeparator()
    return actions
