"""Plots a beginner can read: plain numbers, whole epochs, legends beside the data, batch
noise faint, a hint until the first loss arrives."""
from __future__ import annotations

import pyqtgraph as pg

from ui.training.curves import COLORS, EpochAxis, TrainingCurves
from playground.training.events import EpochEnded, Progress, StepsDone


def _curves(qtbot) -> TrainingCurves:
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.resize(700, 320)
    curves.show()
    return curves


def test_epoch_axis_ticks_only_whole_epochs(qtbot):  # qtbot: a QApplication exists
    axis = EpochAxis("bottom")
    for low, high, size in ((0, 3, 300), (0, 12, 300), (0, 400, 300), (0.5, 1.5, 300)):
        levels = axis.tickValues(low, high, size)
        values = [v for _, vs in levels for v in vs]
        assert values and all(float(v).is_integer() for v in values), (low, high, values)
        assert all(s == str(int(s)) for s in axis.tickStrings(values, 1.0, 1.0))


def test_loss_axis_has_no_si_prefix_and_legends_do_not_cover_the_data(qtbot):
    curves = _curves(qtbot)
    curves.begin_run(["accuracy"], epochs=5)
    curves.add_progress(_steps([0.0012, 0.0011, 0.0010], epoch=1, step=3, steps_per_epoch=3))
    curves.add_epoch(EpochEnded(Progress(epoch=1, epochs=5), {"loss": 0.0011,
                                                              "accuracy": 0.5}))
    curves.flush()
    plots = [i for i in curves.graphics.ci.items if isinstance(i, pg.PlotItem)]
    assert len(plots) == 2

    def laid_out() -> None:
        """Raises until the plots' layout (done in the event loop) reads well."""
        for plot in plots:
            left = plot.getAxis("left")
            assert not left.autoSIPrefix and left.labelText in ("loss", "accuracy")
            assert "x0.001" not in left.labelString() and "(m" not in left.labelString()
            data_area = plot.vb.sceneBoundingRect()
            legend = plot.legend.sceneBoundingRect()
            assert data_area.width() > 0 and data_area.height() > 0   # laid out, not empty
            assert legend.height() > 0 and not legend.intersects(data_area)
        # side by side: one row of plots
        assert plots[0].sceneBoundingRect().top() == plots[1].sceneBoundingRect().top()

    qtbot.waitUntil(laid_out)
    # each batch's loss is drawn faint, the smoothed line solid
    assert COLORS["batch"][3] < 128 and len(COLORS["smoothed"]) == 3


def test_empty_plot_says_what_will_come_until_the_first_loss(qtbot):
    curves = _curves(qtbot)
    curves.begin_run([], epochs=3)
    assert curves.empty_hint.isVisible()
    curves.add_progress(_steps([0.7], epoch=1, step=1, steps_per_epoch=2))
    curves.flush()
    assert not curves.empty_hint.isVisible()
    curves.begin_run([], epochs=3)   # the next run starts empty again
    assert curves.empty_hint.isVisible()
    assert tuple(curves._plots["loss"].vb.viewRange()[1]) == (0.0, 1.0)


def _steps(losses: list[float], epoch: int, step: int, steps_per_epoch: int) -> StepsDone:
    """What the controller hands the curves: steps ending at ``step`` of ``epoch``."""
    return StepsDone(Progress(epoch=epoch, step=step, steps_per_epoch=steps_per_epoch),
                     {}, tuple(losses), ((epoch, step, len(losses)),))
