"""What a catalog entry is: a layer type (:class:`LayerSpec`) and its parameters
(:class:`ParamSpec`), with the validation of a parameter value.

Pure data and checks; Keras is imported only to ask whether an unusual activation name
is one Keras knows.
"""
from __future__ import annotations

import copy
import math
import sys
from dataclasses import dataclass, field
from typing import Any

from playground.errors import ParameterError
from playground.fields import FieldSpec, format_number

CATEGORIES = (
    "Core", "Convolution", "Pooling", "Recurrent", "Attention", "Merge", "Normalization",
    "Regularization", "Reshaping", "Preprocessing", "Pretrained", "Other",
)

# Kinds of parameter value (what the inspector shows and how values are checked):
#   int, float, bool, choice, str      plain values (choice: one of `choices`)
#   activation                          an activation name (choices offered, any name Keras knows)
#   int_tuple                           `length` positive ints; a single int is repeated
#   shape                               a list of positive ints of any length (Reshape)
#   batch_shape                         like shape, stored with a leading None (Input)
#   optional_int_tuple                  int_tuple or None ("same as pool size")
#   padding2d                           an int, (rows, cols) or ((top, bottom), (left, right))
#   float_or_pair                       a float or (low, high) (RandomRotation factor)
#   axis                                an int or a list of ints
#   optional_int                        an int or None
#   rnn_layer                           a serialized recurrent layer (Bidirectional)


@dataclass(frozen=True)
class ParamSpec(FieldSpec):
    """A layer parameter (a key of the Keras layer's config)."""

    length: int = 0  # for int_tuple kinds
    exclusive_maximum: bool = False

    def validate(self, value: Any, where: str = "") -> Any:
        """Return ``value`` normalized to Keras config form, or raise ParameterError.

        The message names the node (``where``), the parameter and what is accepted, in the
        style of Keras: "expected a positive integer. Received: units=0".
        """
        prefix = f"{where}: " if where else ""

        def refuse(expected: str) -> ParameterError:
            return ParameterError(f"{prefix}{self.name} must be {expected}. "
                                  f"Received: {self.name}={value!r}", None, self.name)

        k = self.kind
        if k == "int" or (k == "optional_int" and value is not None):
            iv = _as_int(value)
            if iv is None:
                raise refuse("a whole number")
            self._check_range(iv, refuse)
            return iv
        if k == "optional_int":
            return None
        if k == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value):
                raise refuse("a number")
            self._check_range(float(value), refuse)
            return float(value)
        if k == "bool":
            if not isinstance(value, bool):
                raise refuse("true or false")
            return value
        if k == "choice":
            if value not in self.choices:
                raise refuse("one of " + ", ".join(repr(c) for c in self.choices))
            return value
        if k in ("str", "activation"):
            if not isinstance(value, str) or not value.strip():
                raise refuse("a name" if k == "activation" else "text")
            if k == "activation" and value.strip() not in self.choices \
                    and _known_activation(value.strip()) is False:
                raise refuse("an activation Keras knows, such as "
                             + ", ".join(str(c) for c in self.choices[:6]))
            return value.strip()
        if k in ("int_tuple", "optional_int_tuple"):
            if value is None and k == "optional_int_tuple":
                return None
            if _as_int(value) is not None:
                value_list = [_as_int(value)] * self.length
            elif isinstance(value, (list, tuple)) and len(value) == self.length:
                value_list = [_as_int(v) for v in value]
            else:
                raise refuse(f"{self.length} whole numbers" if self.length > 1
                             else "a whole number")
            if any(v is None or v < (self.minimum or 1) for v in value_list):
                raise refuse(f"whole numbers of at least {int(self.minimum or 1)}")
            if self.maximum is not None and any(v > self.maximum for v in value_list):
                raise refuse(f"whole numbers of at most {int(self.maximum)}")
            return value_list
        if k in ("shape", "batch_shape"):
            seq = value[1:] if (k == "batch_shape" and isinstance(value, (list, tuple))
                                and value and value[0] is None) else value
            if not isinstance(seq, (list, tuple)) or not seq:
                raise refuse("a list of sizes such as [28, 28, 1]")
            dims = [None if d is None else _as_int(d) for d in seq]
            # -1 is Keras's own "work this size out" in a Reshape: kept as written.
            unknown = [d is None or (k == "shape" and d == -1) for d in dims]
            if any(d is not None and d < 1 and not u for d, u in zip(dims, unknown)) or \
                    any(d is None and s is not None for d, s in zip(dims, seq)):
                raise refuse("sizes that are positive whole numbers (None for 'any length')")
            if self.name == "target_shape" and sum(unknown) > 1:
                raise refuse("sizes with at most one unknown (None or -1)")
            return [None, *dims] if k == "batch_shape" else dims
        if k == "padding2d":
            iv = _as_int(value)
            if iv is not None and iv >= 0:
                return [[iv, iv], [iv, iv]]
            if isinstance(value, (list, tuple)) and len(value) == 2:
                if all(_as_int(v) is not None for v in value):
                    a, b = (_as_int(v) for v in value)
                    if a >= 0 and b >= 0:
                        return [[a, a], [b, b]]
                elif all(isinstance(v, (list, tuple)) and len(v) == 2 for v in value):
                    pairs = [[_as_int(x) for x in v] for v in value]
                    if all(x is not None and x >= 0 for p in pairs for x in p):
                        return pairs
            raise refuse("a whole number, (rows, cols) or ((top, bottom), (left, right))")
        if k == "float_or_pair":
            if isinstance(value, (int, float)) and not isinstance(value, bool) \
                    and math.isfinite(value):
                self._check_range(abs(float(value)), refuse)
                return float(value)
            if isinstance(value, (list, tuple)) and len(value) == 2 and all(
                    isinstance(v, (int, float)) and not isinstance(v, bool)
                    and math.isfinite(v) for v in value):
                lo, hi = float(value[0]), float(value[1])
                if lo > hi:
                    raise refuse("a number or (low, high) with low <= high")
                self._check_range(abs(lo), refuse)
                self._check_range(abs(hi), refuse)
                return [lo, hi]
            raise refuse("a number or a pair (low, high)")
        if k == "axis":
            iv = _as_int(value)
            if iv is not None:
                return iv
            if isinstance(value, (list, tuple)) and value and all(
                    _as_int(v) is not None for v in value):
                return [_as_int(v) for v in value]
            raise refuse("an axis number such as -1, or a list of them")
        if k == "rnn_layer":
            if not isinstance(value, dict) or value.get("class_name") not in RNN_TYPES \
                    or not isinstance(value.get("config"), dict):
                raise refuse("a recurrent layer (" + ", ".join(RNN_TYPES) + ")")
            return copy.deepcopy(value)
        raise AssertionError(f"unknown parameter kind {k}")

    def _check_range(self, v: float, refuse: Any) -> None:
        if self.minimum is not None and v < self.minimum:
            if self.kind in ("int", "optional_int") and self.minimum == 1:
                raise refuse("a positive whole number")
            raise refuse(f"at least {format_number(self.minimum)}")
        if self.maximum is not None:
            if self.exclusive_maximum and v >= self.maximum:
                raise refuse(f"at least {format_number(self.minimum or 0)} and below {format_number(self.maximum)}")
            if v > self.maximum:
                raise refuse(f"at most {format_number(self.maximum)}")


