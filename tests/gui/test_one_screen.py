"""One screen: at 1366×768 and 1920×1080, for every preset, the canvas, the loss/metric
curves and the dataset's main live view are all on screen together while training, each
big enough to read, fully inside the window, with no scroll bar in the way."""
from __future__ import annotations

from playground.datasets.mnist import ENV_VAR as MNIST_ENV_VAR
import gc
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSettings, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QDockWidget, QWidget

from playground.datasets import dataset_info
from playground.files.project import load_project
from playground.training.losses import expected_metric_names
from playground.training.settings import TrainingSettings
from tests.conftest import ROOT
from ui.insight.panel import InsightPanel, main_view_key
from ui.training.panel import TrainingPanel

PRESETS = sorted(p.stem for p in (ROOT / "presets").glob("*.kpg"))
SIZES = [(1366, 768), (1920, 1080)]
MIN_W, MIN_H = 300, 220
IMAGE_PRESETS = {"mnist_cnn", "transfer_learning"}


def make_window(settings_path: Path, size: tuple[int, int]):
    """The window as the app makes it (panels, saved layout: none), at ``size``."""
    from ui.composition import create_window

    window = create_window(QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.resize(*size)
    window.show()
    return window


def close_window(window) -> None:
    window.document.set_modified(False)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def rect_in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def assert_shown_whole(widget: QWidget, window, what: str, min_w: int = MIN_W,
                       min_h: int = MIN_H) -> None:
    """Visible, at least min_w × min_h, inside the window's client area, and not clipped by
    a parent (no scroll area around it showing a scroll bar)."""
    assert widget.isVisible(), f"{what} is hidden"
    rect = rect_in_window(widget, window)
    assert rect.width() >= min_w and rect.height() >= min_h, f"{what} is only {rect}"
    assert window.rect().contains(rect), f"{what} at {rect} sticks out of the window"
    status = rect_in_window(window.statusBar(), window)
    assert not rect.intersects(status), f"{what} at {rect} lies under the status bar"
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, pg.PlotWidget) \
                and parent is not widget:
            bars = (parent.horizontalScrollBar(), parent.verticalScrollBar())
            assert not any(bar.isVisible() for bar in bars), f"{what} has to be scrolled to"
        parent = parent.parentWidget()
    # a scroll area's (e.g. a plot's) own viewport covers it: ask the viewport
    drawn = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    seen = drawn.visibleRegion().boundingRect()
    assert seen.size() == drawn.size(), f"{what} is partly covered: {seen} of {drawn.rect()}"


def live_widget(panel: InsightPanel) -> tuple[str, QWidget]:
    """The main live view for the panel's dataset and the widget that draws its picture."""
    visible = {key: panel.tabs.isTabVisible(panel.tabs.indexOf(view))
               for key, view in panel.views.items()}
    key = main_view_key(visible)
    view = panel.views[key]
    assert panel.tabs.currentWidget() is view, f"the {key} view is not the tab shown"
    picture = {"boundary": lambda: view.plot.viewport(), "regression": lambda: view.plot.viewport(),
               "digits": lambda: view, "conv": lambda: view.scroll,
               "results": lambda: view}[key]()
    return key, picture


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("preset", PRESETS)
def test_canvas_curves_and_live_view_fit_on_one_screen(qtbot, tmp_path, preset, size,
                                                        mnist_dir, monkeypatch):
    monkeypatch.setenv(MNIST_ENV_VAR, str(mnist_dir))
    window = make_window(tmp_path / "settings.ini", size)
    try:
        project = load_project(ROOT / "presets" / f"{preset}.kpg")
        window.document.replace_project(project)
        panel = window.findChild(InsightPanel)
        name = project.dataset["name"]
        qtbot.waitUntil(lambda: panel.dataset is not None and panel.dataset.name == name,
                        timeout=30_000)
        # As when Train is pressed: the plots for this run's metrics are laid out and
        # editing is locked (the rest happens on the training thread).
        training = window.findChild(TrainingPanel)
        settings = TrainingSettings.from_dict(project.training)
        metrics = expected_metric_names(settings.metrics, tuple(dataset_info(name).tasks))
        training.curves.begin_run(metrics, settings.epochs)
        window.document.set_locked(True, "training")
        expected = "digits" if preset in IMAGE_PRESETS else (
            "regression" if name in ("celsius", "sine") else
            "results" if name in ("sentences", "chase", "reviews") else "boundary")  # text: no 2-D

        live_dock = window.findChild(QDockWidget, "insight_panel")

        def laid_out() -> None:
            """Raises until the layout has settled into a fitting one (or times out)."""
            # the docks are sized once the window is shown: the live view gets about a
            # third of the width (before that, half)
            assert live_dock.width() < 0.4 * window.width(), "docks not sized yet"
            assert_shown_whole(window.view, window, "the canvas")
            plots = [item for item in training.curves.graphics.ci.items
                     if isinstance(item, pg.PlotItem)]
            assert len(plots) == 1 + len([m for m in metrics if m != "loss"])
            assert_shown_whole(training.curves.graphics, window, "the curves",
                               2 * MIN_W, MIN_H)
            for plot in plots:
                rect = plot.mapRectToScene(plot.boundingRect())
                assert rect.width() >= MIN_W - 10 and rect.height() >= MIN_H, \
                    f"plot {plot.titleLabel.text} is only {rect}"
                assert training.curves.graphics.sceneRect().contains(rect)
            key, picture = live_widget(panel)
            assert key == expected
            assert_shown_whole(picture, window, f"the {key} view")

        # the docks and plots are laid out in the event loop: wait for it, not a fixed time
        qtbot.waitUntil(laid_out)
    finally:
        close_window(window)


