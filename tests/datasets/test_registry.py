"""The dataset registry: names, settings validation, facts, previews and exact snippets."""
from __future__ import annotations

import numpy as np
import pytest

from playground.datasets.preview import make_preview
from playground.datasets import (
    dataset_info,
    dataset_names,
    load_dataset,
    load_from_choice,
    python_snippet,
)
from playground.errors import DatasetError

GENERATED = ["circle", "xor", "gaussian", "spiral", "linear", "plane", "multi_gaussian",
             "celsius", "sine"]


def test_registry_lists_every_family():
    names = dataset_names()
    for name in GENERATED + ["mnist", "csv", "image_folder"]:
        assert name in names
        info = dataset_info(name)
        assert info.title and info.description and info.tasks
        for p in info.params:
            assert p.help, f"{name}.{p.name} has no help sentence"
            p.validate(p.default, name)  # every default passes its own check


@pytest.mark.parametrize("name", GENERATED)
def test_generated_datasets_follow_the_contract(name):
    ds = load_dataset(name, {"samples": 300} if name != "celsius" else None)
    assert ds.x_train.dtype == np.float32 and ds.x_test.dtype == np.float32
    assert ds.x_train.shape[1:] == ds.input_shape == ds.x_test.shape[1:]
    assert len(ds.x_train) == len(ds.y_train) and len(ds.x_test) == len(ds.y_test)
    assert ds.x_val is None and ds.y_val is None
    if ds.is_classification:
        assert ds.y_train.dtype == np.int32 and ds.y_train.ndim == 1
        assert set(np.unique(ds.y_train)) == set(range(ds.num_classes))
        assert ds.output_size == (1 if ds.task == "binary" else ds.num_classes)
    else:
        assert ds.y_train.dtype == np.float32 and ds.class_names == []
        assert ds.num_classes == 0 and ds.output_size == 1
    preview = make_preview(ds, 100)
    assert preview["kind"] in ("points", "series")
    assert len(preview["x"]) <= 100 and len(preview["x"]) == len(preview["y"])


@pytest.mark.parametrize("name", GENERATED)
def test_same_seed_same_data_other_seed_other_data(name):
    a = load_dataset(name, {"seed": 3})
    b = load_dataset(name, {"seed": 3})
    c = load_dataset(name, {"seed": 4})
    assert np.array_equal(a.x_train, b.x_train) and np.array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.x_train, c.x_train)


@pytest.mark.parametrize("name", GENERATED)
def test_python_snippet_recreates_exactly_the_same_arrays(name):
    params = {"seed": 7}
    ds = load_dataset(name, params)
    namespace: dict = {}
    exec(compile(python_snippet(name, params), f"<{name} snippet>", "exec"), namespace)
    for split in ("x_train", "y_train", "x_test", "y_test"):
        assert np.array_equal(namespace[split], getattr(ds, split)), split
    assert namespace["x_val"] is None


def test_painted_points_join_the_training_split_and_the_snippet():
    params = {"samples": 100, "extra_points": [[0.1, 0.2, 1], [-0.5, 0.5, 0]]}
    ds = load_dataset("xor", params)
    assert len(ds.x_train) == 52
    assert np.allclose(ds.x_train[-2:], [[0.1, 0.2], [-0.5, 0.5]])
    assert list(ds.y_train[-2:]) == [1, 0]
    ns: dict = {}
    exec(python_snippet("xor", params), ns)
    assert np.array_equal(ns["x_train"], ds.x_train) and np.array_equal(ns["y_train"],
                                                                         ds.y_train)
    reg = load_dataset("plane", {"samples": 100, "extra_points": [[0.0, 0.0, 0.75]]})
    assert reg.y_train[-1] == pytest.approx(0.75)


def test_painted_point_with_unknown_class_is_refused_by_number():
    with pytest.raises(DatasetError, match=r"painted point\(s\) \[2\].*0 to 1"):
        load_dataset("circle", {"extra_points": [[0, 0, 1], [0, 0, 5]]})


@pytest.mark.parametrize("params, message", [
    ({"samples": 3}, r"whole number from 10"),
    ({"samples": 2.5}, r"whole number"),
    ({"noise": "lots"}, r"a number"),
    ({"colour": 1}, r"no setting named 'colour'.*noise"),
    ({"extra_points": [[1, 2]]}, r"\[x, y, target\]"),
    ({"test_fraction": 0.99}, r"from 0.05 to 0.9"),
])
def test_bad_settings_say_what_is_accepted(params, message):
    with pytest.raises(DatasetError, match=message):
        load_dataset("circle", params)


def test_unknown_dataset_lists_the_real_ones():
    with pytest.raises(DatasetError, match="no dataset named 'cifar'.*xor"):
        load_dataset("cifar")


