"""A project file's text (title, file name) never becomes code in the exported script."""
from __future__ import annotations

import ast
from pathlib import Path

from playground.export.keras_file import export_python
from playground.network.graph import Graph
from playground.files.project import Project

EVIL_TITLE = 'My model"""\nimport os; os.system("echo pwned")\n"""\\N{oops} \\'


def test_hostile_title_and_file_name_stay_text(tmp_path: Path):
    graph = Graph("m")
    a = graph.add_node("Input", {"batch_shape": [None, 2]})
    b = graph.add_node("Dense", {"units": 1, "activation": "sigmoid"})
    graph.connect(a.id, b.id)
    project = Project(graph=graph, title=EVIL_TITLE, dataset={"name": "xor", "params": {}})
    path = export_python(project, tmp_path / "Bob's \"\"\" model.py")
    code = path.read_text("utf-8")
    tree = ast.parse(code)                      # valid Python despite the quotes
    assert ast.get_docstring(tree).startswith(EVIL_TITLE)
    calls = [n.func.attr for n in ast.walk(tree)
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    assert "system" not in calls
    printed = [n.args[0].value for n in ast.walk(tree) if isinstance(n, ast.Call)
               and isinstance(n.func, ast.Name) and n.func.id == "print"
               and n.args and isinstance(n.args[0], ast.Constant)]
    assert 'saved Bob\'s """ model_trained.keras' in printed


def test_crafted_parameter_and_call_keys_stay_data():
    from playground.export.python_program import model_code
    from playground.errors import BuildError

    graph = Graph("m")
    a = graph.add_node("Input", {"batch_shape": [None, 2]})
    b = graph.add_node("Dense", {"units": 1})
    graph.connect(a.id, b.id)
    # As a crafted file could put them (the graph keeps unknown keys verbatim).
    graph.node(b.id).params["a=__import__('os').system('id'),b"] = 1
    code = "\n".join(model_code(graph))
    tree = ast.parse(code)
    assert "system" not in [n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call)
                            and isinstance(n.func, ast.Attribute)]
    graph.node(b.id).call_kwargs["x=__import__('os').system('id'),y"] = 1
    try:
        model_code(graph)
    except BuildError as exc:
        assert "keyword argument" in str(exc)
    else:
        raise AssertionError("a crafted call keyword must be refused")


def test_the_exported_program_never_saves_over_the_exported_model(tmp_path):
    """Issue 23: "model.py" beside "model.keras" saved its own result as "model.keras"."""
    graph = Graph("m")
    a = graph.add_node("Input", {"batch_shape": [None, 2]})
    b = graph.add_node("Dense", {"units": 1, "activation": "sigmoid"})
    graph.connect(a.id, b.id)
    project = Project(graph=graph, dataset={"name": "xor", "params": {}})
    path = export_python(project, tmp_path / "model.py")
    tree = ast.parse(path.read_text("utf-8"))
    saved = [n.args[0].value for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Attribute) and n.func.attr == "save"]
    assert saved == ["model_trained.keras"]
