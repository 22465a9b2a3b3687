"""Finding 1 (high): values from a file, a user or a dataset reach the exported program only
as repr() literals. Hostile column names, paths, titles and layer names go through every
generator; the program's statements (read back with ``ast``) must be exactly those of the
same program made from harmless values, the hostile texts must be string constants equal to
themselves, and no comment may hold any of them."""
from __future__ import annotations

import ast
import csv
import io
import tokenize

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from playground.datasets.csv_snippet import csv_snippet
from playground.datasets.csv_table import read_csv
from playground.datasets.image_folder import snippet as image_snippet
from playground.errors import BuildError, TrainingError
from playground.export.python_program import project_to_python
from tests.training.helpers import xor_project

MARK = "Ω"  # every hostile text carries it: no comment may ever contain it
PIECES = ["\n", "\r", "\r\n", "\u2028", "\x0c", "\t", "'", '"', "'''", '"""', "\\", "\\n",
          "#", ";", "(", ")", "{", "}", " ", "x", "é", "\x00",
          "__import__('os').system('touch X')", "\nimport os\n#", "\\\n"]
hostile = st.lists(st.sampled_from(PIECES), max_size=6).map(lambda p: MARK + "".join(p))


def shape(program: str) -> str:
    """The program's statements with every string constant and variable name blanked:
    what runs, not what it is called."""
    tree = ast.parse(program)
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = "S"
        elif isinstance(node, ast.Name):
            node.id = names.setdefault(node.id, f"v{len(names)}")
    return ast.dump(tree)


def string_constants(program: str) -> set[str]:
    return {n.value for n in ast.walk(ast.parse(program))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def comments(program: str) -> list[str]:
    return [t.string for t in tokenize.generate_tokens(io.StringIO(program).readline)
            if t.type == tokenize.COMMENT]


def assert_data_safe(program: str, baseline: str, texts: list[str]) -> None:
    assert shape(program) == shape(baseline)
    assert not [c for c in comments(program) if MARK in c]


def write_csv(path, header: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for i in range(12):
        writer.writerow([f"{i * 0.5}", f"{i % 3}", "red" if i % 2 else "blue", f"{i % 2}"])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def csv_program(tmp_path, file_name: str, header: list[str]) -> tuple[str, str]:
    folder = tmp_path / f"d{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    path = folder / file_name
    write_csv(path, header)
    names = read_csv(path).column_names  # as the reader sees them (trimmed)
    params = {"path": str(path), "has_header": True, "features": names[:3],
              "target": "", "task": "auto", "text_columns": [], "seed": 0,
              "test_fraction": 0.25, "scaling": "standard"}
    return csv_snippet(params), str(path)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(columns=st.lists(hostile, min_size=4, max_size=4, unique=True),
       file_name=hostile.map(lambda t: t.replace("\x00", "").replace("/", "_") + ".csv"))
def test_csv_snippet_keeps_column_names_and_path_as_literals(tmp_path, columns, file_name):
    baseline, _ = csv_program(tmp_path, "data.csv", ["a", "b", "c", "d"])
    columns = [c.replace("\x00", "") for c in columns]
    if len({c.strip() for c in columns}) < 4:
        return  # the reader would take them as one name twice: not this test's concern
    program, path = csv_program(tmp_path, file_name, columns)
    assert_data_safe(program, baseline, columns)
    assert path in string_constants(program)


def test_the_reported_column_name_does_not_become_a_statement(tmp_path):
    """The issue's example: the default target (the last column) carried a command."""
    evil = "price\n__import__('os').system('touch X')\n#"
    baseline, _ = csv_program(tmp_path, "data.csv", ["a", "b", "c", "price"])
    program, _ = csv_program(tmp_path, "data\n__import__('os')\n#.csv", ["a", "b", "c", evil])
    assert shape(program) == shape(baseline)
    assert not any("__import__" in c for c in comments(program))
    assert evil in string_constants(program)


@settings(max_examples=40)
@given(path=hostile.map(lambda t: t.replace("\x00", "")))
def test_image_folder_snippet_keeps_the_path_a_literal(path):
    params = {"path": path, "size": 32, "color": "grayscale", "max_per_class": 10, "seed": 0,
              "test_fraction": 0.25, "scaling": "unit"}
    baseline = image_snippet({**params, "path": "pictures"})
    program = image_snippet(params)
    assert_data_safe(program, baseline, [path])
    assert path in string_constants(program)


@settings(max_examples=25, deadline=None)
@given(title=hostile, graph_name=hostile, layer=hostile.map(lambda t: t.replace("/", "_")),
       notes=hostile, out=hostile.map(lambda t: t.replace("\x00", "")))
def test_project_program_keeps_titles_names_and_notes_as_literals(title, graph_name, layer,
                                                                    notes, out):
    def program(title, graph_name, layer, notes, filename, out):
        project = xor_project(samples=40, epochs=1)
        project.title, project.notes, project.lesson = title, notes, notes
        project.graph.name = graph_name
        hidden = project.graph.topological_order()[1]
        hidden.name = layer
        return project_to_python(project, filename=filename, out=out)

    baseline = program("T", "model", "hidden", "n", "model.py", "model.keras")
    try:
        text = program(title, graph_name, layer, notes, title, out)
    except BuildError:
        return  # refused with a message: also safe
    assert_data_safe(text, baseline, [title, graph_name, layer, notes, out])
    constants = string_constants(text)
    assert {graph_name, layer, out} <= constants
    assert title in ast.get_docstring(ast.parse(text), clean=False)


@pytest.mark.parametrize("key, value", [
    ("optimizer", "Adam(learning_rate=1)\nimport os  #"),
    ("epochs", "1); import os; (0"),
    ("seed", "0)\nimport os\n(0"),
])
def test_training_settings_from_a_file_are_refused_not_written_as_code(key, value):
    project = xor_project(samples=40, epochs=1)
    project.training[key] = value
    with pytest.raises(TrainingError, match=key.replace("_", " ").split()[0][:4]):
        project_to_python(project)


def test_non_finite_numbers_in_layer_settings_are_refused():
    project = xor_project(samples=40, epochs=1)
    hidden = project.graph.topological_order()[1]
    hidden.params["bias_initializer"] = {"class_name": "Constant",
                                         "config": {"value": float("nan")}}
    with pytest.raises(BuildError, match="not a finite number"):
        project_to_python(project)
