"""What is untranslated, and which translations lost a placeholder: the checks behind
tests/test_translations.py and ``scripts/update_translations.sh --check``.

Both mechanisms are checked against texts extracted *fresh* from the sources, so a text
added since the translation files were last updated counts as untranslated:

- ui/: pyside6-lupdate merges the sources into a temporary copy of the ``.ts`` file;
- core: Babel extracts ``_()``/``ngettext``/``N_`` texts and they are looked up in the ``.po``.

Run ``python -m tests.i18n_check`` for a report (exit status 1 when something is missing).
"""
from __future__ import annotations

import re
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh_CN",)
TS_TEMPLATE = "ui/i18n/keras_playground_{lang}.ts"
PO_TEMPLATE = "playground/locale/{lang}/LC_MESSAGES/playground.po"
QT_PLACEHOLDER = re.compile(r"%L?\d|%n")
# printf conversions as Python writes them (%s, %d, %(name)s, %.2f); "50% in" is not one.
PRINTF_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0+]*\d*(?:\.\d+)?[sdifgrxe]")


@dataclass(frozen=True)
class Problem:
    where: str     # "ui zh_CN" / "core zh_CN"
    source: str
    issue: str

    def __str__(self) -> str:
        source = self.source if len(self.source) < 90 else self.source[:87] + "..."
        return f"[{self.where}] {self.issue}: {source!r}"


def format_fields(text: str) -> list[str]:
    """The ``{name}`` fields of a str.format template, as written ("{count:,}" -> 'count:,')."""
    fields = []
    try:
        for _literal, name, spec, conversion in string.Formatter().parse(text):
            if name is not None:
                fields.append(name + (f"!{conversion}" if conversion else "")
                              + (f":{spec}" if spec else ""))
    except ValueError:
        fields.append("<unbalanced braces>")
    return sorted(fields)


def placeholders(text: str, qt: bool) -> list[str]:
    """Every placeholder a translation must keep: Qt's %1 and %n (ui), or str.format's
    {name} and printf's %s (core)."""
    if qt:  # a few ui texts are filled with str.format ({0}) after translation
        return sorted(QT_PLACEHOLDER.findall(text)) + format_fields(text)
    return sorted(PRINTF_PLACEHOLDER.findall(text.replace("%%", ""))) + format_fields(text)


def _lupdate() -> str:
    for candidate in (Path(sys.executable).with_name("pyside6-lupdate"),):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        raise RuntimeError("pyside6-lupdate is not installed (it comes with PySide6)")
    return found


def fresh_ts(lang: str, folder: Path) -> Path:
    """A copy of the committed .ts file merged with the texts in the sources now."""
    committed = ROOT / TS_TEMPLATE.format(lang=lang)
    copy = folder / committed.name
    if committed.exists():
        shutil.copy(committed, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py")) + [str(ROOT / "main.py")]
    subprocess.run([_lupdate(), "-silent", "-locations", "none", "-no-obsolete", *sources,
                    "-ts", str(copy)], check=True, capture_output=True, timeout=120)
    return copy


def ts_problems(lang: str) -> list[Problem]:
    where = f"ui {lang}"
    with tempfile.TemporaryDirectory() as tmp:
        root = ET.parse(fresh_ts(lang, Path(tmp))).getroot()
    problems = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        kind = translation.get("type", "") if translation is not None else "unfinished"
        if kind in ("obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] \
            if translation is not None and message.get("numerus") == "yes" \
            else [translation.text or "" if translation is not None else ""]
        if kind == "unfinished" or not all(f.strip() for f in forms):
            problems.append(Problem(where, source, "not translated"))
            continue
        for form in forms:
            if placeholders(form, qt=True) != placeholders(source, qt=True):
                problems.append(Problem(where, source, f"placeholders differ in {form!r}"))
    return problems


def fresh_core_messages() -> dict[str, tuple[str, ...]]:
    """msgid -> its plural form(s), extracted now from the core's sources and the presets."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    keywords = dict(DEFAULT_KEYWORDS, N_=None)
    method_map = [("playground/**.py", "python"), ("presets/build_presets.py", "python")]
    found: dict[str, tuple[str, ...]] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map=method_map, keywords=keywords):
        texts = message if isinstance(message, tuple) else (message,)
        if texts[0]:
            found[texts[0]] = tuple(texts)
    return found


def po_problems(lang: str) -> list[Problem]:
    from babel.messages.pofile import read_po

    where = f"core {lang}"
    path = ROOT / PO_TEMPLATE.format(lang=lang)
    if not path.exists():
        return [Problem(where, str(path), "catalog missing")]
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    problems = []
    for msgid, forms in fresh_core_messages().items():
        key = forms if len(forms) > 1 else msgid
        entry = catalog.get(key if isinstance(key, str) else key[0])
        translations = () if entry is None else (
            entry.string if isinstance(entry.string, tuple) else (entry.string,))
        if entry is None or entry.fuzzy or not all(t and t.strip() for t in translations):
            problems.append(Problem(where, msgid, "not translated"))
            continue
        for text in translations:
            if placeholders(text, qt=False) != placeholders(forms[-1], qt=False):
                problems.append(Problem(where, msgid, f"placeholders differ in {text!r}"))
    return problems


def all_problems() -> list[Problem]:
    return [p for lang in LANGUAGES for p in ts_problems(lang) + po_problems(lang)]


if __name__ == "__main__":
    found = all_problems()
    for problem in found:
        print(problem)
    print(f"{len(found)} translation problem(s)" if found else "All texts are translated.")
    sys.exit(1 if found else 0)
