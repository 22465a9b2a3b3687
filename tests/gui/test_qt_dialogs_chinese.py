"""Issue 23: Qt's own file dialog speaks Chinese fully ("Look in:", "Files of type:" and
"Folder" stayed English: the qtbase .qm shipped with PySide6 lacks Qt 6's texts)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def test_qt_file_dialog_has_no_english_in_chinese():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "tests.gui.qt_dialog_texts", "zh_CN"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    texts = [t for t in shown["texts"] if not t.startswith("/")]   # the folder's path
    assert len(texts) > 15 and "文件夹" in texts
    english = sorted({t for t in texts if re.search(r"[A-Za-z]{2,}", t)
                      and not re.fullmatch(r"[^A-Za-z]*\(&[A-Z]\)[^A-Za-z]*", t)})
    # File types are named by the system's MIME database (e.g. "kpg File"), not by Qt.
    assert [t for t in english if not re.search(r"\b[Ff]ile\b|\*", t)] == []
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in shown["own"])
