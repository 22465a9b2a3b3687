"""Translations of the core's own texts (no Qt): GNU gettext catalogs made with Babel.

Every sentence the core shows a person (a layer's help, a dataset's description, an error
that names the fix, a health finding, a lesson) is written in English inside ``_()`` and
looked up here in the chosen language's catalog, ``locale/<lang>/LC_MESSAGES/playground.po``.
Placeholders are named and filled *after* translation, so a translation may reorder them::

    _("{layer} needs {count} inputs").format(layer=name, count=n)

The compiled ``.mo`` file is built by ``scripts/setup.sh`` (:func:`compile_all`); when it is
missing or older than its ``.po`` (a checkout, an edited catalog) it is compiled here, in
memory, with Babel, and written beside the ``.po`` when that folder is writable.

The language is read once from the environment (``KERAS_PLAYGROUND_LANG``, then the usual
``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG``); the app calls :func:`set_language` with the
user's choice before it imports the rest of the core. Texts defined at import time (the
layer catalog, the datasets) are translated then, so a new choice applies after a restart.
"""
from __future__ import annotations

import gettext
import io
import logging
import os
from pathlib import Path
from typing import Mapping

DOMAIN = "playground"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# Language code -> its name written in that language (what the Language menu shows).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"
LANGUAGE_ENV = "KERAS_PLAYGROUND_LANG"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def normalize_language(code: str | None) -> str:
    """One of :data:`LANGUAGES` for a locale name such as 'zh_CN.UTF-8', 'zh-Hans', 'en_US'.

    Every Chinese locale gets Simplified Chinese (the only Chinese catalog); anything
    else, or nothing, gets English.
    """
    text = (code or "").strip().replace("-", "_").lower()
    return "zh_CN" if text.startswith("zh") else DEFAULT_LANGUAGE


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: our own override first, then the first of
    gettext's variables that is set (as ``gettext.find`` reads them)."""
    env = os.environ if environ is None else environ
    for key in (LANGUAGE_ENV, "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return normalize_language(value.split(":")[0])
    return DEFAULT_LANGUAGE


def catalog_paths(language: str) -> tuple[Path, Path]:
    """(the .po source, the compiled .mo) of ``language``."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def compile_catalog(language: str) -> bytes:
    """The compiled (.mo) form of ``language``'s .po catalog, made with Babel; also written
    to disk when the folder allows it. Fuzzy (unchecked) entries are left out, as
    ``pybabel compile`` does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po_path, mo_path = catalog_paths(language)
    with po_path.open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    data = buffer.getvalue()
    try:
        tmp = mo_path.with_suffix(".mo.tmp")
        tmp.write_bytes(data)
        tmp.replace(mo_path)
    except OSError as exc:  # a read-only install: the in-memory catalog serves this run
        logging.getLogger(__name__).info("compiled catalog not cached at %s: %s", mo_path, exc)
    return data


def compile_all() -> list[str]:
    """Compile every language's catalog (scripts/setup.sh); returns the languages."""
    done = [language for language in LANGUAGES
            if language != DEFAULT_LANGUAGE and catalog_paths(language)[0].exists()]
    for language in done:
        compile_catalog(language)
    return done


def load_translations(language: str) -> gettext.NullTranslations:
    """The catalog of ``language`` (English needs none: the sources are English)."""
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    po_path, mo_path = catalog_paths(language)
    if mo_path.exists() and (not po_path.exists()
                             or mo_path.stat().st_mtime >= po_path.stat().st_mtime):
        data = mo_path.read_bytes()
    elif po_path.exists():
        data = compile_catalog(language)
    else:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(data))


def set_language(code: str) -> str:
    """Use ``code`` ('zh_CN', 'en', or any locale name) from now on; returns the language
    chosen. Texts already made (the catalog, built at import) keep their language."""
    global _translations, _language
    language = normalize_language(code)
    _translations = load_translations(language)
    _language = language
    return language


def language() -> str:
    """The language texts are translated into now ('en' or 'zh_CN')."""
    return _language


def _(message: str) -> str:
    """``message`` in the current language (itself when there is no translation)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language (Chinese has one)."""
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now: for texts stored in
    files (lesson titles and texts), translated with ``_()`` where they are shown."""
    return message


set_language(system_language())
