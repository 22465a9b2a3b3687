"""Build step of the wheel (everything else is in pyproject.toml).

``build_py`` also puts into the package what the app needs without a checkout:

- the compiled translations, made now from the sources in the repository
  (packaging/build_translations.py: .po -> .mo with Babel, .ts -> .qm with
  pyside6-lrelease when PySide6 is installed at build time), so an install never compiles
  them at its first start (it may be read-only);
- the lessons, ``presets/*.kpg`` and ``presets/thumbnails/*.png``, copied to
  ``playground/resources/presets`` where playground.resources finds them.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "packaging"))
from build_translations import build as build_translations  # noqa: E402


class BuildWithTranslationsAndLessons(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # pip install -e: the checkout's own files are used
            return
        out = Path(self.build_lib)
        for rel in build_translations(out, root=ROOT):
            self.announce(f"compiled {rel}", level=2)
        lessons = out / "playground" / "resources" / "presets"
        (lessons / "thumbnails").mkdir(parents=True, exist_ok=True)
        for kpg in sorted((ROOT / "presets").glob("*.kpg")):
            shutil.copy2(kpg, lessons / kpg.name)
        for png in sorted((ROOT / "presets" / "thumbnails").glob("*.png")):
            shutil.copy2(png, lessons / "thumbnails" / png.name)


setup(cmdclass={"build_py": BuildWithTranslationsAndLessons})
