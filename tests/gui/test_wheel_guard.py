"""Issue 23: scrolling a settings panel never changes a setting under the pointer."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import mlp

pytestmark = pytest.mark.gui


def _wheel(widget, steps: int) -> None:
    """A wheel turn of ``steps`` notches (negative: towards the user) over ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_scrolls_the_inspector_instead_of_changing_units(window, qtbot):
    graph = window.document.graph
    ids = mlp(graph)
    window.scene.select_nodes([ids[1]])
    inspector = window.panels.inspector
    units = inspector.editors["units"].widget
    activation = inspector.editors["activation"].widget
    inspector.resize(inspector.width(), 120)  # cramped: the form must scroll
    bar = inspector.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    assert units.focusPolicy() == Qt.FocusPolicy.StrongFocus   # the wheel gives no focus
    _wheel(units, -1)
    _wheel(activation, -1)
    assert graph.node(ids[1]).params["units"] == 8
    assert graph.node(ids[1]).params["activation"] == "relu"
    assert units.value() == 8 and activation.currentText() == "relu"
    assert bar.value() > 0        # the panel scrolled instead
    assert window.document.undo_stack.count() == 0

    units.setFocus()               # clicked: now the wheel is the user's choice
    qtbot.waitUntil(units.hasFocus)
    _wheel(units, 1)
    assert graph.node(ids[1]).params["units"] == 9
