"""Checks made before the window opens, each turning a failure Qt would end in an abort
(or the app in a traceback) into a sentence that says what is wrong and how to fix it:

- no display (Linux without ``DISPLAY``/``WAYLAND_DISPLAY`` and no ``QT_QPA_PLATFORM``);
- a system library Qt needs is missing: named, with the Debian/Ubuntu package that has it;
- the user's data folder cannot be written (recovery files and the error log go there).
"""
from __future__ import annotations

import ctypes
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Mapping

from playground.i18n import _

# The libraries Qt's window needs on Linux, each with the Debian/Ubuntu package providing
# it (scripts/setup.sh installs the same list). "xcb" ones matter only under X11.
QT_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
XCB_LIBRARIES: dict[str, str] = {
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
}


def no_display_message(environ: Mapping[str, str] | None = None,
                       platform: str | None = None) -> str | None:
    """The reason the window cannot open on Linux, or None when it can try."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return _("There is no display to open the window on (neither DISPLAY nor "
             "WAYLAND_DISPLAY is set). Start Keras Playground from your desktop, or use "
             "its commands without a window: keras-playground --help. "
             "(QT_QPA_PLATFORM=offscreen runs the window invisibly, for tests.)")


def _package_of(library: str) -> str | None:
    for table in (QT_LIBRARIES, XCB_LIBRARIES):
        for soname, package in table.items():
            if library == soname or library.split(".so")[0] == soname.split(".so")[0]:
                return package
    return None


def missing_library_message(libraries: list[str]) -> str:
    packages = sorted({p for p in map(_package_of, libraries) if p})
    if packages:
        fix = _("Install it with: sudo apt install {packages} (Debian/Ubuntu; other systems "
                "name the package after the library).").format(packages=" ".join(packages))
    else:
        fix = _("Install the package that provides it with your system's package manager.")
    return _("Keras Playground cannot open its window: the system library {libraries} is "
             "missing. {fix}").format(libraries=", ".join(libraries), fix=fix)


def library_from_error(error: BaseException | str) -> str | None:
    """The library named in a loader error ("libEGL.so.1: cannot open shared object file")."""
    match = re.search(r"(lib[\w.+-]+\.so[\w.]*)", str(error))
    return match.group(1) if match else None


def _loadable(soname: str, search: list[Path]) -> bool:
    if any((folder / soname).exists() for folder in search):
        return True  # shipped with PySide6 or inside the bundle
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(environ: Mapping[str, str] | None = None,
                      search: list[Path] | None = None) -> list[str]:
    """The Qt libraries this Linux system cannot load (none elsewhere, none offscreen)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return []
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return []
    wanted = dict(QT_LIBRARIES)
    x11 = platform.startswith("xcb") or (not platform and env.get("DISPLAY")
                                         and not env.get("WAYLAND_DISPLAY"))
    if x11:
        wanted.update(XCB_LIBRARIES)
    folders = list(search or [])
    if getattr(sys, "_MEIPASS", None):
        folders.append(Path(sys._MEIPASS))
    return [soname for soname in wanted if not _loadable(soname, folders)]


def unwritable_data_message(folder: Path) -> str | None:
    """A warning when ``folder`` (the user's data folder) cannot be created or written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as exc:
        return _("Keras Playground cannot write to {folder} ({reason}): unsaved work cannot "
                 "be kept for recovery and errors are not logged. Save your projects in a "
                 "folder you can write to, or set PLAYGROUND_CONFIG_DIR to one.").format(
                     folder=folder, reason=exc.strerror or exc)
    return None
