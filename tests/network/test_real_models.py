"""Models written the way the Keras guides teach import, check, export and reopen exactly:
keras.ops operations, shared layers, nested models (issue 13). Each test builds a small
model in plain Keras, saves it, imports it, and checks the export has the same config,
bit-identical weights and the same predictions, also after a project save and reopen."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from playground.errors import ModelImportError
from playground.files.project import Project, load_project, save_project
from playground.kerasenv import keras
from playground.network.keras_build import build_model, model_weights_by_node
from playground.network.keras_import import graph_from_model, import_keras_file
from playground.network.shapes import infer_shapes
from tests.helpers import normalized


def randomize(model) -> None:
    rng = np.random.default_rng(0)
    model.set_weights([rng.normal(size=w.shape).astype(w.dtype) for w in model.get_weights()])


def round_trip(model, tmp_path: Path, *samples: np.ndarray):
    """Save, import, check, export, save as a project and reopen, export again: each export
    equals the original. Returns the imported graph and weights."""
    path = tmp_path / f"{model.name}.keras"
    model.save(path)
    graph, weights = import_keras_file(path)
    report = infer_shapes(graph)
    assert report.ok, report.error_summary()
    rebuilt = build_model(graph, weights)
    assert_same_model(model, rebuilt, samples)
    project = load_project(save_project(Project(graph=graph, weights=weights),
                                        tmp_path / "p.kpg"))
    assert_same_model(model, build_model(project.graph, project.weights), samples)
    return graph, weights


def assert_same_model(a, b, samples) -> None:
    assert normalized(a.get_config()) == normalized(b.get_config())
    assert [type(x).__name__ for x in a.layers] == [type(x).__name__ for x in b.layers]
    wa, wb = a.get_weights(), b.get_weights()
    assert len(wa) == len(wb)
    for x, y in zip(wa, wb):
        assert x.dtype == y.dtype and np.array_equal(x, y), "weights differ"
    if samples:
        inputs = samples[0] if len(samples) == 1 else list(samples)
        np.testing.assert_array_equal(np.asarray(a(inputs, training=False)),
                                      np.asarray(b(inputs, training=False)))


# ------------------------------------------------------------------------ operations
def test_operations_with_constants_and_tensors_round_trip(tmp_path):
    k = keras()
    ops = k.ops
    a, b = k.Input((4,), name="a"), k.Input((4,), name="b")
    x = k.layers.Dense(4, name="d")(a) + 3.0
    y = x * b
    z = ops.reshape(y, (-1, 2, 2))
    z = ops.transpose(ops.relu(z), (0, 2, 1))
    z = ops.concatenate([z, 2.0 * z], axis=-1)
    out = k.layers.Flatten(name="f")(z)
    model = k.Model([a, b], out, name="with_ops")
    randomize(model)
    rng = np.random.default_rng(1)
    xa, xb = (rng.normal(size=(3, 4)).astype("float32") for _ in range(2))
    graph, _ = round_trip(model, tmp_path, xa, xb)
    add = next(n for n in graph if n.layer_type == "ops.numpy.Add")
    assert add.call_kwargs["__args__"][1] == 3.0  # the constant is kept, editable
    assert add.spec.category == "Operation"
    shapes = infer_shapes(graph)
    reshape = next(n for n in graph if n.layer_type == "ops.numpy.Reshape")
    assert shapes.nodes[reshape.id].output_shape == (None, 2, 2)
    assert shapes.nodes[add.id].params == 0


def test_mobilenetv3small_imports_with_its_operations(tmp_path):
    k = keras()
    model = k.applications.MobileNetV3Small(weights=None, input_shape=(32, 32, 3),
                                            include_top=False, pooling="avg")
    sample = np.random.default_rng(0).random((1, 32, 32, 3)).astype("float32")
    graph, _ = round_trip(model, tmp_path, sample)
    kinds = {n.layer_type for n in graph}
    assert {"ops.numpy.Add", "ops.numpy.Multiply"} <= kinds


def test_an_unsupported_operation_is_refused_by_name():
    k = keras()
    a = k.Input((4,), name="a")
    model = k.Model(a, k.ops.cond(True, lambda: a, lambda: a * 2) if False else a + 1.0)
    config = model.get_config()
    from playground.network.keras_import import _type_for

    with pytest.raises(ModelImportError, match="'cond_1'.*Replace it"):
        _type_for("Cond", "cond_1", "keras.src.ops.core")
    assert config["layers"][1]["module"] == "keras.src.ops.numpy"


def test_an_operation_with_a_missing_input_is_a_node_error():
    k = keras()
    a, b = k.Input((4,), name="a"), k.Input((4,), name="b")
    graph, _ = graph_from_model(k.Model([a, b], a * b))
    mul = next(n for n in graph if n.layer_type == "ops.numpy.Multiply")
    graph.disconnect(graph.incoming(mul.id)[1])
    error = infer_shapes(graph).nodes[mul.id].error
    assert "2 input(s)" in error and "connect exactly 2" in error


# ------------------------------------------------------------------------ shared layers
def test_shared_layer_round_trips_as_one_layer(tmp_path):
    k = keras()
    a, b = k.Input((8,), name="a"), k.Input((8,), name="b")
    shared = k.layers.Dense(5, name="shared")
    out = k.layers.Concatenate(name="cat")([shared(a), shared(b)])
    model = k.Model([a, b], k.layers.Dense(1, name="head")(out), name="siamese_dense")
    randomize(model)
    rng = np.random.default_rng(2)
    graph, weights = round_trip(model, tmp_path, *(rng.random((2, 8)).astype("float32")
                                                   for _ in range(2)))
    owner = next(n for n in graph if n.name == "shared")
    twins = [n for n in graph if n.shares]
    assert [t.shares for t in twins] == [owner.id]
    assert twins[0].id not in weights  # one set of weights, held by the owner
    report = infer_shapes(graph)
    assert report.total_params == model.count_params()


def test_shared_layer_edited_once_changes_every_call():
    k = keras()
    a, b = k.Input((8,), name="a"), k.Input((8,), name="b")
    shared = k.layers.Dense(5, name="shared")
    model = k.Model([a, b], k.layers.Concatenate()([shared(a), shared(b)]))
    graph, _ = graph_from_model(model)
    owner = next(n for n in graph if n.name == "shared")
    graph.set_param(owner.id, "units", 7)
    rebuilt = build_model(graph)
    assert tuple(rebuilt.output.shape) == (None, 14)
    assert len(rebuilt.get_layer("shared")._inbound_nodes) == 2


def test_shared_layer_fed_a_different_shape_is_a_node_error():
    k = keras()
    a, b = k.Input((8,), name="a"), k.Input((8,), name="b")
    shared = k.layers.Dense(5, name="shared")
    graph, _ = graph_from_model(k.Model([a, b], k.layers.Add()([shared(a), shared(b)])))
    twin = next(n for n in graph if n.shares)
    other = graph.add_node("Input", {"batch_shape": [None, 3]})
    graph.disconnect(graph.incoming(twin.id)[0])
    graph.connect(other.id, twin.id)
    error = infer_shapes(graph).nodes[twin.id].error
    assert "shares the layer" in error and "(None, 8)" in error and "(None, 3)" in error


# ------------------------------------------------------------------------ nested models
@pytest.fixture(scope="module")
def transfer_model():
    """The Keras transfer-learning guide: a frozen base called with training=False."""
    k = keras()
    base = k.applications.MobileNetV2(weights=None, include_top=False, input_shape=(32, 32, 3),
                                      alpha=0.35)
    base.trainable = False
    inputs = k.Input((32, 32, 3), name="image")
    x = k.Sequential([k.layers.RandomFlip("horizontal"), k.layers.Rescaling(1 / 127.5, -1)],
                     name="augment")(inputs)
    x = base(x, training=False)
    x = k.layers.GlobalAveragePooling2D(name="pool")(x)
    outputs = k.layers.Dense(3, name="head")(x)
    model = k.Model(inputs, outputs, name="transfer")
    randomize(model)
    return model


def test_nested_models_round_trip_as_group_nodes(transfer_model, tmp_path):
    sample = np.random.default_rng(3).random((2, 32, 32, 3)).astype("float32") * 255
    graph, weights = round_trip(transfer_model, tmp_path, sample)
    assert [n.layer_type for n in graph.topological_order()] == [
        "Input", "Sequential", "Functional", "GlobalAveragePooling2D", "Dense"]
    base = next(n for n in graph if n.layer_type == "Functional")
    assert not base.trainable and base.call_kwargs["training"] is False
    report = infer_shapes(graph).nodes[base.id]
    assert report.params == transfer_model.layers[2].count_params()
    assert report.trainable_params == 0
    assert report.output_shape == (None, 1, 1, 1280)


def test_unfreezing_the_base_is_one_flag(transfer_model):
    graph, weights = graph_from_model(transfer_model)
    base = next(n for n in graph if n.layer_type == "Functional")
    from playground.network.groups import set_group_trainable

    set_group_trainable(graph, base.id, True)
    rebuilt = build_model(graph, weights)
    assert rebuilt.layers[2].trainable
    assert infer_shapes(graph).nodes[base.id].trainable_params > 0
    np.testing.assert_array_equal(rebuilt.layers[2].get_weights()[0],
                                  transfer_model.layers[2].get_weights()[0])


def test_siamese_tower_submodel_is_one_group_called_twice(tmp_path):
    k = keras()
    t_in = k.Input((6,), name="t_in")
    tower = k.Model(t_in, k.layers.Dense(4, name="t_dense")(t_in), name="tower")
    a, b = k.Input((6,), name="left"), k.Input((6,), name="right")
    diff = k.layers.Subtract(name="diff")([tower(a), tower(b)])
    model = k.Model([a, b], k.layers.Dense(1, name="same")(diff), name="siamese")
    randomize(model)
    rng = np.random.default_rng(4)
    graph, weights = round_trip(model, tmp_path, *(rng.random((2, 6)).astype("float32")
                                                   for _ in range(2)))
    groups = [n for n in graph if n.layer_type == "Functional"]
    assert len(groups) == 2 and groups[1].shares == groups[0].id


def test_trained_nested_model_keeps_training_after_import(transfer_model, tmp_path):
    k = keras()
    t_in = k.Input((4,))
    block = k.Sequential([k.Input((4,)), k.layers.Dense(6, activation="relu")], name="block")
    inputs = k.Input((4,), name="x")
    model = k.Model(inputs, k.layers.Dense(1, name="out")(block(inputs)))
    model.compile("adam", "mse")
    rng = np.random.default_rng(5)
    x, y = rng.random((64, 4)).astype("float32"), rng.random((64, 1)).astype("float32")
    model.fit(x, y, epochs=2, verbose=0)
    del t_in
    graph, weights = round_trip(model, tmp_path, x[:4])
    again = build_model(graph, weights)
    again.compile("adam", "mse")
    before = again.evaluate(x, y, verbose=0)
    again.fit(x, y, epochs=5, verbose=0)
    assert again.evaluate(x, y, verbose=0) < before
    kept = model_weights_by_node(graph, again)
    block_node = next(n for n in graph if n.layer_type == "Sequential")
    assert len(kept[block_node.id]) == 2


def nested_deep(depth: int):
    k = keras()
    inner = k.Sequential([k.Input((2,)), k.layers.Dense(2)], name="level_0")
    for level in range(1, depth):
        inp = k.Input((2,))
        inner = k.Model(inp, inner(inp), name=f"level_{level}")
    return inner


def test_nesting_fifty_deep_is_refused_clearly(tmp_path):
    path = tmp_path / "deep.keras"
    nested_deep(50).save(path)
    with pytest.raises(ModelImportError, match="nested too deeply"):
        import_keras_file(path)


def test_a_nested_model_with_an_unsafe_layer_is_refused(tmp_path):
    import json
    import zipfile

    k = keras()
    inner = k.Sequential([k.Input((2,)), k.layers.Dense(2, name="inner_dense")], name="inner")
    inp = k.Input((2,))
    k.Model(inp, inner(inp)).save(tmp_path / "m.keras")
    with zipfile.ZipFile(tmp_path / "m.keras") as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    config = json.loads(members["config.json"])
    dense = config["config"]["layers"][1]["config"]["layers"][1]
    dense["class_name"] = "Lambda"
    members["config.json"] = json.dumps(config).encode()
    with zipfile.ZipFile(tmp_path / "bad.keras", "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(ModelImportError, match="Lambda"):
        import_keras_file(tmp_path / "bad.keras")


def test_a_group_opens_to_its_inside_and_closes_back_unchanged(transfer_model):
    from playground.network.groups import close_group, open_group

    graph, weights = graph_from_model(transfer_model)
    for kind in ("Sequential", "Functional"):
        node = next(n for n in graph if n.layer_type == kind)
        params_before, weights_before = node.params, weights.get(node.id, [])
        inner, inner_weights = open_group(graph, node.id, weights)
        assert infer_shapes(inner).ok
        close_group(graph, node.id, inner, weights, inner_weights)
        assert normalized(node.params) == normalized(params_before)
        assert all(np.array_equal(a, b) for a, b in zip(weights.get(node.id, []),
                                                        weights_before))
    assert_same_model(transfer_model, build_model(graph, weights), ())


def test_editing_inside_a_group_changes_the_exported_nested_model():
    from playground.network.groups import close_group, open_group

    k = keras()
    block = k.Sequential([k.Input((4,)), k.layers.Dense(6, name="inner")], name="block")
    inputs = k.Input((4,), name="x")
    graph, weights = graph_from_model(k.Model(inputs, block(inputs)))
    node = next(n for n in graph if n.layer_type == "Sequential")
    inner, inner_weights = open_group(graph, node.id, weights)
    dense = next(n for n in inner if n.name == "inner")
    inner.set_param(dense.id, "units", 9)
    inner_weights.pop(dense.id)
    close_group(graph, node.id, inner, weights, inner_weights)
    rebuilt = build_model(graph, weights)
    assert isinstance(rebuilt.layers[1], k.Sequential)
    assert tuple(rebuilt.output.shape) == (None, 9)


def test_a_project_file_with_an_unsafe_nested_model_is_refused_not_run():
    from playground import Graph

    graph = Graph("crafted")
    inp = graph.add_node("Input", {"batch_shape": [None, 2]})
    group = graph.add_node("Sequential", {})
    group.params = {"layers": [{"module": "keras.layers", "class_name": "Lambda",
                                "config": {"name": "evil", "function": "print"}}]}
    graph.connect(inp.id, group.id)
    error = infer_shapes(graph).nodes[group.id].error
    assert "Lambda" in error and "refused" in error


def test_a_version_1_project_opens_in_the_new_format(tmp_path):
    import json
    import zipfile

    from playground.files.project import FORMAT_VERSION

    path = tmp_path / "old.kpg"
    graph = {"name": "m", "nodes": [
        {"id": "n1", "type": "Input", "params": {"batch_shape": [None, 2]}},
        {"id": "n2", "type": "Dense", "params": {"units": 1}}],
        "edges": [{"source": "n1", "target": "n2"}]}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.json", json.dumps({"app": "keras-playground",
                                                "format_version": 1, "graph": graph}))
    project = load_project(path)
    assert [n.layer_type for n in project.graph] == ["Input", "Dense"]
    saved = save_project(project, tmp_path / "new.kpg")
    with zipfile.ZipFile(saved) as zf:
        assert json.loads(zf.read("project.json"))["format_version"] == FORMAT_VERSION == 2


def test_a_keras_applications_layer_round_trips(tmp_path):
    """ConvNeXt's LayerScale lives in keras.applications, not keras.layers."""
    from keras.src.applications.convnext import LayerScale

    k = keras()
    a = k.Input((3, 4), name="a")
    stem = k.Sequential([k.layers.Dense(4, name="stem_dense")], name="stem")
    out = LayerScale(init_values=0.5, projection_dim=4, name="scale")(stem(a)) + a
    model = k.Model(a, out, name="convnext_like")
    randomize(model)
    graph, _ = round_trip(model, tmp_path, np.ones((2, 3, 4), "float32"))
    assert "applications.convnext.LayerScale" in {n.layer_type for n in graph}


