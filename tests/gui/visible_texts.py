"""Start the app's main window in a language and print every text it shows, one JSON list.

Run as a separate process (``python -m tests.gui.visible_texts zh_CN``) because the core
translates its catalog when first imported: the language must be chosen before that, as
``ui.launcher`` does. Used by tests/gui/test_chinese.py.
"""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from typing import Iterator


def _menu_texts(menu) -> Iterator[str]:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        yield action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def _scene_texts(view) -> Iterator[str]:
    from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem

    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if not item.isVisible():
            continue
        if isinstance(item, QGraphicsSimpleTextItem):
            yield item.text()
        elif isinstance(item, QGraphicsTextItem):
            yield item.toPlainText()


def visible_texts(window) -> list[str]:
    """Titles, labels, buttons, fields, list and tree rows, tabs, menus, tooltips of visible
    widgets, and the texts drawn on the canvas and the plots."""
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDockWidget,
                                   QGraphicsView, QGroupBox, QLabel, QLineEdit,
                                   QPlainTextEdit, QTabBar, QTextEdit, QTreeWidget, QWidget)

    texts: list[str] = [window.windowTitle()]
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        if menu_action.menu() is not None:
            texts.extend(_menu_texts(menu_action.menu()))
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        elif isinstance(widget, QLineEdit):
            texts.extend((widget.placeholderText(), widget.text()))
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.extend((widget.placeholderText(), widget.toPlainText()))
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QTreeWidget):
            root = widget.invisibleRootItem()
            stack = [root.child(i) for i in range(root.childCount())]
            while stack:
                item = stack.pop()
                texts.extend(item.text(c) for c in range(widget.columnCount()))
                texts.append(item.toolTip(0))
                stack.extend(item.child(i) for i in range(item.childCount()))
        elif isinstance(widget, QGraphicsView):
            texts.extend(_scene_texts(widget))
    # Rich text: the words, not the markup.
    return [re.sub(r"<[^>]+>|&nbsp;", " ", t) for t in texts if t and t.strip()]


def open_window(language: str):
    """The app's main window in ``language`` (1366×768, shown), for a separate process."""
    os.environ["KERAS_PLAYGROUND_LANG"] = language
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.language import apply_language_choice, install_translations

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    settings_file = os.path.join(tempfile.mkdtemp(prefix="kp-lang-"), "settings.ini")
    apply_language_choice(QSettings(settings_file, QSettings.Format.IniFormat))
    app = QApplication(sys.argv[:1])
    app.translators = install_translations(app, language)

    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.panels import install_panels

    window = MainWindow(Document(),
                        settings=QSettings(settings_file, QSettings.Format.IniFormat))
    window.panels = install_panels(window)
    window.resize(1366, 768)
    window.show()
    for _ in range(20):
        app.processEvents()
    return app, window


def main(language: str) -> None:
    _app, window = open_window(language)
    print(json.dumps(visible_texts(window), ensure_ascii=False))
    window.document.set_modified(False)
    os._exit(0)  # no TensorFlow import was started; nothing to wait for


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh_CN")
