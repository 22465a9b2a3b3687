"""Canvas gestures turned into undo commands: add, splice, insert after, connect, reconnect,
move, delete, paste, arrange.

One gesture is one command on the undo stack. A gesture of several steps is built as one
:class:`ui.commands.Batch` and run before it is pushed, so a refused gesture leaves the graph
as it was and nothing on the undo or redo stack; the reason is shown in words. Structural
edits are refused while the document is locked (e.g. during training).
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QPointF

from playground.errors import GraphError
from playground.network import catalog
from playground.network.graph import Edge, Graph, Node
from ui import clipboard, commands
from ui.canvas.items import NODE_HEIGHT, NODE_WIDTH
from ui.canvas.scene import GraphScene
from ui.canvas.view import GraphView
from ui.document import Document

PASTE_OFFSET = 40.0
ROW_GAP = 120.0  # the automatic layout's row spacing


class CanvasEdits(QObject):
    """Applies canvas gestures to ``document``'s graph; ``show_message`` says why one was
    refused."""

    def __init__(self, document: Document, scene: GraphScene, view: GraphView,
                 show_message: Callable[[str], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.view = view
        self.show_message = show_message

    @property
    def graph(self) -> Graph:
        return self.document.graph

    # ------------------------------------------------------------- helpers
    def run(self, command: commands.GraphCommand, structural: bool = True) -> bool:
        """Apply a command; a refused edit is reported in words, never raised to Qt."""
        if structural and self.locked():
            return False
        try:
            commands.execute(self.document.undo_stack, command)
        except GraphError as exc:
            self.show_message(str(exc))
            return False
        return True

    def locked(self) -> bool:
        if self.document.locked:
            self.show_message(self.document.lock_message())
        return self.document.locked

    def _spec(self, layer_type: str) -> catalog.LayerSpec | None:
        try:
            return catalog.get(layer_type)
        except GraphError as exc:  # e.g. a type dragged in from a newer version
            self.show_message(str(exc))
            return None

    def _snap(self, x: float, y: float) -> tuple[float, float]:
        if not self.scene.snap_to_grid:
            return (x, y)
        g = self.scene.GRID
        return (round(x / g) * g, round(y / g) * g)

    # ------------------------------------------------------- adding layers
    def add_layer_at(self, layer_type: str, scene_pos: QPointF) -> str | None:
        """Create a layer centred on ``scene_pos`` (a palette drop). Dropped on a
        connection, the layer is spliced into it: a -> new -> b, one undo step."""
        spec = self._spec(layer_type)
        if spec is None:
            return None
        pos = self._snap(scene_pos.x() - NODE_WIDTH / 2, scene_pos.y() - NODE_HEIGHT / 2)
        edge = self.scene.edge_at(scene_pos)
        graph = self.graph
        new_id = graph.new_id()
        if edge is None or spec.is_input:
            # Dropped on (or next to) another layer: beside it, never hiding it.
            command: commands.GraphCommand = commands.AddNode(
                graph, layer_type, self._free_spot(*pos, {}), node_id=new_id)
        else:
            add = commands.AddNode(graph, layer_type, pos, node_id=new_id)
            command = commands.Batch(graph, self.tr("Insert %1").replace("%1", layer_type), [
                add, commands.Disconnect(graph, edge),
                commands.Connect(graph, edge.source, new_id, source_port=edge.source_port),
                commands.Connect(graph, new_id, edge.target, edge.port)])
        if not self.run(command):
            return None
        self.scene.select_nodes([new_id])
        return new_id

    def add_layer_after_selected(self, layer_type: str) -> str | None:
        """Palette double-click / Enter: add the layer after the selected one, connected.

        When the selected layer feeds exactly one other, the new layer is inserted between
        them (the layers below move down a row), as when building a model in sequence.
        All of it is one undo step.
        """
        spec = self._spec(layer_type)
        if spec is None or self.locked():
            return None
        graph = self.graph
        selected = self.scene.selected_node_ids()
        anchor = graph.node(selected[-1]) if selected else self._last_node()
        if anchor is None:
            center = self.view.mapToScene(self.view.viewport().rect().center())
            return self.add_layer_at(layer_type, center)
        takes_input = not spec.is_input
        outgoing = graph.outgoing(anchor.id)
        below = outgoing[0] if takes_input and len(outgoing) == 1 else None
        steps: list[commands.GraphCommand] = []
        moves: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {}
        if below is not None:
            for nid in {below.target} | graph.descendants(below.target):
                x, y = graph.node(nid).position
                moves[nid] = ((x, y), (x, y + ROW_GAP))
            steps.append(commands.MoveNodes(graph, moves))
            steps.append(commands.Disconnect(graph, below))
        new_id = graph.new_id()
        spot = self._free_spot(anchor.position[0], anchor.position[1] + ROW_GAP,
                               {nid: new for nid, (_old, new) in moves.items()})
        steps.append(commands.AddNode(graph, layer_type, spot, node_id=new_id))
        if takes_input:
            steps.append(commands.Connect(graph, anchor.id, new_id, if_allowed=True))
        if below is not None:
            steps.append(commands.Connect(graph, new_id, below.target, below.port,
                                          if_allowed=True))
        if not self.run(commands.Batch(graph, self.tr("Add %1").replace("%1", layer_type),
                                       steps)):
            return None
        self.scene.select_nodes([new_id])
        self.view.ensureVisible(self.scene.node_items[new_id])
        return new_id

    def _free_spot(self, x: float, y: float,
                   moved: dict[str, tuple[float, float]]) -> tuple[float, float]:
        """(x, y) snapped, moved right until the new layer would not cover another one
        (where the layers in ``moved`` will be once moved)."""
        x, y = self._snap(x, y)
        taken = [moved.get(n.id, n.position) for n in self.graph]
        while any(abs(px - x) < NODE_WIDTH + 10 and abs(py - y) < NODE_HEIGHT + 10
                  for px, py in taken):
            x += NODE_WIDTH + 20
        return (x, y)

    def _last_node(self) -> Node | None:
        order = self.graph.topological_order()
        return order[-1] if order else None

    # ------------------------------------------------------- connections
    def connect_nodes(self, source: str, target: str, port: int) -> None:
        self.run(commands.Connect(self.graph, source, target, None if port < 0 else port))

    def disconnect(self, edge: Edge) -> None:
        self.run(commands.Disconnect(self.graph, edge))

    def reconnect(self, edge: Edge, target: str, port: int) -> None:
        """Move a connection's input end elsewhere: one undo step (or nothing if refused)."""
        graph = self.graph
        self.run(commands.Batch(graph, self.tr("Reconnect"), [
            commands.Disconnect(graph, edge),
            commands.Connect(graph, edge.source, target, None if port < 0 else port,
                             edge.source_port)]))

    def move_nodes(self, moves: dict) -> None:
        self.run(commands.MoveNodes(self.graph, moves), structural=False)

    def set_trainable(self, node_id: str, trainable: bool) -> None:
        self.run(commands.SetTrainable(self.graph, node_id, trainable))

    # ------------------------------------------------------------ editing
    def delete_selection(self) -> None:
        nodes = self.scene.selected_node_ids()
        edges = [e for e in self.scene.selected_edges()
                 if e.source not in nodes and e.target not in nodes]
        if not nodes and not edges:
            return
        graph = self.graph
        steps: list[commands.GraphCommand] = [commands.Disconnect(graph, e) for e in edges]
        if nodes:
            steps.append(commands.RemoveNodes(graph, nodes))
        self.run(commands.Batch(graph, self.tr("Delete"), steps))

    def paste(self, payload: dict) -> list[str] | None:
        """Add copies of the payload's layers, moved a little, selected; one undo step."""
        if self.locked():
            return None
        try:  # the payload is checked while the command is built, the layers when it runs
            command, new_ids = clipboard.paste_command(self.graph, payload,
                                                       (PASTE_OFFSET, PASTE_OFFSET))
            commands.execute(self.document.undo_stack, command)
        except GraphError as exc:
            self.show_message(self.tr("Cannot paste: %1").replace("%1", str(exc)))
            return None
        self.scene.select_nodes(new_ids)
        return new_ids

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
            self.run(commands.MoveNodes(self.graph, moves, self.tr("Arrange automatically")),
                     structural=False)
        self.view.fit_all()
