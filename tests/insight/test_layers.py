import numpy as np
import pytest

from playground.datasets.base import Dataset
from playground.insight._model import InsightError
from playground.insight.activations import FORMULAS, activation_curve
from playground.insight.conv import conv_filters, feature_maps
from playground.insight.digits import (DigitPad, center_like_mnist, drawing_to_input,
                                       is_digit_dataset, predict_drawing)
from playground.insight.health import HealthChecker, dead_unit_share, health_report
from playground.kerasenv import keras
from tests.insight.helpers import mlp, points_dataset


@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_activation_formulas_match_keras(name):
    k = keras()
    curve = activation_curve(name)
    if name == "softmax":  # one unit against a second fixed at 0
        pair = np.stack([curve.x, np.zeros_like(curve.x)], axis=1).astype(np.float32)
        expected = np.asarray(k.activations.softmax(pair))[:, 0]
    else:
        expected = np.asarray(k.activations.get(name)(curve.x.astype(np.float32)))
    np.testing.assert_allclose(curve.y, expected, rtol=2e-4, atol=2e-5)
    assert curve.description


def test_activation_slope_is_flat_where_relu_is_zero():
    curve = activation_curve("relu")
    np.testing.assert_allclose(curve.slope[curve.x < -0.1], 0.0, atol=1e-9)
    np.testing.assert_allclose(curve.slope[curve.x > 0.1], 1.0, rtol=1e-9)
    with pytest.raises(InsightError, match="Unknown activation"):
        activation_curve("no_such_activation")


def _mnist_like_dataset(shape=(28, 28, 1)) -> Dataset:
    x = np.zeros((4, *shape), np.float32)
    return Dataset("mnist", "MNIST", "", "multiclass", x, np.arange(4) % 10, None, None, None,
                   None, shape, [str(i) for i in range(10)],
                   extras={"scaling": {"method": "unit", "offset": 0.0, "scale": 255.0}})


def test_digit_pad_centers_like_mnist_and_scales_like_training():
    pad = DigitPad()
    pad.stroke(2, 2, 2, 12)  # a short vertical bar in the top-left corner
    assert not pad.is_empty()
    centered = center_like_mnist(pad.image)
    rows = np.flatnonzero(centered.max(axis=1) > 0.05)
    assert rows[-1] - rows[0] + 1 == 20  # fitted to the 20-pixel box, like MNIST digits
    yy, xx = np.mgrid[0:28, 0:28]
    assert abs((yy * centered).sum() / centered.sum() - 13.5) <= 1.0  # centre of mass
    assert abs((xx * centered).sum() / centered.sum() - 13.5) <= 1.0
    ds = _mnist_like_dataset()
    x = drawing_to_input(pad.image, ds)
    assert x.shape == (1, 28, 28, 1)
    # the same 8-bit rounding and /255 as the training images
    np.testing.assert_allclose(x[0, :, :, 0], np.round(centered * 255) / 255, atol=1e-6)
    flat = drawing_to_input(pad.image, _mnist_like_dataset((784,)))
    np.testing.assert_allclose(flat.reshape(28, 28), x[0, :, :, 0])
    assert is_digit_dataset(ds) and not is_digit_dataset(points_dataset())


def test_predict_drawing_matches_model_on_preprocessed_input():
    k = keras()
    model = k.Sequential([k.Input((28, 28, 1)), k.layers.Flatten(),
                          k.layers.Dense(10, activation="softmax")])
    pad = DigitPad()
    pad.stroke(10, 5, 14, 22)
    ds = _mnist_like_dataset()
    pred = predict_drawing(model, pad.image, ds)
    np.testing.assert_allclose(pred.probabilities, model.predict(pred.model_input, verbose=0)[0],
                               rtol=1e-5)
    assert pred.probabilities.sum() == pytest.approx(1.0, rel=1e-5)


