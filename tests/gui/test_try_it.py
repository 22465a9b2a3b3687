"""The Try it view: the numbers it shows for pictures, table rows and sentences are the
model's own probabilities for the input prepared as the training data was."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from playground.insight._model import class_probabilities, run_model
from playground.network.keras_build import build_model
from playground.prepared.preparation import preparation_for
from playground.training.run import load_project_dataset
from tests.prepared.helpers import csv_project, lesson, picture_project, with_weights

pytestmark = pytest.mark.gui


def _expected_texts(model, prepared, class_names, activation="softmax"):
    probs = class_probabilities(run_model(model, prepared), activation)
    texts = []
    for row in probs:
        order = np.argsort(row)[::-1][:3]
        texts.append([f"{class_names[i]} {row[i]:.1%}" for i in order])
    return texts, probs


def _view(qtbot, model, dataset):
    from ui.insight.try_view import TryView

    view = TryView()
    qtbot.addWidget(view)
    view.set_model(model, dataset)
    qtbot.waitUntil(lambda: view.predictor is not None and not view.busy, timeout=30_000)
    return view


def test_table_row_answers_as_the_user_types(qtbot, tmp_path):
    project = csv_project(tmp_path)
    dataset = load_project_dataset(project)
    model = build_model(project.graph, project.weights)
    view = _view(qtbot, model, dataset)
    assert view.kind == "table" and list(view.fields) == ["age", "colour", "size"]
    preparation = preparation_for(dataset)

    def expected():
        values = view.field_values()
        raw = {"age": [float(values["age"])], "colour": [values["colour"]],
               "size": [float(values["size"])]}
        return _expected_texts(model, preparation.prepare(raw), dataset.class_names)[0]

    qtbot.waitUntil(lambda: view.answer_texts() == expected(), timeout=30_000)
    # prefilled from a test row of the table itself
    assert view.field_values()["colour"] in ("red", "blue", "green")
    before = view.answer_texts()
    view.fields["age"].setText("79")
    view.fields["colour"].setCurrentText("green")
    qtbot.waitUntil(lambda: not view.busy and view.answer_texts() == expected(), timeout=30_000)
    assert view.answer_texts() != before
    view.fields["size"].setText("lots")
    qtbot.waitUntil(lambda: "size needs a number" in view.status_label.text(), timeout=30_000)
    assert view.answer_texts() == []


def test_sentence_answers_as_the_user_types(qtbot, mnist_dir):
    import keras

    project = with_weights(lesson("text_topics", mnist_dir))
    dataset = load_project_dataset(project)
    model = build_model(project.graph, project.weights)
    view = _view(qtbot, model, dataset)
    assert view.kind == "text"
    sentence = "the drummer plays in the studio tonight"
    view.text_box.setPlainText(sentence)
    raw = keras.ops.convert_to_tensor(np.array([[sentence]]), dtype="string")
    expected, _probs = _expected_texts(model, raw, dataset.class_names)
    qtbot.waitUntil(lambda: view.answer_texts() == expected, timeout=30_000)
    view.text_box.setPlainText("   ")
    qtbot.waitUntil(lambda: "empty" in view.status_label.text(), timeout=30_000)


def test_pictures_opened_show_top_classes_from_the_models_numbers(window, qtbot, tmp_path):
    project = picture_project(tmp_path)
    dataset = load_project_dataset(project)
    model = build_model(project.graph, project.weights)
    panel = window.panels.insight
    panel.show_model(model, dataset)          # as after a training run
    view = panel.try_view
    qtbot.waitUntil(lambda: view.kind == "picture" and not view.busy, timeout=30_000)
    odd = tmp_path / "grey.png"
    Image.new("L", (30, 20), 90).save(odd)    # grey and the wrong size: adapted, said so
    paths = [str(tmp_path / "pets" / "cats" / "0.png"), str(tmp_path / "pets" / "dogs" / "1.png"),
             str(odd)]
    view.ask_pictures(paths)
    pixels = []
    for path in paths:
        with Image.open(path) as img:
            pixels.append(np.asarray(img.convert("RGB").resize((12, 12),
                                                               Image.Resampling.BILINEAR)))
    expected, _probs = _expected_texts(model, np.stack(pixels).astype(np.float32) / 255.0,
                                       dataset.class_names)
    qtbot.waitUntil(lambda: bool(view.answer_texts()) and not view.busy, timeout=30_000)
    assert [t[:2] for t in view.answer_texts()] == [e[:2] for e in expected]
    notes = " ".join(view.shown[0].notes)
    assert "converted to colour" in notes and "resized to 12 × 12" in notes


def test_predict_a_file_writes_the_answers_shown_for_each_row(qtbot, tmp_path):
    import csv

    project = csv_project(tmp_path)
    dataset = load_project_dataset(project)
    model = build_model(project.graph, project.weights)
    view = _view(qtbot, model, dataset)
    out = tmp_path / "answers.csv"
    view.predict_files_to([str(tmp_path / "table.csv")], str(out))
    qtbot.waitUntil(lambda: "60 answers" in view.status_label.text(), timeout=30_000)
    rows = list(csv.DictReader(out.open()))
    table = list(csv.DictReader((tmp_path / "table.csv").open()))
    cells = [table[int(r["input"]) - 2] for r in rows]  # row 2 is the first data row
    assert [r["note"] for r in rows] == [c["note"] for c in cells]  # carried through
    preparation = preparation_for(dataset)
    raw = {"age": [float(c["age"]) for c in cells], "colour": [c["colour"] for c in cells],
           "size": [float(c["size"]) for c in cells]}
    _texts, probs = _expected_texts(model, preparation.prepare(raw), dataset.class_names)
    got = np.array([[float(r[f"p({c})"]) for c in dataset.class_names] for r in rows])
    assert np.max(np.abs(got - probs)) < 1e-6
