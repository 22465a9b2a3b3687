"""Issue 23: no symbol the app shows needs a font the setup does not install (🔒 and ⛔
were boxes). The setup guarantees Noto Sans CJK (scripts/setup.sh); every non-ASCII
character in the app's texts must be one it draws."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
FONT = "Noto Sans CJK SC"


def is_han(char: str) -> bool:
    """Chinese characters: drawn by whichever CJK face Qt picks (the language test shows
    them); the symbols are what a font may lack."""
    return 0x3400 <= ord(char) <= 0x9FFF


def text_characters() -> dict[str, str]:
    """Each non-ASCII character of the string constants in ui/ and playground/ -> a file."""
    found: dict[str, str] = {}
    for folder in ("ui", "playground"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    for char in node.value:
                        if ord(char) > 0x7F and not is_han(char):
                            found.setdefault(char, str(path.relative_to(ROOT)))
    return found


def test_every_symbol_in_the_app_texts_is_drawn_by_the_installed_font(qapp):
    if FONT not in QFontDatabase.families():
        pytest.skip(f"{FONT} is not installed (scripts/setup.sh installs it)")
    font = QRawFont.fromFont(QFont(FONT))
    missing = {f"U+{ord(c):04X} {c}": where for c, where in text_characters().items()
               if not font.supportsCharacter(c)}
    assert missing == {}
