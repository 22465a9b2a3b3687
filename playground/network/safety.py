"""Is a Keras config safe to load? It must not ask for code (a Lambda layer, a custom
object registered from outside Keras) and must not be nested deeper than any real model.

Checked on every ``.keras`` file before Keras sees it, and again on a nested model's config
taken from a project file before it is rebuilt.
"""
from __future__ import annotations

from typing import Any

from playground.i18n import _

MAX_DEPTH = 200  # dict/list levels; a real model (even 10 models deep) stays far below
MAX_MODEL_NESTING = 10  # models inside models; real ones nest two or three levels
MODEL_CLASSES = ("Functional", "Sequential", "Model")


def find_unsafe(obj: Any, depth: int = 0, models: int = 0) -> str | None:
    """A reason to refuse if the config asks for code (Lambda, custom objects) or nests
    deeper than any real model."""
    if depth > MAX_DEPTH:
        return _("The model description is nested too deeply to be a real model (models "
                 "inside models, many levels deep): the file is damaged or crafted.")
    if isinstance(obj, dict):
        cls = obj.get("class_name")
        if cls in MODEL_CLASSES and isinstance(obj.get("config"), dict):
            models += 1
            if models > MAX_MODEL_NESTING:
                return _("The model is nested too deeply: it has models inside models more "
                         "than {levels} levels deep, which no real model needs. Flatten the "
                         "inner models into their parent and save it again.").format(
                             levels=MAX_MODEL_NESTING)
        if cls == "Lambda":
            name = obj.get("config", {}).get("name", "?") if isinstance(obj.get("config"),
                                                                         dict) else "?"
            return _("The model contains a Lambda layer ({name!r}), which runs Python code "
                     "stored in the file. For your safety it is refused (Keras safe mode). "
                     "Replace the Lambda with built-in layers and save the model again."
                     ).format(name=name)
        if obj.get("registered_name") and isinstance(obj.get("registered_name"), str) \
                and ">" in obj["registered_name"]:
            return _("The model uses a custom object {registered_name!r} whose code is not "
                     "part of Keras, so it cannot be loaded safely. Only models made of "
                     "built-in Keras layers can be imported.").format(
                         registered_name=obj["registered_name"])
        for value in obj.values():
            found = find_unsafe(value, depth + 1, models)
            if found:
                return found
    elif isinstance(obj, list):
        for value in obj:
            found = find_unsafe(value, depth + 1, models)
            if found:
                return found
    return None
