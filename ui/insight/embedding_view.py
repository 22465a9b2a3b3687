"""The embedding map: the vocabulary's words where PCA of their learned vectors puts them
(numbers from playground.insight.embedding_map); type a word to find it and its nearest
neighbours."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QWidget

from playground.errors import PlaygroundError
from ui.insight.common import InsightView

POINT = QColor(8, 119, 189)
HIGHLIGHT = QColor(245, 147, 34)


class WordMap(QWidget):
    """Points with their words; the highlighted word and its neighbours drawn on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(120, 100)
        self.words: list[str] = []
        self.coordinates: Any = None
        self.highlighted: set[str] = set()
        self.chosen = ""

    def set_points(self, words: list[str], coordinates: Any) -> None:
        self.words, self.coordinates = words, coordinates
        self.update()

    def positions(self) -> list[QPointF]:
        """Where each word is drawn: the map's extent fitted into the widget."""
        if self.coordinates is None or not len(self.words):
            return []
        xs, ys = self.coordinates[:, 0], self.coordinates[:, 1]
        margin = 24.0
        area = QRectF(margin, margin, self.width() - 2 * margin, self.height() - 2 * margin)
        span_x = float(xs.max() - xs.min()) or 1.0
        span_y = float(ys.max() - ys.min()) or 1.0
        return [QPointF(area.left() + (x - xs.min()) / span_x * area.width(),
                        area.bottom() - (y - ys.min()) / span_y * area.height())
                for x, y in zip(xs.tolist(), ys.tolist())]

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text = self.palette().text().color()
        on_top = []
        for word, point in zip(self.words, self.positions()):
            if word in self.highlighted:
                on_top.append((word, point))
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(POINT))
            painter.drawEllipse(point, 2.5, 2.5)
            painter.setPen(QPen(text))
            painter.drawText(point + QPointF(4, -3), word)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        for word, point in on_top:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(HIGHLIGHT))
            painter.drawEllipse(point, 5 if word == self.chosen else 3.5,
                                5 if word == self.chosen else 3.5)
            painter.setPen(QPen(HIGHLIGHT.darker(140)))
            painter.drawText(point + QPointF(6, -4), word)
        painter.end()


class EmbeddingView(InsightView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Word map"), self.tr(
            "Each word where its learned vector puts it (the two directions in which the "
            "vectors differ most, by PCA). Words the model treats alike end up close "
            "together; watch them move while it trains."), parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a word…"))
        self.search.setToolTip(self.tr("Type a word to highlight it and list the words "
                                       "closest to it (cosine similarity of the vectors)."))
        self.toolbar.addWidget(self.search)
        row = QHBoxLayout()
        self.map = WordMap(self)
        row.addWidget(self.map, 3)
        side = QWidget(self)
        side_layout = QHBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.neighbours = QListWidget(side)
        self.neighbours.setToolTip(self.tr("The nearest words and their cosine similarity "
                                           "(1 = pointing the same way)"))
        side_layout.addWidget(self.neighbours)
        row.addWidget(side, 1)
        self.body.addLayout(row, 1)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.body.addWidget(self.note_label)
        self.search.textChanged.connect(lambda _t: self._find())
        self.found: Any = None
        self.empty_text = self.tr("Train a text model whose TextVectorization (or "
                                  "StringLookup) feeds an Embedding to see its word map.")
        self.set_status(self.empty_text)

    def set_map(self, found: Any) -> None:
        """A :class:`playground.insight.embedding_map.EmbeddingMap`."""
        self.found = found
        self.set_status("")
        self.map.set_points(found.words, found.coordinates)
        self.note_label.setText(found.note)
        self.note_label.setVisible(bool(found.note))
        self._find()

    def _find(self) -> None:
        from playground.insight.embedding_map import nearest_words

        self.neighbours.clear()
        word = self.search.text().strip()
        self.map.chosen = word
        self.map.highlighted = set()
        if self.found is not None and word:
            try:
                near = nearest_words(self.found, word)
            except PlaygroundError as exc:
                self.neighbours.addItem(str(exc))
            else:
                self.map.highlighted = {word, *(w for w, _s in near)}
                for other, similarity in near:
                    self.neighbours.addItem(f"{other}  {similarity:+.2f}")
        self.map.update()

    def clear(self) -> None:
        self.found = None
        self.map.set_points([], None)
        self.neighbours.clear()
        super().clear()
