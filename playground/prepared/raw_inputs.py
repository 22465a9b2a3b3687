"""New inputs from files, as raw batches for a :class:`Predictor`: pictures (files or a
folder), a CSV table (the input columns by name, other columns carried through), a text
file (one sentence a line).

Inputs stream in chunks, so a folder of 100 000 pictures never sits in memory at once.
Whatever is wrong with one input (a file that is not a picture, a row with a missing
number, an empty line) is reported by its name or row number and that input is skipped;
what was adapted (a picture resized or converted, a category never seen in training) is
counted and said once.
"""
from __future__ import annotations

import io
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from playground.errors import PlaygroundError
from playground.i18n import _
from playground.prepared.preparation import (CATEGORY, NUMBER, PICTURE, TEXT, VALUES,
                                             Preparation)

CHUNK = 512
PICTURE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp"}


class InputError(PlaygroundError):
    """The inputs cannot be read at all (a CSV without an input column, no pictures...)."""


@dataclass
class Batch:
    """Raw inputs ready for the model, with who they are and what was carried along."""

    ids: list[str]                     # file name or row number
    raw: Any                           # array, or dict column -> array
    carried: list[dict[str, str]] = field(default_factory=list)  # extra CSV columns


@dataclass
class Notes:
    """What happened on the way: skipped inputs (with why) and adaptations, counted."""

    skipped: list[tuple[str, str]] = field(default_factory=list)   # (id, reason)
    adapted: Counter = field(default_factory=Counter)               # message -> count

    def lines(self) -> list[str]:
        out = [_("{message} ({count}×)").format(message=m, count=c)
               for m, c in self.adapted.items()]
        out += [_("Skipped {id}: {reason}").format(id=i, reason=r) for i, r in self.skipped]
        return out


def batches(preparation: Preparation, paths: list[str], notes: Notes,
            chunk: int = CHUNK) -> Iterator[Batch]:
    """Raw batches for ``paths``: what is read depends on the model's input."""
    kinds = {c.kind for c in preparation.columns}
    if PICTURE in kinds:
        yield from picture_batches(preparation.columns[0].shape, picture_files(paths),
                                   notes, chunk)
        return
    tables = [p for p in paths if Path(p).suffix.lower() in (".csv", ".tsv")]
    texts = [p for p in paths if p not in tables]
    if tables and kinds <= {NUMBER, CATEGORY, TEXT, VALUES}:
        for path in tables:
            yield from table_batches(preparation, path, notes, chunk)
    if texts:
        if kinds != {TEXT}:
            names = ", ".join(Path(p).name for p in texts)
            raise InputError(_("{names}: this model takes {what}; give a CSV file with "
                               "those columns.").format(names=names,
                                                        what=columns_text(preparation)))
        for path in texts:
            yield from sentence_batches(path, notes, chunk)


def columns_text(preparation: Preparation) -> str:
    return ", ".join(repr(c.name) for c in preparation.columns)


# ------------------------------------------------------------------------ pictures
def picture_files(paths: list[str]) -> list[tuple[Path, str]]:
    """(file, name shown) of ``paths``; a folder gives its files (and its sub-folders',
    named by their path inside it: ``cats/3.png``)."""
    files: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            base = str(path)
            for root, dirs, names in os.walk(base):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                inside = os.path.relpath(root, base).replace(os.sep, "/")
                prefix = "" if inside == "." else inside + "/"
                files += [(Path(os.path.join(root, n)), prefix + n)
                          for n in sorted(names) if not n.startswith(".")]
        elif path.exists():
            files.append((path, path.name))
        else:
            raise InputError(_("{path} does not exist.").format(path=path))
    if not files:
        raise InputError(_("No files to predict on in {paths}.").format(paths=", ".join(paths)))
    return files


