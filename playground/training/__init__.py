"""Training: settings, the Qt-free engine, its events, losses and device choice."""
from playground.training.events import Probe, RunResult, TrainingEvent
from playground.training.settings import TrainingSettings

__all__ = ["Probe", "RunResult", "TrainingEvent", "TrainingSettings", "TrainingEngine"]


def __getattr__(name: str):  # the engine pulls in numpy-heavy modules: load on first use
    if name == "TrainingEngine":
        from playground.training.engine import TrainingEngine

        return TrainingEngine
    raise AttributeError(name)
