"""Gallery thumbnails: a small picture of each preset's data, drawn with Pillow.

Points are coloured by class (orange / blue as in TensorFlow Playground) or by value,
images are shown as a grid, series as a curve. Used by build_presets.py.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from playground.datasets import load_from_choice
from playground.datasets.preview import make_preview
from playground.files.project import Project

WIDTH, HEIGHT = 192, 128
BACKGROUND = (250, 250, 252)
CLASS_COLOURS = [(245, 147, 34), (8, 119, 189), (46, 160, 67), (214, 39, 40),
                 (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127)]


def draw_thumbnail(project: Project, path: Path) -> None:
    params = dict(project.dataset.get("params", {}))
    if project.dataset["name"] == "mnist":
        params["subset"] = 200  # a few pictures are enough to draw
    dataset = load_from_choice({"name": project.dataset["name"], "params": params})
    preview = make_preview(dataset, max_items=400)
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    kind = preview["kind"]
    if kind == "points":
        _points(draw, preview)
    elif kind == "images":
        _images(image, preview)
    elif kind == "table":
        _table(draw, preview)
    else:
        _series(draw, preview)
    draw.rectangle([0, 0, WIDTH - 1, HEIGHT - 1], outline=(200, 200, 210))
    image.save(path, optimize=True)


def _scale(values: np.ndarray, low: float, high: float) -> np.ndarray:
    lo, hi = float(np.min(values)), float(np.max(values))
    return low + (values - lo) / max(hi - lo, 1e-9) * (high - low)


def _points(draw: ImageDraw.ImageDraw, preview: dict) -> None:
    x = preview["x"]
    side = HEIGHT - 12
    left = (WIDTH - side) / 2
    px = _scale(x[:, 0], left, left + side)
    py = _scale(-x[:, 1], 6, 6 + side)
    y = np.asarray(preview["y"], dtype=float)
    if preview["task"] == "regression":
        t = _scale(y, 0.0, 1.0)
        colours = [(int(245 * (1 - v) + 8 * v), int(147 * (1 - v) + 119 * v),
                    int(34 * (1 - v) + 189 * v)) for v in t]
    else:
        colours = [CLASS_COLOURS[int(c) % len(CLASS_COLOURS)] for c in y]
    for cx, cy, colour in zip(px, py, colours):
        draw.ellipse([cx - 2, cy - 2, cx + 2, cy + 2], fill=colour)


def _images(image: Image.Image, preview: dict) -> None:
    pictures = preview["images"][:15]
    cell = 38
    for i, picture in enumerate(pictures):
        grey = (255 - np.clip(picture, 0, 1) * 255).astype(np.uint8)
        tile = Image.fromarray(grey).resize((cell - 4, cell - 4))
        row, col = divmod(i, 5)
        image.paste(tile, (2 + col * cell, 7 + row * (cell + 2)))


def _series(draw: ImageDraw.ImageDraw, preview: dict) -> None:
    x, y = np.asarray(preview["x"], float), np.asarray(preview["y"], float)
    if preview.get("style") == "line":
        keep = slice(0, min(len(x), 160))
        px, py = _scale(x[keep], 6, WIDTH - 6), _scale(-y[keep], 10, HEIGHT - 10)
        draw.line(list(zip(px, py)), fill=CLASS_COLOURS[1], width=2)
    else:
        px, py = _scale(x, 10, WIDTH - 10), _scale(-y, 10, HEIGHT - 10)
        for cx, cy in zip(px, py):
            draw.ellipse([cx - 2, cy - 2, cx + 2, cy + 2], fill=CLASS_COLOURS[0])


def _table(draw: ImageDraw.ImageDraw, preview: dict) -> None:
    """The first rows as lines of text, coloured by class (sentences for a text set)."""
    names = preview["class_names"]
    for i, row in enumerate(preview["rows"][:9]):
        colour = CLASS_COLOURS[names.index(row[-1]) % len(CLASS_COLOURS)] \
            if row[-1] in names else CLASS_COLOURS[1]
        draw.text((6, 4 + i * 13), " ".join(row[:-1])[:34], fill=colour)