@pytest.mark.parametrize("which", ["ops", "shared", "nested", "app_layer"])
def test_the_exported_python_program_builds_the_same_model(which, transfer_model):
    from playground.export.python_program import model_code

    k = keras()
    if which == "nested":
        model, shape = transfer_model, (2, 32, 32, 3)
    elif which == "app_layer":
        from keras.src.applications.convnext import LayerScale

        a = k.Input((4,), name="a")
        model, shape = k.Model(a, LayerScale(0.5, 4)(a)), (2, 4)
    else:
        a = k.Input((4,), name="a")
        if which == "ops":
            x = k.ops.reshape(k.layers.Dense(4, name="d")(a) * 2.0 + a, (-1, 2, 2))
            out = k.layers.Flatten()(k.ops.transpose(x, (0, 2, 1)))
        else:
            shared = k.layers.Dense(4, name="shared")
            out = k.layers.Add()([shared(a), shared(shared(a))])
        model, shape = k.Model(a, out, name=which), (2, 4)
        randomize(model)
    graph, _ = graph_from_model(model)
    namespace = {"keras": k, "layers": k.layers, "np": np}
    exec("\n".join(model_code(graph)), namespace)  # the program as the user would run it
    program = namespace["model"]
    assert [type(x).__name__ for x in program.layers] == [type(x).__name__ for x in model.layers]
    program.set_weights(model.get_weights())
    sample = np.random.default_rng(6).random(shape).astype("float32")
    np.testing.assert_allclose(np.asarray(program(sample)), np.asarray(model(sample)),
                               rtol=1e-6)


