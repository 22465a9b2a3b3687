"""Compile the translations when the app is built (wheel, bundle), not at first start.

- the core's gettext catalogs, ``playground/locale/<lang>/LC_MESSAGES/*.po`` -> ``.mo``,
  with Babel (as ``playground.i18n.compile_catalog`` does; fuzzy entries left out);
- the ui's Qt Linguist files, ``ui/i18n/*.ts`` -> ``.qm``, with ``pyside6-lrelease``.

Standalone (no import of the app: setup.py runs it inside the build backend)::

    python packaging/build_translations.py [OUTPUT_ROOT]

writes the compiled files beside their sources, or under OUTPUT_ROOT at the same relative
paths (setup.py's build step passes its build folder). A missing tool is an error when
``KP_REQUIRE_TRANSLATIONS=1`` (the bundle script), a warning otherwise.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class TranslationBuildError(RuntimeError):
    pass


def compile_po(po: Path, mo: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    language = po.parent.parent.name
    with po.open("rb") as source:
        catalog = read_po(source, locale=language, domain=po.stem)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    mo.parent.mkdir(parents=True, exist_ok=True)
    mo.write_bytes(buffer.getvalue())


def lrelease() -> str | None:
    """pyside6-lrelease next to this Python, on the PATH, or inside the PySide6 package."""
    candidates = [Path(sys.executable).with_name("pyside6-lrelease")]
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).parent / "lrelease")
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease")


def compile_ts(ts: Path, qm: Path, tool: str) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True,
                   capture_output=True, timeout=120)


def build(output_root: Path | None = None, root: Path = ROOT) -> list[Path]:
    """Compile every catalog; returns the files written (relative to the output root)."""
    out = output_root or root
    written: list[Path] = []
    for po in sorted((root / "playground" / "locale").glob("*/LC_MESSAGES/*.po")):
        rel = po.relative_to(root).with_suffix(".mo")
        compile_po(po, out / rel)
        written.append(rel)
    tool = lrelease()
    ts_files = sorted((root / "ui" / "i18n").glob("*.ts"))
    if ts_files and tool is None:
        message = ("pyside6-lrelease was not found: the window's Chinese translation is not "
                   "compiled. Install PySide6 (pip install pyside6-essentials) before building.")
        if os.environ.get("KP_REQUIRE_TRANSLATIONS") == "1":
            raise TranslationBuildError(message)
        print(f"warning: {message}", file=sys.stderr)
        return written
    for ts in ts_files:
        rel = ts.relative_to(root).with_suffix(".qm")
        compile_ts(ts, out / rel, tool)
        written.append(rel)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else None
    for path in build(target):
        print(path)
