"""Live visualizations as probes: ``fn(model, dataset) -> result`` run by the training
engine on the training thread after each epoch and between chunks of steps (see
:class:`playground.training.Probe`).

Small dense networks on 2-D points get their boundary, neuron and weight pictures from a
:class:`FrameProbe`: a weight snapshot pushed through a 100×100 grid in numpy and coloured
right there (a millisecond or two), up to :data:`FRAMES_PER_S` times a second. In the app
(``InsightProbe(pull=True)``) the training thread instead only publishes weight snapshots
(:mod:`playground.insight.live_frames`) and the UI draws the newest one at the screen's
pace. Every other view goes through Keras and is budgeted:

each probe keeps its own cost within a share of the training time: it measures how long
it takes and skips a call (returning None, which views ignore) until enough training
time has passed, so the live views cost at most a few percent however fast epochs are.
After training the UI recomputes the final picture from the trained model with the same
functions, so a skipped last epoch is never what stays on screen.

A probe that does not apply to the model (e.g. a learned line for a curved model) returns
:class:`Unavailable` with the reason to show, instead of failing.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from playground.i18n import _
from playground.insight._model import InsightError, model_layers
from playground.insight.boundary import (BoundaryGrid, GridSpec, boundary_grid, dataset_points,
                                         grid_for_points, is_2d_input)
from playground.insight.classification import classification_results
from playground.insight.colors import diverging, greys, with_pictures
from playground.insight.conv import conv_filters, conv_layers, feature_maps
from playground.insight.dense_grid import DenseFrames, dense_chain
from playground.insight.health import SAMPLE_SIZE, HealthChecker
from playground.insight.live_frames import LiveFrames
from playground.insight.neurons import NEURON_RESOLUTION, NeuronMapper
from playground.insight.regression import celsius_fit, prediction_vs_truth, sequence_forecast
from playground.insight.weights import (WeightsSnapshot, dense_edges, is_small_mlp,
                                        weight_histograms)

BOUNDARY = "insight.boundary"
NEURONS = "insight.neurons"
WEIGHTS = "insight.weights"
HEALTH = "insight.health"
CONFUSION = "insight.confusion"
REGRESSION = "insight.regression"
LINE = "insight.line"
SEQUENCE = "insight.sequence"
CONV = "insight.conv"
ATTENTION = "insight.attention"
EMBEDDING = "insight.embedding"

FRAMES = "insight.frames"   # boundary + neurons + weights of a small dense network at once
# With ``pull``: the run's LiveFrames (newest weight snapshot; the UI draws it when the
# screen can show it), handed over once per run instead of pictures.
LIVE = "insight.live"

# Share of training wall time each probe may use. The Keras-based views of one dataset add
# up to <= ~8%. The frames of a small dense network may take up to 20%: the 2-D lessons aim
# at >= 20 pictures a second while still training >= 2x TensorFlow Playground's epochs/s
# (measured: 3-4x, benchmarks/bench_live_views.py), and a frame costs ~2-5 ms.
SHARES = {BOUNDARY: 0.02, NEURONS: 0.01, WEIGHTS: 0.004, HEALTH: 0.008, CONFUSION: 0.005,
          REGRESSION: 0.02, LINE: 0.02, SEQUENCE: 0.03, CONV: 0.04, ATTENTION: 0.03,
          EMBEDDING: 0.01, FRAMES: 0.20}
# No view is computed more often than this: more pictures a second than the screen shows
# would be work thrown away.
FRAMES_PER_S = 25.0
BOUNDARY_RESOLUTION = 100   # the boundary's grid, cells per side (TensorFlow Playground's)
# The weights (lines of the neuron diagram, histograms) come with every this many frames:
# reading them into Python objects costs as much as the pictures.
WEIGHTS_EVERY_FRAMES = 3
# Views of the untrained model worth showing at the start; the others (judging training:
# health, confusion) wait for the first due epoch, so a short run does not pay for them.
AT_START = {BOUNDARY, NEURONS, WEIGHTS, REGRESSION, LINE, SEQUENCE, CONV, ATTENTION, EMBEDDING,
            FRAMES}
CONFUSION_SAMPLES = 2000
# While training, judge on fewer samples: the live picture only needs to show the trend,
# and big models (CNNs) would otherwise cost a lot per look. Final results use the above.
LIVE_CONFUSION_SAMPLES = 500
LIVE_HEALTH_SAMPLES = 128


@dataclass(frozen=True)
class Unavailable:
    """This view does not apply to the current model; ``reason`` says why and what to do."""

    reason: str


@dataclass(frozen=True)
class ConvSnapshot:
    filters: list[Any]                  # ConvFilters per conv layer
    feature_maps: list[Any]             # FeatureMaps per conv layer for ``sample_index``
    sample_index: int
    sample: np.ndarray
    # The same as (…, 4) uint8 pictures, coloured here (off the UI thread): the sample in
    # greys, filters blue/orange, feature maps in greys; keyed by layer name.
    sample_rgba: np.ndarray | None = None
    filter_rgba: dict[str, np.ndarray] = field(default_factory=dict)
    map_rgba: dict[str, np.ndarray] = field(default_factory=dict)


class BudgetedProbe:
    """Wraps ``compute(model, dataset)`` so it uses at most ``share`` of the wall time
    since its first call. The first call runs when ``run_first`` (to show the untrained
    model), else the second one does."""

    def __init__(self, compute: Callable[[Any, Any], Any], share: float,
                 clock: Callable[[], float] = time.perf_counter,
                 run_first: bool = True, max_rate: float = FRAMES_PER_S) -> None:
        self.compute = compute
        self.share = share
        self.run_first = run_first
        self.clock = clock
        self.min_interval = 1.0 / max_rate if max_rate > 0 else 0.0
        self.started: float | None = None
        self.last_run = -float("inf")
        self.spent = 0.0
        self.last_cost = 0.0
        self.runs = 0
        self.skips = 0

    def due(self) -> bool:
        if self.started is None:
            return True
        now = self.clock()
        return self.spent + self.last_cost <= self.share * (now - self.started) and \
            now - self.last_run >= self.min_interval

    def __call__(self, model: Any, dataset: Any) -> Any:
        now = self.clock()
        if self.started is None:
            self.started = now
            if not self.run_first:
                self.skips += 1
                return None
        elif not self.due():
            self.skips += 1
            return None
        try:
            return self.compute(model, dataset)
        except InsightError as error:
            return Unavailable(str(error))
        finally:
            self.last_run = now
            self.last_cost = self.clock() - now
            self.spent += self.last_cost
            self.runs += 1


class _PerModel:
    """Rebuild helpers (sub-models) only when the engine hands over a different model."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        self.make = make
        self.model: Any = None
        self.value: Any = None

    def get(self, model: Any) -> Any:
        if model is not self.model:
            self.value = self.make(model)
            self.model = model
        return self.value


