"""Work around a reference-counting bug of PySide6 6.12.0 on Python < 3.12.

In PySide6 6.12.0 every ``itemChange`` of a Python subclass of ``QGraphicsItem`` (every
``setPos``, ``setSelected``, ``addItem``... on canvas items and on all pyqtgraph items)
releases one reference to ``None`` (or ``True``/``False``) that it never took. On Python
3.12+ these objects are immortal and nothing happens; on 3.11 their count runs down until
the interpreter aborts with "Fatal Python error: none_dealloc" (measured: -1 per setPos;
6.11.3 does not have the bug). Until a fixed PySide is installed we do what Python 3.12
does: give these three singletons a reference count so large it can never reach zero.
"""
from __future__ import annotations

import ctypes
import sys

_PADDING = 1 << 40  # ~10^12 spurious releases before trouble: never reached in practice
_applied = False


def needs_refcount_workaround(pyside_version: str, python: tuple[int, int]) -> bool:
    return pyside_version.startswith("6.12.0") and python < (3, 12)


def apply_pyside_workarounds() -> bool:
    """Apply once; True when the workaround was needed and applied."""
    global _applied
    import PySide6

    if _applied or not needs_refcount_workaround(PySide6.__version__, sys.version_info[:2]):
        return _applied
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _PADDING
    _applied = True
    return True