# ------------------------------------------------------------------------ pretrained bases
def test_a_pretrained_base_from_the_palette_exports_as_a_frozen_nested_model(tmp_path):
    from playground import Graph
    from playground.network import catalog
    from playground.network.chains import add_chain

    assert "pretrained.MobileNetV3Small" in [s.type_name for s in
                                             catalog.by_category()["Pretrained"]]
    graph = Graph("transfer")
    ids = [n.id for n in add_chain(graph, [
        ("Input", {"batch_shape": [None, 32, 32, 3]}),
        ("pretrained.MobileNetV3Small", {"input_shape": [32, 32, 3]}),
        ("GlobalAveragePooling2D", {}), ("Dense", {"units": 2})])]
    graph.set_trainable(ids[1], False)  # what a palette drop does (ui.commands.AddNode)
    report = infer_shapes(graph)
    assert report.ok, report.error_summary()
    assert report.nodes[ids[1]].output_shape == (None, 1, 1, 576)
    assert report.nodes[ids[1]].trainable_params == 0 < report.nodes[ids[1]].params
    model = build_model(graph)
    assert type(model.layers[1]).__name__ == "Functional" and not model.layers[1].trainable
    assert model.layers[1].name == "mobile_net_v3_small_n2"
    from playground.export.python_program import model_code

    code = "\n".join(model_code(graph))
    assert "keras.applications.MobileNetV3Small(include_top=False, weights=None" in code
    assert "_base.trainable = False" in code
    imported, weights = graph_from_model(model)  # the full round trip: nested tests above
    base = next(n for n in imported if n.layer_type == "Functional")
    assert not base.trainable and weights[base.id][0].shape == (3, 3, 3, 16)


