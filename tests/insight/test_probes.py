import numpy as np
import pytest

from playground.datasets import load_dataset
from playground.insight import probes
from playground.insight._model import run_model
from playground.insight.boundary import BoundaryGrid
from playground.insight.probes import BudgetedProbe, Unavailable, final_results, live_probes
from playground.training import TrainingEngine, TrainingSettings
from playground.training.events import Probe
from playground.training.events import ProbeFailed, ProbeResult
from tests.insight.helpers import mlp, points_dataset


def test_budgeted_probe_skips_until_its_share_of_time_has_passed():
    now = [0.0]
    calls = []

    def compute(model, dataset):
        calls.append(now[0])
        now[0] += 1.0  # each run costs one "second"
        return len(calls)

    probe = BudgetedProbe(compute, share=0.1, clock=lambda: now[0])
    assert probe(None, None) == 1          # first call always runs (t 0 -> 1)
    now[0] = 5.0
    assert probe(None, None) is None       # 1 s spent of 5 s: another would make 2/5 > 10%
    now[0] = 20.0
    assert probe(None, None) == 2          # 2 s of 20 s: allowed
    assert probe.runs == 2 and probe.skips == 1
    assert probe.spent == pytest.approx(2.0)


def test_inapplicable_view_returns_reason_instead_of_failing():
    probe = live_probes(load_dataset("celsius", {"samples": 20}))[probes.LINE]
    result = probe(mlp(units=(3,), inputs=1, out_activation="linear"), None)
    assert isinstance(result, Unavailable) and "curve" in result.reason


def test_probes_chosen_per_dataset_kind():
    assert set(live_probes(points_dataset())) == {probes.BOUNDARY, probes.NEURONS,
                                                  probes.WEIGHTS, probes.HEALTH,
                                                  probes.CONFUSION}
    assert probes.LINE in live_probes(load_dataset("celsius", {"samples": 20}))
    assert probes.BOUNDARY in live_probes(points_dataset("regression"))
    assert probes.REGRESSION in live_probes(points_dataset("regression"))
    assert probes.CONFUSION not in live_probes(points_dataset("regression"))


def test_live_boundary_updates_each_epoch_and_matches_the_model():
    ds = load_dataset("xor", {"samples": 200})
    model = mlp(units=(6,), activation="tanh")
    # As the app registers it: one probe for every view, run after each epoch.
    insight = probes.InsightProbe(shares={name: 1e9 for name in probes.SHARES}, max_rate=0)
    seen: dict[str, list] = {}

    def callback(event):
        assert not isinstance(event, ProbeFailed), event.message
        if isinstance(event, ProbeResult):
            for name, result in event.result.results.items():
                seen.setdefault(name, []).append(result)

    settings = TrainingSettings(epochs=2, batch_size=16, learning_rate=0.05, seed=1)
    engine = TrainingEngine(model, ds, settings, callback, {"insight": Probe(insight)})
    engine.run()
    assert probes.FRAMES in insight.probes  # a dense chain: pictures straight from numpy
    boundaries = seen[probes.BOUNDARY]
    assert len(boundaries) == 3  # start + 2 epochs
    assert all(isinstance(b, BoundaryGrid) for b in boundaries)
    assert not np.allclose(boundaries[0].values, boundaries[-1].values)  # it learned
    last = boundaries[-1]
    np.testing.assert_allclose(last.values.ravel(),
                               model.predict(last.grid.points, verbose=0)[:, 0],
                               rtol=1e-4, atol=1e-5)
    assert seen[probes.CONFUSION][-1].matrix.sum() == len(ds.x_test)
    assert seen[probes.WEIGHTS][-1].dense_edges is not None
    assert set(seen[probes.HEALTH][-1].layers) == {"hidden0", "out"}
    # the final results computed after training agree with the last live ones
    final = final_results(model, ds)
    np.testing.assert_allclose(final[probes.BOUNDARY].values, last.values)
    assert np.array_equal(final[probes.CONFUSION].matrix, seen[probes.CONFUSION][-1].matrix)
    assert run_model(model, ds.x_test).shape == (len(ds.x_test), 1)


def test_probe_judging_training_waits_for_first_epoch():
    probe = BudgetedProbe(lambda m, d: "ran", share=1.0, run_first=False)
    assert probe(None, None) is None
    assert probe(None, None) == "ran"


def test_insight_probe_picks_views_per_run_and_skips_when_nothing_is_due():
    from playground.insight.probes import InsightProbe

    probe = InsightProbe(shares={name: 0.0 for name in probes.SHARES})
    ds, model = points_dataset(), mlp()
    first = probe(model, ds)
    assert first.dataset is ds
    assert set(first.results) == {probes.BOUNDARY, probes.NEURONS, probes.WEIGHTS}
    second = probe(model, ds)              # views judging training wait for an epoch
    assert set(second.results) == {probes.HEALTH, probes.CONFUSION}
    assert probe(model, ds) is None        # zero budget: nothing more is due
    other = mlp(out=3, out_activation="softmax")
    again = probe(other, points_dataset(classes=3))   # a new run starts over
    assert again is not None and again.results[probes.BOUNDARY].probabilities.shape[-1] == 3
