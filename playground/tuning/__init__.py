"""Hyper-parameter search with Optuna: each trial is one run of our own training engine.

``space`` (what to search, saved in the project), ``study`` (settings, opening a study),
``storage`` (database URLs, drivers, passwords kept out of sight), ``sampler`` (a random
stream per trial, so workers never repeat each other), ``trial`` (one trial: the project
with the trial's values, reported epoch by epoch for pruning), ``search`` (the ask/tell
loop, its events and summary), ``jobs`` (local worker processes on one study). Qt-free.
"""
from __future__ import annotations

from typing import Any

from playground.files.project import Project
from playground.tuning.space import SearchSpace
from playground.tuning.study import TuneSettings


def project_space(project: Project) -> SearchSpace:
    """The search space saved in the project (empty when there is none)."""
    return SearchSpace.from_list((project.tuning or {}).get("space"))


def project_tune_settings(project: Project) -> TuneSettings:
    return TuneSettings.from_dict((project.tuning or {}).get("settings"))


def tuning_data(space: SearchSpace, settings: TuneSettings) -> dict[str, Any]:
    """What ``project.tuning`` holds for a space and its search settings."""
    return {"space": space.to_list(), "settings": settings.to_dict()}
