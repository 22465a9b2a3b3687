"""Pictures streamed from disk with tf.data, so memory stays flat as the folder grows.

The pipeline per split: file list -> parallel read and resize (the same Pillow code as
the array path, so batches are identical) -> cache (in memory when the split fits
:data:`MEMORY_CACHE_BYTES`, else a cache file in the user's cache folder, keyed by the
files' names, sizes and dates and the settings, so it is reused across runs) -> shuffle
buffer -> batch -> scale -> prefetch. The cache holds uint8 pictures (4x smaller than
float32); scaling happens per batch.

A file whose header looked fine but fails to decode is skipped and listed once, by name,
in :attr:`PictureStream.failed`.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from playground.datasets.picture_files import file_share, read_picture

MEMORY_CACHE_BYTES = 1 << 30   # decoded pictures kept in memory up to this size
SHUFFLE_BUFFER = 1000          # pictures; bounded whatever the folder's size
SAMPLE_SIZE = 256              # pictures the views read (mistakes, predictions...)
CACHE_VERSION = 1


def user_cache_folder() -> Path:
    """Where cache files go: $XDG_CACHE_HOME (or ~/.cache)/keras-playground/pictures."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "keras-playground" / "pictures"


@dataclass
class StreamSplit:
    """One split of a streamed picture folder: relative file paths and class ids."""

    stream: "PictureStream"
    name: str
    files: list[str]
    labels: np.ndarray

    def __len__(self) -> int:
        return len(self.files)

    def split(self, fraction: float, seed: int | None) -> tuple["StreamSplit", "StreamSplit"]:
        """(rest, held out): ``fraction`` of the files held out, chosen by name hash."""
        share = np.array([file_share(f, seed or 0, "validation") for f in self.files])
        held = share < fraction
        pick = lambda mask, name: StreamSplit(  # noqa: E731
            self.stream, name, [f for f, m in zip(self.files, mask) if m], self.labels[mask])
        return pick(~held, self.name), pick(held, "validation")

    def dataset(self, batch_size: int, shuffle: bool = False, seed: int | None = None) -> Any:
        return self.stream.pipeline(self, batch_size, shuffle, seed)


@dataclass
class PictureStream:
    """A picture folder read on demand: what the training engine streams from."""

    folder: str
    size: int
    color: str
    offset: float
    scale: float
    train: StreamSplit | None = None
    test: StreamSplit | None = None
    failed: list[str] = field(default_factory=list)
    memory_cache_bytes: int = MEMORY_CACHE_BYTES
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def channels(self) -> int:
        return 1 if self.color == "grayscale" else 3

    def picture_bytes(self) -> int:
        return self.size * self.size * self.channels

    def _read(self, relative: bytes) -> tuple[np.ndarray, bool]:
        name = relative.decode()
        try:
            return read_picture(os.path.join(self.folder, name), self.size, self.color), True
        except Exception as exc:  # noqa: BLE001 - any decoder failure: skip, list by name
            with self._lock:
                line = f"{name}: {exc.__class__.__name__}: {exc}"
                if line not in self.failed:
                    self.failed.append(line)
            return np.zeros((self.size, self.size, self.channels), np.uint8), False

    def cache_key(self, split: StreamSplit) -> str:
        """Changes when a file of the split, its size or date, or a setting changes."""
        facts = [CACHE_VERSION, os.path.abspath(self.folder), self.size, self.color, split.name]
        for f in split.files:
            try:
                st = os.stat(os.path.join(self.folder, f))
                facts.append((f, st.st_size, st.st_mtime_ns))
            except OSError:
                facts.append((f, -1, -1))
        return hashlib.sha256(json.dumps(facts).encode()).hexdigest()[:32]

    def cache_file(self, split: StreamSplit) -> str:
        """"" (memory) when the split's decoded pictures fit the budget, else a file."""
        if len(split) * self.picture_bytes() <= self.memory_cache_bytes:
            return ""
        folder = user_cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.cache_key(split)
        # A run killed while writing the cache leaves a lock file that would refuse it.
        for stale in folder.glob(f"{path.name}*.lockfile"):
            stale.unlink(missing_ok=True)
        return str(path)

    def pipeline(self, split: StreamSplit, batch_size: int, shuffle: bool = False,
                 seed: int | None = None) -> Any:
        import tensorflow as tf

        shape = (self.size, self.size, self.channels)

        def read(relative: Any, label: Any) -> Any:
            pixels, ok = tf.numpy_function(self._read, [relative], (tf.uint8, tf.bool),
                                           stateful=False)
            pixels.set_shape(shape)
            ok.set_shape(())
            return pixels, label, ok

        data = tf.data.Dataset.from_tensor_slices(
            (tf.constant(split.files or [""], tf.string)[:len(split.files)],
             tf.constant(split.labels.astype(np.int32)))
        ).map(read, num_parallel_calls=tf.data.AUTOTUNE, deterministic=True)
        data = data.filter(lambda x, y, ok: ok).map(lambda x, y, ok: (x, y))
        data = data.cache(self.cache_file(split))
        if shuffle:
            data = data.shuffle(min(SHUFFLE_BUFFER, max(1, len(split))), seed=seed,
                                reshuffle_each_iteration=True)
        offset, scale = np.float32(self.offset), np.float32(self.scale)
        data = data.batch(batch_size).map(
            lambda x, y: ((tf.cast(x, tf.float32) - offset) / scale, y),
            num_parallel_calls=tf.data.AUTOTUNE)
        return data.prefetch(tf.data.AUTOTUNE)

    def sample(self, split: StreamSplit, limit: int = SAMPLE_SIZE) -> tuple[np.ndarray, np.ndarray]:
        """At most ``limit`` pictures of the split, scaled, for the views: all of them when
        the split is small, else the ones with the smallest name hash (stable, mixed)."""
        index = np.arange(len(split))
        if len(split) > limit:
            shares = np.array([file_share(f, 0, "sample") for f in split.files])
            index = np.sort(np.argsort(shares)[:limit])
        x = np.zeros((len(index), *(self.size, self.size, self.channels)), np.uint8)
        keep = np.ones(len(index), bool)
        for row, i in enumerate(index):
            x[row], keep[row] = self._read(split.files[i].encode())
        scaled = (x[keep].astype(np.float32) - np.float32(self.offset)) / np.float32(self.scale)
        return scaled.astype(np.float32), split.labels[index][keep]
