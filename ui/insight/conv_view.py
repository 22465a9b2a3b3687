"""Convolutions: for a chosen sample, each Conv2D layer's filters and feature maps."""
from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from playground.insight.colors import diverging, greys
from ui.insight.common import InsightView, rgba_pixmap

THUMB = 48
PER_ROW = 8


class ConvView(InsightView):
    """``sampleChanged(int)``: the user picked another sample (the panel recomputes)."""

    sampleChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Convolutions"), self.tr(
            "Filters are the small patterns each convolution looks for (blue: adds, orange: "
            "subtracts). Feature maps show where in the chosen picture each pattern was found "
            "(bright = strongly)."), parent)
        self.sample_box = QSpinBox(self)
        self.sample_box.setPrefix(self.tr("sample "))
        self.sample_box.setRange(0, 0)
        self.sample_box.setToolTip(self.tr("Which test picture to follow through the layers"))
        self.toolbar.addWidget(self.sample_box)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.scroll.setWidget(self.content)
        self.body.addWidget(self.scroll, 1)
        self.sample_box.valueChanged.connect(self.sampleChanged)
        self.snapshot: Any = None
        self.titles: dict[str, str] = {}  # layer name -> node label shown on the canvas
        self.empty_text = self.tr("Train a model with Conv2D layers on images to see them.")
        self.set_status(self.empty_text)

    def set_sample_count(self, count: int) -> None:
        self.sample_box.setRange(0, max(0, count - 1))

    def set_snapshot(self, snapshot: Any) -> None:
        """A :class:`playground.insight.probes.ConvSnapshot`."""
        self.snapshot = snapshot
        self.set_status("")
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        sample = np.asarray(snapshot.sample)
        picture = sample[..., 0] if sample.ndim == 3 else sample
        self.content_layout.addWidget(QLabel(self.tr("Input picture"), self.content))
        self.content_layout.addWidget(self._grid([greys(picture)], ["input"], THUMB * 2))
        maps = {m.layer_name: m for m in snapshot.feature_maps}
        for filters in snapshot.filters:
            title = self.titles.get(filters.layer_name, filters.layer_name)
            self.content_layout.addWidget(QLabel(self.tr("{0}: {1} of {2} filters").format(
                title, len(filters.filters), filters.filters_total), self.content))
            self.content_layout.addWidget(self._grid(
                [diverging(f) for f in filters.filters],
                [f"#{i + 1}" for i in range(len(filters.filters))], THUMB))
            fm = maps.get(filters.layer_name)
            if fm is not None:
                self.content_layout.addWidget(QLabel(self.tr("{0}: feature maps").format(
                    title), self.content))
                self.content_layout.addWidget(self._grid(
                    [greys(m) for m in fm.maps], [f"#{i + 1}" for i in range(len(fm.maps))],
                    THUMB))
        self.content_layout.addStretch(1)

    def _grid(self, pictures: list[np.ndarray], tips: list[str], size: int) -> QWidget:
        box = QWidget(self.content)
        grid = QGridLayout(box)
        grid.setSpacing(3)
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for i, (rgba, tip) in enumerate(zip(pictures, tips)):
            label = QLabel(box)
            label.setPixmap(rgba_pixmap(rgba, size))
            label.setToolTip(tip)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, i // PER_ROW, i % PER_ROW)
        return box

    def clear(self) -> None:
        self.snapshot = None
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        super().clear()
