"""The composition root: the one place a main window is built.

``create_window`` makes the document, the window (canvas, shape service, status bar), the
menus' actions and the panels, handing each only the parts it uses (:class:`Services`,
the actions' callbacks). The app, the tests, the benchmarks and the scripts all build
their window here; nothing else constructs ``MainWindow`` or reads its attributes to wire
parts together (``ui/panels.py``, the panels' half of this root, aside).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings, QTimer, SignalInstance

from ui.document import Document
from ui.edit_actions import EditActions
from ui.file_actions import FileActions
from ui.main_window import Assembly, MainWindow
from ui.panels import Panels, install_panels
from ui.services import Services
from ui.tf_loader import TFLoader

__all__ = ["Panels", "Services", "create_window", "start_window"]


def create_window(settings: QSettings | None = None, document: Document | None = None,
                  tf_loader: TFLoader | None = None, restore_layout: bool = True) -> MainWindow:
    """The main window with its actions and every panel installed; the layout saved in
    ``settings`` (the user's QSettings by default) applied unless ``restore_layout`` is
    False. TensorFlow is not started: call ``window.tf_loader.start()``."""
    settings = settings if settings is not None else QSettings()
    document = document if document is not None else Document()
    window = MainWindow(document, settings, _assemble, tf_loader)
    if restore_layout:
        window.restore_layout()
    return window


def _assemble(window: MainWindow) -> Assembly:
    """Called by the window once its own parts exist (see ``MainWindow.__init__``)."""
    services = Services(
        document=window.document, settings=window.settings, tf_loader=window.tf_loader,
        tf_loaded=window.tfLoaded, closing=window.closing, scene=window.scene,
        view=window.view, shapes=window.shapes, status=window, parent=window,
        fit_all=window.view.fit_all)
    files = FileActions(services.document, services.settings, services.status,
                        services.scene, services.fit_all, window.close, window)
    edits = EditActions(services.document, services.scene, services.view, services.status,
                        services.settings, window)
    # Menus in the order File, Edit, View, Settings, Help; toolbars File, Edit.
    bar = window.menuBar()
    bar.insertMenu(window.view_menu.menuAction(), files.menu)
    bar.insertMenu(window.view_menu.menuAction(), edits.menu)
    window.addToolBar(files.toolbar)
    window.addToolBar(edits.toolbar)
    window.addActions(edits.shortcuts)  # their shortcuts work wherever the focus is
    edits.add_view_actions(window.view_menu, window.view_actions_end)
    edits.add_help_actions(window.help_menu)
    panels = install_panels(window, services, files, edits)
    return Assembly(files, edits, panels)


def start_window(window: MainWindow, path: Path | None,
                 errors_reported: SignalInstance | None = None,
                 when_shown: Callable[[], object] | None = None,
                 self_test: Path | None = None) -> object | None:
    """Show the window (maximized at the first start), then, once it is on screen
    (``when_shown`` first): start TensorFlow's import, open ``path`` (or fit the canvas),
    offer work left by a crashed session, welcome a first start. After an unexpected error
    (``errors_reported``) unsaved work is put aside at once. Returns the server that takes
    files opened while the app runs (None in a self-test)."""
    import sys

    from playground.desktop.startup import unwritable_data_message
    from playground.files.userdata import user_data_dir
    from ui.single_instance import InstanceServer, connect_window

    window.show_window()
    server = None
    if self_test is None:
        server = InstanceServer(window)
        connect_window(server, window.file_actions.open_path, window.bring_to_front)
    else:
        from ui.self_test import start_self_test

        start_self_test(window, self_test)
    message = unwritable_data_message(user_data_dir())
    if message:  # a home folder without write access: said once; the app goes on
        print(message, file=sys.stderr, flush=True)
        window.show_message(message, 0)
    if when_shown is not None:
        QTimer.singleShot(0, when_shown)
    QTimer.singleShot(0, window.tf_loader.start)
    if path is not None:
        QTimer.singleShot(0, lambda: window.file_actions.open_path(path, ask=False))
    else:
        QTimer.singleShot(0, window.view.fit_all)
    autosave = window.panels.autosave
    QTimer.singleShot(0, autosave.offer_restore)
    if path is None:  # the first start leads somewhere: lessons, build your own, your data
        window.panels.welcome.show_on_first_start()
    if errors_reported is not None:
        errors_reported.connect(lambda *_: autosave.autosave_now())
    return server
