"""Edit and View menus: undo/redo, clipboard, delete, layout, zoom, theme, help.

The menu's actions and the canvas's gestures are applied by :class:`ui.canvas_edits.
CanvasEdits` (one undo command per gesture); this module only makes the actions and
connects them. Structural edits are refused with the reason while the document is locked
(e.g. during training).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from ui import clipboard, theme
from ui.canvas.items import EdgeItem, NodeItem
from ui.canvas_edits import CanvasEdits
from ui.shared_actions import add_shared_call_action
from ui.window_parts import WindowParts

CLIPBOARD_TAG = clipboard.CLIPBOARD_TAG


class EditActions(QObject):
    """The Edit menu. ``findLayerRequested`` (Ctrl+F) and ``renameRequested`` (F2) are
    answered by the palette and the inspector, connected where the panels are made."""

    findLayerRequested = Signal()
    renameRequested = Signal()

    def __init__(self, window: WindowParts) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.scene = window.scene
        self.view = window.view
        self.edits = CanvasEdits(self.document, self.scene, self.view, window.show_message,
                                 self)
        stack = self.document.undo_stack
        menu = window.menuBar().addMenu(self.tr("&Edit"))
        self.menu = menu

        # Own actions rather than the stack's: undo must also wait while editing is locked
        # (undoing a layer away in the middle of training would change the model under it).
        self.undo = self._action(self.tr("&Undo"), QKeySequence.StandardKey.Undo,
                                 self._undo)
        self.redo = self._action(self.tr("&Redo"), QKeySequence.StandardKey.Redo,
                                 self._redo)
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                       stack.redoTextChanged, stack.indexChanged):
            signal.connect(self._update_undo)
        self.document.lockedChanged.connect(lambda _locked: self._update_undo())
        self.undo.setIconText(self.tr("Undo"))  # toolbar: short; menu: "Undo Add Dense"
        self.redo.setIconText(self.tr("Redo"))
        self._update_undo()
        menu.addAction(self.undo)
        menu.addAction(self.redo)
        menu.addSeparator()
        self.cut = self._action(self.tr("Cu&t"), QKeySequence.StandardKey.Cut, self.cut_selection)
        self.copy = self._action(self.tr("&Copy"), QKeySequence.StandardKey.Copy,
                                 self.copy_selection)
        self.paste = self._action(self.tr("&Paste"), QKeySequence.StandardKey.Paste,
                                  self.paste_clipboard)
        self.duplicate = self._action(self.tr("D&uplicate"), QKeySequence("Ctrl+D"),
                                      self.duplicate_selection)
        self.delete = self._action(self.tr("&Delete"), QKeySequence.StandardKey.Delete,
                                   self.edits.delete_selection)
        self.delete.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete),
                                  QKeySequence(Qt.Key.Key_Backspace)])
        for a in (self.cut, self.copy, self.paste, self.duplicate, self.delete):
            menu.addAction(a)
        menu.addSeparator()
        self.select_all = self._action(self.tr("Select &All"), QKeySequence.StandardKey.SelectAll,
                                       self.select_all_nodes)
        menu.addAction(self.select_all)
        menu.addSeparator()
        self.auto_layout = self._action(self.tr("Arrange &Automatically"),
                                        QKeySequence("Ctrl+Shift+L"), self.edits.arrange)
        self.auto_layout.setToolTip(self.tr("Lay out the whole graph in tidy rows"))
        menu.addAction(self.auto_layout)
        menu.addSeparator()
        # Keyboard flow: Ctrl+F, type part of a name, Enter adds it after the selection.
        self.find_layer = self._action(self.tr("&Find Layer to Add…"),
                                       QKeySequence.StandardKey.Find, self.findLayerRequested.emit)
        self.rename = self._action(self.tr("Re&name Layer"), QKeySequence(Qt.Key.Key_F2),
                                   self.renameRequested.emit)
        menu.addAction(self.find_layer)
        menu.addAction(self.rename)

        self.zoom_in = self._action(self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn,
                                    lambda: self.view.zoom_by(1.25))
        self.zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out = self._action(self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut,
                                     lambda: self.view.zoom_by(0.8))
        self.fit = self._action(self.tr("&Fit Graph"), QKeySequence("Ctrl+0"),
                                lambda: self.view.fit_all(readable=False))
        self.snap = QAction(self.tr("&Snap to Grid"), self)
        self.snap.setCheckable(True)
        self.snap.setChecked(self.scene.snap_to_grid)
        self.snap.toggled.connect(lambda on: setattr(self.scene, "snap_to_grid", on))

        edits = self.edits
        self.scene.layerDropped.connect(edits.add_layer_at)
        self.scene.connectRequested.connect(edits.connect_nodes)
        self.scene.disconnectRequested.connect(edits.disconnect)
        self.scene.reconnectRequested.connect(edits.reconnect)
        self.scene.nodesMoved.connect(edits.move_nodes)
        self.scene.refused.connect(self.window.show_message)
        self.scene.contextMenuRequested.connect(self.show_context_menu)
        self.scene.selectionChanged.connect(self._update_enabled)
        self._update_enabled()

        bar = window.addToolBar(self.tr("Edit"))
        bar.setObjectName("edit_toolbar")
        for a in (self.undo, self.redo):
            bar.addAction(a)
        bar.addSeparator()
        for a in (self.delete, self.auto_layout, self.fit):
            bar.addAction(a)

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def add_view_actions(self, menu: QMenu) -> None:
        for a in (self.zoom_in, self.zoom_out, self.fit):
            menu.addAction(a)
        menu.addAction(self.snap)
        menu.addSeparator()
        themes = menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        names = {"system": self.tr("Follow the System"), "light": self.tr("Light"),
                 "dark": self.tr("Dark")}
        self.theme_actions: dict[str, QAction] = {}
        for key in theme.THEMES:
            action = themes.addAction(names[key])
            action.setCheckable(True)
            action.setChecked(key == theme.current_choice())
            action.triggered.connect(lambda _c=False, key=key: self.set_theme(key))
            group.addAction(action)
            self.theme_actions[key] = action

    def set_theme(self, choice: str) -> None:
        """Switch light/dark/system, remember it, and redraw the canvas in the new colours."""
        app = QApplication.instance()
        theme.set_theme(app, choice)
        self.window.settings.setValue("ui/theme", theme.current_choice())
        self.scene.set_item_caching(False)  # drop pixmaps drawn in the old colours
        self.scene.set_item_caching(True)
        self.scene.set_report(self.scene.report)
        self.scene.update()

    def add_help_actions(self, menu: QMenu) -> None:
        action = menu.addAction(self.tr("&Getting Started"))
        action.setShortcut(QKeySequence.StandardKey.HelpContents)
        action.triggered.connect(self.show_help)

    def _undo(self) -> None:
        if not self.edits.locked():
            self.document.undo_stack.undo()

    def _redo(self) -> None:
        if not self.edits.locked():
            self.document.undo_stack.redo()

    def _update_undo(self, *_args: object) -> None:
        stack, locked = self.document.undo_stack, self.document.locked
        self.undo.setEnabled(stack.canUndo() and not locked)
        self.redo.setEnabled(stack.canRedo() and not locked)
        self.undo.setText(self.tr("&Undo %1").replace("%1", stack.undoText()).strip())
        self.redo.setText(self.tr("&Redo %1").replace("%1", stack.redoText()).strip())
        self.undo.setToolTip(self.undo.text().replace("&", ""))
        self.redo.setToolTip(self.redo.text().replace("&", ""))

    def _update_enabled(self) -> None:
        has_nodes = bool(self.scene.selected_node_ids())
        has_any = has_nodes or bool(self.scene.selected_edges())
        for a in (self.cut, self.copy, self.duplicate):
            a.setEnabled(has_nodes)
        self.delete.setEnabled(has_any)

    # ------------------------------------------------------ canvas gestures
    def add_layer_at(self, layer_type: str, scene_pos: QPointF) -> str | None:
        return self.edits.add_layer_at(layer_type, scene_pos)

    def add_layer_after_selected(self, layer_type: str) -> str | None:
        return self.edits.add_layer_after_selected(layer_type)

    def select_all_nodes(self) -> None:
        self.scene.select_nodes(list(self.scene.node_items))

    # ------------------------------------------------------------ clipboard
    def _selection_payload(self) -> dict | None:
        return clipboard.selection_payload(self.document.graph,
                                           self.scene.selected_node_ids())

    def copy_selection(self) -> None:
        payload = self._selection_payload()
        if payload is not None:
            QGuiApplication.clipboard().setText(clipboard.payload_text(payload))

    def cut_selection(self) -> None:
        if self.edits.locked():
            return
        self.copy_selection()
        self.edits.delete_selection()

    def paste_clipboard(self) -> None:
        payload = clipboard.payload_from_text(QGuiApplication.clipboard().text())
        if payload is None:
            self.window.show_message(self.tr("The clipboard holds no layers to paste. Copy "
                                             "layers on the canvas first."))
            return
        self.edits.paste(payload)

    def duplicate_selection(self) -> None:
        payload = self._selection_payload()
        if payload is not None:
            self.edits.paste(payload)

    # --------------------------------------------------------- context menu
    def show_context_menu(self, item, screen_pos: QPointF) -> None:
        menu = QMenu(self.window)
        if isinstance(item, NodeItem):
            node = self.document.graph.node(item.node_id)
            freeze = menu.addAction(self.tr("Unfreeze (train this layer)") if not node.trainable
                                    else self.tr("Freeze (keep weights fixed)"))
            freeze.triggered.connect(
                lambda: self.edits.set_trainable(node.id, not node.trainable))
            add_shared_call_action(menu, self.document.graph, node, self.edits.run)
            menu.addSeparator()
            for a in (self.cut, self.copy, self.duplicate, self.delete):
                menu.addAction(a)
        elif isinstance(item, EdgeItem):
            remove = menu.addAction(self.tr("Remove Connection"))
            remove.triggered.connect(lambda: self.edits.disconnect(item.edge))
        else:
            menu.addAction(self.paste)
            menu.addAction(self.select_all)
            menu.addSeparator()
            menu.addAction(self.auto_layout)
            menu.addAction(self.fit)
        menu.popup(screen_pos.toPoint())

    def show_help(self) -> None:
        QMessageBox.information(self.window, self.tr("Getting started"), self.tr(
            "<h3>Build a model in four steps</h3><ol>"
            "<li>Drag a layer from <b>Layers</b> (left) onto the canvas (onto a connection "
            "to insert it there), or double-click it to add it after the selected layer.</li>"
            "<li>Connect layers: drag from the dot below a layer to the dot above the next "
            "one. Drag a connection's upper end to another layer to move it, or onto empty "
            "canvas to remove it.</li>"
            "<li>Select a layer to change its settings in the <b>Inspector</b> (right).</li>"
            "<li>Red layers have a problem: hover over them to read what to fix.</li></ol>"
            "<p>Wheel: zoom · middle button or Space+drag: pan · Ctrl+0: fit · "
            "Ctrl+Shift+L: arrange · F5: train · arrows: nudge · Delete: remove · Ctrl+Z: undo · "
            "Ctrl+F: find a layer to add (Enter adds it) · F2: rename.</p>"))
