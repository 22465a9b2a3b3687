"""Imported weights that no trained network has are pointed out, layer by layer."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from playground.network.chains import chain_graph
from playground.cli.main import main
from playground.kerasenv import keras
from playground.network.weight_checks import suspicious_weights


def graph_and_weights():
    graph = chain_graph([("Input", {"batch_shape": [None, 3]}),
                         ("Dense", {"units": 2}), ("BatchNormalization", {})])
    _inp, dense, norm = graph.nodes
    graph.rename_node(dense.id, "hidden")
    weights = {dense.id: [np.ones((3, 2), np.float32), np.zeros(2, np.float32)],
               norm.id: [np.ones(2, np.float32), np.zeros(2, np.float32),
                         np.zeros(2, np.float32), np.full(2, 4e12, np.float32)]}
    return graph, weights, dense.id, norm.id


def test_trained_looking_weights_pass_even_with_huge_normalization_statistics():
    graph, weights, _dense, _norm = graph_and_weights()
    assert suspicious_weights(graph, weights) == []   # a moving variance of 4e12 is fine


def test_nan_and_implausible_weights_name_the_layer_and_what_to_do():
    graph, weights, dense, norm = graph_and_weights()
    weights[dense][0][0, 0] = 4.4e16
    [huge] = suspicious_weights(graph, weights)
    assert "'hidden'" in huge and "4.4e+16" in huge and "damaged" in huge
    weights[dense][1][:] = np.nan
    weights[norm][0][0] = np.inf
    nan, inf = suspicious_weights(graph, weights)
    assert "'hidden' holds 2 weights that are not a number" in nan and "diverged" in nan
    assert "BatchNormalization" in inf and "holds 1 weight that is not" in inf


def test_cli_import_warns_about_them_and_still_imports(tmp_path: Path, capsys):
    k = keras()
    model = k.Sequential([k.Input((3,)), k.layers.Dense(2, name="d")])
    kernel, bias = model.get_layer("d").get_weights()
    kernel[0, 0] = np.nan
    model.get_layer("d").set_weights([kernel, bias])
    model.save(tmp_path / "m.keras")
    assert main(["import", str(tmp_path / "m.keras"), "--out", str(tmp_path / "m.kpg")]) == 0
    captured = capsys.readouterr()
    assert "warning: Layer 'd' holds 1 weight that is not a number (NaN)" in captured.err
    assert (tmp_path / "m.kpg").is_file()
