"""Qt's own texts that the ``qtbase_zh_CN.qm`` shipped with PySide6 lacks (Qt 6 renamed
them), so Qt's file dialog would show them in English (issue 23: "Look in:", "Files of
type:", "Folder"). Written here for lupdate, translated in our ``.ts`` under Qt's own
contexts; our translator is asked before Qt's (ui/language.py), so they reach Qt's
widgets too. Found by opening the dialog in Chinese (tests/gui/test_qt_dialogs_chinese.py).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_own_texts() -> list[str]:
    """The texts, translated into the current language (Qt's contexts, as Qt asks)."""
    translate = QCoreApplication.translate
    return [translate("QFileDialog", "&Look in:"),
            translate("QFileDialog", "Files of &type:"),
            translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
            translate("QAbstractFileIconProvider", "Drive")]
