"""PySide6 6.12.0 drops a reference to None/True/False on each QGraphicsItem change; the
workaround in ui.qt_compat must keep long canvas sessions from aborting the interpreter."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

import ui  # noqa: F401  (applies the workaround)
from ui.qt_compat import needs_refcount_workaround


def test_version_check():
    assert needs_refcount_workaround("6.12.0", (3, 11))
    assert not needs_refcount_workaround("6.12.0", (3, 12))
    assert not needs_refcount_workaround("6.11.3", (3, 11))


def test_many_item_moves_do_not_exhaust_none(qapp):
    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 10, 10)
    scene.addItem(item)
    # More changes than None has references without the workaround (tens of thousands):
    # on an affected PySide this loop alone would abort the test process.
    moves = 3 * sys.getrefcount(None) if sys.getrefcount(None) < 10**9 else 200_000
    for i in range(min(moves, 300_000)):
        item.setPos(i % 500, i % 300)
        item.setSelected(bool(i % 2))
    assert item.pos().x() >= 0
