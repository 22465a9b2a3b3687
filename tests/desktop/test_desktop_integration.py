"""`keras-playground --install-desktop` / `--uninstall-desktop`: the menu entry, the icon at
the hicolor sizes and the .kpg file type, written under a temporary XDG_DATA_HOME and read
back as the desktop reads them."""
from __future__ import annotations

import configparser
import shlex
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from playground.desktop import integration, linux
from playground.i18n import load_translations
from playground.resources import ICON_SIZES, icon_png, icon_svg
from ui.launcher import main

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="freedesktop integration is Linux's")
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _entry(data_home: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(data_home / "applications" / "keras-playground.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_writes_entry_icons_and_file_type(data_home, capsys):
    assert main(["--install-desktop"]) == 0
    assert str(data_home) in capsys.readouterr().out

    entry = _entry(data_home)
    assert entry["Type"] == "Application" and entry["Name"] == "Keras Playground"
    # Exec starts this very installation with the double-clicked file.
    assert shlex.split(entry["Exec"]) == integration.launch_command() + ["%f"]
    assert entry["Icon"] == "keras-playground" and entry["Terminal"] == "false"
    assert entry["MimeType"] == "application/x-keras-playground;"
    zh = load_translations("zh_CN")
    assert entry["Comment[zh_CN]"] == zh.gettext(linux.COMMENT) != linux.COMMENT

    hicolor = data_home / "icons" / "hicolor"
    for size in ICON_SIZES:
        for kind, name in (("apps", "keras-playground"),
                           ("mimetypes", "application-x-keras-playground")):
            png = hicolor / f"{size}x{size}" / kind / f"{name}.png"
            assert png.read_bytes() == icon_png(size).read_bytes()
            with Image.open(png) as image:
                assert image.size == (size, size)
    assert (hicolor / "scalable" / "apps" / "keras-playground.svg").read_bytes() \
        == icon_svg().read_bytes()

    mime = ET.parse(data_home / "mime" / "packages" / "keras-playground.xml").getroot()
    [mime_type] = mime.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == "application/x-keras-playground"
    assert mime_type.find(f"{MIME_NS}glob").get("pattern") == "*.kpg"
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/zip"
    assert mime_type.find(f"{MIME_NS}icon").get("name") == "application-x-keras-playground"


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="shared-mime-info is not installed")
def test_shared_mime_info_reads_the_file_type(data_home):
    """The system's own tool compiles our XML into its glob table: files named *.kpg are
    then of our type for every desktop."""
    integration.install_desktop()
    globs = (data_home / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert "60:application/x-keras-playground:*.kpg" in globs
    assert (data_home / "mime" / "application" / "x-keras-playground.xml").is_file()


def test_exec_line_quotes_a_path_with_spaces(data_home):
    command = ["/opt/My Apps/keras-playground"]
    integration.install_desktop(command=command)
    exec_line = _entry(data_home)["Exec"]
    assert exec_line == '"/opt/My Apps/keras-playground" %f'
    assert shlex.split(exec_line) == command + ["%f"]


def test_uninstall_removes_what_install_wrote_and_nothing_else(data_home, capsys):
    mine = data_home / "applications" / "someone-else.desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("[Desktop Entry]\nName=Other\n", encoding="utf-8")
    assert main(["--install-desktop"]) == 0
    written = set(linux.planned_files(data_home)) | {
        data_home / "applications" / "keras-playground.desktop"}
    assert all(p.is_file() for p in written)
    assert integration.is_installed()

    assert main(["--uninstall-desktop"]) == 0
    assert not any(p.exists() for p in written)
    assert mine.read_text(encoding="utf-8") == "[Desktop Entry]\nName=Other\n"
    assert not integration.is_installed()
    capsys.readouterr()
    assert main(["--uninstall-desktop"]) == 0
    assert "no menu entry to remove" in capsys.readouterr().out


def test_an_unwritable_data_folder_is_named_with_the_fix(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["--install-desktop"]) == 2
    err = capsys.readouterr().err
    assert f"Cannot write the menu entry into {blocker}" in err
    assert "XDG_DATA_HOME" in err and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "a file where the data folder should be"


@pytest.mark.gui
def test_the_window_icon_is_the_installed_icon(qapp):
    """The window shows the same picture the menu entry installs, at every size."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    from ui.theme import app_icon

    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)
    for size in (16, 256):
        shown = icon.pixmap(QSize(size, size)).toImage().convertToFormat(
            QImage.Format.Format_ARGB32)
        shipped = QImage(str(icon_png(size))).convertToFormat(QImage.Format.Format_ARGB32)
        assert shown == shipped
