"""``keras-playground --install-desktop`` / ``--uninstall-desktop`` and the Settings menu's
"Add to the application menu": the platform's way to put the app in the menu and to open
``.kpg`` files with it.

Linux writes the freedesktop files (:mod:`playground.desktop.linux`) to the data folder
platformdirs gives (``$XDG_DATA_HOME``). On macOS the app bundle's Info.plist declares the
file type (packaging/keras_playground.spec) and on Windows the installer does
(packaging/windows/keras-playground.iss): nothing to write at run time there.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import platformdirs

from playground.desktop import linux
from playground.errors import PlaygroundError
from playground.i18n import _

ROOT = Path(__file__).resolve().parents[2]


def supported() -> bool:
    return sys.platform.startswith("linux")


def data_home() -> Path:
    """``$XDG_DATA_HOME``, default ``~/.local/share`` (platformdirs' answer)."""
    return platformdirs.user_data_path()


def launch_command() -> list[str]:
    """How the menu starts this very installation: the AppImage file, the bundle's
    program, the ``keras-playground`` script next to this Python, or Python on main.py."""
    appimage = os.environ.get("APPIMAGE")
    if appimage:
        return [appimage]
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("keras-playground")
    if script.exists():
        return [str(script)]
    found = shutil.which("keras-playground")
    if found:
        return [found]
    return [sys.executable, str(ROOT / "main.py")]


def _not_here() -> PlaygroundError:
    return PlaygroundError(_("On this system the app's installer puts Keras Playground in "
                             "the menu and opens .kpg files with it; this option is for "
                             "Linux."))


def install_desktop(home: Path | None = None, command: list[str] | None = None) -> str:
    """Install the entry; returns the message to show. PlaygroundError names the fix."""
    if not supported():
        raise _not_here()
    home = home or data_home()
    try:
        done = linux.install(home, command or launch_command())
    except OSError as exc:
        raise PlaygroundError(_("Cannot write the menu entry into {folder}: {reason}. Make "
                                "that folder writable, or set XDG_DATA_HOME to one that is.")
                              .format(folder=home, reason=exc.strerror or exc)) from exc
    return _("Keras Playground is now in the application menu and opens .kpg files "
             "({count} files written under {folder}).").format(count=len(done.files),
                                                               folder=home)


def uninstall_desktop(home: Path | None = None) -> str:
    if not supported():
        raise _not_here()
    home = home or data_home()
    try:
        done = linux.uninstall(home)
    except OSError as exc:
        raise PlaygroundError(_("Cannot remove the menu entry from {folder}: {reason}.")
                              .format(folder=home, reason=exc.strerror or exc)) from exc
    if not done.files:
        return _("There was no menu entry to remove under {folder}.").format(folder=home)
    return _("Removed Keras Playground from the application menu ({count} files under "
             "{folder}).").format(count=len(done.files), folder=home)


def is_installed(home: Path | None = None) -> bool:
    return supported() and (
        (home or data_home()) / "applications" / f"{linux.APP_ID}.desktop").exists()
