"""The exported .keras with the data preparation, loaded in plain Keras, answers raw
inputs (0-255 pictures, the table's own cells, sentences) as the app answers the
prepared ones."""
from __future__ import annotations

import numpy as np
import pytest

from playground.export.keras_file import export_keras
from playground.insight._model import run_model
from playground.network.keras_build import build_model
from playground.prepared.preparation import preparation_for, raw_examples
from playground.training.run import load_project_dataset
from tests.prepared.helpers import LESSONS, csv_project, lesson, picture_project, with_weights

TOLERANCE = 1e-5


def _plain_keras_predict(path, raw):
    import keras

    model = keras.saving.load_model(path, safe_mode=True)
    if isinstance(raw, dict):
        raw = {name: keras.ops.convert_to_tensor(np.asarray(v).reshape(-1, 1)) if
               np.asarray(v).dtype.kind not in "UO" else
               keras.ops.convert_to_tensor(np.asarray(v).reshape(-1, 1), dtype="string")
               for name, v in raw.items()}
    elif np.asarray(raw).dtype.kind in "UO":
        raw = keras.ops.convert_to_tensor(raw, dtype="string")
    return np.asarray(model.predict(raw, verbose=0))


def _check(project, tmp_path, count=16):
    dataset = load_project_dataset(project)
    app = run_model(build_model(project.graph, project.weights), dataset.x_test[:count])
    path = tmp_path / "model.keras"
    notes: list[str] = []
    export_keras(project, path, include_preparation=True, dataset=dataset, notes=notes)
    raw = raw_examples(dataset, preparation_for(dataset), count)
    exported = _plain_keras_predict(path, raw)
    assert exported.shape == app.shape
    assert np.max(np.abs(exported - app)) < TOLERANCE
    return dataset, raw, notes


@pytest.mark.slow
@pytest.mark.parametrize("name", LESSONS)
def test_each_lesson_exported_with_preparation_answers_raw_inputs(name, tmp_path, mnist_dir):
    project = lesson(name, mnist_dir)
    with_weights(project)
    dataset, raw, _notes = _check(project, tmp_path)
    if dataset.name == "mnist":  # raw pictures really are 0-255 pixels
        assert raw.dtype == np.uint8 and raw.max() > 200


def test_csv_export_takes_the_tables_own_cells(tmp_path):
    project = csv_project(tmp_path)
    dataset, raw, notes = _check(project, tmp_path)
    assert set(raw) == {"age", "colour", "size"}
    assert set(raw["colour"]) <= {"red", "blue", "green"}
    assert (tmp_path / "model.labels.txt").read_text().split() == ["a", "b", "c"]
    assert any("included" in n for n in notes)


def test_picture_folder_export_takes_0_255_pixels(tmp_path):
    for scaling in ("unit", "standardize"):
        folder = tmp_path / scaling
        folder.mkdir()
        project = picture_project(folder, scaling=scaling)
        dataset, raw, _notes = _check(project, folder)
        assert raw.dtype == np.uint8


@pytest.mark.parametrize("make", [csv_project, picture_project])
def test_the_exported_file_imports_back_checks_and_gives_the_same_answers(make, tmp_path,
                                                                           capsys):
    """``import`` takes the preprocessing layers (Rescaling, Normalization, StringLookup,
    the frozen Dense, the nested trained model), ``check`` passes on the project, and the
    imported model answers the raw inputs as the exported file does."""
    from playground.cli.main import main
    from playground.files.project import load_project
    from playground.prepared.predictor import Predictor

    project = make(tmp_path)
    dataset, raw, _notes = _check(project, tmp_path)
    assert main(["import", str(tmp_path / "model.keras"), "--out",
                 str(tmp_path / "imported.kpg")]) == 0
    assert main(["check", str(tmp_path / "imported.kpg")]) == 0
    out = capsys.readouterr().out
    assert "Normalization" in out or "Rescaling" in out
    imported = load_project(tmp_path / "imported.kpg")
    model = build_model(imported.graph, imported.weights)
    original = _plain_keras_predict(tmp_path / "model.keras", raw)
    again = Predictor(model, preparation_for(dataset), "imported").outputs(raw)
    assert np.max(np.abs(original - again)) < TOLERANCE


def test_picture_folder_preparation_known_without_reading_the_pictures(tmp_path):
    """predict on a picture project does not read the training pictures again when the
    scaling is fixed (0-255 or none): the same preparation as the loaded dataset's."""
    from playground.prepared.preparation import quick_preparation

    for scaling, color in (("unit", "rgb"), ("none", "grayscale"), ("standardize", "rgb")):
        folder = tmp_path / scaling
        folder.mkdir()
        project = picture_project(folder, color=color, scaling=scaling)
        loaded = preparation_for(load_project_dataset(project))
        quick = quick_preparation(project.dataset)
        if scaling == "standardize":  # statistics of the pictures: they must be read
            assert quick is None
            continue
        assert (quick.columns, quick.method, quick.offset, quick.scale, quick.class_names,
                quick.task) == (loaded.columns, loaded.method, loaded.offset, loaded.scale,
                                loaded.class_names, loaded.task)


def test_litert_and_saved_model_take_raw_inputs_when_they_can(tmp_path):
    """Pictures: LiteRT gets the preparation and is checked on raw 0-255 pictures; a
    table with category columns (text inputs) goes to LiteRT without it, said so, and to
    SavedModel with it."""
    from playground.export.saved_model import export_saved_model
    from playground.export.tflite import export_tflite

    pictures = picture_project(tmp_path)
    report = export_tflite(pictures, tmp_path / "p.tflite", include_preparation=True)
    assert report.matches and "raw test examples" in report.sample_source
    assert any("included" in note for note in report.notes)
    (tmp_path / "table").mkdir()
    table = csv_project(tmp_path / "table")
    lite = export_tflite(table, tmp_path / "t.tflite", include_preparation=True)
    assert lite.matches and "raw" not in lite.sample_source
    assert any("without the data preparation" in note for note in lite.notes)
    saved = export_saved_model(table, tmp_path / "t_saved", include_preparation=True)
    assert saved.matches and "raw test examples" in saved.sample_source
