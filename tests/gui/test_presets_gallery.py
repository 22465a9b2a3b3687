"""The lessons gallery: thumbnails and texts, and opening a preset as an untitled copy."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from playground.files.lessons import find_preset, list_presets
from ui.presets_gallery import PresetsGallery

pytestmark = pytest.mark.gui


def test_gallery_shows_every_preset_with_thumbnail_title_and_description(qtbot):
    gallery = PresetsGallery()
    qtbot.addWidget(gallery)
    presets = list_presets()
    assert gallery.list.count() == len(presets) >= 10
    for i, info in enumerate(presets):
        item = gallery.list.item(i)
        assert item.text().startswith(info.title) and info.description in item.text()
        assert not item.icon().isNull()
    gallery.select("celsius")
    assert "1.8" in gallery.lesson.toPlainText()
    assert "Celsius" in gallery.title.text()


def test_open_emits_the_chosen_name(qtbot):
    gallery = PresetsGallery()
    qtbot.addWidget(gallery)
    gallery.select("spiral")
    with qtbot.waitSignal(gallery.presetChosen) as blocker:
        gallery.buttons.button(gallery.buttons.StandardButton.Open).click()
    assert blocker.args == ["spiral"]


def test_opening_a_preset_makes_an_untitled_project(window, qtbot, tmp_path):
    info = find_preset("xor")
    before = info.path.read_bytes()
    window.document.set_modified(False)
    with qtbot.waitSignal(window.panels.dataset.datasetLoaded, timeout=10_000):
        assert window.panels.lessons.open("xor")
    doc = window.document
    assert doc.path is None and not doc.modified
    assert doc.project.title == "XOR" and len(doc.graph.nodes) == 3
    assert window.panels.dataset.chooser.currentData() == "xor"
    # Saving asks for a new name instead of writing over the preset
    asked = []
    window.file_actions.ask_save_path = lambda *args: asked.append(args) or \
        str(tmp_path / "mine.kpg")
    assert window.file_actions.save_()
    assert asked and (tmp_path / "mine.kpg").exists()
    assert info.path.read_bytes() == before


def test_lessons_action_is_in_the_file_menu(window):
    texts = [a.text() for a in window.file_actions.menu.actions()]
    assert any("Lesson" in t for t in texts)
    assert window.panels.lessons_action.shortcut().toString() == "Ctrl+L"


def test_item_double_click_opens(qtbot):
    gallery = PresetsGallery()
    qtbot.addWidget(gallery)
    gallery.select("perceptron")
    item = gallery.list.currentItem()
    with qtbot.waitSignal(gallery.presetChosen) as blocker:
        gallery.list.itemDoubleClicked.emit(item)
    assert blocker.args == ["perceptron"]
    assert item.data(Qt.ItemDataRole.UserRole) == "perceptron"


def test_lesson_panel_shows_the_lesson_and_keeps_notes(window, qtbot):
    panel = window.panels.lesson
    assert "No lesson" in panel.lesson.toPlainText()
    with qtbot.waitSignal(window.panels.dataset.datasetLoaded, timeout=10_000):
        assert window.panels.lessons.open("celsius")
    assert "Celsius" in panel.title.text() and "1.8" in panel.lesson.toPlainText()
    assert not window.document.modified
    panel.notes.setPlainText("my note")
    assert window.document.project.notes == "my note" and window.document.modified
