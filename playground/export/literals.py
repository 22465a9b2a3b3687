"""Values from a project, a file or a dataset as literals of a generated program.

Everything that did not come from the app itself reaches generated code only through
``repr`` of plain JSON values (checked here first), never as text in a comment or an
expression: a name, a column or a path with a line break must stay a string.
"""
from __future__ import annotations

import math
from typing import Any

from playground.errors import BuildError
from playground.i18n import _

_MAX_DEPTH = 64


def check_literal(value: Any, where: str, depth: int = 0) -> None:
    """Raise BuildError unless ``value`` is made of None, booleans, whole numbers, finite
    numbers, text, lists and string-keyed objects (what ``repr`` writes back exactly)."""
    if depth > _MAX_DEPTH:
        raise BuildError(_("{where}: the setting is nested too deeply to export.")
                         .format(where=where))
    if value is None or isinstance(value, (bool, int, str)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BuildError(_("{where}: {value} is not a finite number; the exported program "
                               "cannot hold it. Change the setting to a number.")
                             .format(where=where, value=value))
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            check_literal(item, where, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise BuildError(_("{where}: the key {key} is not text.")
                                 .format(where=where, key=repr(key)))
            check_literal(item, where, depth + 1)
        return
    raise BuildError(_("{where}: a value of type {kind} cannot be written into the exported "
                       "program.").format(where=where, kind=type(value).__name__))


def literal(value: Any, where: str) -> str:
    """``repr(value)`` after :func:`check_literal`."""
    check_literal(value, where)
    return repr(value)


def docstring_text(text: Any) -> str:
    """Text safe inside a triple-quoted docstring of the program: quotes, backslashes and
    every character that is not printable (line breaks, NUL, U+2028...) are escaped, so the
    docstring reads back as exactly ``text`` and can never end early or become code."""
    out = []
    for ch in str(text):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    return "".join(out)
