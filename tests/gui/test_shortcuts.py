"""Issue 23: every keyboard shortcut does one thing (Ctrl+L was bound to Open Lesson and
Arrange Automatically, so Qt ignored it as "ambiguous"), in every language; the Training
menu has Train, Pause, Stop and Reset weights with their keys."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def shortcut_map(language: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "tests.gui.shortcut_map", language],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_shortcut_is_bound_twice(language):
    found = shortcut_map(language)
    actions_by_key: dict[str, set[str]] = defaultdict(set)
    for key, text, _name in found["shortcuts"]:
        actions_by_key[key].add(text)
    ambiguous = {key: texts for key, texts in actions_by_key.items() if len(texts) > 1}
    assert ambiguous == {}
    # The menu bar's Alt+letter keys are unique too.
    letters = [m.group(1).lower() for text in found["menus"]
               if (m := re.search(r"&(\w)", text))]
    assert len(letters) == len(set(letters)), found["menus"]
    names = {key: name for key, _text, name in found["shortcuts"]}
    assert names["Ctrl+L"] == "open_lesson_action"
    assert [names.get(k) for k in ("F5", "F6", "Shift+F5", "Ctrl+Shift+R")] == [
        "training_train_action", "training_pause_action", "training_stop_action",
        "training_reset_action"]
