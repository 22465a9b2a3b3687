"""What a catalog entry is: a layer type (:class:`LayerSpec`) and its parameters
(:class:`ParamSpec`), with the validation of a parameter value.

Pure data and checks, never Keras: a value is judged the same before TensorFlow has loaded
(the window opens seconds earlier) and after, so nothing accepted at start-up is refused
later by shape inference, export or reopening the file.
"""
from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

from playground.errors import ParameterError
from playground.fields import FieldSpec, format_number
from playground.i18n import N_, _, language

# Names are keys; N_ marks them for the catalog so the palette shows them translated.
CATEGORIES = (
    N_("Core"), N_("Convolution"), N_("Pooling"), N_("Recurrent"), N_("Attention"), N_("Merge"),
    N_("Normalization"), N_("Regularization"), N_("Reshaping"), N_("Preprocessing"),
    N_("Pretrained"), N_("Other"),
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

    @property
    def title(self) -> str:
        """English: the name in words ("Kernel size"). Other languages show the Keras name
        itself ("kernel_size"), as people meet it in Keras code and documentation; the
        translated help beside it explains it."""
        if language() == "en":
            return super().title
        return self.label and _(self.label) or self.name

    def validate(self, value: Any, where: str = "") -> Any:
        """Return ``value`` normalized to Keras config form, or raise ParameterError.

        The message names the node (``where``), the parameter and what is accepted, in the
        style of Keras: "expected a positive integer. Received: units=0".
        """
        prefix = f"{where}: " if where else ""

        def refuse(expected: str) -> ParameterError:
            return ParameterError((_("{prefix}{name} must be {expected}. Received: {name}={value!r}")
                                     .format(prefix=prefix, name=self.name, expected=expected, value=value)), None, self.name)

        k = self.kind
        if k == "int" or (k == "optional_int" and value is not None):
            iv = _as_int(value)
            if iv is None:
                raise refuse(_("a whole number"))
            self._check_range(iv, refuse)
            return iv
        if k == "optional_int":
            return None
        if k == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value):
                raise refuse(_("a number"))
            self._check_range(float(value), refuse)
            return float(value)
        if k == "bool":
            if not isinstance(value, bool):
                raise refuse(_("true or false"))
            return value
        if k == "choice":
            if value not in self.choices:
                raise refuse(_("one of {choices}").format(
                    choices=", ".join(repr(c) for c in self.choices)))
            return value
        if k in ("str", "activation"):
            if not isinstance(value, str) or not value.strip():
                raise refuse(_("a name") if k == "activation" else _("text"))
            if k == "activation" and value.strip() not in self.choices \
                    and value.strip() not in KERAS_ACTIVATIONS:
                raise refuse(_("an activation Keras knows, such as {examples}").format(
                    examples=", ".join(str(c) for c in self.choices[:6])))
            return value.strip()
        if k in ("int_tuple", "optional_int_tuple"):
            if value is None and k == "optional_int_tuple":
                return None
            if _as_int(value) is not None:
                value_list = [_as_int(value)] * self.length
            elif isinstance(value, (list, tuple)) and len(value) == self.length:
                value_list = [_as_int(v) for v in value]
            else:
                raise refuse(_("{length} whole numbers").format(length=self.length) if self.length > 1
                             else _("a whole number"))
            if any(v is None or v < (self.minimum or 1) for v in value_list):
                raise refuse((_("whole numbers of at least {value}")
                                .format(value=int(self.minimum or 1))))
            if self.maximum is not None and any(v > self.maximum for v in value_list):
                raise refuse((_("whole numbers of at most {maximum}")
                                .format(maximum=int(self.maximum))))
            return value_list
        if k in ("shape", "batch_shape"):
            seq = value[1:] if (k == "batch_shape" and isinstance(value, (list, tuple))
                                and value and value[0] is None) else value
            if not isinstance(seq, (list, tuple)) or not seq:
                raise refuse(_("a list of sizes such as [28, 28, 1]"))
            dims = [None if d is None else _as_int(d) for d in seq]
            # -1 is Keras's own "work this size out" in a Reshape: kept as written.
            unknown = [d is None or (k == "shape" and d == -1) for d in dims]
            if any(d is not None and d < 1 and not u for d, u in zip(dims, unknown)) or \
                    any(d is None and s is not None for d, s in zip(dims, seq)):
                raise refuse(_("sizes that are positive whole numbers (None for 'any length')"))
            if self.name == "target_shape" and sum(unknown) > 1:
                raise refuse(_("sizes with at most one unknown (None or -1)"))
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
            raise refuse(_("a whole number, (rows, cols) or ((top, bottom), (left, right))"))
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
                    raise refuse(_("a number or (low, high) with low <= high"))
                self._check_range(abs(lo), refuse)
                self._check_range(abs(hi), refuse)
                return [lo, hi]
            raise refuse(_("a number or a pair (low, high)"))
        if k == "axis":
            iv = _as_int(value)
            if iv is not None:
                return iv
            if isinstance(value, (list, tuple)) and value and all(
                    _as_int(v) is not None for v in value):
                return [_as_int(v) for v in value]
            raise refuse(_("an axis number such as -1, or a list of them"))
        if k == "rnn_layer":
            if not isinstance(value, dict) or value.get("class_name") not in RNN_TYPES \
                    or not isinstance(value.get("config"), dict):
                raise refuse(_("a recurrent layer ({types})").format(
                    types=", ".join(RNN_TYPES)))
            return copy.deepcopy(value)
        raise AssertionError(f"unknown parameter kind {k}")

    def _check_range(self, v: float, refuse: Any) -> None:
        if self.minimum is not None and v < self.minimum:
            if self.kind in ("int", "optional_int") and self.minimum == 1:
                raise refuse(_("a positive whole number"))
            raise refuse(_("at least {minimum}").format(minimum=format_number(self.minimum)))
        if self.maximum is not None:
            if self.exclusive_maximum and v >= self.maximum:
                raise refuse((_("at least {value} and below {maximum}")
                                .format(value=format_number(self.minimum or 0), maximum=format_number(self.maximum))))
            if v > self.maximum:
                raise refuse(_("at most {maximum}").format(maximum=format_number(self.maximum)))


RNN_TYPES = ("LSTM", "GRU", "SimpleRNN")


# Every activation name ``keras.activations.get`` accepts (Keras 3.15), written out so that
# validation never needs Keras; tests/network/test_validation_without_keras.py checks the
# list against the installed Keras.
KERAS_ACTIVATIONS = frozenset((
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu",
    "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish",
    "relu", "relu6", "selu", "sigmoid", "silu", "soft_shrink", "softmax", "softplus",
    "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "swish", "tanh",
    "tanh_shrink", "threshold"))


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
            return _("no inputs")
        if self.max_inputs == self.min_inputs:
            return _("one input") if self.min_inputs == 1 else (_("{min_inputs} inputs")
                                                               .format(min_inputs=self.min_inputs))
        if self.max_inputs is None:
            return _("{min_inputs} or more inputs").format(min_inputs=self.min_inputs)
        return (_("{min_inputs} to {max_inputs} inputs")
                  .format(min_inputs=self.min_inputs, max_inputs=self.max_inputs))

    def port_name(self, port: int) -> str:
        if port < len(self.port_names):
            return self.port_names[port]
        return _("input {value}").format(value=port + 1)

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