def test_reset_layout_restores_the_default_and_the_layout_is_remembered(qtbot, tmp_path):
    path = tmp_path / "settings.ini"
    window = make_window(path, (1366, 768))
    try:
        assert window.first_start
        insight = window.findChild(QDockWidget, "insight_panel")
        training = window.findChild(QDockWidget, "training_panel")
        inspector = window.findChild(QDockWidget, "inspector_panel")
        # the docks are sized again once the window is shown: the live view gets about a
        # third of the width (before that it has half)
        qtbot.waitUntil(lambda: 300 < insight.width() < 0.4 * window.width())
        # Once the data is loaded (off the UI thread) and shown, the live views have their
        # tabs and minimum size: the default layout is the one Reset Layout gives then.
        qtbot.waitUntil(lambda: window.panels.insight.dataset is not None, timeout=20_000)
        window.reset_layout_action.trigger()
        QCoreApplication.processEvents()  # the reset's deferred sizing (a zero-time timer)
        qtbot.waitUntil(lambda: 300 < insight.width() < 0.4 * window.width())
        default = (insight.geometry(), training.geometry())
        # the user closes the live views and moves the training panel under the inspector
        insight.close()
        window.splitDockWidget(inspector, training, Qt.Orientation.Vertical)
        qtbot.waitUntil(lambda: not insight.isVisible()
                        and training.geometry() != default[1])
        window.reset_layout_action.trigger()
        qtbot.waitUntil(lambda: insight.isVisible())
        assert window.dockWidgetArea(training) == Qt.DockWidgetArea.BottomDockWidgetArea
        qtbot.waitUntil(lambda: (insight.geometry(), training.geometry()) == default)
        insight.close()
        window.save_layout()   # as when the window closes
    finally:
        close_window(window)
    again = make_window(path, (1366, 768))   # the next start: as it was left
    try:
        assert not again.first_start
        # the saved layout is in place once the panels left open are shown
        qtbot.waitUntil(lambda: again.findChild(QDockWidget, "training_panel").isVisible())
        assert not again.findChild(QDockWidget, "insight_panel").isVisible()
    finally:
        close_window(again)


def test_first_start_fills_the_screen_maximized_with_the_canvas_focused(qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication

    from ui.composition import create_window

    window = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        # the screen's free area (the test screen is smaller than the window can be)
        free = QGuiApplication.primaryScreen().availableGeometry().size()
        assert window.size() == free.expandedTo(window.minimumSizeHint())
        window.show_window()
        assert window.isMaximized()
        # keyboard shortcuts that act on the canvas work at once (Delete, arrows, Ctrl+0)
        qtbot.waitUntil(lambda: window.view.hasFocus())
    finally:
        close_window(window)
