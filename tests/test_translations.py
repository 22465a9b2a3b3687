"""Translations: every marked text has a Chinese translation that keeps its placeholders
(checked against texts extracted fresh from the sources), and the core's gettext catalog
is used as described in playground/i18n.py."""
from __future__ import annotations

import gettext

import pytest

from playground import i18n
from tests import i18n_check


def test_every_ui_text_is_translated_and_keeps_its_placeholders():
    problems = [str(p) for lang in i18n_check.LANGUAGES for p in i18n_check.ts_problems(lang)]
    assert problems == [], "run scripts/update_translations.sh, then translate:\n" + \
        "\n".join(problems)


def test_every_core_text_is_translated_and_keeps_its_placeholders():
    problems = [str(p) for lang in i18n_check.LANGUAGES for p in i18n_check.po_problems(lang)]
    assert problems == [], "run scripts/update_translations.sh, then translate:\n" + \
        "\n".join(problems)


def test_a_dropped_placeholder_is_reported():
    assert i18n_check.placeholders("{name} needs {count:,} inputs", qt=False) != \
        i18n_check.placeholders("{name} 需要输入", qt=False)
    assert i18n_check.placeholders("Saved %1", qt=True) != i18n_check.placeholders("已保存", qt=True)
    assert i18n_check.placeholders("Delete %n layer(s)", qt=True) == \
        i18n_check.placeholders("删除 %n 个层", qt=True)
    # A percentage in a sentence is not a printf placeholder.
    assert i18n_check.placeholders("reaches 58.7% in our run", qt=False) == []


@pytest.mark.parametrize("value, expected", [
    ("zh_CN.UTF-8", "zh_CN"), ("zh-Hans", "zh_CN"), ("zh_TW", "zh_CN"), ("en_US", "en"),
    ("C", "en"), ("", "en"), (None, "en"), ("de_DE", "en")])
def test_locale_names_map_to_a_language(value, expected):
    assert i18n.normalize_language(value) == expected


def test_the_environment_chooses_the_language_override_first():
    assert i18n.system_language({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert i18n.system_language({"KERAS_PLAYGROUND_LANG": "en", "LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.system_language({"LANGUAGE": "zh_CN:en", "LANG": "en_US"}) == "zh_CN"
    assert i18n.system_language({}) == "en"


@pytest.fixture
def chinese():
    previous = i18n.language()
    yield i18n.set_language("zh_CN")
    i18n.set_language(previous)


def test_a_core_message_is_translated_with_its_values_filled_in(chinese):
    from playground.errors import ParameterError
    from playground.network import catalog

    assert chinese == "zh_CN"
    with pytest.raises(ParameterError) as info:
        catalog.get("Dense").param("units").validate(0, "Dense 1")
    assert str(info.value) == "Dense 1: units 必须是正整数。收到的是：units=0"


def test_plural_forms_come_from_the_catalog(chinese):
    assert i18n.ngettext(", {bad} text cell", ", {bad} text cells", 3).format(bad=3) == \
        "，3 个文本单元格"


def test_english_is_the_source_text():
    previous = i18n.language()
    try:
        i18n.set_language("en")
        assert i18n._("Core") == "Core"
    finally:
        i18n.set_language(previous)


def test_the_catalog_is_compiled_with_babel_when_the_mo_file_is_missing(tmp_path, monkeypatch):
    po, _mo = i18n.catalog_paths("zh_CN")
    folder = tmp_path / "zh_CN" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / po.name).write_bytes(po.read_bytes())
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    catalog = i18n.load_translations("zh_CN")
    assert isinstance(catalog, gettext.GNUTranslations)
    assert catalog.gettext("Core") == "核心"
    assert (folder / "playground.mo").exists()  # written beside the .po for the next start
