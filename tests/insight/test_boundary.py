import numpy as np
import pytest

from playground.insight._model import InsightError, class_probabilities
from playground.insight.boundary import (boundary_grid, dataset_boundary, grid_for_points)
from playground.insight.neurons import neuron_maps
from tests.insight.helpers import mlp, points_dataset


def test_binary_boundary_equals_model_predict_on_same_grid():
    model = mlp()
    ds = points_dataset()
    result = dataset_boundary(model, ds, resolution=17)
    expected = model.predict(result.grid.points, verbose=0)[:, 0]
    assert result.values.shape == (17, 17)
    np.testing.assert_allclose(result.values.ravel(), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(result.classes.ravel(), (expected > 0.5).astype(int))
    # the grid covers every data point
    lo, hi = result.grid.xs[0], result.grid.xs[-1]
    assert lo < ds.x_train[:, 0].min() and hi > ds.x_train[:, 0].max()


def test_multiclass_boundary_classes_are_argmax_of_predict():
    model = mlp(out=3, out_activation="softmax")
    ds = points_dataset(classes=3)
    result = dataset_boundary(model, ds, resolution=9)
    probs = model.predict(result.grid.points, verbose=0)
    np.testing.assert_array_equal(result.classes.ravel(), probs.argmax(axis=1))
    np.testing.assert_allclose(result.values.ravel(), probs.max(axis=1), rtol=1e-5)
    assert result.probabilities.shape == (9, 9, 3)


def test_regression_surface_and_discretize_bands():
    model = mlp(out_activation="linear")
    ds = points_dataset("regression")
    result = dataset_boundary(model, ds, resolution=11)
    expected = model.predict(result.grid.points, verbose=0)[:, 0]
    np.testing.assert_allclose(result.values.ravel(), expected, rtol=1e-5, atol=1e-6)
    assert result.classes is None
    bands = result.discretized()
    assert len(np.unique(np.round(bands, 6))) <= 9
    assert np.abs(bands - result.values).max() <= (np.ptp(result.values) / 16) + 1e-9


def test_logit_output_is_turned_into_probabilities():
    probs = class_probabilities(np.array([[0.0], [100.0], [-100.0]]), "linear")
    np.testing.assert_allclose(probs[:, 1], [0.5, 1.0, 0.0], atol=1e-9)


def test_boundary_refuses_non_2d_data():
    ds = points_dataset()
    ds.input_shape = (3,)
    with pytest.raises(InsightError, match="2-D points"):
        dataset_boundary(mlp(inputs=3), ds)


def test_grid_rejects_too_small_resolution():
    with pytest.raises(InsightError, match="at least 2"):
        grid_for_points(np.zeros((3, 2)), resolution=1)


def test_neuron_maps_match_hidden_layer_outputs():
    keras_model = mlp(units=(5,))
    ds = points_dataset()
    maps = neuron_maps(keras_model, ds, resolution=7)
    hidden = maps.layer("hidden0")
    assert hidden.maps.shape == (5, 7, 7) and hidden.activation == "tanh"
    kernel, bias = keras_model.get_layer("hidden0").get_weights()
    expected = np.tanh(maps.grid.points @ kernel + bias)  # (49, 5)
    np.testing.assert_allclose(hidden.maps.reshape(5, -1).T, expected, rtol=1e-4, atol=1e-5)
    # the output neuron's map is the decision boundary itself
    boundary = boundary_grid(keras_model, maps.grid, "binary")
    np.testing.assert_allclose(maps.layer("out").maps[0], boundary.values, rtol=1e-5, atol=1e-6)
