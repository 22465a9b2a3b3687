"""What every user-facing setting has in common: a layer parameter (``catalog.ParamSpec``)
and a dataset setting (``datasets.base.DatasetParam``) are both shown as a form field with
a title, help, choices and a range, and both validate what the user typed. Each subclass
validates its own kinds and raises its own typed error."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from playground.i18n import N_, _


def format_number(value: float) -> str:
    """A number as people write it in a message: 2147483647, 0.5, 1e-07 (not 2.14748e+09)."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True)
class FieldSpec:
    """One setting: its key (``name``), its ``kind`` (how it is validated and which editor
    shows it), default, plain-language help, optional label, choices and inclusive range."""

    name: str
    kind: str
    default: Any
    help: str
    label: str = ""
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    @property
    def title(self) -> str:
        """What the form shows: the label, else the name in words ("learning_rate" ->
        "Learning rate"), in the current language (the words are in TITLES_FROM_NAMES)."""
        return _(self.label or self.name.replace("_", " ").capitalize())

    def range_text(self) -> str:
        """" from 1 to 10", " of at least 1", " of at most 5" or "" (no range)."""
        if self.minimum is not None and self.maximum is not None:
            return (_(" from {minimum} to {maximum}")
                      .format(minimum=format_number(self.minimum), maximum=format_number(self.maximum)))
        if self.minimum is not None:
            return _(" of at least {minimum}").format(minimum=format_number(self.minimum))
        if self.maximum is not None:
            return _(" of at most {maximum}").format(maximum=format_number(self.maximum))
        return ""


# Titles made from setting names (see FieldSpec.title), marked for the translation catalog.
TITLES_FROM_NAMES = (
    N_("Samples"), N_("Noise"), N_("Seed"), N_("Classes"), N_("Color"), N_("Digits"),
    N_("Period"), N_("Size"), N_("Subset"), N_("Target"), N_("Task"), N_("Wave"), N_("Window"),
    N_("Path"), N_("Features"), N_("Has header"), N_("Max per class"), N_("Per class"),
    N_("Data dir"), N_("On problem"), N_("Scaling"), N_("Test fraction"), N_("Test subset"),
)
