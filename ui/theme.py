"""Look and feel: Fusion style that follows the system's light or dark scheme.

Colours used by the canvas come from here (per category, per state) so the scene stays
readable on both schemes. Qt 6 scales for high DPI by itself; we only pick rounding.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

# One hue per palette category: blocks of the same family look alike on the canvas.
CATEGORY_COLORS: dict[str, str] = {
    "Core": "#4C8BF5",
    "Convolution": "#E8710A",
    "Pooling": "#F2B300",
    "Recurrent": "#9C27B0",
    "Attention": "#D81B60",
    "Merge": "#00897B",
    "Normalization": "#43A047",
    "Regularization": "#757575",
    "Reshaping": "#5C6BC0",
    "Preprocessing": "#8D6E63",
    "Other": "#607D8B",
    "Operation": "#26A69A",  # keras.ops steps (x + 3.0)
    "Model": "#3949AB",  # nested models (group nodes)
    "Pretrained": "#3949AB",  # keras.applications bases: nested models too
}


def category_color(category: str) -> QColor:
    return QColor(CATEGORY_COLORS.get(category, CATEGORY_COLORS["Other"]))


@dataclass(frozen=True)
class CanvasColors:
    background: QColor
    grid: QColor
    node_fill: QColor
    node_text: QColor
    node_subtext: QColor
    node_border: QColor
    selected: QColor
    error: QColor
    edge: QColor
    edge_label: QColor
    port: QColor


THEMES = ("system", "light", "dark")
_choice = "system"
_colors: dict[bool, "CanvasColors"] = {}


def current_choice() -> str:
    return _choice


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    if _choice != "system":
        return _choice == "dark"
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    # Unknown scheme: ask the style's own palette (not ours, which may be the dark one).
    standard = app.style().standardPalette() if isinstance(app, QApplication) else app.palette()
    return standard.color(QPalette.ColorRole.Window).lightness() < 128


def canvas_colors() -> CanvasColors:
    """Colours for the scene (cached: items ask for them on every paint)."""
    dark = is_dark()
    if dark not in _colors:
        _colors[dark] = _make_canvas_colors(dark)
    return _colors[dark]


def _make_canvas_colors(dark: bool) -> CanvasColors:
    if dark:
        return CanvasColors(QColor("#1e1f22"), QColor("#2a2c30"), QColor("#2b2d31"),
                            QColor("#e8eaed"), QColor("#a0a4ab"), QColor("#474a50"),
                            QColor("#8ab4f8"), QColor("#f28b82"), QColor("#8a8f98"),
                            QColor("#b0b4ba"), QColor("#c0c4ca"))
    return CanvasColors(QColor("#f7f8fa"), QColor("#e6e8ec"), QColor("#ffffff"),
                        QColor("#202124"), QColor("#5f6368"), QColor("#c9ccd1"),
                        QColor("#1a73e8"), QColor("#d93025"), QColor("#8a8f98"),
                        QColor("#5f6368"), QColor("#70757a"))


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#26282b"), QColor("#1e1f22"), QColor("#e8eaed")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#2b2d31"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#303134"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#303236"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor("#f28b82"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#3b6fd6"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a8f98"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f737a"))
    return p


STYLE_SHEET = """
QDockWidget::title { padding: 4px 6px; font-weight: 600; }
QToolBar { spacing: 4px; padding: 2px; }
QStatusBar QLabel { padding: 0 6px; }
QLabel[role="help"] { color: palette(placeholder-text); font-size: 9pt; }
QLabel[role="heading"] { font-weight: 600; font-size: 11pt; }
QLabel[role="error"] { color: #d93025; }
"""


def apply_theme(app: QApplication, choice: str = "system") -> None:
    """Fusion style plus a palette for ``choice`` ("system" follows the system's light or
    dark scheme and is re-applied when that changes)."""
    app.setStyle("Fusion")
    set_theme(app, choice)
    app.setStyleSheet(STYLE_SHEET)
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: set_theme(app, _choice))


def set_theme(app: QApplication, choice: str) -> None:
    global _choice
    _choice = choice if choice in THEMES else "system"
    # Fusion's standard palette is light; a dark system scheme gets our dark palette.
    app.setPalette(_dark_palette() if is_dark() else app.style().standardPalette())


def app_icon() -> QIcon:
    """Three layers wired together: the same PNGs the desktop entry installs
    (playground/resources/icons, rendered from its SVG by scripts/make_icons.py)."""
    from playground.resources import ICON_SIZES, icon_png

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)))
    return icon
