"""``predict``: answers for pictures, a picture folder, a CSV and a text file equal the
model's on the prepared inputs; bad inputs are named, never a traceback."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
from PIL import Image

from playground.cli.main import main
from playground.files.project import Project, save_project
from playground.insight._model import class_probabilities, run_model
from playground.network.keras_build import build_model
from playground.training.run import load_project_dataset
from tests.prepared.helpers import csv_project, lesson, picture_project, with_weights


def _json_lines(capsys):
    out = capsys.readouterr()
    return [json.loads(line) for line in out.out.splitlines()], out.err


def test_csv_rows_predicted_as_model_predict_on_prepared_rows(tmp_path, capsys):
    project = csv_project(tmp_path)
    save_project(project, tmp_path / "p.kpg")
    dataset = load_project_dataset(project)
    table = tmp_path / "table.csv"
    out = tmp_path / "answers.csv"
    assert main(["predict", str(tmp_path / "p.kpg"), str(table), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 60 and rows[0]["input"] == "2" and rows[0]["note"] == "n0"
    # The training table's rows, prepared by the dataset itself: its test rows.
    model = build_model(project.graph, project.weights)
    expected = class_probabilities(run_model(model, dataset.x_test), "softmax")
    by_row = {int(r["input"]): r for r in rows}
    for i, row_index in enumerate(dataset.extras["test_rows"]):
        row = by_row[row_index + 2]
        got = [float(row[f"p({c})"]) for c in ("a", "b", "c")]
        assert np.max(np.abs(np.array(got) - expected[i])) < 1e-6
        assert row["prediction"] == "abc"[int(np.argmax(expected[i]))]


def test_csv_problems_reported_by_row_and_unknown_categories_counted(tmp_path, capsys):
    project = csv_project(tmp_path)
    save_project(project, tmp_path / "p.kpg")
    new = tmp_path / "new.csv"
    new.write_text("size,colour,age\n100,red,30\n,blue,40\n90,purple,50\n")
    assert main(["predict", str(tmp_path / "p.kpg"), str(new)]) == 0
    lines, err = _json_lines(capsys)
    assert [r["input"] for r in lines[:-1]] == ["2", "4"]
    assert lines[-1] == {**lines[-1], "summary": True, "predicted": 2, "skipped": 1}
    assert "row 3" in err and "'size'" in err and "'purple'" in err and "unknown" in err
    missing = tmp_path / "missing.csv"
    missing.write_text("age,size\n1,2\n")
    assert main(["predict", str(tmp_path / "p.kpg"), str(missing)]) == 2
    err = capsys.readouterr().err
    assert "'colour'" in err and "Traceback" not in err


def test_picture_folder_predicted_and_odd_pictures_adapted(tmp_path, capsys):
    project = picture_project(tmp_path)
    save_project(project, tmp_path / "p.kpg")
    folder = tmp_path / "pets"
    (folder / "notes.txt").write_text("not a picture")
    Image.new("L", (7, 9), 128).save(folder / "grey.png")
    assert main(["predict", str(tmp_path / "p.kpg"), str(folder)]) == 0
    lines, err = _json_lines(capsys)
    answers = {r["input"]: r for r in lines[:-1]}
    assert "notes.txt" in err and "converted to colour (1×)" in err
    assert len(answers) == 19 and "notes.txt" not in answers
    assert "resized to 12 × 12" in err
    # Each answer equals the model on the picture read and scaled as the dataset does.
    model = build_model(project.graph, project.weights)
    with Image.open(folder / "cats" / "3.png") as img:
        pixels = np.asarray(img.convert("RGB").resize((12, 12), Image.Resampling.BILINEAR))
    expected = run_model(model, pixels[None].astype(np.float32) / 255.0)[0]
    got = answers["cats/3.png"]["probabilities"]
    assert max(abs(got[name] - expected[i]) for i, name in enumerate(("birds", "cats", "dogs"))) \
        < 1e-6


def test_text_file_one_sentence_a_line(tmp_path, capsys, mnist_dir):
    project = with_weights(lesson("text_topics", mnist_dir))
    save_project(project, tmp_path / "p.kpg")
    text = tmp_path / "s.txt"
    text.write_text("the band plays on the stage\n\nthe soup simmers in the kitchen\n")
    assert main(["predict", str(tmp_path / "p.kpg"), str(text)]) == 0
    lines, err = _json_lines(capsys)
    assert [r["input"] for r in lines[:-1]] == ["1", "3"] and "line 2" in err
    import keras

    model = build_model(project.graph, project.weights)
    sentences = np.array([["the band plays on the stage"], ["the soup simmers in the kitchen"]])
    expected = np.asarray(model.predict(keras.ops.convert_to_tensor(sentences, dtype="string"),
                                        verbose=0))
    got = np.array([list(r["probabilities"].values()) for r in lines[:-1]])
    assert np.max(np.abs(got - expected)) < 1e-6


def test_exported_keras_file_predicts_like_the_project(tmp_path, capsys):
    # A column name Keras cannot take as an input name: the file's input is age_years.
    project = csv_project(tmp_path, age="age (years)")
    save_project(project, tmp_path / "p.kpg")
    assert main(["export", str(tmp_path / "p.kpg"), "--keras", str(tmp_path / "m.keras")]) == 0
    table = str(tmp_path / "table.csv")
    capsys.readouterr()
    main(["predict", str(tmp_path / "p.kpg"), table])
    from_project, _err = _json_lines(capsys)
    main(["predict", str(tmp_path / "m.keras"), table])
    from_file, _err = _json_lines(capsys)
    assert [r["prediction"] for r in from_project[:-1]] == \
        [r["prediction"] for r in from_file[:-1]]
    a = np.array([list(r["probabilities"].values()) for r in from_project[:-1]])
    b = np.array([list(r["probabilities"].values()) for r in from_file[:-1]])
    assert np.max(np.abs(a - b)) < 1e-6


def test_untrained_project_says_train_first(tmp_path, capsys):
    project = csv_project(tmp_path)
    project.weights = None
    save_project(project, tmp_path / "p.kpg")
    assert main(["predict", str(tmp_path / "p.kpg"), str(tmp_path / "table.csv")]) == 2
    err = capsys.readouterr().err
    assert "train first" in err and "python -m playground train" in err
    assert "Traceback" not in err
