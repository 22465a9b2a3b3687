"""Linux desktop integration (freedesktop.org): the application menu entry, the icon at
the hicolor sizes and the ``.kpg`` file type, written to the user's data folder
(``$XDG_DATA_HOME``, default ``~/.local/share``, as platformdirs gives it), so the app is
in the menu and a project opens on double-click. Nothing needs root.

    applications/keras-playground.desktop
    icons/hicolor/<N>x<N>/{apps,mimetypes}/...png, icons/hicolor/scalable/.../...svg
    mime/packages/keras-playground.xml            (shared-mime-info)

The caches (``update-mime-database``, ``update-desktop-database``) are refreshed when those
tools are installed; desktops also notice the new files by themselves.
"""
from __future__ import annotations

import contextlib
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from playground.i18n import LANGUAGES, N_, load_translations
from playground.resources import ICON_NAME, ICON_SIZES, icon_png, icon_svg

APP_ID = "keras-playground"
MIME_TYPE = "application/x-keras-playground"
MIME_ICON = MIME_TYPE.replace("/", "-")
SUFFIX = ".kpg"
NAME = "Keras Playground"
GENERIC_NAME = N_("Neural network builder")
COMMENT = N_("Build, train and look inside neural networks without writing code")
MIME_COMMENT = N_("Keras Playground project")
KEYWORDS = N_("neural network;deep learning;machine learning;Keras;TensorFlow;")


@dataclass
class DesktopFiles:
    """What an install wrote (or an uninstall removed), for the message shown."""
    files: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # the cache tools that ran


def _translated(text: str) -> dict[str, str]:
    """``{language: translation}`` for every language with a catalog entry for ``text``."""
    out = {}
    for language in LANGUAGES:
        if language == "en":
            continue
        translated = load_translations(language).gettext(text)
        if translated != text:
            out[language] = translated
    return out


def _localized(key: str, text: str) -> list[str]:
    return [f"{key}={text}"] + [f"{key}[{lang}]={value}"
                                for lang, value in _translated(text).items()]


def exec_quote(argument: str) -> str:
    """One argument of a desktop entry's Exec line (the spec's quoting: double quotes
    around anything with a reserved character, with ``"`` ``` ` ``` ``$`` ``\\`` escaped)."""
    reserved = set(' \t\n"\'\\><~|&;$*?#()`')
    if argument and not (set(argument) & reserved):
        return argument.replace("%", "%%")
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return '"' + escaped.replace("%", "%%") + '"'


def desktop_entry(command: list[str] | str) -> str:
    """The ``.desktop`` file that starts ``command`` with the file opened (``%f``)."""
    argv = [command] if isinstance(command, str) else list(command)
    lines = ["[Desktop Entry]", "Type=Application", "Version=1.5", f"Name={NAME}"]
    lines += _localized("GenericName", GENERIC_NAME)
    lines += _localized("Comment", COMMENT)
    lines += _localized("Keywords", KEYWORDS)
    lines += [
        "Exec=" + " ".join(exec_quote(a) for a in argv) + " %f",
        f"Icon={ICON_NAME}",
        "Terminal=false",
        "Categories=Education;Science;ArtificialIntelligence;",
        f"MimeType={MIME_TYPE};",
        "StartupNotify=true",
        # Qt names the window class after the program; matching it groups the windows.
        f"StartupWMClass={APP_ID}",
    ]
    return "\n".join(lines) + "\n"


def mime_xml() -> str:
    """shared-mime-info's description of ``.kpg`` (a zip archive underneath)."""
    comments = [f'    <comment>{escape(MIME_COMMENT)}</comment>']
    comments += [f'    <comment xml:lang="{lang.replace("_", "-")}">{escape(text)}</comment>'
                 for lang, text in _translated(MIME_COMMENT).items()]
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
        f'  <mime-type type="{MIME_TYPE}">',
        *comments,
        f'    <icon name="{MIME_ICON}"/>',
        '    <sub-class-of type="application/zip"/>',
        f'    <glob pattern="*{SUFFIX}" weight="60"/>',
        '  </mime-type>',
        '</mime-info>',
    ]) + "\n"


def planned_files(data_home: Path) -> dict[Path, bytes | Path]:
    """Every file an install writes under ``data_home``: its text, or the file to copy."""
    files: dict[Path, bytes | Path] = {}
    hicolor = data_home / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = hicolor / f"{size}x{size}"
        files[folder / "apps" / f"{ICON_NAME}.png"] = icon_png(size)
        files[folder / "mimetypes" / f"{MIME_ICON}.png"] = icon_png(size)
    files[hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"] = icon_svg()
    files[hicolor / "scalable" / "mimetypes" / f"{MIME_ICON}.svg"] = icon_svg()
    files[data_home / "mime" / "packages" / f"{APP_ID}.xml"] = mime_xml().encode()
    return files


def _refresh_caches(data_home: Path) -> list[str]:
    ran = []
    for tool, target in (("update-mime-database", data_home / "mime"),
                         ("update-desktop-database", data_home / "applications"),
                         ("gtk-update-icon-cache", data_home / "icons" / "hicolor")):
        exe = shutil.which(tool)
        if exe is None or not target.is_dir():
            continue
        args = [exe, "-f", "-t", str(target)] if tool == "gtk-update-icon-cache" \
            else [exe, str(target)]
        with contextlib.suppress((OSError, subprocess.SubprocessError)):  # a cache is a speed-up: the files alone are enough
            subprocess.run(args, capture_output=True, timeout=60, check=False)
            ran.append(tool)
    return ran


def install(data_home: Path, command: list[str]) -> DesktopFiles:
    """Write the entry, icons and file type; returns what was written. Raises OSError
    (the caller names the folder) when ``data_home`` cannot be written."""
    files = planned_files(data_home)
    files[data_home / "applications" / f"{APP_ID}.desktop"] = desktop_entry(command).encode()
    done = DesktopFiles()
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.read_bytes() if isinstance(content, Path) else content
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        done.files.append(path)
    done.refreshed = _refresh_caches(data_home)
    return done


def uninstall(data_home: Path) -> DesktopFiles:
    """Remove what :func:`install` wrote (files already gone are skipped)."""
    paths = list(planned_files(data_home)) + [data_home / "applications" / f"{APP_ID}.desktop"]
    done = DesktopFiles()
    for path in paths:
        if path.exists():
            path.unlink()
            done.files.append(path)
    if done.files:
        done.refreshed = _refresh_caches(data_home)
    return done
