"""The exported Python program saves the model with the same data preparation in front:
its file answers raw inputs as its own trained model answers the prepared ones."""
from __future__ import annotations

import numpy as np

from playground.export.python_program import project_to_python
from playground.prepared.preparation import preparation_for, raw_examples
from playground.training.run import load_project_dataset
from tests.prepared.helpers import csv_project, picture_project


def _run_program(project, tmp_path):
    import keras

    project.training = {"epochs": 1, "batch_size": 16}
    text = project_to_python(project, filename="prog.py", out="prog.keras")
    assert "model_with_preparation = keras.Model(" in text
    namespace: dict = {"__name__": "__main__"}
    import os

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(text, "prog.py", "exec"), namespace)
    finally:
        os.chdir(here)
    saved = keras.saving.load_model(tmp_path / "prog.keras", safe_mode=True)
    return namespace, saved


def _tensors(raw):
    import keras

    if isinstance(raw, dict):
        return {k: keras.ops.convert_to_tensor(np.asarray(v).reshape(-1, 1),
                                               dtype="string" if np.asarray(v).dtype.kind in "UO"
                                               else "float32") for k, v in raw.items()}
    return raw


def test_program_of_a_csv_project_saves_a_model_taking_raw_rows(tmp_path):
    project = csv_project(tmp_path)
    dataset = load_project_dataset(project)
    namespace, saved = _run_program(project, tmp_path)
    raw = raw_examples(dataset, preparation_for(dataset), 12)
    expected = np.asarray(namespace["trained_model"].predict(namespace["x_test"][:12], verbose=0))
    got = np.asarray(saved.predict(_tensors(raw), verbose=0))
    assert np.max(np.abs(got - expected)) < 1e-5


def test_program_of_a_picture_project_saves_a_model_taking_pixels(tmp_path):
    project = picture_project(tmp_path)
    dataset = load_project_dataset(project)
    namespace, saved = _run_program(project, tmp_path)
    raw = raw_examples(dataset, preparation_for(dataset))
    expected = np.asarray(namespace["trained_model"].predict(namespace["x_test"], verbose=0))
    got = np.asarray(saved.predict(raw, verbose=0))
    assert raw.dtype == np.uint8 and np.max(np.abs(got - expected)) < 1e-5
