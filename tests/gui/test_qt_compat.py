"""PySide6 6.12.0 releases a reference to None/True/False on every QGraphicsItem change it
did not take; on Python 3.11 long canvas sessions then abort the interpreter. pyproject.toml
pins a PySide6 without the bug; this test fails on one that has it."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene


class _Item(QGraphicsRectItem):
    calls = 0

    def itemChange(self, change, value):  # a Python override, as canvas and pyqtgraph have
        _Item.calls += 1
        return super().itemChange(change, value)


def test_item_changes_do_not_leak_references_to_singletons(qapp):
    scene = QGraphicsScene()
    item = _Item(0, 0, 10, 10)
    # Without these flags Qt sends no position/selection changes, and the override (where
    # the bug is) would never run.
    item.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                  | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
    scene.addItem(item)
    _Item.calls = 0
    before = {name: sys.getrefcount(obj) for name, obj in
              (("None", None), ("True", True), ("False", False))}
    for i in range(5000):
        item.setPos(i % 500, i % 300)
        item.setSelected(bool(i % 2))
    after = {name: sys.getrefcount(obj) for name, obj in
             (("None", None), ("True", True), ("False", False))}
    assert _Item.calls >= 10_000  # position and selection changes really went through it
    for name in before:
        assert after[name] - before[name] > -1000, (
            f"{name} lost {before[name] - after[name]} references in 5000 item changes: "
            "this PySide6 has the refcount bug; install the version pyproject.toml pins")
    scene.removeItem(item)