def picture_batches(shape: tuple[int, ...], files: list[tuple[Path, str]], notes: Notes,
                    chunk: int) -> Iterator[Batch]:
    """Pictures resized and converted as the dataset reads them (Pillow, bilinear).

    One tf.data pipeline reads and decodes on TensorFlow's threads, ahead of the model: a
    PNG that already is what the model takes (8-bit, its size and colours: its first 26
    bytes say so) is decoded by TensorFlow, which gives the same pixels as Pillow (PNG is
    lossless); any other file is decoded by Pillow here, as the dataset read its pictures."""
    from playground.kerasenv import keras

    keras()  # TensorFlow's start-up settings first
    import tensorflow as tf

    height, width, channels = shape
    expected = (PNG_SIGNATURE + b"\x00\x00\x00\x0dIHDR" + width.to_bytes(4, "big")
                + height.to_bytes(4, "big") + bytes([8, PNG_COLOUR_TYPES[channels]]))

    def load(path: Any) -> tuple[Any, ...]:
        data = tf.io.read_file(path)
        ready = tf.equal(tf.strings.substr(data, 0, len(expected)), expected)
        pixels = tf.cond(ready,
                         lambda: tf.reshape(tf.io.decode_png(data, channels=channels), shape),
                         lambda: tf.zeros(shape, tf.uint8))
        # Other files keep their bytes for Pillow (read once, decoded on this side).
        return pixels, ready, tf.where(ready, tf.constant(b""), data)

    paths = [os.fsencode(path) for path, _name in files]
    data = tf.data.Dataset.from_tensor_slices(paths).map(
        load, num_parallel_calls=tf.data.AUTOTUNE, deterministic=True
    ).batch(chunk).prefetch(2)
    converted_text = _("pictures converted to {mode}").format(
        mode=_("grey") if channels == 1 else _("colour"))
    resized_text = _("pictures resized to {w} × {h}").format(w=width, h=height)
    start = 0
    for pixels, ready, raw in data.as_numpy_iterator():
        names = [name for _path, name in files[start:start + len(pixels)]]
        start += len(pixels)
        good = ready.copy()
        if not ready.all():
            pixels = pixels.copy()  # the pipeline's arrays are read-only
        for i in np.flatnonzero(~ready):
            _name, value, adapted = _read_picture((io.BytesIO(raw[i]), names[i]), shape)
            if isinstance(value, str):
                notes.skipped.append((names[i], value))
                continue
            pixels[i], good[i] = value, True
            if CONVERTED in adapted:
                notes.adapted[converted_text] += 1
            if RESIZED in adapted:
                notes.adapted[resized_text] += 1
        if good.any():
            yield Batch([n for n, ok in zip(names, good) if ok], pixels[good])


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_COLOUR_TYPES = {1: 0, 3: 2}   # channels -> PNG colour type (grey, RGB)
CONVERTED, RESIZED = "converted", "resized"   # what _read_picture adapted


def _read_picture(item: tuple[Any, str], shape: tuple[int, ...]
                  ) -> tuple[str, Any, list[str]]:
    """(name, pixels or why it was skipped, what was adapted: CONVERTED, RESIZED) for a
    file (a path, or its bytes in a BytesIO)."""
    from PIL import Image, UnidentifiedImageError

    path, name = item
    height, width, channels = shape
    mode = "L" if channels == 1 else "RGB"
    adapted: list[str] = []
    try:
        with Image.open(path) as img:
            if img.mode != mode:
                adapted.append(CONVERTED)
                img = img.convert(mode)
            if img.size != (width, height):
                adapted.append(RESIZED)
                img = img.resize((width, height), Image.Resampling.BILINEAR)
            return name, np.asarray(img, dtype=np.uint8).reshape(height, width,
                                                                   channels), adapted
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombError) as exc:
        return name, _("not a picture Pillow can read ({error})").format(
            error=exc.__class__.__name__), adapted


def load_pictures(shape: tuple[int, ...], paths: list[str]) -> tuple[list[str], np.ndarray,
                                                                      Notes]:
    """All ``paths`` as one array (for a few pictures, e.g. dropped on the Try it panel)."""
    notes = Notes()
    parts = list(picture_batches(shape, picture_files(paths), notes, CHUNK))
    ids = [i for b in parts for i in b.ids]
    pixels = np.concatenate([b.raw for b in parts]) if parts else \
        np.zeros((0, *shape), np.uint8)
    return ids, pixels, notes


