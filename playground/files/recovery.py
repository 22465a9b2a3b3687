"""Recovery files: unsaved work written aside so a crash or a kill loses (almost) nothing.

Each running app owns one :class:`RecoverySession`: a project file
``<data>/recovery/<session>.kpg`` (the normal project format, written atomically) plus a
small ``<session>.json`` beside it (original path, title, time, pid). At start-up,
:func:`list_recoverable` finds the sessions whose process is gone; the user restores or
discards them. A clean save or close removes the session's files.

Qt-free: the UI decides *when* to write (``ui/autosave.py``); this module decides *how*.
"""
from __future__ import annotations

import copy
import json
import os
import secrets
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from playground.files.fileio import atomic_write_bytes, atomic_write_text
from playground.files.project import Project, load_project, pack_project
from playground.files.userdata import ensure_dir, user_data_dir
from playground.i18n import _

RECOVERY_FOLDER = "recovery"
META_SUFFIX = ".json"
PROJECT_SUFFIX = ".kpg"


def recovery_dir() -> Path:
    return user_data_dir() / RECOVERY_FOLDER


@dataclass(frozen=True)
class RecoveryInfo:
    """One recoverable session found on disk."""

    session_id: str
    project_file: Path
    meta_file: Path
    original_path: str | None
    title: str
    saved_at: float
    pid: int
    host: str | None = None              # where it was written (None: older files)
    process_start: Any = None            # of ``pid``, to tell a reused pid apart

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        what = self.original_path or self.title or _("an unsaved project")
        return (_("{value} (autosaved {when})")
                  .format(value=Path(what).name if self.original_path else what, when=when))


@dataclass(frozen=True)
class ProjectSnapshot:
    """A copy of a project taken on the UI thread, safe to pack on another thread."""

    meta: dict[str, Any]
    weights: dict[str, list[np.ndarray]] | None
    original_path: str | None
    title: str


def snapshot(project: Project, original_path: str | Path | None = None) -> ProjectSnapshot:
    """Copy what a save needs. The JSON part is deep-copied (cheap); weight arrays are
    shared, because trained weights are replaced as a whole, never changed in place."""
    weights = {k: list(v) for k, v in project.weights.items()} if project.weights else None
    return ProjectSnapshot(copy.deepcopy(project.to_json_dict()), weights,
                           str(original_path) if original_path else None, project.title)


class RecoverySession:
    """The recovery files of this running app (one per process)."""

    def __init__(self, directory: Path | None = None, pid: int | None = None) -> None:
        self.directory = Path(directory) if directory is not None else recovery_dir()
        self.pid = os.getpid() if pid is None else pid
        self.session_id = f"{time.strftime('%Y%m%d-%H%M%S')}-{self.pid}-{secrets.token_hex(3)}"
        self.project_file = self.directory / f"{self.session_id}{PROJECT_SUFFIX}"
        self.meta_file = self.directory / f"{self.session_id}{META_SUFFIX}"
        self._last_bytes: bytes | None = None

    def exists(self) -> bool:
        return self.project_file.exists()

    def write(self, project: Project, original_path: str | Path | None = None) -> bool:
        """Write ``project`` now (same thread). Returns False when nothing changed."""
        return self.write_snapshot(snapshot(project, original_path))

    def write_snapshot(self, snap: ProjectSnapshot) -> bool:
        """Pack and write a snapshot (may run on a worker thread). The project file is
        written before its metadata, both atomically, so a kill at any moment leaves either
        the previous recovery or the new one, never a half-written file."""
        data = pack_project(snap.meta, snap.weights)
        if data == self._last_bytes and self.project_file.exists():
            return False
        ensure_dir(self.directory)
        atomic_write_bytes(self.project_file, data)
        meta = {"session": self.session_id, "pid": self.pid,
                "process_start": _process_start(self.pid), "host": socket.gethostname(),
                "original_path": snap.original_path, "title": snap.title,
                "saved_at": time.time(), "project_file": self.project_file.name}
        atomic_write_text(self.meta_file, json.dumps(meta, indent=1))
        self._last_bytes = data
        return True

    def clear(self) -> None:
        """Remove this session's files (after a real save or a clean close)."""
        _remove(self.meta_file, self.project_file)
        self._last_bytes = None


def list_recoverable(directory: Path | None = None,
                     include_running: bool = False) -> list[RecoveryInfo]:
    """Sessions left behind by processes that are gone, newest first.

    Sessions of a still-running app (another window open at the same time) are skipped
    unless ``include_running``. Metadata that cannot be read is skipped too: its project
    file is still shown by :func:`orphan_files` so nothing is deleted silently.
    """
    folder = Path(directory) if directory is not None else recovery_dir()
    if not folder.is_dir():
        return []
    found: list[RecoveryInfo] = []
    for meta_file in folder.glob(f"*{META_SUFFIX}"):
        info = _read_info(meta_file)
        if info is None or not info.project_file.is_file():
            continue
        if not include_running and _same_host(info) and _session_alive(info):
            continue
        found.append(info)
    found.sort(key=lambda i: i.saved_at, reverse=True)
    return found


def orphan_files(directory: Path | None = None) -> list[Path]:
    """Recovery project files whose metadata is missing or unreadable."""
    folder = Path(directory) if directory is not None else recovery_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"*{PROJECT_SUFFIX}")
                  if _read_info(p.with_suffix(META_SUFFIX)) is None)


def restore(info: RecoveryInfo) -> Project:
    """Load the recovered project (raises ProjectFileError if the file is damaged)."""
    return load_project(info.project_file)


def discard(info: RecoveryInfo) -> None:
    _remove(info.meta_file, info.project_file)


def _remove(*paths: Path) -> None:
    """Delete files; one that is not there (or whose folder is not) is already gone.
    Other OS errors (no permission) propagate for the caller to report."""
    for path in paths:
        try:
            path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            continue


# ---------------------------------------------------------------------- internals
def _read_json(meta_file: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads(meta_file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    return meta if isinstance(meta, dict) else None


def _read_info(meta_file: Path) -> RecoveryInfo | None:
    meta = _read_json(meta_file)
    if meta is None:
        return None
    pid, saved_at = meta.get("pid"), meta.get("saved_at")
    original, title = meta.get("original_path"), meta.get("title", "")
    if not isinstance(pid, int) or not isinstance(saved_at, (int, float)) \
            or not (original is None or isinstance(original, str)) \
            or not isinstance(title, str):
        return None
    stem = meta_file.name[: -len(META_SUFFIX)]
    host = meta.get("host")
    return RecoveryInfo(stem, meta_file.with_name(stem + PROJECT_SUFFIX), meta_file,
                        original, title, float(saved_at), pid,
                        host if isinstance(host, str) else None, meta.get("process_start"))


def _same_host(info: RecoveryInfo) -> bool:
    return info.host in (None, socket.gethostname())


def _session_alive(info: RecoveryInfo) -> bool:
    if not pid_alive(info.pid):
        return False
    # A reused pid (after a reboot) belongs to another process: compare start times.
    current = _process_start(info.pid)
    return info.process_start is None or current is None or info.process_start == current


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL+C there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by another user
    return True


def _process_start(pid: int) -> int | None:
    """Start time of ``pid`` in clock ticks since boot (Linux), else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may contain spaces: split after its closing parenthesis.
    fields = stat.rpartition(")")[2].split()
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


__all__ = ["RecoveryInfo", "RecoverySession", "ProjectSnapshot", "snapshot",
           "list_recoverable", "orphan_files", "restore", "discard", "recovery_dir",
           "pid_alive"]