def test_conv_filters_and_feature_maps():
    k = keras()
    k.utils.set_random_seed(0)
    model = k.Sequential([k.Input((8, 8, 1)), k.layers.Conv2D(3, 3, name="c1"),
                          k.layers.Conv2D(4, 3, padding="same", name="c2"), k.layers.Flatten(),
                          k.layers.Dense(2, activation="softmax")])
    filters = conv_filters(model)
    assert [f.layer_name for f in filters] == ["c1", "c2"]
    kernel = model.get_layer("c1").get_weights()[0]
    np.testing.assert_allclose(filters[0].filters[1], kernel[:, :, 0, 1])
    sample = np.random.default_rng(0).random((8, 8, 1)).astype(np.float32)
    maps = feature_maps(model, sample)
    assert maps[0].maps.shape == (3, 6, 6) and maps[1].maps.shape == (4, 6, 6)
    # channel 1 of c1 at (0, 0) is the filter applied to the top-left 3x3 patch
    bias = model.get_layer("c1").get_weights()[1]
    expected = (sample[0:3, 0:3, 0] * kernel[:, :, 0, 1]).sum() + bias[1]
    assert maps[0].maps[1, 0, 0] == pytest.approx(expected, rel=1e-4, abs=1e-5)
    with pytest.raises(InsightError, match="no Conv2D"):
        feature_maps(mlp(), np.zeros(2))
    # The conv probe colours every picture off the UI thread.
    from playground.insight.colors import diverging, greys
    from playground.insight.probes import conv_probe

    data = Dataset("pics", "Pictures", "", "multiclass", sample[None], np.zeros(1, int),
                   None, None, None, None, (8, 8, 1), ["a", "b"])
    snapshot = conv_probe(0)(model, data)
    np.testing.assert_array_equal(snapshot.sample_rgba, greys(sample[..., 0]))
    assert snapshot.filter_rgba["c2"].shape == (4, 3, 3, 4)
    np.testing.assert_array_equal(snapshot.filter_rgba["c1"][1], diverging(filters[0].filters[1]))
    np.testing.assert_array_equal(snapshot.map_rgba["c1"][1], greys(maps[0].maps[1]))


def test_dead_relu_detected_on_constructed_dead_layer():
    k = keras()
    model = mlp(units=(8,), activation="relu")
    kernel, bias = model.get_layer("hidden0").get_weights()
    bias[:6] = -1000.0  # 6 of 8 units can never be positive on this data: dead
    model.get_layer("hidden0").set_weights([kernel, bias])
    model.compile(loss="binary_crossentropy")
    report = health_report(model, points_dataset())
    hidden = report.layers["hidden0"]
    assert hidden.dead_share == pytest.approx(6 / 8)
    assert [i.kind for i in hidden.issues] == ["dead_relu"]
    assert hidden.worst == "problem" and "leaky_relu" in hidden.issues[0].suggestion
    assert k is not None


def test_healthy_model_has_no_issues_and_gradients_are_measured():
    model = mlp(units=(8,), activation="relu", seed=3)
    report = health_report(model, points_dataset())
    assert report.layers["hidden0"].dead_share < 0.25
    assert report.issues == []
    assert report.layers["hidden0"].gradient_rms > 0 and report.layers["out"].gradient_rms > 0


def test_saturated_tanh_and_vanishing_gradients():
    model = mlp(units=(6, 6), activation="tanh")
    kernel, bias = model.get_layer("hidden0").get_weights()
    model.get_layer("hidden0").set_weights([kernel * 500.0, bias])  # every unit at +-1
    report = HealthChecker(model).check(*_xy(points_dataset()), "binary")
    hidden = report.layers["hidden0"]
    assert hidden.saturated_share == pytest.approx(1.0)
    kinds = {i.kind for i in hidden.issues}
    assert "saturated" in kinds and "vanishing" in kinds
    assert report.layers["out"].saturated_share is None  # output layers are not judged


def test_exploding_and_not_finite():
    model = mlp(units=(4,), activation="relu", out_activation="linear")
    big = [w * 1e4 for w in model.get_layer("hidden0").get_weights()]
    model.get_layer("hidden0").set_weights(big)
    model.get_layer("out").set_weights([w * 1e4 for w in model.get_layer("out").get_weights()])
    report = HealthChecker(model).check(*_xy(points_dataset("regression")), "regression")
    assert any(i.kind == "exploding" for i in report.layers["out"].issues)
    kernel, bias = model.get_layer("out").get_weights()
    model.get_layer("out").set_weights([kernel * np.nan, bias])
    report = HealthChecker(model).check(*_xy(points_dataset("regression")), "regression")
    assert any(i.kind == "not_finite" for i in report.layers["out"].issues)


def test_dead_unit_share_on_conv_shaped_activations():
    acts = np.ones((5, 4, 4, 3))
    acts[..., 0] = 0.0
    assert dead_unit_share(acts) == pytest.approx(1 / 3)


def _xy(ds):
    return ds.x_train, ds.y_train
