"""Canvas gestures and undo/redo of every edit kind."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from tests.gui.conftest import canon, mlp
from ui.canvas.view import LAYER_MIME


def _drop_layer(window, layer_type: str, view_pos: QPoint) -> None:
    data = QMimeData()
    data.setData(LAYER_MIME, layer_type.encode())
    event = QDropEvent(QPointF(view_pos), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.view.dropEvent(event)


def test_a_layer_dropped_onto_another_lands_beside_it(window):
    graph = window.document.graph
    first = window.scene.node_items[graph.nodes[0].id]
    _drop_layer(window, "Dense", window.view.mapFromScene(first.sceneBoundingRect().center()))
    new = window.scene.node_items[graph.nodes[-1].id]
    assert not new.sceneBoundingRect().intersects(first.sceneBoundingRect())
    assert abs(new.sceneBoundingRect().top() - first.sceneBoundingRect().top()) < 25


def test_empty_canvas_hint_is_repainted_away_when_a_layer_is_added(window, qtbot):
    from PySide6.QtCore import QEvent, QObject

    painted = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())
            return False

    viewport = window.view.viewport()
    watch = Watch()
    viewport.installEventFilter(watch)
    # flush the paints already pending: ask for one and wait until it has come
    viewport.update()
    qtbot.waitUntil(lambda: bool(painted))
    painted.clear()
    _drop_layer(window, "Dense", QPoint(40, 40))
    # the whole viewport is redrawn (the hint is drawn over it, not in an item's area)
    qtbot.waitUntil(lambda: any(rect.contains(viewport.rect()) for rect in painted))
    assert len(window.document.graph) == 2   # with a layer added the hint is no longer drawn


def test_palette_drag_carries_type_and_drop_creates_node(window):
    palette = window.panels.palette
    dense = next(i for i in palette.layer_items() if i.text(0) == "Dense")
    mime = palette.tree.mimeData([dense])
    assert bytes(mime.data(LAYER_MIME).data()).decode() == "Dense"  # only the type name

    before = len(window.document.graph)
    # on empty canvas, clear of the starting Input layer
    input_rect = window.scene.node_items[window.document.graph.nodes[0].id].sceneBoundingRect()
    drop_at = window.view.mapFromScene(input_rect.center() + QPointF(0, 300))
    _drop_layer(window, "Dense", drop_at)
    graph = window.document.graph
    assert len(graph) == before + 1
    node = graph.nodes[-1]
    assert node.layer_type == "Dense"
    item = window.scene.node_items[node.id]
    # The node is centred (grid-snapped) on the drop point.
    scene_drop = window.view.mapToScene(drop_at)
    assert abs(item.sceneBoundingRect().center().x() - scene_drop.x()) <= 25
    assert abs(item.sceneBoundingRect().center().y() - scene_drop.y()) <= 25
    window.document.undo_stack.undo()
    assert len(graph) == before and node.id not in window.scene.node_items
    window.document.undo_stack.redo()
    assert node.id in graph and node.id in window.scene.node_items


def test_palette_double_click_adds_after_selected_and_connects(window):
    graph = window.document.graph
    start = graph.nodes[0]
    window.scene.select_nodes([start.id])
    palette = window.panels.palette
    item = next(i for i in palette.layer_items() if i.text(0) == "Dense")
    palette.tree.itemActivated.emit(item, 0)
    new = graph.nodes[-1]
    assert new.layer_type == "Dense"
    assert graph.predecessors(new.id) == [start.id]
    assert new.position[1] > start.position[1]
    assert window.scene.selected_node_ids() == [new.id]
    window.document.undo_stack.undo()  # one step removes node and edge
    assert len(graph) == 1 and not graph.edges


def test_palette_search_filters(window):
    palette = window.panels.palette
    palette.search.setText("conv2d")
    visible = [i.text(0) for i in palette.layer_items()
               if not i.isHidden() and not i.parent().isHidden()]
    assert "Conv2D" in visible and "Dense" not in visible
    palette.search.clear()
    assert all(not i.isHidden() for i in palette.layer_items())


def _port_view_pos(window, port_item) -> QPoint:
    return window.view.mapFromScene(port_item.scenePos())


def _drag(window, start: QPoint, end: QPoint) -> None:
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    mid = (start + end) / 2
    QTest.mouseMove(viewport, mid)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_drag_from_output_to_input_connects(window, qtbot):
    graph = window.document.graph
    graph.clear()
    a = graph.add_node("Input", position=(0, 0))
    b = graph.add_node("Dense", position=(0, 160))
    window.view.fit_all()
    items = window.scene.node_items
    _drag(window, _port_view_pos(window, items[a.id].output_port),
          _port_view_pos(window, items[b.id].input_ports[0]))
    assert [(e.source, e.target, e.port) for e in graph.edges] == [(a.id, b.id, 0)]
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert graph.edges == []


def test_refused_connection_says_why(window, qtbot):
    graph = window.document.graph
    graph.clear()
    a = graph.add_node("Input", position=(0, 0))
    b = graph.add_node("Dense", position=(0, 160))
    c = graph.add_node("Dense", position=(240, 160))
    graph.connect(a.id, b.id)
    window.view.fit_all()
    items = window.scene.node_items
    # Dense(b) already has its one input: connecting c into it is refused, with the reason.
    with qtbot.waitSignal(window.scene.refused) as refused:
        _drag(window, _port_view_pos(window, items[c.id].output_port),
              _port_view_pos(window, items[b.id].input_ports[0]))
    assert "already has an input" in refused.args[0]
    assert len(graph.edges) == 1
    # A loop is refused too.
    with qtbot.waitSignal(window.scene.refused) as refused:
        _drag(window, _port_view_pos(window, items[b.id].output_port),
              _port_view_pos(window, items[b.id].input_ports[0]))
    assert "itself" in refused.args[0]
    assert window.statusBar().currentMessage() == refused.args[0]


def test_merge_layer_shows_ordered_ports(window):
    graph = window.document.graph
    graph.clear()
    a = graph.add_node("Input", position=(0, 0))
    b = graph.add_node("Input", position=(240, 0))
    m = graph.add_node("Concatenate", position=(120, 160))
    item = window.scene.node_items[m.id]
    spare = len(item.input_ports)
    graph.connect(a.id, m.id, 0)
    graph.connect(b.id, m.id, 1)
    assert len(item.input_ports) == 3 >= spare  # two used plus one free
    xs = [p.scenePos().x() for p in item.input_ports]
    assert xs == sorted(xs)
    edge_items = window.scene.edge_items
    assert {e.port for e in edge_items} == {0, 1}


def test_one_undo_entry_per_drag_of_several_nodes(window):
    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)
    window.view.fit_all()
    window.scene.select_nodes(ids[:2])
    stack = window.document.undo_stack
    start = window.view.mapFromScene(window.scene.node_items[ids[0]].sceneBoundingRect().center())
    _drag(window, start, start + QPoint(120, 60))
    moved = [graph.node(i).position for i in ids[:2]]
    assert moved[0] != (0.0, 0.0) and moved[1] != (0.0, 120.0)
    assert all(v % 20 == 0 for p in moved for v in p)  # snapped to the grid
    assert stack.count() == 1
    stack.undo()
    assert [graph.node(i).position for i in ids[:2]] == [(0.0, 0.0), (0.0, 120.0)]
    assert window.scene.node_items[ids[0]].pos() == QPointF(0, 0)
    stack.redo()
    assert [graph.node(i).position for i in ids[:2]] == moved


def test_undo_redo_delete_disconnect_paste_duplicate(window):
    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)
    before = canon(graph)
    stack = window.document.undo_stack
    edit = window.edit_actions

    window.scene.select_nodes([ids[1]])
    edit.delete.trigger()
    assert ids[1] not in graph and graph.edges == []
    stack.undo()
    assert canon(graph) == before
    stack.redo()
    assert ids[1] not in graph
    stack.undo()

    edge_item = next(iter(window.scene.edge_items.values()))
    window.scene.clearSelection()
    edge_item.setSelected(True)
    edit.delete.trigger()
    assert len(graph.edges) == 1
    stack.undo()
    assert canon(graph) == before

    window.scene.select_nodes(ids[1:])
    edit.copy.trigger()
    edit.paste.trigger()
    assert len(graph) == 5 and len(graph.edges) == 3  # copied edge between the pair
    pasted = window.scene.selected_node_ids()
    assert len(pasted) == 2 and not set(pasted) & set(ids)
    stack.undo()  # the whole paste is one step
    assert canon(graph) == before

    window.scene.select_nodes([ids[2]])
    edit.duplicate.trigger()
    assert len(graph) == 4
    stack.undo()
    assert canon(graph) == before

    window.scene.select_nodes([ids[1]])
    edit.cut.trigger()
    assert ids[1] not in graph
    edit.paste.trigger()
    assert len(graph) == 3
    stack.undo()
    stack.undo()
    assert canon(graph) == before


def test_select_all_and_arrange_is_one_step(window):
    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)
    for i, nid in enumerate(ids):
        graph.move_node(nid, (i * 333.0, -i * 77.0))
    messy = {n: graph.node(n).position for n in ids}
    window.edit_actions.select_all.trigger()
    assert sorted(window.scene.selected_node_ids()) == sorted(ids)
    window.edit_actions.auto_layout.trigger()
    ys = [graph.node(n).position[1] for n in ids]
    assert ys == sorted(ys) and len(set(ys)) == 3  # top to bottom in data order
    window.document.undo_stack.undo()
    assert {n: graph.node(n).position for n in ids} == messy


def test_locked_document_refuses_structural_edits(window):
    graph = window.document.graph
    window.document.set_locked(True, "training is running")
    _drop_layer(window, "Dense", QPoint(200, 200))
    assert len(graph) == 1
    assert "training is running" in window.statusBar().currentMessage()
    window.document.set_locked(False)
    _drop_layer(window, "Dense", QPoint(200, 200))
    assert len(graph) == 2


def test_zoom_and_fit(window):
    view = window.view
    view.set_zoom(1.0)
    view.zoom_by(2.0)
    assert abs(view.zoom - 2.0) < 1e-6
    view.zoom_by(100)
    assert view.zoom <= 3.0
    window.edit_actions.fit.trigger()
    assert view.zoom <= 1.0
    rect = window.scene.nodes_rect()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(rect)


def test_fit_keeps_a_long_graph_readable_unless_asked_for_everything(window):
    from playground.network.chains import add_chain
    from ui.canvas.view import READABLE_ZOOM

    graph = window.document.graph
    add_chain(graph, [("Input", {"batch_shape": [None, 8]})]
              + [("Dense", {"units": 8})] * 30, spacing=120)
    view = window.view
    rect = window.scene.nodes_rect()
    view.fit_all()                       # as on opening a file: the start, readable
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert abs(view.zoom - READABLE_ZOOM) < 1e-6
    assert visible.contains(window.scene.node_items[graph.nodes[0].id].sceneBoundingRect())
    assert not visible.contains(rect)
    window.edit_actions.fit.trigger()    # View > Fit Graph: all of it
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert view.zoom < READABLE_ZOOM and visible.contains(rect)


def test_arrow_keys_nudge_selection_one_undo_step_each(window):
    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)
    window.scene.select_nodes(ids[:2])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    QTest.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert graph.node(ids[0]).position == (20.0, 100.0)
    assert graph.node(ids[1]).position == (20.0, 220.0)
    assert graph.node(ids[2]).position == (0.0, 240.0)  # not selected: stays
    assert window.scene.node_items[ids[0]].pos() == QPointF(20, 100)
    window.document.undo_stack.undo()
    assert graph.node(ids[0]).position == (20.0, 0.0)


def test_drag_connection_end_to_move_or_remove_it(window):
    graph = window.document.graph
    graph.clear()
    a = graph.add_node("Input", position=(0, 0))
    b = graph.add_node("Dense", position=(0, 160))
    c = graph.add_node("Dense", position=(240, 160))
    graph.connect(a.id, b.id)
    window.view.fit_all()
    items = window.scene.node_items
    stack = window.document.undo_stack
    # Pick the connection up at b's input and drop it on c's input: moved, one undo step.
    _drag(window, _port_view_pos(window, items[b.id].input_ports[0]),
          _port_view_pos(window, items[c.id].input_ports[0]))
    assert [(e.source, e.target) for e in graph.edges] == [(a.id, c.id)]
    assert stack.count() == 1
    assert all(i.isVisible() for i in window.scene.edge_items.values())
    # Drop it on empty canvas: removed.
    empty = QPoint(4, window.view.viewport().height() - 4)  # a corner: no item there
    assert window.scene._target_at(window.view.mapToScene(empty)) is None
    _drag(window, _port_view_pos(window, items[c.id].input_ports[0]), empty)
    assert graph.edges == []
    stack.undo()
    stack.undo()
    assert [(e.source, e.target) for e in graph.edges] == [(a.id, b.id)]


def test_double_click_inserts_between_selected_and_its_successor(window):
    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)  # Input -> Dense(8) -> Dense(1), rows 120 apart
    before = canon(graph)
    window.scene.select_nodes([ids[1]])
    new = window.edit_actions.add_layer_after_selected("Dropout")
    assert graph.predecessors(new) == [ids[1]]
    assert graph.predecessors(ids[2]) == [new]          # re-wired through the new layer
    assert graph.node(new).position == (0.0, 240.0)
    assert graph.node(ids[2]).position == (0.0, 360.0)  # moved down to make room
    window.document.undo_stack.undo()                   # one step undoes all of it
    assert canon(graph) == before
    # A layer that already feeds two others gets the new one beside, not on top.
    c = graph.add_node("Dense", position=(0, 240))
    graph.connect(ids[1], c.id)
    window.scene.select_nodes([ids[1]])
    new = window.edit_actions.add_layer_after_selected("Dense")
    x, y = graph.node(new).position
    assert y == 240.0 and x >= 200  # free spot to the right
    assert graph.predecessors(new) == [ids[1]]


def test_palette_shows_help_of_current_layer(window):
    palette = window.panels.palette
    dense = next(i for i in palette.layer_items() if i.text(0) == "Dense")
    palette.tree.setCurrentItem(dense)
    assert "every input" in palette.help.text() and "Dense" in palette.help.text()
    assert "basic building block" in dense.toolTip(0)


def test_drop_on_connection_splices_layer_in(window):
    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)
    window.view.fit_all()
    before = canon(graph)
    edge_item = window.scene.edge_items[next(e for e in graph.edges if e.target == ids[2])]
    middle = edge_item.path().pointAtPercent(0.5)
    assert window.scene.edge_at(middle) == edge_item.edge
    _drop_layer(window, "Dropout", window.view.mapFromScene(middle))
    new = next(n.id for n in graph if n.layer_type == "Dropout")
    assert graph.predecessors(new) == [ids[1]] and graph.predecessors(ids[2]) == [new]
    window.document.undo_stack.undo()
    assert canon(graph) == before


def test_keyboard_flow_find_layer_and_rename(window, qtbot):
    graph = window.document.graph
    start = graph.nodes[0]
    window.scene.select_nodes([start.id])
    window.activateWindow()
    window.edit_actions.find_layer.trigger()
    search = window.panels.palette.search
    qtbot.waitUntil(search.hasFocus, timeout=2000)
    QTest.keyClicks(search, "dense")
    QTest.keyClick(search, Qt.Key.Key_Return)
    new = graph.nodes[-1]
    assert new.layer_type == "Dense" and graph.predecessors(new.id) == [start.id]
    window.edit_actions.rename.trigger()
    name_edit = window.panels.inspector.name_edit
    qtbot.waitUntil(name_edit.hasFocus, timeout=2000)
    QTest.keyClicks(name_edit, "hidden")
    QTest.keyClick(name_edit, Qt.Key.Key_Return)
    assert graph.node(new.id).name == "hidden"


def test_undo_delete_puts_nodes_back_in_their_place(qapp):
    """Node order decides the order of model outputs not listed explicitly: undoing a
    delete must not move the deleted node (and so its output) to the end."""
    from playground import Graph
    from ui.commands import RemoveNodes

    graph = Graph()
    i = graph.add_node("Input", {"batch_shape": [None, 2]})
    first = graph.add_node("Dense", {"units": 1})
    second = graph.add_node("Dense", {"units": 3})
    graph.connect(i.id, first.id)
    graph.connect(i.id, second.id)
    before = graph.to_dict()
    command = RemoveNodes(graph, [first.id, i.id])
    command.redo()
    assert [n.id for n in graph.nodes] == [second.id]
    command.undo()
    assert graph.to_dict()["nodes"] == before["nodes"]
    assert [n.id for n in graph.output_nodes()] == [first.id, second.id]