def boundary_probe(resolution: int = BOUNDARY_RESOLUTION) -> Callable[[Any, Any], BoundaryGrid]:
    grids: dict[int, GridSpec] = {}

    def compute(model: Any, dataset: Any) -> BoundaryGrid:
        key = id(dataset)
        if key not in grids:
            grids.clear()
            grids[key] = grid_for_points(dataset_points(dataset), resolution)
        return with_pictures(boundary_grid(model, grids[key], dataset.task))
    return compute


def frames_probe(chain: Any, resolution: int = BOUNDARY_RESOLUTION,
                 neuron_resolution: int = NEURON_RESOLUTION
                 ) -> Callable[[Any, Any], dict[str, Any]]:
    """Boundary, neurons and weights of a small dense network (a ``DenseChain``) computed
    from its weights in numpy, keyed by their probes' names."""
    frames: dict[int, DenseFrames] = {}
    count = [0]

    def compute(model: Any, dataset: Any) -> dict[str, Any]:
        key = id(dataset)
        if key not in frames:
            frames.clear()
            points = dataset_points(dataset)
            frames[key] = DenseFrames(chain, dataset.task, grid_for_points(points, resolution),
                                      grid_for_points(points, neuron_resolution))
        made = frames[key]
        weights = chain.snapshot()
        results = {BOUNDARY: made.boundary(weights), NEURONS: made.neurons(weights)}
        if count[0] % WEIGHTS_EVERY_FRAMES == 0:
            results[WEIGHTS] = made.weights(weights)
        count[0] += 1
        return results
    return compute


