"""No silent changes from the mouse wheel.

Scrolling a panel full of settings must scroll the panel, not turn the spin box or combo
box that happens to pass under the pointer (issue 23: Units went from 32 to 31 and the
loss changed while the user only scrolled). One application-wide event filter makes every
spin box, combo box and slider inside a scrolling area take the wheel only once it has
focus (a click gives it focus; the wheel no longer does); until then the wheel scrolls the
area around it.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox,
                               QApplication, QComboBox, QWidget)

_GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, _GUARDED):
            return parent
        parent = parent.parentWidget()
    return None


def _is_guarded(obj: QObject) -> bool:
    # A scroll bar is a slider too, but the wheel is what it is for.
    return (isinstance(obj, _GUARDED)
            and obj.metaObject().className() not in ("QScrollBar",))


class WheelGuard(QObject):
    """The filter; installed once on the application by :func:`install_wheel_guard`."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Polish and _is_guarded(obj):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
        elif kind == QEvent.Type.Wheel and _is_guarded(obj) and not obj.hasFocus():
            area = _scroll_area_around(obj)
            if area is not None:
                # Scroll the area instead (sent to its viewport, as Qt would propagate it).
                viewport = area.viewport()
                wheel: QWheelEvent = event  # type: ignore[assignment]
                position = viewport.mapFromGlobal(wheel.globalPosition().toPoint())
                forwarded = QWheelEvent(position.toPointF(), wheel.globalPosition(),
                                        wheel.pixelDelta(), wheel.angleDelta(),
                                        wheel.buttons(), wheel.modifiers(), wheel.phase(),
                                        wheel.inverted())
                QApplication.sendEvent(viewport, forwarded)
                return True
        return False


def install_wheel_guard(app: QApplication | None = None) -> WheelGuard:
    """Install the guard on the application (once; later calls return the same one)."""
    app = app or QApplication.instance()
    guard = getattr(app, "_wheel_guard", None)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        app._wheel_guard = guard  # kept alive with the application
    return guard
