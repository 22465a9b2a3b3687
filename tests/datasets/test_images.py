"""Image-folder import: one sub-folder per class, resizing, colour, unreadable files."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from playground.datasets.preview import make_preview
from playground.datasets import load_dataset, python_snippet
from playground.errors import DatasetError


def make_folder(root, classes=("cats", "dogs"), per_class=5, broken=True):
    for c, name in enumerate(classes):
        folder = root / name
        folder.mkdir(parents=True)
        for i in range(per_class):
            colour = (200 * c, 30 * i, 255 - 200 * c)
            Image.new("RGB", (40 + i, 30), colour).save(folder / f"{i}.png")
    if broken:
        (root / classes[0] / "broken.jpg").write_bytes(b"not really a jpeg")
        (root / classes[1] / "notes.txt").write_text("hello")
    return root


def test_folder_becomes_resized_grayscale_classes(tmp_path):
    root = make_folder(tmp_path / "pets")
    ds = load_dataset("image_folder", {"path": str(root), "size": 16})
    assert ds.class_names == ["cats", "dogs"] and ds.task == "binary"
    assert ds.input_shape == (16, 16, 1)
    assert len(ds.x_train) + len(ds.x_test) == 10
    assert ds.x_train.dtype == np.float32 and 0 <= ds.x_train.min() and ds.x_train.max() <= 1
    # unreadable files are reported by name, not dropped silently
    joined = " ".join(ds.problems)
    assert "cats/broken.jpg" in joined and "dogs/notes.txt" in joined
    assert make_preview(ds, 4)["kind"] == "images"


def test_colour_keeps_three_channels_with_the_right_values(tmp_path):
    root = make_folder(tmp_path / "pets", broken=False)
    ds = load_dataset("image_folder", {"path": str(root), "size": 8, "color": "rgb",
                                       "scaling": "none", "test_fraction": 0.2})
    assert ds.input_shape == (8, 8, 3) and ds.problems == []
    dogs = ds.x_train[ds.y_train == 1]
    assert np.allclose(dogs[..., 0], 200) and np.allclose(dogs[..., 2], 55)


def test_snippet_reads_the_same_pictures(tmp_path):
    root = make_folder(tmp_path / "pets", classes=("a", "b", "c"))
    params = {"path": str(root), "size": 12, "seed": 1}
    ds = load_dataset("image_folder", params)
    assert ds.task == "multiclass"
    ns: dict = {}
    exec(python_snippet("image_folder", params), ns)
    assert np.array_equal(ns["x_train"], ds.x_train) and np.array_equal(ns["y_test"],
                                                                         ds.y_test)


def test_bad_folders_explain_the_layout(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset("image_folder", {"path": str(tmp_path / "missing")})
    one = make_folder(tmp_path / "one", classes=("only",), broken=False)
    with pytest.raises(DatasetError, match="one sub-folder per class"):
        load_dataset("image_folder", {"path": str(one)})
    empty = make_folder(tmp_path / "empty", broken=False)
    for f in (empty / "dogs").iterdir():
        f.unlink()
    (empty / "dogs" / "x.png").write_bytes(b"broken")
    with pytest.raises(DatasetError, match="No readable pictures in sub-folder.*dogs.*x.png"):
        load_dataset("image_folder", {"path": str(empty)})
