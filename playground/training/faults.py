"""Training faults explained: bad numbers in the data, a model too big for memory, and
TensorFlow's out-of-memory error, each turned into a TrainingError that says what to change.

The checks run before training starts (the engine calls :func:`check_finite_data` and
:func:`check_memory`), so a beginner learns
that the batch is too large before waiting for TensorFlow to fail; what cannot be known in
advance (GPU memory, fragmentation) is caught and explained by :func:`explain_failure`.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from playground.errors import PlaygroundError, TrainingError
from playground.i18n import _

# Adam keeps two extra copies of every weight; the gradient is a third.
WEIGHT_COPIES = 4
BYTES_PER_NUMBER = 4
# Forward activations are kept for the backward pass, which needs about as much again.
ACTIVATION_COPIES = 2


def check_finite_data(dataset: Any) -> None:
    """Refuse inputs or targets holding NaN or infinity: the loss would be NaN at once."""
    for split in ("train", "val", "test"):
        for part, label in (("x", _("inputs")), ("y", _("targets"))):
            array = getattr(dataset, f"{part}_{split}", None)
            if array is None:
                continue
            array = np.asarray(array)
            if array.dtype.kind not in "fc":
                continue
            bad = ~np.isfinite(array)
            if bad.any():
                rows = np.flatnonzero(bad.reshape(len(array), -1).any(axis=1)) \
                    if array.ndim else np.array([0])
                name = {"train": _("training"), "val": _("validation"), "test": _("test")}[split]
                raise TrainingError(
                    (_("The {name} {label} of '{dataset}' hold {sum} missing (NaN) or infinite "
                       "value(s), first in example {value}. The loss would be NaN from the "
                       "first step: clean those values in the data (for a table: fix the cells "
                       "or set 'Rows with problems' to 'skip rows').")
                       .format(name=name, label=label, dataset=getattr(dataset, 'title', 'the dataset'), sum=int(bad.sum()), value=int(rows[0]) + 1)))


def estimate_training_bytes(model: Any, batch_size: int) -> int:
    """Rough memory training needs: weights with gradients and optimizer slots, plus the
    activations of one batch kept for the backward pass."""
    weights = sum(int(np.prod(w.shape)) for w in model.weights)
    activations = 0
    for layer in model.layers:
        for tensor in _outputs(layer):
            dims = [d for d in tuple(tensor.shape)[1:]]
            if all(isinstance(d, int) for d in dims):
                activations += math.prod(dims)
    return BYTES_PER_NUMBER * (WEIGHT_COPIES * weights
                               + ACTIVATION_COPIES * batch_size * activations)


def _outputs(layer: Any) -> list[Any]:
    try:
        output = layer.output
    except (AttributeError, ValueError):  # a layer not called in this model
        return []
    return list(output) if isinstance(output, (list, tuple)) else [output]


def available_memory_bytes() -> int | None:
    """Memory the system can still give (Linux /proc/meminfo), else None (unknown)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def check_memory(model: Any, settings: Any, available: int | None = None,
                 uses_gpu: bool = False) -> None:
    """Refuse a run that clearly cannot fit in the computer's memory (CPU training; GPU
    memory is not known in advance, so a GPU run relies on :func:`explain_failure`)."""
    if uses_gpu:
        return
    available = available_memory_bytes() if available is None else available
    if not available:
        return
    needed = estimate_training_bytes(model, settings.batch_size)
    if needed > available:
        raise TrainingError(out_of_memory_message(settings, model, needed, available))


def out_of_memory_message(settings: Any, model: Any = None, needed: int | None = None,
                          available: int | None = None) -> str:
    batch = int(getattr(settings, "batch_size", 32))
    smaller = max(1, batch // 4)
    params = ""
    if model is not None:
        count = sum(int(np.prod(w.shape)) for w in model.weights)
        params = _(" The model has {count:,} parameters.").format(count=count)
    amounts = ""
    if needed is not None and available is not None:
        amounts = ((_(" Training would need about {needed} of memory but only {available} is "
                      "free.")
                      .format(needed=_gb(needed), available=_gb(available))))
    return (_("Training ran out of memory.") if needed is None else
            _("This training run does not fit in memory.")) + amounts + params + (
        (_(" Try a smaller batch size (e.g. {smaller} instead of {batch}), or make "
           "the model smaller: fewer units or filters, or a pooling layer before "
           "Flatten. Closing other programs also frees memory.")
           .format(smaller=smaller, batch=batch)))


def _gb(count: int) -> str:
    return _("{value:.1f} GB").format(value=count / 2**30) if count >= 2**30 else (_("{value:.0f} MB")
                                                               .format(value=count / 2**20))


def is_out_of_memory(error: BaseException) -> bool:
    """TensorFlow's ResourceExhaustedError (OOM), or numpy/Python's MemoryError."""
    if isinstance(error, MemoryError):
        return True
    names = {cls.__name__ for cls in type(error).__mro__}
    if "ResourceExhaustedError" in names:
        return True
    text = str(error)
    return "OOM when allocating" in text or "out of memory" in text.lower()


def explain_failure(error: BaseException, settings: Any = None, model: Any = None
                    ) -> PlaygroundError | None:
    """A typed error telling the user what to change, or None for a genuine bug."""
    if isinstance(error, PlaygroundError):
        return error
    if is_out_of_memory(error):
        return TrainingError(out_of_memory_message(settings, model))
    return None
