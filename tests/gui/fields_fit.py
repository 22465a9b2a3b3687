"""Run in its own process (the catalog's titles are translated when it is imported):
``python -m tests.gui.fields_fit LANGUAGE`` prints, as JSON, every inspector or training
field that does not fit the width of its panel at 1366×768 and 1920×1080.

For each size: every catalog layer's inspector form with its "search this" ranges open,
then the training settings with theirs open. A field fits when its panel shows no
horizontal scroll bar and the field lies inside the panel's viewport, left to right.
"""
from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox,
                               QComboBox, QLabel, QLineEdit, QScrollArea, QWidget)

from tests.gui.visible_texts import open_window

SIZES = [(1366, 768), (1920, 1080)]
FIELD_TYPES = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QLabel)


def cut_fields(area: QScrollArea, what: str) -> list[str]:
    """The fields inside ``area`` that stick out of its viewport sideways (or all of them
    behind a shown horizontal scroll bar)."""
    problems = []
    if area.horizontalScrollBar().isVisible():
        problems.append(f"{what}: a horizontal scroll bar is shown")
    viewport, body = area.viewport(), area.widget()
    width = viewport.width()
    for field in body.findChildren(QWidget):
        if not isinstance(field, FIELD_TYPES) or not field.isVisibleTo(body):
            continue
        if isinstance(field.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue   # a spin box's own line edit
        if any(isinstance(p, QAbstractScrollArea) and p is not area
               for p in _parents(field, area)):
            continue   # inside a nested scroller (a plot, the config editor)
        left = field.mapTo(viewport, QPoint(0, 0)).x()
        if left < 0 or left + field.width() > width:
            text = getattr(field, "text", lambda: "")() or field.objectName()
            problems.append(f"{what}: {type(field).__name__} {text!r} spans "
                            f"{left}..{left + field.width()} of {width} px")
    return problems


def _parents(widget: QWidget, stop: QWidget):
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


def main(language: str, only: list[str] | None = None) -> None:
    """``only``: the layer types to look at (all by default)."""
    from playground.network.catalog import LAYER_SPECS

    app, window = open_window(language)
    inspector, training = window.panels.inspector, window.panels.training
    graph = window.document.graph
    problems: list[str] = []
    checked: list[str] = []
    for size in SIZES:
        window.resize(*size)
        window._default_dock_sizes()
        for _ in range(5):
            app.processEvents()
        for spec in LAYER_SPECS:
            if spec.is_generic or (only and spec.type_name not in only):
                continue
            node = graph.add_node(spec.type_name)
            window.scene.select_nodes([node.id if hasattr(node, "id") else node])
            for search in inspector.search_fields.values():
                search.toggle.setChecked(True)
            for _ in range(3):   # the layout settles (a scroll bar shown makes it relayout)
                app.processEvents()
            problems += cut_fields(inspector, f"{size} inspector of {spec.type_name}")
            checked.append(spec.type_name)
            window.scene.select_nodes([])
            graph.remove_node(node.id if hasattr(node, "id") else node)
        for search in training.form.search_fields.values():
            search.toggle.setChecked(True)
        app.processEvents()
        area = training.settings_scroll
        problems += cut_fields(area, f"{size} training settings")
        buttons = (training.train_button, training.pause_button, training.stop_button,
                   training.reset_button)
        for button in buttons:
            if any(p is area for p in _parents(button, window)):
                problems.append(f"{size}: {button.text()!r} scrolls with the settings")
            elif not button.isVisible() or button.visibleRegion().boundingRect().size() \
                    != button.size():
                problems.append(f"{size}: {button.text()!r} is not wholly shown")
    print(json.dumps({"problems": problems, "layers": len(set(checked))}))
    window.document.set_modified(False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
