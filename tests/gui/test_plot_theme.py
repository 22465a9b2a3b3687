"""Every plot in the window (training curves, live views, the inspector's layer view, the
Tune panel's, the dataset preview) is drawn on the same sheet with the same axes
(issue 23: the Tune plots were black while every other plot was white)."""
from __future__ import annotations

import pyqtgraph as pg
import pytest

from playground.network.graph import Graph

pytestmark = pytest.mark.gui


def test_every_plot_has_the_same_background_and_axes(window):
    graph: Graph = window.document.graph
    dense = graph.add_node("Dense")   # the inspector's layer view has plots too
    window.scene.select_nodes([dense.id])
    views = window.findChildren(pg.GraphicsView)
    plots = [view for view in views if isinstance(view, pg.PlotWidget)]
    tune = window.panels.tune
    assert {id(tune.live), id(tune.scores), id(tune.by_param)} <= {id(p) for p in plots}
    assert len(plots) >= 8, [type(p.parentWidget()).__name__ for p in plots]
    backgrounds = {(view.backgroundBrush().style(), view.backgroundBrush().color().name())
                   for view in views}
    assert len(backgrounds) == 1, backgrounds
    style, color = backgrounds.pop()
    assert style != pg.QtCore.Qt.BrushStyle.NoBrush
    axis_texts = {plot.getPlotItem().getAxis(side).textPen().color().name()
                  for plot in plots for side in ("left", "bottom")}
    # dark text on the light sheet: one colour, far from the background's
    assert len(axis_texts) == 1, axis_texts
    text = pg.mkColor(axis_texts.pop())
    assert abs(text.lightness() - pg.mkColor(color).lightness()) > 120
