"""The error log: a rotating text file in the user's data folder.

Unexpected exceptions (with their tracebacks) and Qt's warnings are written here so that a
problem a user saw can be found again later. Qt-free: the core and worker threads log with
``logging.getLogger(LOGGER_NAME)``; ``ui/crash.py`` adds the dialog.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import tempfile
import traceback
from pathlib import Path
from types import TracebackType

from playground.files.userdata import ensure_dir, user_data_dir

LOGGER_NAME = "keras_playground"
LOG_FILE_NAME = "playground.log"
MAX_LOG_BYTES = 1_000_000
BACKUP_COUNT = 3

_handler: logging.handlers.RotatingFileHandler | None = None


def log_path(directory: Path | None = None) -> Path:
    """The log file in use (or the one ``directory`` / the data folder would hold)."""
    if directory is None and _handler is not None:
        return Path(_handler.baseFilename)
    return _default_path(directory)


def _default_path(directory: Path | None) -> Path:
    return (Path(directory) if directory is not None else user_data_dir() / "logs") \
        / LOG_FILE_NAME


def private_temp_dir() -> Path:
    """This user's own log folder in the shared temp folder: named after the user, mode
    0700, and never reached through a symlink or owned by someone else (anyone can create
    a name there first). When the usual name is taken, a fresh private folder is used."""
    import stat

    folder = Path(tempfile.gettempdir()) / f"keras-playground-logs-{os.getuid()}"
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return Path(tempfile.mkdtemp(prefix="keras-playground-logs-"))
    try:
        info = os.lstat(folder)
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
            if stat.S_IMODE(info.st_mode) & 0o077:
                os.chmod(folder, 0o700)
            return folder
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="keras-playground-logs-"))


def logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def setup_logging(directory: Path | None = None) -> Path:
    """Send this app's log records to the rotating log file; returns its path.

    Calling it again with another folder moves the log there (tests use temporary folders).
    """
    global _handler
    path = _default_path(directory)
    log = logger()
    if _handler is not None:
        # baseFilename is os.path.abspath'ed (symlinks kept): compare the same way.
        if _handler.baseFilename == os.path.abspath(path):
            return path
        log.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        ensure_dir(path.parent)
    except OSError:
        # A read-only or broken data folder must not stop the app: log to the temp folder.
        path = private_temp_dir() / LOG_FILE_NAME
    _handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_LOG_BYTES,
                                                    backupCount=BACKUP_COUNT,
                                                    encoding="utf-8", delay=True)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] "
                                            "%(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    return path


def close_logging() -> None:
    global _handler
    if _handler is not None:
        logger().removeHandler(_handler)
        _handler.close()
        _handler = None


def format_exception(exc_type: type[BaseException], exc: BaseException | None,
                     tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def log_exception(exc_type: type[BaseException], exc: BaseException | None,
                  tb: TracebackType | None, where: str = "") -> str:
    """Write an exception with its traceback to the log; returns the traceback text."""
    details = format_exception(exc_type, exc, tb)
    logger().error("Unexpected error%s:\n%s", f" in {where}" if where else "", details)
    return details
