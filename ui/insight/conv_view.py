"""Convolutions: for a chosen sample, each Conv2D layer's filters and feature maps."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from ui.background import BackgroundRunner
from ui.insight.common import InsightView, rgba_pixmap

THUMB = 48
PER_ROW = 8


class ConvView(InsightView):
    """``sampleChanged(int)``: the user picked another sample; when a computer is set
    (:meth:`set_computer`) the view computes that sample's snapshot off the UI thread."""

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
        self.sample_box.valueChanged.connect(self._sample_chosen)
        # Spinning through samples: one forward pass at a time, then the newest choice.
        self._compute: Callable[[int], Any] | None = None
        self._runner = BackgroundRunner("insight-conv", self)
        self._runner.done.connect(self.set_snapshot)
        self._runner.failed.connect(self.set_status)
        self.snapshot: Any = None
        self.titles: dict[str, str] = {}  # layer name -> node label shown on the canvas
        self._labels: list[list[QLabel]] = []   # the picture labels of each grid
        self._layout_key: list[Any] | None = None
        self.empty_text = self.tr("Train a model with Conv2D layers on images to see them.")
        self.set_status(self.empty_text)

    def set_computer(self, compute: Callable[[int], Any] | None) -> None:
        """How to compute a sample's ConvSnapshot (runs on a worker thread); None while
        there is no model to ask (e.g. during training, when the probe sends snapshots)."""
        self._compute = compute
        if compute is None:
            self._runner.cancel()

    def _sample_chosen(self, index: int) -> None:
        compute = self._compute
        if compute is not None:
            self._runner.request(lambda: compute(index))

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def wait(self, timeout: float | None = None) -> None:
        self._runner.wait(timeout)

    def shutdown(self) -> None:
        """Start nothing more; wait for the running computation."""
        self._runner.shutdown()

    def set_sample_count(self, count: int) -> None:
        self.sample_box.setRange(0, max(0, count - 1))

    def set_snapshot(self, snapshot: Any) -> None:
        """A :class:`playground.insight.probes.ConvSnapshot` (pictures already coloured).

        While the layers and picture counts stay the same (every epoch of a run) only the
        pixmaps change: the labels are kept, rebuilding ~100 of them stalled the window."""
        self.snapshot = snapshot
        self.set_status("")
        sections = self._sections(snapshot)
        layout_key = [(title, tuple(tips), size) for title, _pics, tips, size in sections]
        if layout_key != self._layout_key:
            self._rebuild(sections)
            self._layout_key = layout_key
        for (_title, pictures, _tips, size), labels in zip(sections, self._labels):
            for label, rgba in zip(labels, pictures):
                label.setPixmap(rgba_pixmap(rgba, size))

    def _sections(self, snapshot: Any) -> list[tuple[str, Any, list[str], int]]:
        """(heading, pictures, tooltips, size) for each grid, in order."""
        sections: list[tuple[str, Any, list[str], int]] = [
            (self.tr("Input picture"), [snapshot.sample_rgba], ["input"], THUMB * 2)]
        maps = {m.layer_name: m for m in snapshot.feature_maps}
        for filters in snapshot.filters:
            name = filters.layer_name
            title = self.titles.get(name, name)
            kernels = snapshot.filter_rgba[name]
            sections.append((self.tr("{0}: {1} of {2} filters").format(
                title, len(kernels), filters.filters_total), kernels,
                [f"#{i + 1}" for i in range(len(kernels))], THUMB))
            if maps.get(name) is not None:
                pictures = snapshot.map_rgba[name]
                sections.append((self.tr("{0}: feature maps").format(title), pictures,
                                 [f"#{i + 1}" for i in range(len(pictures))], THUMB))
        return sections

    def _rebuild(self, sections: list[tuple[str, Any, list[str], int]]) -> None:
        self._remove_all()
        self._labels = []
        for title, _pictures, tips, _size in sections:
            self.content_layout.addWidget(QLabel(title, self.content))
            box = QWidget(self.content)
            grid = QGridLayout(box)
            grid.setSpacing(3)
            grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            labels = []
            for i, tip in enumerate(tips):
                label = QLabel(box)
                label.setToolTip(tip)
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(label, i // PER_ROW, i % PER_ROW)
                labels.append(label)
            self.content_layout.addWidget(box)
            self._labels.append(labels)
        self.content_layout.addStretch(1)

    def _remove_all(self) -> None:
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._labels = []
        self._layout_key = None

    def clear(self) -> None:
        self.snapshot = None
        self._remove_all()
        super().clear()
