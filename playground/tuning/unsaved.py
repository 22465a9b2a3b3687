"""The study of a project that was never saved: kept next to its autosave (recovery) file,
and moved next to the project when it is first saved, where ``default_storage_url`` looks
(issue 23: the Tune panel refused to start until the project was saved)."""
from __future__ import annotations

import shutil
from pathlib import Path

from playground.errors import TuningError
from playground.i18n import _
from playground.tuning.study import STUDY_SUFFIX, default_storage_url
from playground.tuning.storage import sqlite_path


def unsaved_study_file(recovery_file: str | Path) -> Path:
    """``<recovery id>.optuna.db`` beside the autosave copy ``<recovery id>.kpg``."""
    path = Path(recovery_file)
    return path.with_name(path.stem + STUDY_SUFFIX)


def study_url(project_path: str | Path | None, unsaved_file: str | Path | None) -> str:
    """Where the search is kept by default: next to the project, or, while it has never
    been saved, next to its autosave copy."""
    if project_path is None and unsaved_file is not None:
        return f"sqlite:///{Path(unsaved_file).resolve()}"
    return default_storage_url(project_path)


def move_unsaved_study(unsaved_file: str | Path, project_path: str | Path) -> Path | None:
    """Move the unsaved project's study to where the saved project keeps it. Returns the
    new file, or None when there was none to move. A study already there is kept and the
    unsaved one left where it is (TuningError says so): nothing is overwritten."""
    source = Path(unsaved_file)
    if not source.is_file():
        return None
    target = sqlite_path(default_storage_url(project_path))
    if target is None:   # never: default_storage_url names a SQLite file
        return None
    if target.exists():
        raise TuningError(_("The search of this project was kept in {source}: {target} "
                            "already exists, so it was not moved there. Set \"Kept in\" "
                            "(Tune panel) to sqlite:///{source} to go on with it.")
                          .format(source=str(source), target=str(target)))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(source), str(target))
    return target
