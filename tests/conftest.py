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
# A small MNIST sample committed with the tests (scripts/cut_mnist_sample.py cuts it from the
# real file): the suite needs nothing outside the repository.
MNIST_SAMPLE = ROOT / "tests" / "data" / "mnist_sample"
# A data folder set on the developer's machine must not leak into the tests.
from playground.datasets.mnist import ENV_VAR as _MNIST_ENV_VAR  # noqa: E402

os.environ.pop(_MNIST_ENV_VAR, None)


def _outside_folders() -> list[Path]:
    """Folders beside the repository (a developer's data folder, other checkouts): a fresh clone
    has none of them, so no test may read them. Skipped when the repository sits directly in
    a shared place (the temp folder, the home folder), whose siblings are everyone's files."""
    parent = ROOT.parent
    if parent in {Path(tempfile.gettempdir()).resolve(), Path.home().resolve(), Path("/")}:
        return []
    return [p for p in parent.iterdir() if p.is_dir() and p != ROOT and not p.name.startswith(".venv")]


_OUTSIDE = [str(p) + os.sep for p in _outside_folders()]
_outside_reads: list[str] = []


def _audit_reads(event: str, args: tuple) -> None:
    # Every open/listdir of the process goes through here: keep it cheap.
    if event not in ("open", "os.listdir", "os.scandir") or not args:
        return
    path = args[0]
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, str):
        path = os.fspath(path) if isinstance(path, os.PathLike) else None
        if path is None:
            return
    full = os.path.abspath(path) + os.sep
    if any(full.startswith(place) for place in _OUTSIDE):
        _outside_reads.append(path)


if _OUTSIDE:
    sys.addaudithook(_audit_reads)


@pytest.fixture(autouse=True)
def _nothing_read_outside_the_repository():
    """Fail a test that reads a file beside the repository (a stranger's clone lacks it)."""
    _outside_reads.clear()
    yield
    read = sorted(set(_outside_reads))
    _outside_reads.clear()
    assert not read, f"test read files outside the repository: {read[:5]}"


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


@pytest.fixture(autouse=True)
def _private_desktop_data_folder(tmp_path_factory, monkeypatch):
    """Each test gets its own XDG data folder: the menu entry the app can install (Settings ▸
    Show in the Application Menu, which the tour test clicks too) never lands in the user's
    real ~/.local/share, and one test's entry never ticks another test's menu item."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))


@pytest.fixture
def mnist_dir() -> Path:
    """Folder holding the committed MNIST sample (2 000 + 500 digits), same format as Keras's."""
    return MNIST_SAMPLE

