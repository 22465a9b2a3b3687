"""Picture folders streamed from disk: stable split, unreadable files, same batches as the
array path, bounded samples for the views, and training through the stream."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from playground.datasets import load_dataset
from playground.datasets.image_folder import read_images
from playground.datasets.picture_files import list_pictures, split_by_name
from playground.datasets.picture_stream import SAMPLE_SIZE
from playground.training import TrainingSettings
from playground.training.engine import TrainingEngine
from playground.training.events import RunStarted


def draw(folder, classes, per_class, start=0):
    rng = np.random.default_rng(start)
    for c, name in enumerate(classes):
        (folder / name).mkdir(parents=True, exist_ok=True)
        for i in range(start, start + per_class):
            pixels = rng.integers(0, 256, (20 + i % 7, 18, 3), dtype=np.uint8)
            pixels[..., c % 3] = 230  # each class has its own dominant colour
            Image.fromarray(pixels).save(folder / name / f"{i:04d}.png")
    return folder


def test_split_is_stable_when_pictures_are_added(tmp_path):
    root = draw(tmp_path / "pets", ("cats", "dogs"), 30)
    files, _y, _c, _u = list_pictures(str(root))
    train, test = split_by_name(files, 0.25, seed=7)
    before_test = {files[i] for i in test}
    draw(root, ("cats", "dogs"), 40, start=30)
    more, _y, _c, _u = list_pictures(str(root))
    train2, test2 = split_by_name(more, 0.25, seed=7)
    after_test = {more[i] for i in test2}
    after_train = {more[i] for i in train2}
    # Every old test picture is still a test picture; every old training one still trains.
    assert before_test <= after_test
    assert {files[i] for i in train} <= after_train
    assert 0.1 < len(after_test) / len(more) < 0.4
    # Another seed gives another split.
    _t, test3 = split_by_name(more, 0.25, seed=8)
    assert {more[i] for i in test3} != after_test


def test_unreadable_files_are_listed_by_name_and_skipped(tmp_path):
    root = draw(tmp_path / "pets", ("cats", "dogs"), 4)
    (root / "cats" / "empty.jpg").write_bytes(b"")
    (root / "dogs" / "notes.txt").write_text("not a picture")
    (root / "dogs" / "fake.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    ds = load_dataset("image_folder", {"path": str(root), "size": 8})
    joined = "\n".join(ds.problems)
    for name in ("cats/empty.jpg", "dogs/notes.txt", "dogs/fake.png"):
        assert joined.count(name) == 1
    assert sum(ds.split_sizes().values()) == 8  # only the real pictures are used


def test_streamed_batches_equal_the_array_path(tmp_path):
    root = draw(tmp_path / "pets", ("a", "b", "c"), 6)
    for color in ("grayscale", "rgb"):
        ds = load_dataset("image_folder", {"path": str(root), "size": 12, "color": color,
                                           "seed": 3})
        old_x, old_y, classes, _u = read_images(str(root), 12, color)
        files, _y, _c, _u = list_pictures(str(root))
        index = {f: i for i, f in enumerate(files)}
        for split in (ds.stream.train, ds.stream.test):
            xs, ys = zip(*[(x.numpy(), y.numpy()) for x, y in split.dataset(4)])
            rows = [index[f] for f in split.files]
            # The same pictures, same labels, same [0, 1] scaling as the old array path.
            assert np.array_equal(np.concatenate(ys), old_y[rows])
            np.testing.assert_allclose(np.concatenate(xs),
                                       old_x[rows].astype(np.float32) / 255.0, atol=1e-6)
        assert ds.class_names == classes


def test_views_read_a_bounded_sample(tmp_path):
    root = draw(tmp_path / "many", ("x", "y"), SAMPLE_SIZE // 2 + 40)
    ds = load_dataset("image_folder", {"path": str(root), "size": 4, "test_fraction": 0.1})
    sizes = ds.split_sizes()
    assert sizes["train"] + sizes["test"] == SAMPLE_SIZE + 80
    assert sizes["train"] > SAMPLE_SIZE and len(ds.x_train) == SAMPLE_SIZE
    assert len(ds.x_test) == sizes["test"]
    # The sample is made of the split's own pictures, both classes, with their labels.
    assert set(np.unique(ds.y_train)) == {0, 1}
    files = ds.stream.train.files
    first = ds.stream.sample(ds.stream.train)
    assert np.array_equal(first[0], ds.x_train) and len(files) == sizes["train"]


def test_training_streams_the_folder_and_learns(tmp_path):
    from playground.kerasenv import keras

    root = draw(tmp_path / "pets", ("red", "green"), 24)
    (root / "red" / "broken.png").write_bytes(b"")
    ds = load_dataset("image_folder", {"path": str(root), "size": 8, "color": "rgb",
                                       "test_fraction": 0.25})
    k = keras()
    k.utils.set_random_seed(0)
    model = k.Sequential([k.Input((8, 8, 3)), k.layers.Flatten(),
                          k.layers.Dense(1, activation="sigmoid")])
    events = []
    engine = TrainingEngine(model, ds, TrainingSettings(epochs=6, batch_size=8,
                                                        learning_rate=0.05, seed=1),
                            events.append)
    result = engine.run()
    started = events[0]
    assert isinstance(started, RunStarted)
    assert started.train_samples + started.val_samples == ds.split_sizes()["train"]
    assert result.status == "completed" and result.epochs_done == 6
    assert result.history["loss"][-1] < result.history["loss"][0]
    assert result.test_logs["test_accuracy"] > 0.9
    # The test accuracy is the model's own on the test pictures.
    probs = model.predict(ds.x_test, verbose=0).ravel()
    assert np.mean((probs > 0.5) == ds.y_test) == pytest.approx(
        result.test_logs["test_accuracy"], abs=1e-6)


def test_split_over_the_memory_budget_is_cached_in_a_file_keyed_by_contents(tmp_path,
                                                                          monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = draw(tmp_path / "pets", ("a", "b"), 5)
    ds = load_dataset("image_folder", {"path": str(root), "size": 6})
    stream, train = ds.stream, ds.stream.train
    stream.memory_cache_bytes = 0  # nothing fits in memory: a cache file
    first = np.concatenate([x.numpy() for x, _y in train.dataset(4)])
    written = sorted(p.name for p in (tmp_path / "cache").rglob("*") if p.is_file())
    key = stream.cache_key(train)
    assert written and all(name.startswith(key) for name in written)
    # Read again: the same pictures come from the cache file.
    again = np.concatenate([x.numpy() for x, _y in train.dataset(4)])
    assert np.array_equal(first, again)
    # A changed picture (or setting) gives another key: a stale cache is never read.
    Image.new("RGB", (9, 9), (1, 2, 3)).save(root / train.files[0])
    assert stream.cache_key(train) != key
    stream.size = 7
    assert stream.cache_key(train) != key
