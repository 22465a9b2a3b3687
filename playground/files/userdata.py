"""The user's data folder: recovery files and the error log live there.

``PLAYGROUND_CONFIG_DIR`` overrides it (tests point it at a temporary folder); otherwise
``$XDG_DATA_HOME/keras-playground`` (default ``~/.local/share``) on Linux,
``%LOCALAPPDATA%`` on Windows and ``~/Library/Application Support`` on macOS.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "keras-playground"
ENV_VAR = "PLAYGROUND_CONFIG_DIR"


def user_data_dir() -> Path:
    """The folder for this app's own files (not created here)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "KerasPlayground"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "KerasPlayground"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_FOLDER


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
