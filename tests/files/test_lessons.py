"""Every preset opens, builds, and trains briefly; the gallery facts and CLI listing."""
from __future__ import annotations

from playground.datasets.mnist import ENV_VAR as MNIST_ENV_VAR
import copy
import sys

import numpy as np
import pytest

from playground.files.lessons import find_preset, list_presets, open_preset
from playground.errors import ProjectFileError
from tests.conftest import ROOT

EXPECTED = ["xor", "mnist_cnn", "perceptron", "perceptron_xor", "celsius", "spiral",
            "sine_lstm", "overfitting", "overfitting_dropout", "transfer_learning",
            "text_topics", "reading_order", "where_the_model_looks"]

# Small versions of each preset's data, so a short run takes a moment.
TINY = {"mnist": {"subset": 64, "test_subset": 32}, "sine": {"samples": 120},
        "spiral": {"samples": 100}, "xor": {"samples": 60}, "linear": {"samples": 60},
        "celsius": {"samples": 20}, "gaussian": {"samples": 40}, "sentences": {"samples": 60},
        "chase": {"samples": 60}, "reviews": {"samples": 60}}


def test_all_presets_are_listed_in_lesson_order_with_gallery_facts():
    presets = list_presets()
    assert [p.name for p in presets] == EXPECTED
    for p in presets:
        assert p.title and p.lesson and "\n" not in p.description
        assert 20 < len(p.description) <= 100, p.name
        assert p.thumbnail is not None and p.thumbnail.stat().st_size > 200


@pytest.mark.parametrize("name", EXPECTED)
def test_preset_loads_builds_and_trains_briefly(name, mnist_dir, monkeypatch):
    from playground.training.run import make_engine
    from playground.training.settings import TrainingSettings

    monkeypatch.setenv(MNIST_ENV_VAR, str(mnist_dir))
    project = open_preset(name)
    choice = project.dataset
    project.dataset = {"name": choice["name"],
                       "params": {**choice["params"], **TINY.get(choice["name"], {})}}
    settings = TrainingSettings.from_dict({**project.training, "epochs": 1,
                                           "batch_size": 16})
    engine = make_engine(project, settings)
    before = [w.copy() for w in engine.model.get_weights()]
    result = engine.run()
    assert result.status == "completed" and result.epochs_done == 1
    assert np.isfinite(result.final_logs["loss"])
    assert "test_loss" in result.test_logs
    changed = [not np.array_equal(a, b) for a, b in zip(before, result.model.get_weights())]
    assert any(changed), "training changed no weight"


def test_transfer_preset_ships_frozen_trained_filters(mnist_dir, monkeypatch):
    project = open_preset("transfer_learning")
    convs = [n for n in project.graph.topological_order() if n.layer_type == "Conv2D"]
    assert len(convs) == 2 and not any(n.trainable for n in convs)
    assert set(project.weights) == {n.id for n in convs}
    kernel = project.weights[convs[0].id][0]
    assert kernel.shape == (3, 3, 1, 32) and np.std(kernel) > 0.05  # trained, not zeros
    assert (ROOT / "presets" / "transfer_learning.kpg").stat().st_size < 2_000_000
    # the frozen filters do not move when the preset trains
    from playground.training.run import make_engine
    from playground.training.settings import TrainingSettings

    monkeypatch.setenv(MNIST_ENV_VAR, str(mnist_dir))
    project.dataset["params"]["test_subset"] = 50
    result = make_engine(project, TrainingSettings.from_dict(
        {**project.training, "epochs": 1})).run()
    conv_layer = [la for la in result.model.layers if la.__class__.__name__ == "Conv2D"][0]
    assert np.array_equal(conv_layer.get_weights()[0], kernel)


def test_opening_a_preset_never_touches_the_preset_file():
    info = find_preset("xor")
    before = info.path.read_bytes()
    project = open_preset("xor")
    first = project.graph.nodes[1]
    project.graph.set_param(first.id, "units", 3)
    project.title = "mine"
    assert open_preset("xor").graph.nodes[1].params["units"] == 8
    assert info.path.read_bytes() == before


def test_preset_files_match_their_generator():
    sys.path.insert(0, str(ROOT / "presets"))
    try:
        import build_presets
    finally:
        sys.path.remove(str(ROOT / "presets"))
    for order, spec in enumerate(build_presets.PRESETS):
        made = build_presets.make_project(spec, order).to_json_dict()
        stored = open_preset(spec.name).to_json_dict()
        assert copy.deepcopy(made) == stored, f"{spec.name}.kpg is out of date: run " \
                                              "presets/build_presets.py"


def test_unknown_preset_lists_the_real_ones():
    with pytest.raises(ProjectFileError, match="no preset named 'cats'.*xor"):
        find_preset("cats")


def test_presets_command_lists_name_and_description(capsys):
    from playground.cli.main import main

    assert main(["presets"]) == 0
    out = capsys.readouterr().out
    for p in list_presets():
        assert f"{p.name}" in out and p.description in out


def test_an_install_finds_the_presets_copied_into_the_package(tmp_path, monkeypatch):
    """A wheel or a bundle carries the lessons inside the package
    (playground/resources/presets, copied by setup.py's build step); with that copy present
    it is used, not a checkout (tests/packaging builds a real wheel)."""
    import shutil

    from playground import resources
    from playground.files import lessons as presets

    packaged = tmp_path / "site-packages" / "playground" / "resources" / "presets"
    (packaged / "thumbnails").mkdir(parents=True)
    shutil.copy(ROOT / "presets" / "xor.kpg", packaged)
    shutil.copy(ROOT / "presets" / "thumbnails" / "xor.png", packaged / "thumbnails")
    monkeypatch.delenv(presets.ENV_VAR, raising=False)
    assert presets.presets_dir() == ROOT / "presets"  # the checkout, without a copy
    monkeypatch.setattr(resources, "PACKAGED_PRESETS", packaged)
    assert presets.presets_dir() == packaged
    [info] = presets.list_presets()
    assert info.name == "xor" and info.thumbnail == packaged / "thumbnails" / "xor.png"