# ------------------------------------------------------------------------ tables
def table_batches(preparation: Preparation, path: str, notes: Notes,
                  chunk: int) -> Iterator[Batch]:
    """Rows of a CSV: the input columns by name, the other columns carried through."""
    from playground.datasets.csv_table import read_csv

    from playground.prepared.layers import input_name

    table = read_csv(path)
    names = table.column_names
    # A .keras file knows its inputs by their Keras names ("sepal length" -> sepal_length).
    by_input = {input_name(n): n for n in names}
    preparation = replace(preparation, columns=tuple(
        c if c.name in names or c.name not in by_input else replace(c, name=by_input[c.name])
        for c in preparation.columns))
    missing = [c.name for c in preparation.columns if c.name not in names]
    if missing:
        raise InputError(_("{file} has no column {missing}. The model needs the columns "
                           "{needed}; it has {found}.").format(
            file=Path(path).name, missing=", ".join(repr(m) for m in missing),
            needed=columns_text(preparation), found=", ".join(repr(n) for n in names)))
    inputs = {c.name: table.column(c.name) for c in preparation.columns}
    carried = [table.column(n) for n in names if n not in inputs]
    bad = np.zeros(table.n_rows, bool)
    reasons: dict[int, str] = {}
    for column in preparation.columns:
        cells = inputs[column.name]
        if column.kind == NUMBER:
            wrong = cells.missing | np.isnan(cells.values)
            for i in np.flatnonzero(wrong & ~bad):
                reasons[int(i)] = _("column {column!r} needs a number, found {value!r}") \
                    .format(column=column.name, value=str(cells.text[i]))
            bad |= wrong
        elif column.kind == CATEGORY:
            unknown = ~np.isin(cells.text, np.asarray(column.categories)) & ~bad
            for value in cells.text[unknown].tolist():
                notes.adapted[_("value {value!r} of column {column!r} was never seen in "
                                "training: counted as unknown (none of the known values)")
                              .format(value=value, column=column.name)] += 1
        elif column.kind == TEXT:
            empty = np.char.str_len(cells.text) == 0
            for i in np.flatnonzero(empty & ~bad):
                reasons[int(i)] = _("column {column!r} is empty").format(column=column.name)
            bad |= empty
    for i in sorted(reasons):
        notes.skipped.append((_("row {row}").format(row=int(table.row_number(i))), reasons[i]))
    kept = np.flatnonzero(~bad)
    for start in range(0, len(kept), chunk):
        rows = kept[start:start + chunk]
        raw = {c.name: (inputs[c.name].values[rows].astype(np.float32) if c.kind == NUMBER
                        else inputs[c.name].text[rows]) for c in preparation.columns}
        if preparation.layout != "columns":
            raw = np.stack([raw[c.name] for c in preparation.columns], axis=1)
        ids = [str(int(table.row_number(int(i)))) for i in rows]
        extra = [{c.name: str(c.text[i]) for c in carried} for i in rows]
        yield Batch(ids, raw, extra)


# ------------------------------------------------------------------------ sentences
def sentence_batches(path: str, notes: Notes, chunk: int) -> Iterator[Batch]:
    """One sentence a line; empty lines are reported and skipped."""
    try:
        handle = open(path, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(_("{path} cannot be opened ({error}).").format(
            path=path, error=exc.strerror)) from exc
    ids: list[str] = []
    texts: list[str] = []
    with handle:
        for number, line in enumerate(handle, start=1):
            text = line.strip()
            if not text:
                notes.skipped.append((_("line {line}").format(line=number),
                                      _("empty text")))
                continue
            ids.append(str(number))
            texts.append(text)
            if len(ids) == chunk:
                yield Batch(ids, np.asarray(texts, dtype=np.str_).reshape(-1, 1))
                ids, texts = [], []
    if ids:
        yield Batch(ids, np.asarray(texts, dtype=np.str_).reshape(-1, 1))
