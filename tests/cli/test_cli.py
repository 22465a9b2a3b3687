"""The command line: check, import, export (.keras and a runnable Python program)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from playground.cli.main import main
from playground.network.keras_build import build_model
from playground.kerasenv import keras
from playground.files.project import Project, load_project, save_project
from tests.helpers import mlp

ROOT = Path(__file__).resolve().parents[2]


def test_check_prints_shapes_and_totals(tmp_path: Path, capsys):
    path = save_project(Project(graph=mlp()), tmp_path / "p.kpg")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(None, 8)" in out and "(None, 1)" in out and "Total params: 33" in out


def test_check_exits_1_listing_node_errors(tmp_path: Path, capsys):
    graph = mlp()
    node = graph.add_node("Add")
    graph.connect(graph.nodes[1].id, node.id)
    path = save_project(Project(graph=graph), tmp_path / "p.kpg")
    assert main(["check", str(path)]) == 1
    assert "needs 2 or more inputs" in capsys.readouterr().err


def test_bad_file_is_one_clear_error(tmp_path: Path, capsys):
    bad = tmp_path / "x.kpg"
    bad.write_text("nonsense")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err


def test_import_then_export_keras_keeps_weights(tmp_path: Path):
    k = keras()
    model = k.Sequential([k.Input((3,)), k.layers.Dense(4, activation="relu"),
                          k.layers.Dense(2)])
    src = tmp_path / "m.keras"
    model.save(src)
    proj = tmp_path / "m.kpg"
    assert main(["import", str(src), "--out", str(proj)]) == 0
    assert load_project(proj).weights
    out = tmp_path / "again.keras"
    assert main(["export", str(proj), "--keras", str(out)]) == 0
    again = k.saving.load_model(out, safe_mode=True)
    x = np.arange(6, dtype="float32").reshape(2, 3)
    assert np.array_equal(model.predict(x, verbose=0), again.predict(x, verbose=0))


def test_exported_python_program_runs_with_plain_keras(tmp_path: Path):
    project = Project(graph=mlp(), dataset={"name": "xor", "params": {"samples": 80}},
                      training={"epochs": 2, "batch_size": 16})
    path = save_project(project, tmp_path / "p.kpg")
    script = tmp_path / "xor_model.py"
    assert main(["export", str(path), "--python", str(script)]) == 0
    text = script.read_text()
    assert "playground" not in text.replace("Keras Playground", "")
    run = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    # "<program>_trained.keras": never the name of the .keras exported beside the program.
    saved = keras().saving.load_model(tmp_path / "xor_model_trained.keras", safe_mode=True)
    built = build_model(project.graph)
    assert [type(l).__name__ for l in saved.layers] == [type(l).__name__ for l in built.layers]
    assert [tuple(l.output.shape) for l in saved.layers] == \
        [tuple(l.output.shape) for l in built.layers]


def test_import_project_picks_a_dataset_that_fits_the_input(tmp_path: Path):
    from playground.files.imported_project import import_project

    k = keras()
    inputs = k.Input((28, 28, 1))
    k.Model(inputs, k.layers.Dense(10)(k.layers.Flatten()(inputs))).save(tmp_path / "d.keras")
    project, problems = import_project(tmp_path / "d.keras")
    assert project.dataset == {"name": "mnist", "params": {}} and problems == []
    assert project.title == "d" and project.weights


def test_generated_model_code_passes_ports_by_keyword_like_the_app(tmp_path: Path):
    """Self-attention called as mha(query=x, value=x, key=y): the program's model equals the
    app's (codegen and build_model share how a layer is called)."""
    from playground.export.python_program import model_code
    from playground.network.keras_import import graph_from_model

    k = keras()
    x = k.Input((5, 8), name="x")
    y = k.layers.Dense(8, name="y")(x)
    out = k.layers.MultiHeadAttention(2, 4, name="mha")(query=x, value=x, key=y)
    graph, _weights = graph_from_model(k.Model(x, out))
    code = "\n".join(model_code(graph))
    assert "query=" in code and "key=" in code
    scope: dict = {"keras": k, "layers": k.layers, "np": np}
    exec(code, scope)  # noqa: S102 - the program this project would export
    made, built = scope["model"], build_model(graph)
    assert [type(l).__name__ for l in made.layers] == [type(l).__name__ for l in built.layers]
    assert tuple(made.output.shape) == tuple(built.output.shape) == (None, 5, 8)