def live_frames_probe(chain: Any, resolution: int = BOUNDARY_RESOLUTION
                      ) -> Callable[[Any, Any], dict[str, Any] | None]:
    """Publishes the newest weight snapshot of a small dense network (a ``DenseChain``) for
    whoever draws it (:class:`LiveFrames`); returns ``{LIVE: frames}`` once per dataset,
    None afterwards: the training thread computes no picture."""
    made: dict[int, LiveFrames] = {}

    def compute(model: Any, dataset: Any) -> dict[str, Any] | None:
        key = id(dataset)
        if key in made:
            made[key].publish()
            return None
        made.clear()
        made[key] = LiveFrames(chain, dataset, resolution, (BOUNDARY, NEURONS, WEIGHTS))
        made[key].publish(force=True)
        return {LIVE: made[key]}
    return compute


def neurons_probe(resolution: int = NEURON_RESOLUTION) -> Callable[[Any, Any], Any]:
    mappers = _PerModel(NeuronMapper)

    def compute(model: Any, dataset: Any) -> Any:
        return mappers.get(model).compute(grid_for_points(dataset_points(dataset), resolution))
    return compute


def weights_probe(model: Any, dataset: Any) -> WeightsSnapshot:
    return WeightsSnapshot(weight_histograms(model),
                           dense_edges(model) if is_small_mlp(model) else None)


def health_probe(sample_size: int = LIVE_HEALTH_SAMPLES) -> Callable[[Any, Any], Any]:
    checkers = _PerModel(lambda model: HealthChecker(model, sample_size))

    def compute(model: Any, dataset: Any) -> Any:
        return checkers.get(model).check(dataset.x_train, dataset.y_train, dataset.task)
    return compute


def confusion_probe(max_samples: int = CONFUSION_SAMPLES) -> Callable[[Any, Any], Any]:
    def compute(model: Any, dataset: Any) -> Any:
        return classification_results(model, dataset, max_samples=max_samples)
    return compute


def conv_probe(sample_index: int = 0) -> Callable[[Any, Any], ConvSnapshot]:
    def compute(model: Any, dataset: Any) -> ConvSnapshot:
        sample = conv_sample(dataset, sample_index)
        filters, maps = conv_filters(model), feature_maps(model, sample)
        picture = sample[..., 0] if sample.ndim == 3 else sample
        return ConvSnapshot(
            filters, maps, sample_index, sample, greys(picture),
            {f.layer_name: _stack([diverging(k) for k in f.filters]) for f in filters},
            {m.layer_name: _stack([greys(c) for c in m.maps]) for m in maps})
    return compute


def attention_probe(sample_index: int = 0) -> Callable[[Any, Any], Any]:
    """Each attention layer's scores for one test sample (see insight/attention.py)."""
    def compute(model: Any, dataset: Any) -> Any:
        from playground.insight.attention import attention_snapshot

        return attention_snapshot(model, conv_sample(dataset, sample_index), sample_index)
    return compute


def has_embedding_map(model: Any) -> bool:
    from playground.insight.embedding_map import vocabulary_embedding

    try:
        vocabulary_embedding(model)
    except InsightError:
        return False
    return True


def embedding_map(model: Any) -> Any:
    from playground.insight.embedding_map import embedding_map as compute

    try:
        return compute(model)
    except InsightError as exc:  # e.g. no words learned yet
        return Unavailable(str(exc))


def _stack(pictures: list[np.ndarray]) -> np.ndarray:
    return np.stack(pictures) if pictures else np.zeros((0, 1, 1, 4), np.uint8)


def conv_sample(dataset: Any, index: int) -> np.ndarray:
    """Sample ``index`` of the test split (training split when there is none)."""
    x = dataset.x_test if getattr(dataset, "x_test", None) is not None and \
        len(dataset.x_test) else dataset.x_train
    if not 0 <= index < len(x):
        raise InsightError((_("Sample {index} does not exist; pick 0 to {value}.")
                              .format(index=index, value=len(x) - 1)))
    return np.asarray(x[index])