def test_load_from_project_choice():
    ds = load_from_choice({"name": "spiral", "params": {"classes": 3, "samples": 90}})
    assert ds.task == "multiclass" and ds.num_classes == 3 and ds.output_size == 3
    with pytest.raises(DatasetError, match="which dataset"):
        load_from_choice({"params": {}})


def test_xor_and_linear_are_what_their_lessons_say():
    xor = load_dataset("xor", {"samples": 400})
    x, y = xor.x_train, xor.y_train
    assert np.all((x[:, 0] * x[:, 1] > 0) == (y == 1))  # noise 0: labels follow the rule
    lin = load_dataset("linear", {"samples": 400})

    def perceptron_accuracy(ds, epochs=200):
        # Rosenblatt's rule converges exactly when one straight line separates the classes.
        a = np.c_[ds.x_train, np.ones(len(ds.x_train))]
        t = ds.y_train * 2.0 - 1
        w = np.zeros(3)
        for _ in range(epochs):
            for xi, ti in zip(a, t):
                if ti * (xi @ w) <= 0:
                    w += ti * xi
        return np.mean((a @ w > 0) == (ds.y_train == 1))
    assert perceptron_accuracy(lin) == 1.0
    assert perceptron_accuracy(xor, epochs=20) < 0.8


def test_celsius_is_the_rule_and_sine_has_a_naive_baseline():
    c = load_dataset("celsius")
    assert np.allclose(c.y_train, 1.8 * c.x_train[:, 0] + 32, atol=1e-3)
    from playground.datasets.series import naive_last_value_mse

    s = load_dataset("sine", {"noise": 0.0, "period": 40.0})
    assert s.input_shape == (20, 1) and s.y_train.shape[1:] == (1,)
    # the next value really is the value after the window
    assert s.x_train[1, -1, 0] == pytest.approx(s.y_train[0, 0])
    assert s.extras["naive_test_mse"] == pytest.approx(naive_last_value_mse(s.x_test,
                                                                            s.y_test))
    assert 0 < s.extras["naive_test_mse"] < 0.05


def test_scaling_uses_training_statistics_only():
    from playground.datasets.scaling import scale_splits

    train = np.array([[0.0], [10.0]], np.float32)
    test = np.array([[20.0]], np.float32)
    _, (tr, te) = scale_splits("standardize", train, test)
    assert np.allclose(tr[:, 0], [-1, 1]) and te[0, 0] == pytest.approx(3.0)
    _, (tr, te) = scale_splits("unit", train, test)
    assert np.allclose(tr[:, 0], [0, 1]) and te[0, 0] == pytest.approx(2.0)
    c = load_dataset("celsius", {"scaling": "standardize"})
    assert abs(float(c.x_train.mean())) < 1e-5 and abs(float(c.x_train.std()) - 1) < 1e-4


# ------------------------------------------------------------------ properties
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@st.composite
def generated_choice(draw):
    """Any generated dataset with any settings its specs allow (kept small)."""
    name = draw(st.sampled_from(GENERATED))
    info = dataset_info(name)
    params = {}
    for p in info.params:
        if p.name == "samples":
            params["samples"] = draw(st.integers(max(int(p.minimum), 40), 200))
        elif p.kind == "float":
            params[p.name] = draw(st.floats(p.minimum, min(p.maximum, 200.0)))
        elif p.kind == "choice":
            params[p.name] = draw(st.sampled_from(p.choices))
        elif p.name in ("classes", "seed"):
            params[p.name] = draw(st.integers(int(p.minimum), min(int(p.maximum), 8)))
        elif p.name == "window":
            params["window"] = draw(st.integers(2, 20))
    return name, params


@settings(max_examples=60, deadline=None)
@given(generated_choice())
def test_any_allowed_settings_give_a_dataset_that_keeps_the_contract(choice):
    name, params = choice
    ds = load_dataset(name, params)
    assert len(ds.x_train) > 0 and len(ds.x_test) > 0
    assert ds.x_train.shape[1:] == ds.input_shape and ds.x_train.dtype == np.float32
    assert np.all(np.isfinite(ds.x_train)) and np.all(np.isfinite(ds.y_train))
    if ds.is_classification:
        assert ds.y_train.min() >= 0 and ds.y_train.max() < ds.num_classes
    preview = make_preview(ds, 50)
    assert preview["kind"] in ("points", "series")


def test_infinite_or_nan_whole_number_setting_is_refused_plainly():
    import math

    import pytest

    from playground.datasets import load_dataset
    from playground.errors import DatasetError

    for value in (math.inf, -math.inf, math.nan):
        with pytest.raises(DatasetError, match="whole number"):
            load_dataset("xor", {"seed": value})


def test_a_large_test_share_of_a_tiny_dataset_still_leaves_training_rows():
    ds = load_dataset("celsius", {"samples": 3, "test_fraction": 0.9})
    assert len(ds.x_train) == 1 and len(ds.x_test) == 2
