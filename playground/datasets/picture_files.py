"""The files of a picture folder: which are pictures, which are tests, how one is read.

Written plainly (no app imports): the generated Python program includes these functions'
source, so it lists, splits and reads the pictures exactly as the app does.

The train/test split is decided per file by a hash of its relative path and the seed:
adding pictures to the folder never moves an existing picture from one side to the other
(a random permutation would reshuffle everything), and the split needs no memory.
"""
from __future__ import annotations

import hashlib
import os

import numpy as np


def list_pictures(folder, max_per_class=0):
    """Files of each sub-folder of ``folder`` as one class (sub-folders in name order).

    Only each file's header is read (cheap), to skip what is no picture. Returns the
    relative paths ("class/file"), their class ids, the class names and a list of
    "class/file: reason" for files that cannot be read.
    """
    from PIL import Image, UnidentifiedImageError

    classes = sorted(d for d in os.listdir(folder)
                     if os.path.isdir(os.path.join(folder, d)) and not d.startswith("."))
    files, labels, unreadable = [], [], []
    for label, name in enumerate(classes):
        try:
            names = sorted(os.listdir(os.path.join(folder, name)))
        except OSError as exc:  # a sub-folder the user may not read
            unreadable.append(f"{name}/: {exc.__class__.__name__}: {exc}")
            continue
        kept = 0
        for f in names:
            path = os.path.join(folder, name, f)
            if f.startswith(".") or not os.path.isfile(path):
                continue
            if max_per_class and kept >= max_per_class:
                break
            try:
                with Image.open(path) as img:  # the header only; a "pixel bomb" fails here
                    img.size
            except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
                    Image.DecompressionBombError) as exc:
                reason = str(exc).replace(repr(path), "").replace(path, "").strip(" :")
                unreadable.append(f"{name}/{f}: {reason or exc.__class__.__name__}")
                continue
            files.append(f"{name}/{f}")
            labels.append(label)
            kept += 1
    return files, np.asarray(labels, dtype=np.int32), classes, unreadable


def file_share(relative_path, seed, salt="test"):
    """A number in [0, 1) fixed by the file's relative path and the seed."""
    digest = hashlib.sha256(f"{salt}:{seed}:{relative_path}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2.0 ** 64


def split_by_name(files, test_fraction, seed, salt="test"):
    """Indices of the training and test files: a file is a test file when its share is
    below ``test_fraction``. At least one file lands on each side."""
    shares = np.array([file_share(f, seed, salt) for f in files])
    is_test = shares < test_fraction
    if len(files) > 1 and is_test.all():
        is_test[np.argmax(shares)] = False
    if len(files) > 1 and not is_test.any():
        is_test[np.argmin(shares)] = True
    return np.flatnonzero(~is_test), np.flatnonzero(is_test)


def read_picture(path, size, color):
    """One picture as (size, size, channels) uint8, resized like the app does."""
    from PIL import Image

    with Image.open(path) as img:
        img = img.convert("L" if color == "grayscale" else "RGB")
        img = img.resize((size, size), Image.Resampling.BILINEAR)
        return np.asarray(img, dtype=np.uint8).reshape(size, size, -1)


def read_pictures(folder, files, size, color):
    """The listed pictures as one (n, size, size, channels) uint8 array."""
    channels = 1 if color == "grayscale" else 3
    x = np.zeros((len(files), size, size, channels), np.uint8)
    for i, f in enumerate(files):
        x[i] = read_picture(os.path.join(folder, f), size, color)
    return x
