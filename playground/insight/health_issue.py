"""One finding of the training health check (its own module: the layer checks in
:mod:`playground.insight.health` and the set-up checks in
:mod:`playground.insight.setup_checks` both make them)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HealthIssue:
    kind: str        # "dead_relu" | "saturated" | "vanishing" | "exploding" | "not_finite"
    #                  | "stacked_linear" | "output_activation" | "learning_rate" | "loss_flat"
    severity: str    # "warning" | "problem"
    title: str
    explanation: str
    suggestion: str
