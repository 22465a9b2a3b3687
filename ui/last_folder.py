"""File dialogs open where the user last was (issue 23: they always started in the home
folder and forgot the last one). One setting shared by every file dialog of the app."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "files/last_dir"


def start_folder(settings: QSettings | None = None, current: str = "") -> str:
    """Where a file dialog starts: beside ``current`` (the file already chosen) when there
    is one, else the folder last used, else the home folder."""
    if current:
        return str(Path(current).parent if Path(current).suffix else Path(current))
    saved = str((settings or QSettings()).value(KEY, "") or "")
    return saved if saved and Path(saved).is_dir() else str(Path.home())


def remember(chosen: str | Path, settings: QSettings | None = None) -> None:
    """Remember the folder of a chosen file (or a chosen folder itself)."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    (settings or QSettings()).setValue(KEY, str(folder))
