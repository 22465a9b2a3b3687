"""What `keras-playground` says instead of opening a window it cannot open, and the
arguments of the window: --version, usage errors (never a window)."""
from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

import playground
from playground.desktop import startup
from ui.launcher import main

ROOT = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's display")


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def _env_without_display(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), PLAYGROUND_CONFIG_DIR=str(tmp_path / "data"),
               KERAS_PLAYGROUND_LANG="en")
    return env


@linux_only
def test_no_display_is_said_plainly_instead_of_qts_abort(tmp_path):
    done = _run([], _env_without_display(tmp_path))
    assert done.returncode == 2
    assert "There is no display to open the window on" in done.stderr
    assert "keras-playground --help" in done.stderr
    assert "Qt platform plugin" not in done.stderr and "Traceback" not in done.stderr


def test_version_and_unknown_options_never_open_a_window(tmp_path, capsys):
    # Without a display: a window would have said "no display" (exit 2) instead.
    done = _run(["--version"], _env_without_display(tmp_path))
    assert done.returncode == 0 and done.stdout.strip() == f"keras-playground {playground.__version__}"
    with pytest.raises(SystemExit) as exit_info:
        main(["--frobnicate"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "usage: keras-playground" in err and "unrecognized arguments: --frobnicate" in err


def test_commands_still_run_from_the_same_program(capsys):
    assert main(["presets"]) == 0
    assert "xor" in capsys.readouterr().out


@linux_only
def test_a_missing_library_is_named_with_its_package(monkeypatch, capsys):
    """A library the real loader cannot find (a made-up name added to the table) is listed
    before Qt starts, with the Debian package to install; present ones are not."""
    monkeypatch.setitem(startup.QT_LIBRARIES, "libkp-missing-for-test.so.7", "libkp-missing7")
    monkeypatch.setenv("DISPLAY", ":98")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "the system library libkp-missing-for-test.so.7 is missing" in err
    assert "sudo apt install libkp-missing7" in err
    present = [name for name in startup.QT_LIBRARIES if name != "libkp-missing-for-test.so.7"]
    for name in present:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        assert name not in err


def test_a_loader_error_names_the_library_and_package():
    with pytest.raises(OSError) as error:
        ctypes.CDLL("libxcb-cursor-kp-test.so.0")
    assert startup.library_from_error(error.value) == "libxcb-cursor-kp-test.so.0"
    real = "libEGL.so.1: cannot open shared object file: No such file or directory"
    message = startup.missing_library_message([startup.library_from_error(real)])
    assert "libEGL.so.1 is missing" in message and "sudo apt install libegl1" in message


def test_an_unwritable_data_folder_is_warned_about(tmp_path):
    blocker = tmp_path / "home-file"
    blocker.write_text("x", encoding="utf-8")
    message = startup.unwritable_data_message(blocker / "keras-playground")
    assert message is not None and str(blocker / "keras-playground") in message
    assert "PLAYGROUND_CONFIG_DIR" in message
    assert startup.unwritable_data_message(tmp_path / "fine") is None
    assert (tmp_path / "fine").is_dir() and not list((tmp_path / "fine").iterdir())
