"""Shared fixtures. GUI tests run offscreen; no test may leave a thread running."""
from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# Messages are asserted in English whatever the machine's locale (tests that need Chinese
# choose it themselves).
os.environ.setdefault("KERAS_PLAYGROUND_LANG", "en")
# Recovery files and the error log go to a throwaway folder, never the user's own.
if "PLAYGROUND_CONFIG_DIR" not in os.environ:
    os.environ["PLAYGROUND_CONFIG_DIR"] = tempfile.mkdtemp(prefix="kp-test-data-")
    atexit.register(shutil.rmtree, os.environ["PLAYGROUND_CONFIG_DIR"], ignore_errors=True)

# Property tests replay the same generated inputs every run (a CI result must not depend on
# luck); HYPOTHESIS_PROFILE=explore (or the long fuzz run) draws fresh random ones.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("repeatable", derandomize=True, deadline=None)
_hypothesis_settings.register_profile("explore", derandomize=False, deadline=None)
_hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _no_leftover_threads():
    """Fail a test that leaves a Python thread running (as napari's fixture does)."""
    before = set(threading.enumerate())
    yield
    leftover = [t for t in threading.enumerate()
                if t not in before and t.is_alive() and not t.daemon]
    for t in leftover:
        t.join(timeout=5)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"test left threads running: {still}"
    # Background jobs run on Qt pool threads, which Python's list does not show as running
    # work: no runner may still have a job running or waiting once the test is over.
    background = sys.modules.get("ui.background")
    if background is not None:
        busy = [r.name for r in background.running_runners() if not r.wait(5)]
        assert not busy, f"test left background jobs running: {busy}"


@pytest.fixture
def mnist_dir() -> Path:
    """Folder holding the real mnist.npz (../shared/data), used via PLAYGROUND_DATA_DIR."""
    if not (SHARED_DATA / "mnist.npz").exists():
        pytest.fail(f"MNIST test data missing at {SHARED_DATA}/mnist.npz")
    return SHARED_DATA

