"""Unexpected errors are shown and logged, and the app keeps running.

:func:`install_crash_reporter` (called once at start-up) replaces ``sys.excepthook`` (the UI
thread: PySide6 hands exceptions escaping slots and event handlers to it),
``threading.excepthook`` (worker threads) and Qt's message handler (Qt's own warnings go to
the log). Every exception is written with its traceback to the log file in the user's data
folder, then a dialog shows a plain summary with the details behind "Show Details…".

Dialogs are shown on the UI thread (a queued signal carries reports from workers), one at a
time: while one is open, or for the same error again within a few seconds, reports are only
logged, so an error repeating in a paint handler cannot bury the user in dialogs.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Callable

from PySide6.QtCore import (QCoreApplication, QObject, QtMsgType, Qt, Signal,
                            qInstallMessageHandler)
from PySide6.QtWidgets import QApplication, QMessageBox
from ui.message_box import plain_box

from playground.files import crash_log as errorlog
from playground.errors import PlaygroundError

REPEAT_QUIET_S = 5.0   # the same error again within this time is logged, not shown
MAX_SUMMARY_CHARS = 400

ShowDialog = Callable[[str, str, str], None]   # (summary, details, log path)


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashReporter", text)


def summarize(exc_type: type[BaseException], exc: BaseException | None, where: str) -> str:
    """One plain paragraph: what happened, in words, without the traceback."""
    message = str(exc).strip() if exc is not None else ""
    if len(message) > MAX_SUMMARY_CHARS:
        message = message[:MAX_SUMMARY_CHARS] + "…"
    if isinstance(exc, PlaygroundError):  # written for the user already
        return message
    what = f"{exc_type.__name__}: {message}" if message else exc_type.__name__
    if where and where != "MainThread":
        return tr("Something unexpected went wrong in a background task (%1).").replace(
            "%1", what)
    return tr("Something unexpected went wrong (%1).").replace("%1", what)


class CrashReporter(QObject):
    """Installs the hooks; ``show_dialog`` may be replaced (tests record calls instead)."""

    _report = Signal(str, str, str)   # summary, details, where: queued to the UI thread
    reported = Signal(str, str)       # summary, details — after logging, before the dialog

    def __init__(self, log_dir: Path | None = None, show_dialog: ShowDialog | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = errorlog.setup_logging(log_dir)
        self.show_dialog: ShowDialog = show_dialog or self._message_box
        self.count = 0
        self._showing = False
        self._last_shown: dict[str, float] = {}
        self._previous: tuple[Any, Any, Any] | None = None
        # Queued even on the UI thread: the dialog opens after the failing handler unwinds.
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------------- hooks
    def install(self) -> "CrashReporter":
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook,
                              qInstallMessageHandler(self._qt_message))
            sys.excepthook = self._excepthook
            threading.excepthook = self._thread_excepthook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook, qt_handler = self._previous
            qInstallMessageHandler(qt_handler)
            self._previous = None

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb, threading.current_thread().name)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return  # threading ignores SystemExit in threads, so do we
        where = args.thread.name if args.thread is not None else "thread"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, where)

    def _qt_message(self, mode: QtMsgType, context: Any, message: str) -> None:
        level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
                 QtMsgType.QtWarningMsg: logging.WARNING,
                 QtMsgType.QtCriticalMsg: logging.ERROR,
                 QtMsgType.QtFatalMsg: logging.CRITICAL}.get(mode, logging.WARNING)
        errorlog.logger().log(level, "Qt: %s", message)
        if level >= logging.WARNING:
            print(f"Qt: {message}", file=sys.stderr)

    # ------------------------------------------------------------------ report
    def report(self, exc_type: type[BaseException], exc: BaseException | None,
               tb: TracebackType | None, where: str = "") -> None:
        """Log the exception, then show it on the UI thread. Safe from any thread."""
        self.count += 1
        details = errorlog.log_exception(exc_type, exc, tb, where)
        self._report.emit(summarize(exc_type, exc, where), details, where)

    def _on_report(self, summary: str, details: str, _where: str) -> None:
        self.reported.emit(summary, details)
        now = time.monotonic()
        if self._showing or now - self._last_shown.get(summary, -1e9) < REPEAT_QUIET_S:
            return  # already in the log; one dialog at a time
        self._last_shown[summary] = now
        self._showing = True
        try:
            self.show_dialog(summary, details, str(self.log_file))
        finally:
            self._showing = False

    def _message_box(self, summary: str, details: str, log_file: str) -> None:
        box = plain_box(QMessageBox.Icon.Critical, tr("Unexpected error"), summary,
                        QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setObjectName("crash_dialog")
        box.setInformativeText(tr("The app is still running and your work is kept. To be "
                                  "safe, save your project now (under a new name if in "
                                  "doubt). The details were written to %1.")
                               .replace("%1", log_file))
        box.setDetailedText(details)
        box.button(QMessageBox.StandardButton.Ok).setText(tr("Continue"))
        box.exec()


def install_crash_reporter(parent: QObject | None = None,
                           log_dir: Path | None = None) -> CrashReporter:
    """Create and install the app's reporter (keep the returned object alive)."""
    return CrashReporter(log_dir, parent=parent).install()
