"""Training ▸ Run on several machines…: the dialog writes the kit or says what is wrong."""
from __future__ import annotations

import pytest

from tests.training.helpers import xor_project
from ui.training.launch_kit_dialog import LaunchKitDialog

pytestmark = pytest.mark.gui


def test_dialog_writes_the_kit_and_shows_each_machines_command(qtbot, tmp_path):
    dialog = LaunchKitDialog(xor_project(), "xor")
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "kit"))
    dialog.workers.setText("pc1:4000")
    assert not dialog.write_kit()
    assert "at least two machines" in dialog.message.text()
    dialog.workers.setText("pc1:4000, pc2:4000,")   # spaces and a trailing comma are fine
    assert dialog.write_kit()
    assert (tmp_path / "kit" / "run-worker-1.sh").exists()
    assert "# pc2:4000\n" in dialog.commands.toPlainText()   # the address as parsed
    assert "--index 1" in dialog.commands.toPlainText()


def test_training_menu_offers_the_launch_kit(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Training" in titles and titles.index("&Training") < titles.index("&Help")
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Training")
    # Train/Pause/Stop/Reset first, then (after a separator) the launch kit, last.
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[-1] == "Run on several machines…" and texts.count("Run on several machines…") == 1
