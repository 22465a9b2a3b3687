"""The whole graph drawn into a picture file: PNG (at twice the screen's scale) or SVG."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter

from ui.canvas.scene import GraphScene


def render_canvas(scene: GraphScene, path: Path, title: str) -> bool:
    """Draw every node (not just the visible part) to ``path``; False if not written."""
    source = scene.nodes_rect().adjusted(-40, -40, 40, 40)
    if source.isNull():
        source = QRectF(0, 0, 400, 300)
    selection = scene.selectedItems()
    scene.clearSelection()  # selection outlines do not belong in a picture
    # Cached pixmaps would end up in the file as blurry bitmaps: draw the real shapes.
    scene.set_item_caching(False)
    try:
        if path.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgGenerator

            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(source.size().toSize())
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle(title)
            painter = QPainter(generator)
            scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
            painter.end()
            ok = path.exists()
        else:
            scale = 2.0  # crisp on high-DPI screens and in documents
            size = QSize(int(source.width() * scale), int(source.height() * scale))
            image = QImage(size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
            painter.end()
            ok = image.save(str(path.with_suffix(".png") if path.suffix.lower() != ".png"
                                else path))
    finally:
        scene.set_item_caching(True)
        for item in selection:
            item.setSelected(True)
    return ok