RNN_TYPES = ("LSTM", "GRU", "SimpleRNN")


def _known_activation(name: str) -> bool | None:
    """Whether Keras knows the activation ``name``; None while Keras is not loaded yet
    (the catalog never imports it: shape inference reports the name later then)."""
    keras = sys.modules.get("keras")
    activations = getattr(keras, "activations", None)
    if activations is None:
        return None
    try:
        activations.get(name)
    except (ValueError, TypeError, KeyError, AttributeError):
        return False
    return True


@dataclass(frozen=True)
class LayerSpec:
    type_name: str
    keras_class: str  # class name in keras.layers
    category: str
    help: str
    params: tuple[ParamSpec, ...] = ()
    min_inputs: int = 1
    max_inputs: int | None = 1
    call_style: str = "single"  # single | list | positional
    port_names: tuple[str, ...] = ()
    summary_keys: tuple[str, ...] = ()
    is_generic: bool = False
    _index: dict[str, ParamSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({p.name: p for p in self.params})

    @property
    def title(self) -> str:
        """The name people see: ``pretrained.MobileNetV2`` -> ``MobileNetV2``."""
        return self.type_name.rsplit(".", 1)[-1]

    @property
    def is_input(self) -> bool:
        return self.max_inputs == 0

    def param(self, name: str) -> ParamSpec | None:
        return self._index.get(name)

    def default_params(self) -> dict[str, Any]:
        return {p.name: copy.deepcopy(p.default) for p in self.params}

    def arity_text(self) -> str:
        if self.max_inputs == 0:
            return "no inputs"
        if self.max_inputs == self.min_inputs:
            return "one input" if self.min_inputs == 1 else f"{self.min_inputs} inputs"
        if self.max_inputs is None:
            return f"{self.min_inputs} or more inputs"
        return f"{self.min_inputs} to {self.max_inputs} inputs"

    def port_name(self, port: int) -> str:
        if port < len(self.port_names):
            return self.port_names[port]
        return f"input {port + 1}"

    def summary(self, params: dict[str, Any]) -> str:
        """"Dense · 64 · relu": the type and its key settings, for the canvas."""
        parts = [self.title]
        for key in self.summary_keys:
            value = params.get(key)
            if key == "layer" and isinstance(value, dict):
                inner = value.get("config", {})
                parts.append(f"{value.get('class_name')} {inner.get('units', '')}".strip())
                continue
            if value is None or value == "linear":
                continue
            if key == "batch_shape" and isinstance(value, list):
                value = value[1:]
            if isinstance(value, list):
                value = "×".join("?" if v is None else str(v) for v in value)
            elif isinstance(value, float):
                value = format_number(value)
            parts.append(str(value))
        return " · ".join(parts)



def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return None
