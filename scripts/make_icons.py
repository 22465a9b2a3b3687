"""Render the app icon's PNGs (the freedesktop hicolor sizes) from its SVG source.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py

Run after editing ``playground/resources/icons/keras-playground.svg``; the PNGs are
committed so that installing the desktop entry needs no Qt and no drawing.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from playground.resources import ICON_DIR, ICON_SIZES, icon_png  # noqa: E402


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(ICON_DIR / "keras-playground.svg"))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(icon_png(size)))
        print(icon_png(size))
    # Windows (.ico: the program, the installer, .kpg files) and macOS (.icns: the .app).
    from PIL import Image

    with Image.open(icon_png(512)) as big:
        big.save(ICON_DIR / "keras-playground.ico",
                 sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
        big.save(ICON_DIR / "keras-playground.icns")
    print(ICON_DIR / "keras-playground.ico", ICON_DIR / "keras-playground.icns")


if __name__ == "__main__":
    main()
