"""The "Inside the network" panel: every insight view in tabs, fed live by one training
probe, and recomputed from the trained model when a run ends.

The panel computes nothing itself: it runs :mod:`playground.insight` functions (on the
training thread through the probe while training; on its background runner for a model
that is not training) and hands their results to the views. It loads no data either: it
shows the session's dataset (``Document.datasetLoaded``) and the run's.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from playground.errors import PlaygroundError
from playground.insight import probes
from playground.insight.attention import ATTENTION_TYPES
from playground.insight.embedding_map import VOCABULARY_TYPES
from playground.insight.painting import painted_points, with_points
from ui.background import BackgroundRunner
from ui.canvas.scene import GraphScene
from ui.document import Document
from ui.insight.attention_view import AttentionView
from ui.insight.boundary_view import BoundaryView
from ui.insight.conv_view import ConvView
from ui.insight.digit_view import DigitView
from ui.insight.embedding_view import EmbeddingView
from ui.insight.health_view import HealthView
from ui.insight.layer_link import LayerLink
from ui.insight.layer_view import LayerView
from ui.insight.live_pacer import LivePacer
from ui.insight.network_view import NetworkView
from ui.insight.paint_command import PaintPointsCommand
from ui.insight.regression_view import RegressionView
from ui.insight.results_view import ResultsView
from ui.insight.try_view import TryView
from ui.status import StatusLine
from ui.training.controller import TrainingController


PROBE_NAME = "insight"
# A small dense network's pictures: at the screen's pace from published weight snapshots
# (LivePacer). Other live results come computed, a few a second, drawn after this short
# wait, which only merges results that come together.
LIVE_REDRAW_MS = 15


class InsightPanel(QWidget):
    """``healthChanged(dict)``: node id -> LayerHealth after each health check.
    ``edgeWeightsChanged(dict)``: for canvas edges feeding a Dense layer, (source node id,
    target node id) -> (mean weight, mean |weight|, strength in [0, 1]) so the canvas can
    colour an edge by sign and thicken it by size."""

    healthChanged = Signal(dict)
    edgeWeightsChanged = Signal(object)

    def __init__(self, document: Document, scene: GraphScene, status: StatusLine,
                 controller: TrainingController, parent: QWidget | None = None) -> None:
        """``controller`` runs training (the views follow its probe results); the data
        comes from the session (loaded off the UI thread by the Dataset panel)."""
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.status = status
        # Every view once more from a model that is not training: seconds for a CNN, so off
        # the UI thread; a newer request (another run ended, the button) wins.
        self._results = BackgroundRunner("insight-results", self)
        self._results.done.connect(self._show_computed)
        self._results.failed.connect(lambda message: self.status.show_message(message, 0))
        self.controller = controller
        # Which dataset the views are set up for (its name and identity, not the data).
        self._shown_dataset: tuple[str, int] | None = None
        self.model: Any = None            # a trained model that is not training (UI use)
        self.weights_snapshot: Any = None
        self.node_health: dict[str, Any] = {}
        self._training = False
        self._pending: dict[str, Any] = {}
        self._dataset_kind: dict[str, bool] | None = None
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(LIVE_REDRAW_MS)
        self._redraw.timeout.connect(self._apply_pending)
        self.live = LivePacer(self, self)   # boundary, neurons, weights of a dense chain
        self.live.frameReady.connect(lambda frame: self.show_results(frame.results))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.refresh_button = QPushButton(self.tr("Look at the current weights"), self)
        self.refresh_button.setToolTip(self.tr(
            "Build the model with its current weights and fill every view (when not "
            "training)."))
        self.refresh_button.clicked.connect(self.refresh_from_project)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.tabs.setCornerWidget(self.refresh_button)
        self.boundary = BoundaryView(self)
        self.network = NetworkView(self)
        self.results = ResultsView(self)
        self.digits = DigitView(self)
        self.conv = ConvView(self)
        self.attention = AttentionView(self)
        self.embedding = EmbeddingView(self)
        self.regression = RegressionView(self)
        self.layer = LayerView(self)
        self.layers = LayerLink(document, scene, self.layer, self)
        self.health = HealthView(self)
        self.try_view = TryView(self)
        self.views: dict[str, QWidget] = {}
        for key, view, title in (
                ("boundary", self.boundary, self.tr("Boundary")),
                ("network", self.network, self.tr("Neurons")),
                ("results", self.results, self.tr("Results")),
                ("digits", self.digits, self.tr("Draw a digit")),
                ("conv", self.conv, self.tr("Convolutions")),
                ("attention", self.attention, self.tr("Attention")),
                ("embedding", self.embedding, self.tr("Word map")),
                ("regression", self.regression, self.tr("Predictions")),
                ("layer", self.layer, self.tr("Layer")),
                ("health", self.health, self.tr("Health")),
                ("try", self.try_view, self.tr("Try it"))):
            self.views[key] = view
            self.tabs.addTab(view, title)
        from ui.insight.canvas_badges import HealthBadges

        self.badges = HealthBadges(scene, self)
        self.healthChanged.connect(self.badges.show_health)
        self.boundary.pointsEdited.connect(self._points_painted)
        self.document.projectReplaced.connect(self._project_replaced)
        self._project_replaced()
        self.attach_controller(controller)
        document.datasetLoaded.connect(self._dataset_loaded)
        loaded = document.session.loaded_dataset()
        if loaded is not None:
            self._dataset_loaded(loaded)

    @property
    def dataset(self) -> Any:
        """The session's dataset for the project's choice once the views show it (None
        while it loads: a worker may have loaded it before the views are told)."""
        dataset = self.document.session.loaded_dataset()
        return dataset if dataset is not None and self._showing(dataset) else None

    # ------------------------------------------------------------ training link

    def _dataset_loaded(self, dataset: Any) -> None:
        if not self._training:
            self._set_dataset(dataset)

    def attach_controller(self, controller: TrainingController) -> None:
        self.controller = controller
        # every=0: offered after each epoch and between compiled calls inside an epoch;
        # the probe's own views decide what is due (rate- and budget-limited).
        controller.add_probe(PROBE_NAME, probes.InsightProbe(pull=True), every=0.0)
        controller.probeResult.connect(self._probe_result)
        controller.started.connect(self._training_started)
        controller.finished.connect(self._training_finished)
        controller.runningChanged.connect(self._running_changed)

    def _training_started(self) -> None:
        self._training = True
        self.model = None
        self.live.stop()  # the new run hands over its own snapshots
        self._results.cancel()  # the new run's live views win
        self.digits.set_predictor(None)
        self.conv.set_computer(None)
        self.try_view.set_model(None, None)
        self.attention.set_computer(None)
        self.refresh_button.setEnabled(False)

    def _running_changed(self, running: bool) -> None:
        self._training = running
        self.refresh_button.setEnabled(not running)

    def _probe_result(self, name: str, update: Any) -> None:
        if name != PROBE_NAME or update is None:
            return
        if not self._showing(update.dataset):
            self._set_dataset(update.dataset)
        results = dict(update.results)
        source = results.pop(probes.LIVE, None)
        if source is not None:
            self.live.start(source)
        if not results:
            return
        self._pending.update(results)  # keep only the newest result of each view
        if not self._redraw.isActive():
            self._redraw.start()

    def _apply_pending(self) -> None:
        pending, self._pending = self._pending, {}
        self.show_results(pending)

    def _training_finished(self, _entry: dict, model: Any) -> None:
        self._redraw.stop()
        self.live.stop()
        self._pending = {}
        dataset = self.dataset
        if self.controller.run_project is not self.document.project:
            return  # the run of a project that is no longer open
        if model is not None and dataset is not None:
            self._raise_try_it = tuple(dataset.input_shape) != (2,)  # 2-D: the boundary
            # Every view once more from the trained model: seconds for a CNN, so on a worker
            # thread (the model is no longer training; the next run builds its own).
            self._results.request(
                lambda: (model, dataset, probes.final_results(model, dataset)))

    def _show_computed(self, payload: tuple[Any, Any, dict[str, Any]]) -> None:
        if self._training:
            return  # a new run started meanwhile: its live views win
        model, dataset, results = payload
        self.model = model
        if not self._showing(dataset):
            self._set_dataset(dataset)
        self.show_results(results)
        self._after_model_shown(model, dataset)
        if getattr(self, "_raise_try_it", False):  # a run just ended: try what it learned
            self._raise_try_it = False
            self.tabs.setCurrentWidget(self.try_view)

    def is_computing(self) -> bool:
        """True until the results asked for have been shown (or dropped)."""
        return self._results.busy

    def shutdown(self) -> None:
        """The window is closing: compute nothing more, and wait for what is running."""
        self._redraw.stop()
        self.live.shutdown()
        self._results.shutdown()
        self.digits.shutdown()
        self.conv.shutdown()
        self.try_view.shutdown()
        self.attention.shutdown()

    def wait_for_background(self, timeout: float = 60.0) -> None:
        """Block until result computations finish (tests, and closing the window)."""
        for runner_wait in (self._results.wait, self.live.wait, self.digits.wait,
                            self.conv.wait, self.try_view.wait, self.attention.wait):
            runner_wait(timeout)

    # ------------------------------------------------------------ showing results
    def show_model(self, model: Any, dataset: Any) -> None:
        """Fill every view from ``model`` (which must not be training right now), computed
        on the calling thread (tests; the app computes on a worker, see refresh_from_project)."""
        self._show_computed((model, dataset, probes.final_results(model, dataset)))

    def _after_model_shown(self, model: Any, dataset: Any) -> None:
        self.network.flush()
        from playground.insight.digits import is_digit_dataset, predict_drawing

        if is_digit_dataset(dataset):
            self.digits.set_predictor(
                lambda image, center: predict_drawing(model, image, dataset, center))
        # Another sample picked: a forward pass of it, off the UI thread like every other.
        self.conv.set_computer(lambda index: probes.conv_probe(index)(model, dataset))
        self.try_view.set_model(model, dataset)
        self.attention.set_computer(
            lambda index: probes.attention_probe(index)(model, dataset))

    def show_results(self, results: dict[str, Any]) -> None:
        views = self._probe_views()
        for name, result in results.items():
            if name not in views:
                continue
            view, show = views[name]
            if not isinstance(result, probes.Unavailable):
                show(result)
            elif view is not None:
                view.set_status(result.reason)
            elif name == probes.LINE:  # the regression view says why next to its plot
                show(result)

    def _probe_views(self) -> dict[str, tuple[Any, Callable[[Any], None]]]:
        """Each probe's view (which says why a result is unavailable; None: no view of its
        own) and how a result is shown."""
        return {probes.BOUNDARY: (self.boundary, self.boundary.set_boundary),
                probes.NEURONS: (self.network, self._show_neurons),
                probes.WEIGHTS: (None, self._show_weights),
                probes.CONFUSION: (self.results,
                                   lambda result: self.results.set_result(result, self.dataset)),
                probes.REGRESSION: (self.regression, self.regression.set_prediction),
                probes.LINE: (None, self.regression.set_line),
                probes.SEQUENCE: (self.regression, self.regression.set_forecast),
                probes.CONV: (self.conv, self._show_conv),
                probes.ATTENTION: (self.attention, self._show_attention),
                probes.EMBEDDING: (self.embedding, self._show_embedding),
                probes.HEALTH: (self.health, self._show_health)}

    def _show_neurons(self, maps: Any) -> None:
        self.network.titles = self.layers.layer_titles()
        self.network.set_maps(maps)

    def _show_weights(self, snapshot: Any) -> None:
        self.weights_snapshot = self.layers.weights_snapshot = snapshot
        self.network.set_edges(snapshot.dense_edges)
        self.layers.show_histograms()
        self.edgeWeightsChanged.emit(self.layers.canvas_edge_weights())

    def _show_conv(self, snapshot: Any) -> None:
        self.conv.titles = self.layers.layer_titles()
        self.conv.set_snapshot(snapshot)

    def _show_attention(self, snapshot: Any) -> None:
        self.attention.titles = self.layers.layer_titles()
        self.tabs.setTabVisible(self.tabs.indexOf(self.attention), True)
        self.attention.set_snapshot(snapshot)

    def _show_embedding(self, found: Any) -> None:
        self.tabs.setTabVisible(self.tabs.indexOf(self.embedding), True)
        self.embedding.set_map(found)

    def _show_health(self, report: Any) -> None:
        self.health.titles = self.layers.layer_titles()
        self.health.set_report(report)
        by_layer = self.layers.layer_to_node()
        self.node_health = {by_layer[name]: h for name, h in report.layers.items()
                            if name in by_layer}
        self.healthChanged.emit(dict(self.node_health))

    def canvas_edge_weights(self) -> dict[tuple[str, str], tuple[float, float, float]]:
        """Weight summaries per canvas edge into a Dense node (see ``edgeWeightsChanged``)."""
        return self.layers.canvas_edge_weights()

    # ------------------------------------------------------------ dataset
    def _showing(self, dataset: Any) -> bool:
        return self._shown_dataset == (dataset.name, id(dataset))

    def _set_dataset(self, dataset: Any) -> None:
        if self._shown_dataset is None or dataset.name != self._shown_dataset[0]:
            self.regression.clear_line()
        self._shown_dataset = (dataset.name, id(dataset))
        shape = tuple(dataset.input_shape)
        two_d = shape == (2,)
        classification = dataset.task in ("binary", "multiclass")
        from playground.insight.digits import is_digit_dataset

        visible = {"boundary": two_d, "network": two_d, "results": classification,
                   "digits": is_digit_dataset(dataset), "conv": len(shape) == 3,
                   "regression": not classification, "layer": True,
                   "health": True, "try": True, "attention": self._has_layer(ATTENTION_TYPES),
                   "embedding": self._has_layer(("Embedding",))
                   and self._has_layer(VOCABULARY_TYPES)}
        for key, view in self.views.items():
            self.tabs.setTabVisible(self.tabs.indexOf(view), visible[key])
        main = self.views[main_view_key(visible)]
        if self._dataset_kind != visible:  # another kind of data: show its main view
            self._dataset_kind = visible
            self.tabs.setCurrentWidget(main)
        if two_d:
            self.boundary.set_dataset(dataset, painted_points(self.document.project.dataset))
        x = dataset.x_test if dataset.x_test is not None else dataset.x_train
        if len(shape) == 3:
            self.conv.set_sample_count(len(x))
        self.attention.set_sample_count(len(x))

    def _has_layer(self, types: tuple[str, ...]) -> bool:
        return any(node.layer_type in types for node in self.document.graph)

    def _project_replaced(self) -> None:
        self.layers.watch_graph()
        self.model = None
        self.weights_snapshot = None
        self.node_health = {}
        self._pending = {}
        self._redraw.stop()
        self.live.stop()
        self._results.cancel()   # results of the previous project's model
        self.conv.set_computer(None)
        self.digits.set_predictor(None)
        for view in self.views.values():
            view.clear()  # nothing from the previous project stays on screen
        self.healthChanged.emit({})
        self.edgeWeightsChanged.emit({})

    # ------------------------------------------------------------ painting
    def _points_painted(self, points: list) -> None:
        before = painted_points(self.document.project.dataset)
        if points == before:
            return
        self.document.undo_stack.push(PaintPointsCommand(self, before, points))

    def apply_points(self, points: list) -> None:
        """Store painted points in the project (the next training run uses them)."""
        from playground.datasets import dataset_info

        choice = with_points(self.document.project.dataset or {}, points)
        try:
            params = dataset_info(choice["name"]).validate_params(choice["params"])
        except PlaygroundError as error:
            self.status.show_message(str(error), 0)
            return
        # The Dataset panel follows the session's new choice: shows it and reloads the data.
        self.document.session.set_dataset_choice(choice["name"], params)
        # Until the data with the points is loaded, the points over the data drawn now.
        drawn = self.boundary.dataset
        if drawn is not None and self.boundary.points != points:
            self.boundary.set_dataset(drawn, points)

    # ------------------------------------------------------------ layer views
    def make_layer_view(self, parent: QWidget | None = None) -> LayerView:
        """Another view of the selected layer (activation curve, weight histograms) kept up
        to date like the Layer tab, e.g. for the inspector to embed in its form."""
        return self.layers.make_layer_view(parent)

    # ------------------------------------------------------------ from the project
    def refresh_from_project(self) -> None:
        """Build the project's model with its current weights and show every view."""
        if self._training:
            return
        from playground import kerasenv

        if not kerasenv.is_loaded():
            self.status.show_message(self.tr("TensorFlow is still loading; try again in a "
                                             "moment."))
            return
        from playground.network.keras_build import build_model

        choice = dict(self.document.project.dataset or {})
        graph = self.document.graph.copy()  # the user may edit on while this runs
        weights = self.document.project.weights or None
        session = self.document.session

        def compute() -> tuple[Any, Any, dict[str, Any]]:
            dataset = session.load_dataset(choice)  # the shared one, loaded at most once
            model = build_model(graph, weights)
            return model, dataset, probes.final_results(model, dataset)

        self._results.request(compute)


def main_view_key(visible: dict[str, bool]) -> str:
    """The view that shows best what this kind of data teaches (raised when a dataset of
    another kind comes): the boundary for 2-D points, the digit pad or the feature maps for
    pictures, the predictions for sequences and numbers."""
    for key in ("boundary", "digits", "conv", "regression", "results"):
        if visible.get(key):
            return key
    return "layer"
