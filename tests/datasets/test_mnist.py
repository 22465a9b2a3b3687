"""MNIST through the local-file override (the committed sample in tests/data/mnist_sample)."""
from __future__ import annotations

from playground.datasets.mnist import ENV_VAR as MNIST_ENV_VAR
import numpy as np
import pytest

from playground.datasets.preview import make_preview
from playground.datasets import load_dataset, python_snippet
from playground.datasets import mnist as mnist_module
from playground.errors import DatasetError


def test_subset_from_the_environment_folder(mnist_dir, monkeypatch):
    monkeypatch.setenv(MNIST_ENV_VAR, str(mnist_dir))
    ds = load_dataset("mnist", {"subset": 500, "test_subset": 200})
    assert ds.x_train.shape == (500, 28, 28, 1) and ds.x_test.shape == (200, 28, 28, 1)
    assert ds.input_shape == (28, 28, 1) and ds.num_classes == 10 and ds.output_size == 10
    assert ds.x_train.dtype == np.float32 and 0 <= ds.x_train.min() < ds.x_train.max() <= 1
    assert len(np.unique(ds.y_train)) == 10
    preview = make_preview(ds, 16)
    assert preview["kind"] == "images" and preview["images"].shape == (16, 28, 28)
    assert preview["labels"][0] == str(ds.y_train[0])


def test_digits_are_relabelled_and_per_class_limits(mnist_dir):
    ds = load_dataset("mnist", {"data_dir": str(mnist_dir), "digits": [5, 6, 7, 8, 9],
                                "per_class": 12, "test_subset": 300})
    assert ds.class_names == ["5", "6", "7", "8", "9"]
    assert np.bincount(ds.y_train).tolist() == [12] * 5
    assert set(np.unique(ds.y_test)) <= set(range(5))
    raw = np.load(mnist_dir / "mnist.npz")
    # relabelled ids point at the right digits: the first test image really is that digit
    first = ds.x_test[0, :, :, 0]
    matches = np.flatnonzero((raw["x_test"] == np.round(first * 255)).all(axis=(1, 2)))
    assert raw["y_test"][matches[0]] == int(ds.class_names[ds.y_test[0]])


def test_snippet_loads_the_same_images(mnist_dir):
    params = {"data_dir": str(mnist_dir), "subset": 300, "test_subset": 50, "seed": 2}
    ds = load_dataset("mnist", params)
    ns: dict = {}
    exec(python_snippet("mnist", params), ns)
    assert np.array_equal(ns["x_train"], ds.x_train) and np.array_equal(ns["y_test"],
                                                                         ds.y_test)


def test_missing_local_file_says_where_to_put_it(tmp_path):
    with pytest.raises(DatasetError) as info:
        load_dataset("mnist", {"data_dir": str(tmp_path)})
    text = str(info.value)
    assert str(tmp_path / "mnist.npz") in text and MNIST_ENV_VAR in text
    assert mnist_module.DOWNLOAD_URL in text


def test_a_file_that_is_not_mnist_is_refused(tmp_path):
    np.savez(tmp_path / "mnist.npz", x_train=np.zeros((3, 5, 5)), y_train=np.zeros(3),
             x_test=np.zeros((1, 5, 5)), y_test=np.zeros(1))
    with pytest.raises(DatasetError, match="does not hold MNIST"):
        load_dataset("mnist", {"data_dir": str(tmp_path)})


def test_single_digit_is_refused(mnist_dir):
    with pytest.raises(DatasetError, match="at least two different digits"):
        load_dataset("mnist", {"data_dir": str(mnist_dir), "digits": [3]})
