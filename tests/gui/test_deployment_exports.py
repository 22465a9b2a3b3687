"""File ▸ Export for other runtimes (run on a worker, the check's result in a message) and
Help ▸ TensorBoard Logs."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.export.models import PROJECTS

pytestmark = pytest.mark.gui


def test_export_menu_offers_every_format(window):
    texts = [a.text() for a in window.file_actions.menu.actions() if a.menu()
             for a in a.menu().actions()]
    for wanted in ("LiteRT / TensorFlow Lite (.tflite)…", "LiteRT, 8-bit Weights (.tflite)…",
                   "LiteRT, 16-bit Float Weights (.tflite)…",
                   "TensorFlow SavedModel (folder)…", "ONNX (.onnx)…"):
        assert wanted in texts


def test_litert_export_runs_off_the_ui_thread_and_shows_the_difference(tf_window, qtbot,
                                                                       tmp_path):
    window = tf_window
    window.document.replace_project(PROJECTS["xor"]())
    exports = window.file_actions.deployment
    asked = []
    window.file_actions.ask_save_path = lambda *args: asked.append(args) or \
        str(tmp_path / "xor")  # suffix added
    exports.tflite_int8.trigger()
    assert asked and asked[0][2].endswith("-int8.tflite")
    assert window.file_actions.is_busy()          # the export is on its worker
    qtbot.waitUntil(lambda: exports.last_box is not None, timeout=60_000)
    box = exports.last_box
    assert box.isVisible() and not box.isModal()  # the app stays usable
    text = box.text()
    assert box.icon() == QMessageBox.Icon.Information
    assert str(tmp_path / "xor.tflite") in text
    assert "largest difference from the Keras model's outputs is" in text
    assert "test examples of 'XOR'" in text and "8-bit integers" in text
    assert "xor.labels.txt" in text
    assert not window.file_actions.is_busy()
    box.close()


def test_tensorboard_help_shows_the_folder_and_copies_the_command(window, tmp_path):
    window.document.session.set_path(tmp_path / "lesson.kpg")
    help_ = window.panels.tensorboard_help
    assert help_.action in window.help_menu.actions()
    help_.action.trigger()
    box = help_.box
    expected = f"tensorboard --logdir {tmp_path / 'lesson_tensorboard'}"
    assert expected in box.text() and "There are none yet" in box.text()
    copy, = [b for b in box.buttons() if b.text() == "Copy Command"]
    copy.click()
    assert QApplication.clipboard().text() == expected
    assert box.isVisible()                       # copying keeps the message open
    box.close()
