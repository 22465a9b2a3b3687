"""Readable at 1366×768 (issue 23): every field of every catalog layer's inspector form and
every training setting, their "search this" ranges open, is shown whole without sideways
scrolling, at 1366×768 and 1920×1080, in English and 简体中文; Train/Pause/Stop/Reset stay
outside the scrolling settings. Each language runs in its own process (see fields_fit)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_field_fits_its_panel(language):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "tests.gui.fields_fit", language],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["layers"] >= 40   # the catalog's layers were all looked at
    assert report["problems"] == []
