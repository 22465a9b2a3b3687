"""Settings ▸ Show in the Application Menu (Linux): the same menu entry, icon and .kpg file
type as ``keras-playground --install-desktop``; unticking removes them. Elsewhere the
installer does this, so the item is not shown (playground.desktop.integration)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from playground.desktop import integration
from playground.errors import PlaygroundError
from ui.message_box import show_warning


class DesktopEntryAction(QObject):
    def __init__(self, parent: QWidget, menu: QMenu, show_message: Callable[[str], None]):
        super().__init__(parent)
        self._parent = parent
        self._show_message = show_message
        self.action = QAction(self.tr("Show in the &Application Menu"), self)
        self.action.setObjectName("desktop_entry_action")
        self.action.setCheckable(True)
        self.action.setStatusTip(self.tr("Put Keras Playground in your desktop's application "
                                         "menu and open .kpg projects with it on "
                                         "double-click"))
        self.action.setVisible(integration.supported())
        self.action.setChecked(integration.is_installed())
        self.action.toggled.connect(self._toggled)
        menu.addAction(self.action)

    def _toggled(self, wanted: bool) -> None:
        try:
            text = (integration.install_desktop() if wanted
                    else integration.uninstall_desktop())
        except PlaygroundError as exc:
            self.action.blockSignals(True)
            self.action.setChecked(integration.is_installed())
            self.action.blockSignals(False)
            show_warning(self._parent, self.tr("Application menu"), str(exc))
            return
        self._show_message(text)
