import numpy as np
import pytest

from playground.datasets.base import Dataset
from playground.insight._model import InsightError
from playground.insight.classification import classification_results, confusion_matrix
from playground.insight.regression import (celsius_fit, linear_fit, prediction_vs_truth,
                                           sequence_forecast)
from playground.insight.weights import dense_edges, histogram, is_small_mlp, weight_histograms
from playground.kerasenv import keras
from tests.insight.helpers import mlp, points_dataset


def test_confusion_matrix_counts_true_rows_predicted_columns():
    m = confusion_matrix(np.array([0, 0, 1, 2, 2, 2]), np.array([0, 1, 1, 2, 0, 2]), 3)
    np.testing.assert_array_equal(m, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    with pytest.raises(InsightError, match="between 0 and 2"):
        confusion_matrix(np.array([3]), np.array([0]), 3)


def test_classification_results_agree_with_predict():
    model = mlp(out=3, out_activation="softmax")
    ds = points_dataset(classes=3, n=200)
    result = classification_results(model, ds)
    pred = model.predict(ds.x_test, verbose=0).argmax(axis=1)
    assert result.split == "test"
    np.testing.assert_array_equal(result.matrix, confusion_matrix(ds.y_test, pred, 3))
    assert result.accuracy == pytest.approx(float(np.mean(pred == ds.y_test)))
    wrong = np.flatnonzero(pred != ds.y_test)
    assert sorted(result.misclassified.tolist()) == sorted(wrong.tolist())
    np.testing.assert_array_equal(result.predicted, pred[result.misclassified])
    np.testing.assert_array_equal(result.true, ds.y_test[result.misclassified])
    assert np.all(np.diff(result.confidence) <= 1e-12)  # most confident mistakes first
    for c in range(3):
        rows = ds.y_test == c
        if rows.any():
            assert result.per_class_accuracy[c] == pytest.approx(np.mean(pred[rows] == c))


def test_misclassified_pictures_are_made_for_images_only():
    from playground.insight.colors import greys

    k = keras()
    k.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    x = rng.random((30, 6, 5, 1)).astype(np.float32)
    y = (np.arange(30) % 3).astype(np.int64)
    ds = Dataset("pics", "Pictures", "", "multiclass", x, y, None, None, x, y, (6, 5, 1),
                 ["a", "b", "c"])
    inp = k.Input((6, 5, 1))
    model = k.Model(inp, k.layers.Dense(3, activation="softmax")(k.layers.Flatten()(inp)))
    result = classification_results(model, ds)
    assert len(result.misclassified) > 0
    assert result.pictures.shape == (len(result.misclassified), 6, 5, 4)
    first = x[result.misclassified[0], ..., 0]
    np.testing.assert_array_equal(result.pictures[0], greys(first))
    points = classification_results(mlp(out=3, out_activation="softmax"),
                                    points_dataset(classes=3, n=200))
    assert points.pictures is None


def test_confusion_refuses_regression():
    with pytest.raises(InsightError, match="classification"):
        classification_results(mlp(out_activation="linear"), points_dataset("regression"))


def test_dense_edges_and_small_mlp():
    model = mlp(units=(4,))
    layers = dense_edges(model)
    assert [d.layer_name for d in layers] == ["hidden0", "out"]
    kernel = model.get_layer("hidden0").get_weights()[0]
    edge = next(e for e in layers[0].edges if e.source == 1 and e.target == 2)
    assert edge.value == pytest.approx(float(kernel[1, 2]))
    assert edge.sign == int(np.sign(kernel[1, 2]))
    assert max(e.strength for d in layers for e in d.edges) == pytest.approx(1.0)
    assert is_small_mlp(model)
    assert not is_small_mlp(mlp(units=(64,)))


def test_weight_histograms_count_every_weight():
    model = mlp(units=(6,))
    hists = weight_histograms(model, bins=10)
    assert set(hists) == {"hidden0", "out"}
    assert hists["hidden0"].kernel.counts.sum() == 12
    assert hists["hidden0"].bias.counts.sum() == 6
    flat = histogram(np.zeros(5), bins=4)  # all-equal values still get a valid histogram
    assert flat.counts.sum() == 5 and flat.edges[0] < 0 < flat.edges[-1]


def _celsius_dataset(scaled: bool) -> Dataset:
    c = np.linspace(-40, 100, 50).astype(np.float32)
    f = (1.8 * c + 32).astype(np.float32)
    extras = {}
    if scaled:
        extras["scaling"] = {"method": "standardize", "offset": [30.0], "scale": [40.0]}
        c = (c - 30) / 40
    return Dataset("celsius", "Celsius", "", "regression", c[:, None], f, None, None,
                   c[:10, None], f[:10], (1,), [], extras=extras)


def test_linear_fit_collapses_linear_layers_and_undoes_scaling():
    k = keras()
    inp = k.Input((1,))
    model = k.Model(inp, k.layers.Dense(1, name="d2")(k.layers.Dense(3, name="d1")(inp)))
    model.get_layer("d1").set_weights([np.array([[1.0, 2.0, 0.5]]), np.array([1.0, 0, 2])])
    model.get_layer("d2").set_weights([np.array([[0.2], [0.5], [1.0]]), np.array([3.0])])
    fit = linear_fit(model)
    x = np.array([[2.0], [-7.0]], np.float32)
    np.testing.assert_allclose(fit.weight * x[:, 0] + fit.bias, model.predict(x, verbose=0)[:, 0],
                               rtol=1e-5)
    # a model trained on standardized Celsius: undo the scaling -> 1.8 and 32
    scaled = k.Sequential([k.Input((1,)), k.layers.Dense(1)])
    scaled.layers[0].set_weights([np.array([[1.8 * 40]]), np.array([1.8 * 30 + 32])])
    fit = celsius_fit(scaled, _celsius_dataset(scaled=True))
    assert fit.weight == pytest.approx(1.8, rel=1e-5) and fit.bias == pytest.approx(32, rel=1e-5)
    with pytest.raises(InsightError, match="curve"):
        linear_fit(mlp(units=(2,), inputs=1, out_activation="linear"))


def test_prediction_vs_truth_and_sequence_forecast():
    k = keras()
    model = k.Sequential([k.Input((1,)), k.layers.Dense(1)])
    model.layers[0].set_weights([np.array([[1.8]]), np.array([32.0])])
    result = prediction_vs_truth(model, _celsius_dataset(scaled=False))
    assert result.r2 == pytest.approx(1.0) and result.mae < 1e-3
    series = np.sin(np.linspace(0, 12, 80)).astype(np.float32)
    windows = np.stack([series[i:i + 8] for i in range(70)])[..., None]
    targets = series[8:78]
    ds = Dataset("wave", "Wave", "", "sequence", windows[:50], targets[:50], None, None,
                 windows[50:], targets[50:], (8, 1), [])
    seq_model = k.Sequential([k.Input((8, 1)), k.layers.Flatten(), k.layers.Dense(1)])
    forecast = sequence_forecast(seq_model, ds)
    np.testing.assert_allclose(forecast.forecast, seq_model.predict(windows[50:], verbose=0)[:, 0],
                               rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(forecast.truth, targets[50:])
    np.testing.assert_allclose(forecast.history, windows[50, :, 0])
    assert forecast.mae == pytest.approx(float(np.mean(np.abs(
        seq_model.predict(windows[50:], verbose=0)[:, 0] - targets[50:]))), rel=1e-4)
