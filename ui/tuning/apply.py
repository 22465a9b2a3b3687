""""Apply best": a trial's values into the graph and the training settings, one undo step."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from playground.session import Session
from playground.training.settings import TrainingSettings
from playground.tuning.space import SearchSpace
from ui import commands


class SetTrainingSettings(commands.GraphCommand):
    """Training settings as a step of an undoable edit (the session emits the change)."""

    def __init__(self, session: Session, settings: TrainingSettings, text: str) -> None:
        super().__init__(session.graph, text)
        self.session = session
        self.new = settings
        self.old = session.training_settings()

    def do(self) -> None:
        self.session.set_training_settings(self.new)

    def undo(self) -> None:
        self.session.set_training_settings(self.old)


def apply_trial_params(stack: QUndoStack, session: Session, space: SearchSpace,
                       params: dict[str, Any]) -> None:
    """Write ``params`` (Optuna keys) into the layers and settings as ONE undo macro.
    Raises the graph's typed error (nothing applied) if a value is refused."""
    node_updates, training_updates = space.split(params)
    graph = session.graph
    text = QCoreApplication.translate("TunePanel", "Apply best search result")
    settings = None
    if training_updates:  # checked before anything changes
        settings = TrainingSettings.from_dict({**session.training_settings().to_dict(),
                                               **training_updates})
        settings.validate()
    # A layer deleted since the search is skipped. One command, all or nothing: a refused
    # value undoes the steps before it and nothing lands on the undo stack.
    steps: list[commands.GraphCommand] = [
        commands.SetParams(graph, node_id, updates)
        for node_id, updates in node_updates.items() if node_id in graph]
    if settings is not None:
        steps.append(SetTrainingSettings(session, settings, text))
    commands.execute(stack, commands.Batch(graph, text, steps))
