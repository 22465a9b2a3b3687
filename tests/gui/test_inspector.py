"""The inspector edits the graph through undo commands and refuses bad values with a reason."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from tests.gui.conftest import mlp, wait_shapes


def _select(window, node_id):
    window.scene.select_nodes([node_id])
    assert window.panels.inspector.node_id == node_id


def test_form_generated_from_param_specs(window):
    graph = window.document.graph
    ids = mlp(graph)
    _select(window, ids[1])
    editors = window.panels.inspector.editors
    spec = graph.node(ids[1]).spec
    assert list(editors) == [p.name for p in spec.params]
    assert isinstance(editors["units"].widget, QSpinBox)
    assert editors["units"].widget.minimum() == 1
    assert isinstance(editors["activation"].widget, QComboBox)
    assert isinstance(editors["use_bias"].widget, QCheckBox)
    assert editors["units"].widget.value() == 8


def test_edits_change_graph_and_undo(window):
    graph = window.document.graph
    ids = mlp(graph)
    _select(window, ids[1])
    stack = window.document.undo_stack
    editors = window.panels.inspector.editors
    editors["units"].widget.setValue(64)
    assert graph.node(ids[1]).params["units"] == 64
    combo = editors["activation"].widget
    combo.activated.emit(combo.findText("tanh"))
    assert graph.node(ids[1]).params["activation"] == "tanh"
    editors["use_bias"].widget.setChecked(False)
    assert graph.node(ids[1]).params["use_bias"] is False
    assert graph.node(ids[1]).label() == "Dense · 64 · tanh"
    assert stack.count() == 3
    stack.undo()
    stack.undo()
    stack.undo()
    assert graph.node(ids[1]).params == {"units": 8, "activation": "relu", "use_bias": True}
    assert editors["units"].widget.value() == 8  # form follows the graph


def test_invalid_value_refused_with_reason(window):
    graph = window.document.graph
    graph.clear()
    a = graph.add_node("Input", {"batch_shape": [None, 28, 28, 1]})
    c = graph.add_node("Conv2D")
    graph.connect(a.id, c.id)
    _select(window, c.id)
    kernel = window.panels.inspector.editors["kernel_size"].widget
    assert isinstance(kernel, QLineEdit) and kernel.text() == "3, 3"
    kernel.setText("0, 3")
    kernel.editingFinished.emit()
    error = window.panels.inspector.errors["kernel_size"]
    assert not error.isHidden() and "at least 1" in error.text()
    assert graph.node(c.id).params["kernel_size"] == [3, 3]
    assert kernel.text() == "3, 3"  # back to the graph's value
    kernel.setText("banana")
    kernel.editingFinished.emit()
    assert "not understood" in error.text()
    kernel.setText("5, 5")
    kernel.editingFinished.emit()
    assert graph.node(c.id).params["kernel_size"] == [5, 5]
    assert error.isHidden()
    assert window.document.undo_stack.count() == 1


def test_input_shape_edit_and_rename_and_freeze(window):
    graph = window.document.graph
    ids = mlp(graph)
    _select(window, ids[0])
    shape = window.panels.inspector.editors["batch_shape"].widget
    assert shape.text() == "2"
    shape.setText("28, 28, 1")
    shape.editingFinished.emit()
    assert graph.node(ids[0]).params["batch_shape"] == [None, 28, 28, 1]
    _select(window, ids[1])
    inspector = window.panels.inspector
    inspector.name_edit.setText("hidden")
    inspector.name_edit.editingFinished.emit()
    assert graph.node(ids[1]).name == "hidden"
    _select(window, ids[2])
    window.panels.inspector.name_edit.setText("hidden")  # taken: refused with the reason
    window.panels.inspector.name_edit.editingFinished.emit()
    assert graph.node(ids[2]).name is None
    assert "already used" in window.panels.inspector.name_error.text()
    window.panels.inspector.trainable.setChecked(False)
    assert graph.node(ids[2]).trainable is False
    window.document.undo_stack.undo()
    assert graph.node(ids[2]).trainable is True


def test_shapes_and_errors_shown(tf_window, qtbot):
    window = tf_window
    graph = window.document.graph
    graph.clear()
    a = graph.add_node("Input", {"batch_shape": [None, 2]})
    c = graph.add_node("Conv2D")  # needs images: a 2-number input is an error
    graph.connect(a.id, c.id)
    wait_shapes(qtbot, window)
    assert window.scene.node_error(c.id)
    _select(window, c.id)
    assert not window.panels.inspector.node_error.isHidden()
    assert window.panels.inspector.node_error.text().startswith("⚠")
    assert window.scene.node_items[c.id].toolTip().count(window.scene.node_error(c.id)) == 1
    # Fix it: the error goes, the shape and parameter count show on node, edge and inspector.
    graph.remove_node(c.id)
    d = graph.add_node("Dense", {"units": 4})
    graph.connect(a.id, d.id)
    wait_shapes(qtbot, window)
    _select(window, d.id)
    assert window.scene.node_error(d.id) is None
    assert "(None, 4)" in window.panels.inspector.shape_label.text()
    assert "12" in window.panels.inspector.shape_label.text()  # 2*4 + 4
    edge_item = next(iter(window.scene.edge_items.values()))
    assert edge_item.label.text() == "(None, 2)"
    assert "12 parameters" in window._totals_label.text()
    # The one truth every panel reads is the session's report: it covers this very graph
    # and its count is the built Keras model's own.
    from playground.network.keras_build import build_model

    report = window.document.session.shape_report
    assert set(report.nodes) == {n.id for n in graph}
    assert report.nodes[d.id].params == build_model(graph).count_params() == 12
    summary = window.panels.summary.table
    assert summary.topLevelItemCount() == 2
    assert summary.topLevelItem(1).text(1) == "(None, 4)"
    assert "Total params: 12" in window.panels.summary.totals.text()


def test_generic_layer_config_editor(tf_window, qtbot):
    window = tf_window
    graph = window.document.graph
    graph.clear()
    a = graph.add_node("Input", {"batch_shape": [None, 8]})
    g = graph.add_node("UnitNormalization", {"axis": -1})
    graph.connect(a.id, g.id)
    _select(window, g.id)
    inspector = window.panels.inspector
    assert inspector.config_edit is not None and not inspector.editors
    inspector.config_edit.setPlainText("{not json")
    assert not inspector.apply_config()
    assert "not valid JSON" in inspector.config_error.text()
    inspector.config_edit.setPlainText('{"axis": -1, "no_such_option": 3}')
    assert not inspector.apply_config()  # Keras refuses the unknown key
    assert graph.node(g.id).params == {"axis": -1}
    inspector.config_edit.setPlainText('{"axis": 1}')
    assert inspector.apply_config()
    assert graph.node(g.id).params == {"axis": 1}
    window.document.undo_stack.undo()
    assert graph.node(g.id).params == {"axis": -1}


def test_ordered_inputs_listed_for_merge_layers(window):
    graph = window.document.graph
    graph.clear()
    a = graph.add_node("Input", {"batch_shape": [None, 4]}, name="left")
    b = graph.add_node("Input", {"batch_shape": [None, 4]}, name="right")
    m = graph.add_node("Subtract")
    graph.connect(b.id, m.id, 0)
    _select(window, m.id)
    assert window.panels.inspector.inputs_label.text() == "Inputs: 1 ← right"
    graph.connect(a.id, m.id, 1)  # the list follows the graph
    assert window.panels.inspector.inputs_label.text() == "Inputs: 1 ← right, 2 ← left"
    assert window.panels.inspector.name_edit.placeholderText().startswith("automatic: ")


def test_shape_service_busy_until_report_delivered(tf_window, qtbot):
    window = tf_window
    graph = window.document.graph
    service = window.shapes
    for _ in range(3):
        graph.add_node("Dense", {"units": 3})
        assert service.busy  # debounce timer running
        qtbot.waitUntil(lambda: not service.busy, timeout=20_000)
        # Not busy means the report for this very graph is in place, where panels read it.
        assert set(window.document.session.shape_report.nodes) == {n.id for n in graph}


def test_shape_service_recovers_from_a_bug(tf_window, qtbot, monkeypatch):
    import playground.files.crash_log as crash_log
    import playground.network.shapes as shapes

    window = tf_window
    logged = []
    monkeypatch.setattr(crash_log, "log_exception", lambda kind, *_a: logged.append(kind))
    monkeypatch.setattr(shapes, "infer_shapes", lambda g: 1 / 0)
    with qtbot.waitSignal(window.shapes.failed) as failed:
        window.document.graph.add_node("Dense")
    assert "ZeroDivisionError" in failed.args[0]
    assert "ZeroDivisionError" in window.statusBar().currentMessage()   # told, not hidden
    assert logged == [ZeroDivisionError]                                  # and logged
    window.shapes.wait(10)
    monkeypatch.undo()
    window.document.graph.add_node("Dense")
    qtbot.waitUntil(lambda: not window.shapes.busy, timeout=20_000)
    assert len(window.document.session.shape_report.nodes) == len(window.document.graph)
    assert "Shapes could not" not in window.statusBar().currentMessage()


def test_freeze_several_layers_at_once(window):
    graph = window.document.graph
    ids = mlp(graph)
    window.scene.select_nodes(ids[1:])
    inspector = window.panels.inspector
    inspector.freeze_all.click()
    assert [graph.node(i).trainable for i in ids[1:]] == [False, False]
    window.document.undo_stack.undo()  # one step
    assert [graph.node(i).trainable for i in ids[1:]] == [True, True]