def test_export_says_which_layers_lost_their_trained_weights(tmp_path: Path, capsys):
    graph = mlp()
    model = build_model(graph)
    from playground.network.keras_build import model_weights_by_node

    weights = model_weights_by_node(graph, model)
    hidden = graph.nodes[1]
    graph.rename_node(hidden.id, "hidden")
    graph.set_param(hidden.id, "units", 5)          # edited after training
    path = save_project(Project(graph=graph, weights=weights), tmp_path / "p.kpg")
    assert main(["export", str(path), "--keras", str(tmp_path / "m.keras")]) == 0
    err = capsys.readouterr().err
    assert "hidden" in err and "fresh weights" in err
    out_layer = graph.nodes[2]
    assert out_layer.display_name() in err          # its input size changed too


def test_import_check_export_a_model_with_operations_sharing_and_nesting(tmp_path: Path,
                                                                         capsys):
    """The command line takes the models the Keras guides write (issue 13) end to end."""
    k = keras()
    block = k.Sequential([k.Input((4,)), k.layers.Dense(4, name="inner")], name="block")
    a, b = k.Input((4,), name="a"), k.Input((4,), name="b")
    shared = k.layers.Dense(4, name="shared")
    out = k.layers.Concatenate()([block(shared(a)) + 3.0, block(shared(b))])
    model = k.Model([a, b], out)
    model.save(tmp_path / "m.keras")
    proj = tmp_path / "m.kpg"
    assert main(["import", str(tmp_path / "m.keras"), "--out", str(proj)]) == 0
    assert main(["check", str(proj)]) == 0
    assert "(None, 8)" in capsys.readouterr().out
    assert main(["export", str(proj), "--keras", str(tmp_path / "again.keras")]) == 0
    again = k.saving.load_model(tmp_path / "again.keras", safe_mode=True)
    x = [np.ones((2, 4), "float32"), np.zeros((2, 4), "float32")]
    assert np.array_equal(np.asarray(model(x)), np.asarray(again(x)))


def test_the_app_trains_an_imported_model_with_a_frozen_block_and_a_shared_layer(
        tmp_path: Path):
    """The app's own training (python -m playground train) on an imported model whose
    block is frozen: the block's weights stay, the rest learns, and a second run goes on
    from the first's weights."""
    k = keras()
    block = k.Sequential([k.Input((8,)), k.layers.Dense(8, activation="tanh", name="inner")],
                         name="block")
    block.trainable = False
    inputs = k.Input((2,), name="xy")
    shared = k.layers.Dense(8, activation="tanh", name="shared")
    x = block(shared(k.layers.Dense(8, name="pre")(inputs)), training=False) * 2.0
    out = k.layers.Dense(1, activation="sigmoid", name="out")(shared(x))
    k.Model(inputs, out).save(tmp_path / "m.keras")
    proj = tmp_path / "m.kpg"
    assert main(["import", str(tmp_path / "m.keras"), "--out", str(proj)]) == 0
    project = load_project(proj)
    project.dataset = {"name": "xor", "params": {"samples": 200}}
    save_project(project, proj)
    frozen_before = next(w for nid, w in project.weights.items()
                         if project.graph.node(nid).layer_type == "Sequential")
    assert main(["train", str(proj), "--epochs", "2", "--save"]) == 0
    trained = load_project(proj)
    block_id = next(n.id for n in trained.graph if n.layer_type == "Sequential")
    assert all(np.array_equal(a, b) for a, b in zip(trained.weights[block_id], frozen_before))
    shared_id = next(n.id for n in trained.graph if n.name == "shared")
    assert not np.array_equal(trained.weights[shared_id][0], project.weights[shared_id][0])
    assert len(trained.history) == 1
    assert main(["train", str(proj), "--epochs", "1", "--save"]) == 0
    assert len(load_project(proj).history) == 2
