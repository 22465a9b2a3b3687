"""The user's data folder: recovery files and the error log live there.

``PLAYGROUND_CONFIG_DIR`` overrides it (tests point it at a temporary folder); otherwise
platformdirs' answer for the platform: ``$XDG_DATA_HOME/keras-playground`` (default
``~/.local/share``) on Linux, ``%LOCALAPPDATA%\\KerasPlayground`` on Windows and
``~/Library/Application Support/KerasPlayground`` on macOS.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_FOLDER = "keras-playground"
ENV_VAR = "PLAYGROUND_CONFIG_DIR"


def app_folder_name() -> str:
    """Lower-case with a dash where folders are named so (Linux), the app's name elsewhere."""
    return "KerasPlayground" if sys.platform in ("win32", "darwin") else APP_FOLDER


def user_data_dir() -> Path:
    """The folder for this app's own files (not created here)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(app_folder_name(), appauthor=False)


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
