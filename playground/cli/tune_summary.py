"""What a search prints: a line per trial and the JSON summary it prints last (one process or ``--jobs N`` combined), with
Optuna's parameter keys turned into the names people read."""
from __future__ import annotations

import math
from typing import Any

from playground.i18n import _
from playground.tuning.search import SearchEvent, SearchSummary
from playground.tuning.space import SearchSpace


def _value(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def readable_params(space: SearchSpace, graph: Any, params: dict[str, Any]) -> dict[str, Any]:
    """Optuna keys ("n2.units") -> what people read ("dense_1.units", "learning_rate")."""
    from playground.network.layer_calls import layer_names

    names = layer_names(graph)
    out: dict[str, Any] = {}
    for dim in space.dimensions:
        if dim.key in params:
            label = dim.param if dim.node is None else \
                f"{names.get(dim.node, dim.node)}.{dim.param}"
            out[label] = params[dim.key]
    return out


def trial_line(event: SearchEvent, objective: str, space: SearchSpace, graph: Any) -> str:
    record = event.record
    assert record is not None
    score = f"{objective} {record.value:.5g}" if record.value is not None else ""
    params = "  ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}"
                       for k, v in readable_params(space, graph, record.params).items())
    line = _("trial {number:>3}  {state:<8}  {score:<22}  ({duration:.1f} s)  {params}"
             ).format(number=record.number, state=record.state, score=score,
                      duration=record.duration_s, params=params)

    return line + (f"  — {record.message}" if record.message and record.state != "complete"
                   else "")


def summary_json(summary: SearchSummary, space: SearchSpace, graph: Any) -> dict[str, Any]:
    best = summary.best
    return {"study": summary.study, "objective": summary.objective,
            "direction": summary.direction,
            "best_trial": best.number if best else None,
            "best_value": _value(best.value) if best else None,
            "best_params": readable_params(space, graph, best.params) if best else {},
            "trials_run": len(summary.records), **{f"trials_{k}": v for k, v in
                                                    summary.counts().items()}}
