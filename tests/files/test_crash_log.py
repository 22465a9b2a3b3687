"""The error log when the data folder cannot be written (a home without write access) and
the temp folder's log folder belongs to someone else: the app logs where it can, never
prints a logging traceback."""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from playground.files import crash_log as errorlog


def _user() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else "user"


def test_an_unwritable_data_folder_logs_to_a_per_user_temp_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    blocker = tmp_path / "home-file"
    blocker.write_text("not a folder", encoding="utf-8")
    try:
        path = errorlog.setup_logging(blocker / "logs")
        assert path == tmp_path / "tmp" / f"keras-playground-logs-{_user()}" / "playground.log"
        errorlog.logger().warning("kept in the temp folder")
        for handler in errorlog.logger().handlers:
            handler.flush()
        assert "kept in the temp folder" in path.read_text(encoding="utf-8")
    finally:
        errorlog.close_logging()


def test_a_taken_temp_name_gives_a_fresh_private_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    # Another user's leftover in a shared /tmp is modelled by a file in the way.
    taken = tmp_path / "tmp" / f"keras-playground-logs-{_user()}"
    taken.write_text("x", encoding="utf-8")
    blocker = tmp_path / "home-file"
    blocker.write_text("not a folder", encoding="utf-8")
    try:
        path = errorlog.setup_logging(blocker / "logs")
        assert path.parent.parent == tmp_path / "tmp" and path.parent != taken
        assert path.is_file() and taken.read_text(encoding="utf-8") == "x"
    finally:
        errorlog.close_logging()


def test_no_writable_place_means_no_log_file_and_no_logging_traceback(tmp_path, monkeypatch,
                                                                      capsys):
    # A temp folder that is not a folder: neither the data folder nor any temp one works.
    (tmp_path / "tmp").write_text("x", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    blocker = tmp_path / "home-file"
    blocker.write_text("not a folder", encoding="utf-8")
    try:
        path = errorlog.setup_logging(blocker / "logs")
        assert path == blocker / "logs" / "playground.log" and not path.exists()
        assert not [h for h in errorlog.logger().handlers
                    if isinstance(h, logging.FileHandler)]
        errorlog.logger().error("nowhere to write this")
    finally:
        errorlog.close_logging()
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
