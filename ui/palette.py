"""The layer palette: layers by category, searchable, coloured per category.

Dragging an entry carries only the layer type name (``LAYER_MIME``); double-click or Enter
adds the layer after the selected node and connects it.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QLineEdit, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from playground.i18n import _ as core_text  # category names (playground.network.specs)

from playground.network import catalog
from ui import theme
from ui.canvas.view import LAYER_MIME

TYPE_ROLE = Qt.ItemDataRole.UserRole + 1


def _swatch(color: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class LayerTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIndentation(12)
        self.setUniformRowHeights(True)
        self.setAnimated(True)

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        types = [i.data(0, TYPE_ROLE) for i in items if i.data(0, TYPE_ROLE)]
        if types:
            data.setData(LAYER_MIME, types[0].encode("utf-8"))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [LAYER_MIME]


class PalettePanel(QWidget):
    def __init__(self, add_layer: Callable[[str], None], parent: QWidget | None = None) -> None:
        """``add_layer(type_name)`` adds a layer after the selection (double-click, Enter)."""
        super().__init__(parent)
        self._add_layer = add_layer
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search layers…"))
        self.search.setClearButtonEnabled(True)
        self.tree = LayerTree(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        # The help sentence of the layer under the mouse (or selected): no need to wait for
        # a tooltip to learn what a layer does.
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setProperty("role", "help")
        self.help.setMinimumHeight(self.help.fontMetrics().lineSpacing() * 4)
        self.help.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.help)
        self.tree.setMouseTracking(True)
        self.tree.itemEntered.connect(lambda item, _col: self._show_help(item))
        self.tree.currentItemChanged.connect(lambda item, _prev: self._show_help(item))
        self._populate()
        self._show_help(None)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._add_first_visible)
        self.tree.itemActivated.connect(self._activated)  # double-click and Enter

    def _populate(self) -> None:
        bold = self.tree.font()
        bold.setBold(True)
        for category, specs in catalog.by_category().items():
            group = QTreeWidgetItem(self.tree, [core_text(category)])
            group.setFont(0, bold)
            group.setIcon(0, _swatch(theme.category_color(category)))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for spec in specs:
                item = QTreeWidgetItem(group, [spec.title])
                item.setData(0, TYPE_ROLE, spec.type_name)
                item.setToolTip(0, f"<b>{spec.title}</b><br>{spec.help}")
                item.setIcon(0, _swatch(theme.category_color(category), 10))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
            group.setExpanded(category in ("Core", "Convolution", "Pooling",
                                           "Regularization", "Reshaping"))

    def _show_help(self, item: QTreeWidgetItem | None) -> None:
        layer_type = item.data(0, TYPE_ROLE) if item is not None else None
        if not layer_type:
            self.help.setText(self.tr("Drag a layer onto the canvas, or double-click it to add "
                                      "it after the selected layer."))
            return
        spec = catalog.get(layer_type)
        self.help.setText(f"<b>{spec.title}</b> — {spec.help}")

    def layer_items(self) -> list[QTreeWidgetItem]:
        items = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            items += [group.child(i) for i in range(group.childCount())]
        return items

    def filter(self, text: str) -> None:
        """Show layers whose name, category or help contains the text."""
        needle = text.strip().lower()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            any_visible = False
            for i in range(group.childCount()):
                item = group.child(i)
                spec = catalog.get(item.data(0, TYPE_ROLE))
                hay = f"{spec.type_name} {spec.category} {core_text(spec.category)} {spec.help}".lower()
                visible = not needle or needle in hay
                item.setHidden(not visible)
                any_visible |= visible
            group.setHidden(not any_visible)
            if needle and any_visible:
                group.setExpanded(True)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        layer_type = item.data(0, TYPE_ROLE)
        if layer_type:
            self._add_layer(layer_type)

    def focus_search(self) -> None:
        """Show the palette and put the cursor in its search field (Ctrl+K)."""
        dock = self.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        self.search.setFocus()
        self.search.selectAll()

    def _add_first_visible(self) -> None:
        for item in self.layer_items():
            if not item.isHidden() and not item.parent().isHidden():
                self._activated(item)
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.tree.setFocus()
            return
        super().keyPressEvent(event)
