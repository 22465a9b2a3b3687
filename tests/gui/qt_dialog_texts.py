"""Open Qt's own file dialog (open, save, folder; detail view) in a language and print
every text it shows as JSON. A separate process (see tests/gui/visible_texts.py); used by
tests/gui/test_qt_dialogs_chinese.py."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tests.gui.visible_texts import open_window

FOLDER = Path(__file__).resolve().parents[2] / "presets"


def main(language: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel, QTreeView

    from ui.qt_texts import qt_own_texts

    app, window = open_window(language)
    texts: list[str] = []
    for mode in ("open", "save", "folder"):
        dialog = QFileDialog(window, "", str(FOLDER))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if mode == "save":
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if mode == "folder":
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.show()
        for _ in range(30):
            app.processEvents()
        texts += [label.text() for label in dialog.findChildren(QLabel)]
        for button in dialog.findChildren(QAbstractButton):
            texts += [button.text(), button.toolTip()]
        for combo in dialog.findChildren(QComboBox):
            texts += [combo.itemText(i) for i in range(combo.count())]
        texts += [action.text() for action in dialog.findChildren(QAction)]
        for tree in dialog.findChildren(QTreeView):
            model = tree.model()
            for column in range(model.columnCount()):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
            texts.append(str(model.data(model.index(0, 2, tree.rootIndex()))))  # "Folder"
        dialog.close()
    print(json.dumps({"texts": [t for t in texts if t and t.strip()],
                      "own": qt_own_texts()}, ensure_ascii=False))
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh_CN")
