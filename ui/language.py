"""The app's language: the user's choice (Settings ▸ Language, saved in QSettings), else the
system locale's; applied once at start-up to both translation mechanisms:

- Qt translators for ``ui/``: our ``ui/i18n/keras_playground_<lang>.qm`` (compiled from the
  ``.ts`` file in the repository by ``pyside6-lrelease``, here when missing or stale) and
  Qt's own ``qtbase_<lang>.qm`` shipped with PySide6 (file dialogs, standard buttons);
- the core's gettext catalog (:mod:`playground.i18n`), which must be set before the layer
  catalog and the datasets are imported, because their texts are translated at import.

A new choice applies at the next start (the core's texts are made once).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from playground.i18n import LANGUAGE_ENV, LANGUAGES, normalize_language, set_language

# QSettings' names of the app (ui/app.py gives the application the same ones).
ORGANIZATION = "KerasPlayground"
APPLICATION = "Keras Playground"
SETTINGS_KEY = "ui/language"
TS_DIR = Path(__file__).resolve().parent / "i18n"
TS_BASENAME = "keras_playground"


def chosen_language(settings: QSettings) -> str:
    """The language to start in: ``KERAS_PLAYGROUND_LANG`` (screenshots, tests), else the
    saved choice, else the system locale's (first start)."""
    override = os.environ.get(LANGUAGE_ENV, "")
    if override:
        return normalize_language(override)
    saved = str(settings.value(SETTINGS_KEY, "") or "")
    if saved in LANGUAGES:
        return saved
    return normalize_language(QLocale.system().name())


def apply_language_choice(settings: QSettings | None = None) -> str:
    """Set the core's language to the chosen one; returns it. Call before the layer
    catalog or the datasets are imported (``ui.launcher`` does, first thing)."""
    return set_language(chosen_language(settings or QSettings(ORGANIZATION, APPLICATION)))


def ts_path(language: str) -> Path:
    return TS_DIR / f"{TS_BASENAME}_{language}.ts"


def _lrelease() -> str | None:
    """PySide6's lrelease: the pyside6-lrelease wrapper next to this Python, on the PATH, or
    the binary inside the PySide6 package."""
    import PySide6

    for candidate in (Path(sys.executable).with_name("pyside6-lrelease"),
                      Path(PySide6.__file__).parent / "lrelease"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease")


def compiled_qm(language: str) -> Path | None:
    """``ui/i18n/keras_playground_<language>.qm``, compiled from its ``.ts`` when missing or
    older; None when there is no ``.ts`` or it cannot be compiled (English is shown)."""
    ts = ts_path(language)
    qm = ts.with_suffix(".qm")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    tool = _lrelease()
    if not ts.exists() or tool is None:
        return qm if qm.exists() else None
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True,
                       capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return qm if qm.exists() else None
    return qm


class ContextFallbackTranslator(QTranslator):
    """Our .qm, looked up in the caller's context and then without one: lupdate files texts
    passed to a module's own ``tr()`` helper (``ui/commands.py``, ``ui/crash.py``...) or to
    a borrowed ``scene.tr`` under no context, while Qt asks with the helper's context."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        text = super().translate(context, source, disambiguation, n)
        if not text and context:
            text = super().translate("", source, disambiguation, n)
        # None (a null QString) lets Qt ask the next translator (qtbase for Qt's own
        # buttons); an empty string would be taken as the translation.
        return text or None


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Translate the app into ``language`` ('en' or 'zh_CN'): the core's catalog and the
    Qt translators. Returns the translators installed (kept alive by ``app``)."""
    language = set_language(language)
    if language == "en":
        return []
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    qm = compiled_qm(language)
    # Ours also carries Qt's texts the shipped qtbase .qm lacks (ui.qt_texts.QT_OWN_TEXTS).
    ours = ContextFallbackTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


class LanguageMenu(QMenu):
    """Settings ▸ Language: one checkable entry per language, each in its own language.
    Choosing one saves it; ``notify`` tells the user it applies at the next start."""

    def __init__(self, settings: QSettings, current: str, notify: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("language_menu")
        self._settings = settings
        self._current = current
        self._notify = notify
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            action.triggered.connect(lambda _c=False, code=code: self.choose(code))
            group.addAction(action)

    def choose(self, code: str) -> None:
        self._settings.setValue(SETTINGS_KEY, code)
        if code == self._current:
            self._notify(self.tr("The app is already in this language."))
        else:
            self._notify(self.tr("The language changes when you restart Keras Playground."))
