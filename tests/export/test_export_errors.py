"""What an export says when it cannot be done: the layer a format lacks, the package to
install, a wrong file name; and the command line's export flags."""
from __future__ import annotations

import importlib.util

import pytest

from playground.errors import ExportError
from playground.export.deploy import unsupported_layer_error
from playground.export.onnx_file import export_onnx
from playground.export.tflite import export_tflite
from playground.files.project import Project
from playground.network.chains import chain_graph


def volume_project() -> Project:
    """MaxPooling3D has no LiteRT built-in operation (it needs TensorFlow's MaxPool3D)."""
    graph = chain_graph([("Input", {"batch_shape": [None, 4, 4, 4, 1]}),
                         ("MaxPooling3D", {}), ("Flatten", {}), ("Dense", {"units": 1})])
    graph.rename_node(graph.topological_order()[1].id, "volume_pool")
    return Project(graph=graph)


def test_litert_names_the_layer_it_cannot_express(tmp_path):
    target = tmp_path / "volume.tflite"
    with pytest.raises(ExportError) as caught:
        export_tflite(volume_project(), target, load_data=False)
    message = str(caught.value)
    assert "layer 'volume_pool' (MaxPooling3D)" in message
    assert "MaxPool3D" in message and "ONNX" in message   # what it needs, and a way out
    assert not target.exists()


def test_the_layer_named_is_the_scoped_one_not_a_look_alike():
    """TensorFlow scopes layer "dense" as "dense_1/" in a traced model: that is "dense",
    even when a layer called "dense_1" exists too."""
    from playground.kerasenv import keras

    k = keras()
    i = k.Input((2,))
    model = k.Model(i, k.layers.Dense(1, name="dense_1")(k.layers.Dense(2, name="dense")(i)))
    text = ('loc(fused["MaxPool3D:", "functional_1/dense_1/MaxPool3D@f"]): error: '
            "'tf.MaxPool3D' op is neither a custom op nor a flex op")
    error = unsupported_layer_error(RuntimeError(text), model, "LiteRT", "Fix it.")
    assert "layer 'dense' (Dense) (it needs MaxPool3D). Fix it." in str(error)


def test_missing_onnx_packages_are_named_with_the_install_command(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "tf2onnx" else real(name, *a))
    with pytest.raises(ExportError) as caught:
        export_onnx(volume_project(), tmp_path / "m.onnx")
    assert 'pip install "keras-playground[onnx]"' in str(caught.value)
    assert "tf2onnx" in str(caught.value)


@pytest.mark.parametrize("export, name", [(export_tflite, "m.onnx"),
                                          (export_onnx, "m.tflite")])
def test_wrong_suffix_is_refused_before_any_work(export, name, tmp_path):
    with pytest.raises(ExportError, match="must end in"):
        export(volume_project(), tmp_path / name)


def test_export_command_writes_and_checks_each_format(tmp_path, capsys):
    from playground.cli.main import main
    from playground.files.project import save_project
    from tests.export.models import PROJECTS

    path = tmp_path / "xor.kpg"
    save_project(PROJECTS["xor"](), path)
    code = main(["export", str(path), "--tflite", str(tmp_path / "x.tflite"), "--quantize",
                 "float16", "--saved-model", str(tmp_path / "x_sm"), "--onnx",
                 str(tmp_path / "x.onnx")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.count("matches the Keras model (largest difference") == 3
    assert "Weights stored as 16-bit floats" in out
    assert (tmp_path / "x.labels.txt").read_text() == "class 0\nclass 1\n"
    assert (tmp_path / "x_sm" / "saved_model.pb").exists()


def test_saved_model_never_replaces_a_folder_that_is_not_one(tmp_path):
    from playground.export.saved_model import export_saved_model

    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"not a model")
    with pytest.raises(ExportError, match="not a SavedModel folder"):
        export_saved_model(volume_project(), folder, load_data=False)
    assert (folder / "holiday.jpg").exists()


def test_quantize_without_tflite_is_a_plain_error(tmp_path, capsys):
    from playground.cli.main import main
    from playground.files.project import save_project

    path = tmp_path / "v.kpg"
    save_project(volume_project(), path)
    assert main(["export", str(path), "--onnx", str(tmp_path / "v.onnx"),
                 "--quantize", "dynamic"]) == 2
    assert "--quantize applies to a LiteRT export" in capsys.readouterr().err


def test_untrained_model_without_data_is_checked_on_random_inputs_and_says_so(tmp_path):
    from playground.export.saved_model import export_saved_model
    from tests.export.models import xor

    report = export_saved_model(xor(), tmp_path / "fresh", load_data=False)
    assert report.matches and report.sample_source == "random inputs"
    assert any("untrained" in note for note in report.notes)
    assert report.labels_path is None            # no dataset loaded: no class names
