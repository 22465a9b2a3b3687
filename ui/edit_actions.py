"""Edit and View menus: undo/redo, clipboard, delete, layout, zoom; canvas gestures -> commands.

Every change goes through an undo command (``ui.commands``). Structural edits are refused
with the reason while the document is locked (e.g. during training).
"""
from __future__ import annotations

import json

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from playground.network import catalog
from playground.errors import GraphError
from ui import commands, theme
from ui.shared_actions import add_shared_call_action
from ui.canvas.items import EdgeItem, NODE_HEIGHT, NODE_WIDTH, NodeItem
from ui.window_parts import WindowParts


CLIPBOARD_TAG = "keras-playground-layers"
PASTE_OFFSET = 40.0
ROW_GAP = 120.0  # the automatic layout's row spacing


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
                                   self.delete_selection)
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
                                        QKeySequence("Ctrl+L"), self.arrange)
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

        self.scene.layerDropped.connect(self.add_layer_at)
        self.scene.connectRequested.connect(self.connect_nodes)
        self.scene.disconnectRequested.connect(
            lambda edge: self._run(commands.Disconnect(self.graph, edge)))
        self.scene.reconnectRequested.connect(self.reconnect)
        self.scene.nodesMoved.connect(self.move_nodes)
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
        if not self._locked():
            self.document.undo_stack.undo()

    def _redo(self) -> None:
        if not self._locked():
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

    # ------------------------------------------------------------- helpers
    @property
    def graph(self):
        return self.document.graph

    def _run(self, command: commands.GraphCommand, structural: bool = True) -> bool:
        """Apply a command; a refused edit is reported in words, never raised to Qt."""
        if structural and self._locked():
            return False
        try:
            commands.execute(self.document.undo_stack, command)
        except GraphError as exc:
            self.window.show_message(str(exc))
            return False
        return True

    def _locked(self) -> bool:
        if self.document.locked:
            self.window.show_message(self.document.lock_message())
        return self.document.locked

    def _snap(self, x: float, y: float) -> tuple[float, float]:
        if not self.scene.snap_to_grid:
            return (x, y)
        g = self.scene.GRID
        return (round(x / g) * g, round(y / g) * g)

    # ------------------------------------------------------- canvas gestures
    def add_layer_at(self, layer_type: str, scene_pos: QPointF) -> str | None:
        """Create a layer centred on ``scene_pos`` (a palette drop). Dropped on a
        connection, the layer is spliced into it: a -> new -> b, one undo step."""
        pos = self._snap(scene_pos.x() - NODE_WIDTH / 2, scene_pos.y() - NODE_HEIGHT / 2)
        edge = self.scene.edge_at(scene_pos)
        if edge is not None and not catalog.get(layer_type).is_input:
            return self._splice(layer_type, pos, edge)
        cmd = commands.AddNode(self.graph, layer_type, pos)
        if not self._run(cmd):
            return None
        self.scene.select_nodes([cmd.node_id])
        return cmd.node_id

    def _splice(self, layer_type: str, pos: tuple[float, float], edge) -> str | None:
        if self._locked():
            return None
        graph, stack = self.graph, self.document.undo_stack
        stack.beginMacro(self.tr("Insert %1").replace("%1", layer_type))
        cmd = commands.AddNode(graph, layer_type, pos)
        try:
            ok = self._run(cmd) and self._run(commands.Disconnect(graph, edge)) \
                and self._run(commands.Connect(graph, edge.source, cmd.node_id)) \
                and self._run(commands.Connect(graph, cmd.node_id, edge.target, edge.port))
        finally:
            stack.endMacro()
        if not ok:
            stack.undo()  # leave the graph as it was; the status bar says why
            return None
        self.scene.select_nodes([cmd.node_id])
        return cmd.node_id

    def add_layer_after_selected(self, layer_type: str) -> str | None:
        """Palette double-click / Enter: add the layer after the selected one, connected.

        When the selected layer feeds exactly one other, the new layer is inserted between
        them (the layers below move down a row), as when building a model in sequence.
        All of it is one undo step.
        """
        if self._locked():
            return None
        selected = self.scene.selected_node_ids()
        anchor = self.graph.node(selected[-1]) if selected else self._last_node()
        if anchor is None:
            center = self.view.mapToScene(self.view.viewport().rect().center())
            return self.add_layer_at(layer_type, center)
        graph = self.graph
        takes_input = not catalog.get(layer_type).is_input
        outgoing = graph.outgoing(anchor.id)
        insert_before = outgoing[0] if takes_input and len(outgoing) == 1 else None
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Add %1").replace("%1", layer_type))
        ok = True
        try:
            if insert_before is not None:
                below = {insert_before.target} | graph.descendants(insert_before.target)
                moves = {}
                for nid in below:
                    x, y = graph.node(nid).position
                    moves[nid] = ((x, y), (x, y + ROW_GAP))
                ok = self._run(commands.MoveNodes(graph, moves), structural=False) and \
                    self._run(commands.Disconnect(graph, insert_before))
            pos = self._free_spot(anchor.position[0], anchor.position[1] + ROW_GAP)
            cmd = commands.AddNode(graph, layer_type, pos)
            ok = ok and self._run(cmd)
            if ok and takes_input and graph.can_connect(anchor.id, cmd.node_id) is None:
                self._run(commands.Connect(graph, anchor.id, cmd.node_id))
            if ok and insert_before is not None and graph.can_connect(
                    cmd.node_id, insert_before.target, insert_before.port) is None:
                self._run(commands.Connect(graph, cmd.node_id, insert_before.target,
                                           insert_before.port))
        finally:
            stack.endMacro()
        if not ok:
            stack.undo()  # nothing half-done stays behind
            return None
        self.scene.select_nodes([cmd.node_id])
        self.view.ensureVisible(self.scene.node_items[cmd.node_id])
        return cmd.node_id

    def _free_spot(self, x: float, y: float) -> tuple[float, float]:
        """(x, y) snapped, moved right until the new layer would not cover another one."""
        x, y = self._snap(x, y)
        taken = [n.position for n in self.graph]
        while any(abs(px - x) < NODE_WIDTH + 10 and abs(py - y) < NODE_HEIGHT + 10
                  for px, py in taken):
            x += NODE_WIDTH + 20
        return (x, y)

    def _last_node(self):
        order = self.graph.topological_order()
        return order[-1] if order else None

    def connect_nodes(self, source: str, target: str, port: int) -> None:
        self._run(commands.Connect(self.graph, source, target, None if port < 0 else port))

    def reconnect(self, edge, target: str, port: int) -> None:
        """Move a connection's input end elsewhere: one undo step (or nothing if refused)."""
        if self._locked():
            return
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Reconnect"))
        ok = self._run(commands.Disconnect(self.graph, edge)) and self._run(
            commands.Connect(self.graph, edge.source, target, None if port < 0 else port))
        stack.endMacro()
        if not ok:  # the scene checked first, so this is rare: put the connection back
            stack.undo()

    def move_nodes(self, moves: dict) -> None:
        self._run(commands.MoveNodes(self.graph, moves), structural=False)

    # ------------------------------------------------------------ editing
    def delete_selection(self) -> None:
        nodes = self.scene.selected_node_ids()
        edges = [e for e in self.scene.selected_edges()
                 if e.source not in nodes and e.target not in nodes]
        if not nodes and not edges:
            return
        if self._locked():
            return
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Delete"))
        try:
            for edge in edges:
                self._run(commands.Disconnect(self.graph, edge))
            if nodes:
                self._run(commands.RemoveNodes(self.graph, nodes))
        finally:
            stack.endMacro()

    def select_all_nodes(self) -> None:
        self.scene.select_nodes(list(self.scene.node_items))

    def _selection_payload(self) -> dict | None:
        ids = self.scene.selected_node_ids()
        if not ids:
            return None
        chosen = set(ids)
        nodes = [self.graph.node(n).to_dict() for n in ids]
        edges = [e.to_dict() for e in self.graph.edges
                 if e.source in chosen and e.target in chosen]
        return {"nodes": nodes, "edges": edges}

    def copy_selection(self) -> None:
        payload = self._selection_payload()
        if payload is None:
            return
        # Plain JSON text (tagged): pastes into another window of the app, and avoids
        # handing a QMimeData to the clipboard, which crashes PySide at exit.
        QGuiApplication.clipboard().setText(json.dumps({CLIPBOARD_TAG: payload}))

    def cut_selection(self) -> None:
        if self._locked():
            return
        self.copy_selection()
        self.delete_selection()

    def paste_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        try:
            payload = json.loads(text)[CLIPBOARD_TAG] if text.lstrip().startswith("{") else None
        except (json.JSONDecodeError, KeyError, TypeError):
            payload = None
        if not isinstance(payload, dict) or not isinstance(payload.get("nodes"), list):
            self.window.show_message(self.tr("The clipboard holds no layers to paste. Copy "
                                             "layers on the canvas first."))
            return
        self._paste(payload)

    def duplicate_selection(self) -> None:
        payload = self._selection_payload()
        if payload is not None:
            self._paste(payload)

    def _paste(self, payload: dict) -> None:
        if self._locked():
            return
        try:
            new_ids = commands.paste_nodes(self.document.undo_stack, self.graph,
                                           payload["nodes"], payload.get("edges", []),
                                           (PASTE_OFFSET, PASTE_OFFSET))
        except (GraphError, KeyError, TypeError, ValueError) as exc:
            self.window.show_message(self.tr("Cannot paste: %1").replace("%1", str(exc)))
            return
        self.scene.select_nodes(new_ids)

    def arrange(self) -> None:
        """Automatic layout as one undoable move of every node."""
        from playground.network.layout import auto_layout

        copy = self.graph.copy()
        result = auto_layout(copy)
        positions = result if isinstance(result, dict) else {n.id: n.position for n in copy}
        moves = {nid: (self.graph.node(nid).position, tuple(pos))
                 for nid, pos in positions.items()
                 if nid in self.graph and tuple(pos) != self.graph.node(nid).position}
        if moves:
            self._run(commands.MoveNodes(self.graph, moves, self.tr("Arrange automatically")),
                      structural=False)
        self.view.fit_all()

    # --------------------------------------------------------- context menu
    def show_context_menu(self, item, screen_pos: QPointF) -> None:
        menu = QMenu(self.window)
        if isinstance(item, NodeItem):
            node = self.graph.node(item.node_id)
            freeze = menu.addAction(self.tr("Unfreeze (train this layer)") if not node.trainable
                                    else self.tr("Freeze (keep weights fixed)"))
            freeze.triggered.connect(lambda: self._run(commands.SetTrainable(
                self.graph, node.id, not node.trainable)))
            add_shared_call_action(menu, self.graph, node, self._run)
            menu.addSeparator()
            for a in (self.cut, self.copy, self.duplicate, self.delete):
                menu.addAction(a)
        elif isinstance(item, EdgeItem):
            remove = menu.addAction(self.tr("Remove Connection"))
            remove.triggered.connect(lambda: self._run(commands.Disconnect(self.graph,
                                                                           item.edge)))
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
            "Ctrl+L: arrange · arrows: nudge · Delete: remove · Ctrl+Z: undo · "
            "Ctrl+F: find a layer to add (Enter adds it) · F2: rename.</p>"))
