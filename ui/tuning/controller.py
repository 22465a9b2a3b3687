"""Runs a search in a QThread (a ``ui.thread_worker.ThreadWorker``, as training does): the
worker runs ``playground.tuning.search.Search`` one trial after another and reports by
queued signals; it never touches a widget. Epoch events of the current trial feed the live
curve. With ``jobs`` > 1, helper processes (``playground.tuning.jobs.HelperProcesses``) work
on the same study; the table shows every process's finished trials."""
from __future__ import annotations

import copy
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from playground.files.project import Project
from playground.tuning.jobs import HelperProcesses
from playground.tuning.search import Search, SearchEvent, param_importances, study_records
from playground.tuning.space import SearchSpace
from playground.tuning.study import TuneSettings, open_study
from playground.training.events import EpochEnded
from ui.thread_worker import ThreadWorker


class TuneWorker(ThreadWorker):
    thread_name = "tuning"
    trialStarted = Signal(int, dict)
    epochEnded = Signal(int, object)        # trial number, EpochEnded
    trialFinished = Signal(object, dict)    # TrialRecord, importances
    studyLoaded = Signal(list)              # records of the study's trials so far
    helpersFailed = Signal(str)             # what failed helper processes said
    finished = Signal(object)               # SearchSummary

    def __init__(self, project: Project, space: SearchSpace, settings: TuneSettings,
                 storage_url: str, dataset: Any, jobs: int = 1) -> None:
        super().__init__()
        self._project, self._space, self._settings = project, space, settings
        self._url, self._dataset, self._jobs = storage_url, dataset, jobs
        self._lock = threading.Lock()
        self._search: Search | None = None
        self._helpers: HelperProcesses | None = None
        self._stop = False

    def request_stop(self) -> None:
        with self._lock:
            self._stop = True
            if self._search is not None:
                self._search.stop()
            if self._helpers is not None:
                self._helpers.stop()

    def _work(self) -> None:
        first = self._space.current_values(self._project.graph, self._project.training)
        study = open_study(self._settings, self._url, first_trial=first)
        self.studyLoaded.emit(study_records(study))
        search = Search(self._project, self._space, self._settings, study, self._on_event,
                        dataset=self._dataset)
        helpers = HelperProcesses(self._project, self._settings, self._url, self._jobs) \
            if self._jobs > 1 else None
        with self._lock:
            self._search, self._helpers = search, helpers
            if self._stop:
                search.stop()
                if helpers is not None:
                    helpers.stop()
        failures: list[str] = []
        try:
            summary = search.run()
            if helpers is not None:
                failures = helpers.wait()   # they finish their trials (or stop with Stop)
                self.studyLoaded.emit(study_records(study))
        finally:
            if helpers is not None:
                helpers.close()
        self.finished.emit(summary)
        if failures:                        # after "finished", so the message stays shown
            self.helpersFailed.emit("\n".join(failures))

    def _on_event(self, event: SearchEvent) -> None:
        if event.kind == "trial_start":
            self.trialStarted.emit(event.number, event.params)
        elif event.kind == "training" and isinstance(event.training, EpochEnded):
            self.epochEnded.emit(event.number, event.training)
        elif event.kind == "trial_end":
            search = self._search
            importances = param_importances(search.study) if search is not None else {}
            self.trialFinished.emit(event.record, importances)
            if self._jobs > 1 and search is not None:   # the helpers' trials too
                self.studyLoaded.emit(study_records(search.study))


class TuneController(QObject):
    """Owns the search thread; its signals arrive on the UI thread."""

    trialStarted = Signal(int, dict)
    epochEnded = Signal(int, object)
    trialFinished = Signal(object, dict)
    studyLoaded = Signal(list)
    helpersFailed = Signal(str)
    finished = Signal(object)
    failed = Signal(str)
    runningChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: TuneWorker | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, project: Project, space: SearchSpace, settings: TuneSettings,
              storage_url: str, dataset: Any = None, jobs: int = 1) -> None:
        if self.is_running():
            raise RuntimeError("a search is already running")
        # The worker gets its own copy: the user may go on editing the project.
        snapshot = Project(graph=project.graph.copy(), dataset=copy.deepcopy(project.dataset),
                           training=copy.deepcopy(project.training),
                           tuning=copy.deepcopy(project.tuning))
        worker = TuneWorker(snapshot, space, settings, storage_url, dataset, jobs)
        thread = QThread(self)
        thread.setObjectName("tuning")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        for name in ("trialStarted", "epochEnded", "trialFinished", "studyLoaded",
                     "helpersFailed", "finished", "failed"):
            getattr(worker, name).connect(getattr(self, name))
        worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()
        self.runningChanged.emit(True)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.request_stop()

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        thread = self._thread
        if thread is None:
            return True
        self.stop()
        finished = thread.wait(timeout_ms)
        if finished:
            self._on_thread_finished()
        return finished

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is None:
            return
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            worker.deleteLater()
        thread.deleteLater()
        self.runningChanged.emit(False)