def test_a_missing_weights_file_for_a_pretrained_base_is_explained():
    from playground import Graph
    from playground.errors import BuildError
    from playground.network.chains import add_chain

    graph = Graph("transfer")
    add_chain(graph, [("Input", {"batch_shape": [None, 32, 32, 3]}),
                      ("pretrained.MobileNetV2", {"input_shape": [32, 32, 3],
                                                  "weights": "/no/such/weights.h5"})])
    assert infer_shapes(graph).ok  # shapes never read weights
    with pytest.raises(BuildError, match="MobileNetV2 refused its settings"):
        build_model(graph)


@pytest.mark.parametrize("node, needle", [
    ({"type": "ops.numpy.Add", "call_kwargs": {"__args__": [{"__port__": "x"}, 1.0]}},
     "made for 0 input(s)"),
    ({"type": "ops.numpy.Add", "call_kwargs": {"__args__": [{"__port__": 5}, 1.0]}},
     "made for 6 input(s)"),
    ({"type": "ops.numpy.Add", "call_kwargs": {"__args__": "nonsense"}}, None),
    ({"type": "Dense", "params": {"units": 2}, "shares": "n1"}, "not the same kind"),
    ({"type": "Dense", "params": {"units": 2}, "shares": "n2"}, "not the same kind"),
    ({"type": "Dense", "params": {"units": 2}, "shares": "gone"}, "was deleted"),
    ({"type": "Sequential", "params": {"layers": "nonsense"}}, "refused"),
])
def test_crafted_operation_sharing_and_group_nodes_become_node_errors(node, needle):
    """A project file can hold anything: every case is a message on the node, never a
    traceback."""
    from playground import Graph

    graph = Graph.from_dict({"nodes": [
        {"id": "n1", "type": "Input", "params": {"batch_shape": [None, 2]}},
        {"id": "n2", **node}], "edges": [{"source": "n1", "target": "n2"}]})
    report = infer_shapes(graph)
    error = report.nodes["n2"].error
    if needle is None:
        assert error is None or error
    else:
        assert error and needle in error, error
    from playground.network.node_text import node_title

    assert node_title(graph, graph.node("n2"))
