"""Start the main window in a language and print its keyboard shortcuts as JSON:
``{"shortcuts": [[key, action text, object name], ...], "menus": [menu bar titles]}``.

A separate process, like tests/gui/visible_texts.py (the language is chosen before the
core is imported). Used by tests/gui/test_shortcuts.py.
"""
from __future__ import annotations

import json
import os
import sys

from tests.gui.visible_texts import open_window


def main(language: str) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    _app, window = open_window(language)
    shortcuts = []
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                shortcuts.append([key.toString(QKeySequence.SequenceFormat.PortableText),
                                  action.text(), action.objectName()])
    menus = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    print(json.dumps({"shortcuts": shortcuts, "menus": menus}, ensure_ascii=False))
    window.document.set_modified(False)
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
