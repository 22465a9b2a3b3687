"""LiteRT, SavedModel and ONNX exports of four small projects: each file is loaded in its
own runtime by the export itself and must match the Keras model within the stated
tolerance on examples of the project's dataset; these tests check those reports and load
the files again independently."""
from __future__ import annotations

import numpy as np
import pytest

from playground.export.onnx_file import export_onnx
from playground.export.saved_model import export_saved_model
from playground.export.tflite import export_tflite
from playground.export.verify import TOLERANCES
from tests.export.models import PROJECTS

# Float exports must agree with Keras to 1e-4 (measured: below 1e-6); float16 weights to
# 1e-2 and 8-bit dynamic-range weights to 5e-2 (measured: ~3e-5 and ~3e-4).
FLOAT, HALF, INT8 = 1e-4, 1e-2, 5e-2


def test_stated_tolerances_are_the_ones_used():
    assert TOLERANCES == {"float": FLOAT, "float16": HALF, "dynamic": INT8}


@pytest.fixture(scope="module", params=sorted(PROJECTS))
def exported(request, tmp_path_factory):
    """Every format of one project, written once for all the tests of this module."""
    name = request.param
    project = PROJECTS[name]()
    folder = tmp_path_factory.mktemp(name)
    reports = {
        "tflite": export_tflite(project, folder / f"{name}.tflite"),
        "dynamic": export_tflite(project, folder / f"{name}-dynamic.tflite", "dynamic"),
        "float16": export_tflite(project, folder / f"{name}-float16.tflite", "float16"),
        "saved_model": export_saved_model(project, folder / f"{name}_savedmodel"),
        "onnx": export_onnx(project, folder / f"{name}.onnx"),
    }
    return name, project, reports


def test_each_format_matches_keras_within_its_tolerance(exported):
    name, _project, reports = exported
    for kind, limit in (("tflite", FLOAT), ("saved_model", FLOAT), ("onnx", FLOAT),
                        ("float16", HALF), ("dynamic", INT8)):
        report = reports[kind]
        assert report.path.exists() and report.size_bytes > 0
        assert report.samples == 8
        assert report.tolerance >= limit  # scaled up only for outputs beyond 1
        assert report.max_difference <= limit, (name, kind, report.summary())
        assert report.matches
    # real examples of the dataset were used wherever the model takes them
    assert "examples of" in reports["tflite"].sample_source


def test_quantised_litert_files_are_smaller(exported):
    name, _project, reports = exported
    if name == "mnist_cnn":  # the only model with a tensor big enough to be quantised
        assert reports["dynamic"].size_bytes < 0.5 * reports["tflite"].size_bytes
        assert reports["float16"].size_bytes < 0.7 * reports["tflite"].size_bytes
    assert reports["dynamic"].size_bytes <= reports["tflite"].size_bytes


def test_files_load_again_in_their_runtimes_by_input_name(exported):
    """Independently of the export's own check: the Keras model's input names are the
    files' input names, and every runtime gives the same answer on the same inputs."""
    import onnxruntime
    import tensorflow as tf
    from ai_edge_litert.interpreter import Interpreter

    from playground.export.deploy import export_model

    name, project, reports = exported
    model = export_model(project)
    names = [t.name for t in model.inputs]
    rng = np.random.default_rng(3)
    batch = 1 if name == "sine_lstm" else 3
    xs = [rng.uniform(0, 1, size=(batch, *t.shape[1:])).astype("float32")
          for t in model.inputs]
    expected = np.asarray(model(xs if len(xs) > 1 else xs[0]))

    serve = tf.saved_model.load(str(reports["saved_model"].path)).signatures["serving_default"]
    assert sorted(serve.structured_input_signature[1]) == sorted(names)
    assert list(serve.structured_outputs) == list(model.output_names)
    got = serve(**{n: tf.constant(x) for n, x in zip(names, xs)})[model.output_names[0]]
    np.testing.assert_allclose(got.numpy(), expected, atol=FLOAT)

    session = onnxruntime.InferenceSession(str(reports["onnx"].path),
                                           providers=["CPUExecutionProvider"])
    assert sorted(i.name for i in session.get_inputs()) == sorted(names)
    np.testing.assert_allclose(session.run(None, dict(zip(names, xs)))[0], expected,
                               atol=FLOAT)

    runner = Interpreter(model_path=str(reports["tflite"].path)).get_signature_runner()
    result = runner(**dict(zip(names, xs)))
    np.testing.assert_allclose(result[model.output_names[0]], expected, atol=FLOAT)


def test_classifiers_get_a_labels_file(exported):
    name, _project, reports = exported
    labels = reports["onnx"].labels_path
    if name == "sine_lstm":  # predicts a number: no classes
        assert labels is None
        return
    assert labels is not None and labels.name == f"{name}.labels.txt"
    lines = labels.read_text().splitlines()
    assert len(lines) == (10 if name == "mnist_cnn" else 2)
    assert reports["saved_model"].labels_path.name == f"{name}_savedmodel.labels.txt"


def test_recurrent_models_take_one_example_at_a_time_in_litert(exported):
    name, _project, reports = exported
    one_at_a_time = any("one example at a time" in n for n in reports["tflite"].notes)
    assert one_at_a_time == (name == "sine_lstm")
