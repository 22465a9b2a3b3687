"""PySide6 + pyqtgraph front end. Adapts the core (`playground`) to the screen."""
