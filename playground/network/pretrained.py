"""Palette entries for pretrained bases: a ``keras.applications`` model without its top
(``include_top=False``), used as one frozen layer, the first step of transfer learning.

A node of type ``pretrained.MobileNetV2`` holds the picture size and where its weights
come from: ``none`` (random, works offline), ``imagenet`` (downloaded by Keras when online,
read from Keras's cache otherwise) or the path of a local weights file. It arrives frozen;
shape inference builds it without weights (fast), the model for training with them. The
exported model holds it as a nested model (a Functional), exactly as the Keras
transfer-learning guide writes it, and imports back as a group node.
"""
from __future__ import annotations

from typing import Any

from playground.i18n import N_, _
from playground.errors import BuildError
from playground.network.specs import LayerSpec, ParamSpec

PREFIX = "pretrained."
BASES: dict[str, str] = {
    "MobileNetV2": N_("small and fast (2.3 M weights); 96×96 to 224×224 pictures"),
    "MobileNetV3Small": N_("the smallest (0.9 M weights); pictures of 32×32 and more"),
    "EfficientNetB0": N_("accurate for its size (4 M weights); expects pixels 0-255"),
    "ResNet50": N_("the classic deep residual network (24 M weights)"),
    "DenseNet121": N_("densely connected blocks (7 M weights)"),
}
_PARAMS = (
    ParamSpec("input_shape", "shape", [96, 96, 3],
              _("Picture size the base receives: height, width, 3 colour channels."),
              label=N_("Picture size")),
    ParamSpec("weights", "str", "none",
              _("none: random weights (works offline); imagenet: weights learnt on ImageNet "
                "(downloaded when online, else read from Keras's cache); or the path of a "
                "local weights file (.h5)."), label=N_("Weights")),
)
PRETRAINED_SPECS: tuple[LayerSpec, ...] = tuple(
    LayerSpec(PREFIX + name, name, "Pretrained",
              _("A pretrained {name} base without its classifier: {about}. Arrives frozen; "
                "add GlobalAveragePooling2D and a Dense layer after it.").format(
                    name=name, about=_(about)),
              params=_PARAMS, summary_keys=("input_shape",))
    for name, about in BASES.items())


def is_pretrained_type(type_name: Any) -> bool:
    return isinstance(type_name, str) and type_name.startswith(PREFIX) \
        and type_name[len(PREFIX):] in BASES


def make_base(type_name: str, params: dict[str, Any], name: str, trainable: bool,
              load_weights: bool) -> Any:
    """The keras.applications base; its weights only when ``load_weights`` (building the
    model to train), so shape inference never downloads or reads a weights file."""
    from playground.kerasenv import keras as load_keras

    keras = load_keras()
    application = getattr(keras.applications, type_name[len(PREFIX):])
    source = str(params.get("weights", "none")).strip()
    weights = None if not load_weights or source.lower() == "none" else source
    try:
        model = application(include_top=False, weights=weights,
                            input_shape=tuple(params.get("input_shape", (96, 96, 3))),
                            name=name)
    except Exception as exc:  # download refused, file missing, size refused: Keras says why
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if weights == "imagenet":
            raise BuildError(_(
                "{name}: the ImageNet weights of {base} could not be loaded ({reason}). "
                "Without internet, set weights to none, or to the path of a weights file "
                "you downloaded before.").format(name=name, base=type_name[len(PREFIX):],
                                                 reason=first), {}) from None
        raise BuildError(_("{name}: {base} refused its settings: {reason}").format(
            name=name, base=type_name[len(PREFIX):], reason=first), {}) from None
    for layer in model.layers:  # frozen as a whole, as base.trainable = False does
        layer.trainable = bool(trainable)
    model.trainable = bool(trainable)
    return model
