"""PySide6 + pyqtgraph front end. Adapts the core (`playground`) to the screen."""
from ui.qt_compat import apply_pyside_workarounds as _apply_pyside_workarounds

_apply_pyside_workarounds()
