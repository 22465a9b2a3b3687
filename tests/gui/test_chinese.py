"""The app started in Simplified Chinese shows no English, except the names Keras gives
things (layer types, parameter names and values), product and file-format names."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from playground.network.catalog import LAYER_SPECS
from playground.network.pretrained import PRETRAINED_SPECS
from playground.training.settings import LOSSES, METRICS, OPTIMIZERS
from playground.tuning.study import OBJECTIVES

ROOT = Path(__file__).resolve().parents[2]

# Names kept as they are in every language (see docs/glossary_zh_CN.md): products, file
# formats, devices, the language menu's own "English", Keras's log keys (the early-stopping
# monitor, the search objective) and names taken from Keras code; "search" is the default
# study name, a value stored with the search (renaming it would open another study).
KEPT_NAMES = {
    "Keras", "Playground", "keras", "TensorFlow", "Python", "py", "CSV", "MNIST", "PNG", "SVG", "JSON",
    "LiteRT", "Lite", "tflite", "SavedModel", "ONNX", "onnx", "TensorBoard", "SQLite", "URL",
    "search",
    "GPU", "CPU", "XOR", "ReLU", "Adam", "SGD", "Transformer", "English",
    "loss", "val_loss", "val_accuracy", "id", "key", "query", "value", "target", "x1", "x2",
}


def keras_names() -> set[str]:
    names = set(KEPT_NAMES) | set(OPTIMIZERS) | set(LOSSES) | set(METRICS) | set(OBJECTIVES)
    for spec in (*LAYER_SPECS, *PRETRAINED_SPECS):   # Keras class names, kept as they are
        names.add(spec.type_name)
        names.add(spec.keras_class.rpartition(".")[2])
        for param in spec.params:
            names.add(param.name)
            names.update(str(c) for c in param.choices)
    return names


def english_words(texts: list[str], allowed: set[str]) -> dict[str, str]:
    """Each word of Latin letters that is not an allowed name -> a text it appears in.
    Single letters are formula symbols (F = 1.8 × C + 32) and menu accelerators; an example
    address (postgresql://user@host/db) is not a sentence."""
    found = {}
    for text in texts:
        for word in re.findall(r"[A-Za-z][A-Za-z0-9_]+", re.sub(r"\w+://\S*", " ", text)):
            if word not in allowed:
                found.setdefault(word, text)
    return found


def window_texts(language: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "tests.gui.visible_texts", language],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.gui
def test_main_window_in_chinese_shows_no_english_words():
    texts = window_texts("zh_CN")
    assert len(texts) > 100  # menus, panels, palette, settings: the window really filled
    assert any("训练" in t for t in texts) and any("数据集" in t for t in texts)
    assert english_words(texts, keras_names()) == {}


@pytest.mark.gui
def test_the_check_sees_english_when_the_app_is_in_english():
    """The same check fails on the English window: it can tell the languages apart."""
    found = english_words(window_texts("en"), keras_names())
    assert {"File", "Training", "Dataset"} <= set(found)


@pytest.mark.gui
def test_qt_dialog_buttons_and_context_free_texts_are_translated(qapp):
    """Qt's own texts come from qtbase_zh_CN; texts lupdate filed without a context (module
    tr helpers) are found; a text of neither stays as it is (not blanked)."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from playground import i18n
    from ui.language import install_translations

    previous_language, previous_locale = i18n.language(), QLocale()
    installed = install_translations(qapp, "zh_CN")
    try:
        assert len(installed) == 2
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("MainWindow", "&Settings") == "设置(&S)"
        assert QCoreApplication.translate("commands", "Connect layers") == "连接层"
        assert QCoreApplication.translate("MainWindow", "no such text") == "no such text"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.set_language(previous_language)
        QLocale.setDefault(previous_locale)
