"""The preset lessons shipped in ``presets/``: list them, open one as an untitled copy.

A preset is an ordinary project file (``presets/NAME.kpg``) made by
``presets/build_presets.py``; its thumbnail is ``presets/thumbnails/NAME.png``. Opening a
preset returns a fresh :class:`Project` read from the file: the caller shows it as a new,
untitled document, so saving never writes into ``presets/`` or over the user's files.

Command line: ``python -m playground presets`` lists name and one-line description.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from playground.errors import ProjectFileError
from playground.files.project import SUFFIX, Project, load_project
from playground.i18n import _
from playground.resources import bundled_presets_dir

ENV_VAR = "PLAYGROUND_PRESETS_DIR"   # another folder of presets (e.g. a course's own)


def presets_dir() -> Path:
    """The override folder, else the copy a wheel or bundle carries inside the package
    (``playground/resources/presets``), else the checkout's ``presets/``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return bundled_presets_dir()


@dataclass(frozen=True)
class PresetInfo:
    name: str
    path: Path
    title: str
    description: str
    lesson: str
    dataset: str
    thumbnail: Path | None
    order: int


def _info(path: Path) -> PresetInfo:
    project = load_project(path)
    preset = project.extras.get("preset", {}) if isinstance(project.extras, dict) else {}
    thumbnail = path.parent / "thumbnails" / f"{path.stem}.png"
    order = preset.get("order", 1000) if isinstance(preset, dict) else 1000
    return PresetInfo(path.stem, path, project.title or path.stem.replace("_", " ").title(),
                      project.description, project.lesson,
                      str(project.dataset.get("name", "")),
                      thumbnail if thumbnail.is_file() else None,
                      order if isinstance(order, int) else 1000)


def list_presets(folder: Path | None = None) -> list[PresetInfo]:
    """Every preset in ``folder`` (default: the app's presets), in lesson order.

    A broken preset file raises ProjectFileError naming it: a shipped preset that does not
    open is a bug to see, not to hide.
    """
    folder = folder or presets_dir()
    if not folder.is_dir():
        raise ProjectFileError((_("The presets folder {folder} does not exist. Reinstall the app, or set "
                                  "{ENV_VAR} to a folder of .kpg files.")
                                  .format(folder=folder, ENV_VAR=ENV_VAR)))
    infos = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            infos.append(_info(path))
        except ProjectFileError as exc:
            raise ProjectFileError((_("Preset {name} cannot be opened: {exc}")
                                      .format(name=path.name, exc=exc))) from exc
    return sorted(infos, key=lambda i: (i.order, i.name))


def find_preset(name: str) -> PresetInfo:
    presets = list_presets()
    for info in presets:
        if info.name == name or info.path.name == name:
            return info
    raise ProjectFileError((_("There is no preset named {name!r}. Presets: {value}.")
                              .format(name=name, value=', '.join(p.name for p in presets))))


def open_preset(name: str) -> Project:
    """A new project read from the preset file; save it elsewhere (it has no path)."""
    return load_project(find_preset(name).path)