def live_probes(dataset: Any, model: Any | None = None,
                shares: dict[str, float] | None = None,
                live: bool = True, max_rate: float = FRAMES_PER_S,
                pull: bool = False) -> dict[str, BudgetedProbe]:
    """The probes that fit this dataset (and model, when given), by name. ``live`` probes
    (run during training) judge on fewer samples than the final results; none runs more
    than ``max_rate`` times a second (0: no limit). ``pull``: a small dense network's
    pictures are not computed here but drawn from its published snapshots (LIVE)."""
    if model is not None and not model_layers(model):
        return {}
    computes: dict[str, Callable[[Any, Any], Any]] = {
        WEIGHTS: weights_probe,
        HEALTH: health_probe(LIVE_HEALTH_SAMPLES if live else SAMPLE_SIZE)}
    shape = tuple(dataset.input_shape)
    chain = dense_chain(model) if model is not None and is_2d_input(shape) else None
    if chain is not None:  # boundary, neurons and weights at animation rate, from numpy
        del computes[WEIGHTS]
        computes[FRAMES] = live_frames_probe(chain) if pull and live else frames_probe(chain)
    elif is_2d_input(shape):
        computes[BOUNDARY] = boundary_probe()
        computes[NEURONS] = neurons_probe()
    if dataset.task in ("binary", "multiclass"):
        computes[CONFUSION] = confusion_probe(LIVE_CONFUSION_SAMPLES if live
                                              else CONFUSION_SAMPLES)
    elif dataset.task == "sequence":
        computes[SEQUENCE] = sequence_forecast
    else:
        computes[REGRESSION] = prediction_vs_truth
        if shape == (1,):
            computes[LINE] = celsius_fit
    if len(shape) == 3 and (model is None or conv_layers(model)):
        computes[CONV] = conv_probe()
    from playground.insight.attention import attention_layers

    if model is not None and attention_layers(model):
        computes[ATTENTION] = attention_probe()
    if model is not None and has_embedding_map(model):
        computes[EMBEDDING] = lambda model, _dataset: embedding_map(model)
    shares = {**SHARES, **(shares or {})}
    publisher = pull and live and FRAMES in computes  # self-paced (PUBLISH_EVERY_S)
    return {name: BudgetedProbe(fn, 1.0, max_rate=0) if publisher and name == FRAMES else
            BudgetedProbe(fn, shares[name], run_first=name in AT_START, max_rate=max_rate)
            for name, fn in computes.items()}


def final_results(model: Any, dataset: Any) -> dict[str, Any]:
    """Every applicable view computed once (after training, on a model not training)."""
    from playground.network.vocabulary import adapt_unadapted

    # An untrained text model has no vocabulary yet: learn it from the training split, as
    # a training run would, so its views can be drawn at all.
    adapt_unadapted(model, dataset.x_train)
    results: dict[str, Any] = {}
    for name, probe in live_probes(dataset, model, live=False).items():
        probe.run_first = True  # a fresh probe's first call then always runs
        _collect(results, name, probe(model, dataset))
    return results


def _collect(results: dict[str, Any], name: str, result: Any) -> None:
    """Put a probe's result under its name; the frames probe's results under theirs (its
    Unavailable reason, if any, then stands for each of its views)."""
    if name != FRAMES:
        results[name] = result
    elif isinstance(result, Unavailable):
        results.update({BOUNDARY: result, NEURONS: result})
    elif result is not None:
        results.update(result)


@dataclass(frozen=True)
class InsightUpdate:
    """What one probe call hands to the UI: the run's dataset (read-only) and the results
    of the views that were due this time, by probe name."""

    dataset: Any
    results: dict[str, Any]


class InsightProbe:
    """One probe for the training engine that runs every applicable view's probe.

    Registered once (e.g. ``controller.add_probe("insight", InsightProbe())``), it picks
    the views for each run's dataset and model on the training thread, so the UI does not
    need to know them before the dataset is loaded. Returns None when nothing was due.
    """

    def __init__(self, shares: dict[str, float] | None = None,
                 max_rate: float = FRAMES_PER_S, pull: bool = False) -> None:
        """``pull``: hand a small dense network's LiveFrames over (once per run) for the
        UI to draw at the screen's pace, instead of pictures at ``max_rate``."""
        self.shares = shares
        self.max_rate = max_rate
        self.pull = pull
        self._model: Any = None
        self._dataset: Any = None
        self.probes: dict[str, BudgetedProbe] = {}

    def __call__(self, model: Any, dataset: Any) -> InsightUpdate | None:
        if model is not self._model or dataset is not self._dataset:
            self._model, self._dataset = model, dataset
            self.probes = live_probes(dataset, model, self.shares, max_rate=self.max_rate,
                                      pull=self.pull)
        results: dict[str, Any] = {}
        for name, probe in self.probes.items():
            result = probe(model, dataset)
            if result is not None:
                _collect(results, name, result)
        return InsightUpdate(dataset, results) if results else None
