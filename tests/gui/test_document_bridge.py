"""Document is the one bridge from the session's events to the views: every event the
session has arrives as a Qt signal with the event's own arguments."""
from __future__ import annotations

import pytest
from psygnal import SignalInstance as SessionEvent

from playground.session import Session
from playground.training.settings import TrainingSettings
from ui.document import SESSION_EVENTS, Document

pytestmark = pytest.mark.gui


def _session_events(session: Session) -> set[str]:
    return {name for name in dir(session) if not name.startswith("_")
            and isinstance(getattr(session, name), SessionEvent)}


def test_every_session_event_has_its_document_signal(qtbot):
    document = Document()
    assert _session_events(document.session) == set(SESSION_EVENTS)
    assert len(set(SESSION_EVENTS.values())) == len(SESSION_EVENTS)


def test_the_session_methods_reach_the_views_through_the_document(qtbot):
    document = Document()
    session = document.session
    seen: list[tuple] = []
    for signal in SESSION_EVENTS.values():
        getattr(document, signal).connect(lambda *args, s=signal: seen.append((s, *args)))

    session.set_notes("why this model")
    session.set_training_settings(TrainingSettings(epochs=3))
    session.set_dataset_choice("circle", {"samples": 30})
    dataset = session.load_dataset()
    assert session.offer_dataset(session.dataset_choice, dataset)
    session.add_history({"epochs": 1})
    session.set_tuning({"trials": 3})
    session.set_locked(True, "training")
    session.set_shape_report("a report")  # any object is handed on as it is
    assert seen == [
        ("notesChanged",), ("modifiedChanged", True), ("trainingSettingsChanged",),
        ("datasetChoiceChanged",),
        ("datasetLoaded", dataset), ("historyChanged",), ("tuningChanged",),
        ("lockedChanged", True), ("shapesChanged", "a report")]
    seen.clear()
    session.set_locked(False)
    session.set_weights(None)
    session.set_path("elsewhere.kpg")
    session.replace_project(Session().project)
    assert [s[0] for s in seen] == ["lockedChanged", "weightsChanged", "pathChanged",
                                    "saved", "modifiedChanged", "projectReplaced",
                                    "pathChanged"]
    assert not document.modified and document.undo_stack.isClean()
