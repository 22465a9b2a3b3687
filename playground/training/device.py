"""Which device trains: GPU detection (memory growth on), the user's choice, the strategy.

TensorFlow grabs all GPU memory by default, which starves the desktop; memory growth makes
it take only what it needs. Growth can only be set before a GPU is first used, so
:func:`enable_memory_growth` runs as early as possible (every entry point calls it).
"""
from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from typing import Any, Iterator

from playground.errors import TrainingError
from playground.i18n import _

_growth_lock = threading.Lock()
_growth_done = False
_growth_notes: list[str] = []


@dataclass(frozen=True)
class GpuInfo:
    index: int          # TensorFlow's GPU number (logical device "/GPU:<index>")
    name: str           # e.g. "NVIDIA H100 80GB HBM3"


def _tf() -> Any:
    from playground.kerasenv import keras

    keras()  # applies the environment settings before TensorFlow loads
    import tensorflow as tf

    return tf


def enable_memory_growth() -> list[str]:
    """Turn on memory growth on every GPU (once); returns notes on GPUs where it failed."""
    global _growth_done
    with _growth_lock:
        if not _growth_done:
            tf = _tf()
            for gpu in tf.config.list_physical_devices("GPU"):
                try:
                    tf.config.experimental.set_memory_growth(gpu, True)
                except RuntimeError as error:  # GPU already initialised: keep going
                    _growth_notes.append((_("{name}: memory growth not set ({error})")
                                            .format(name=gpu.name, error=error)))
            _growth_done = True
        return list(_growth_notes)


def list_gpus() -> list[GpuInfo]:
    """The GPUs TensorFlow can use (memory growth turned on first)."""
    enable_memory_growth()
    tf = _tf()
    gpus = []
    for index, gpu in enumerate(tf.config.list_physical_devices("GPU")):
        details = tf.config.experimental.get_device_details(gpu) or {}
        gpus.append(GpuInfo(index, str(details.get("device_name") or (_("GPU {index}")
                                                                        .format(index=index)))))
    return gpus


def device_choices(gpus: list[GpuInfo]) -> list[tuple[str, str]]:
    """(value, label) pairs for the settings form: automatic, CPU, each GPU, all GPUs."""
    choices = [("auto", _("Automatic (GPU if available)")), ("cpu", "CPU")]
    choices += [(f"gpu:{g.index}", _("GPU {index}: {name}").format(index=g.index, name=g.name)) for g in gpus]
    if len(gpus) > 1:
        choices.append(("gpus", _("All {gpus} GPUs (mirrored)").format(gpus=len(gpus))))
    return choices


@dataclass(frozen=True)
class DevicePlan:
    """Where a run trains. ``kind`` is "cpu", "gpu" or "mirrored" (several GPUs)."""

    kind: str
    devices: tuple[str, ...]            # TensorFlow device names, e.g. ("/GPU:0",)
    description: str                    # for the status bar: names the device used
    gpu_indices: tuple[int, ...] = field(default_factory=tuple)

    @property
    def uses_strategy(self) -> bool:
        return self.kind == "mirrored"

    def make_strategy(self) -> Any:
        """A MirroredStrategy over the chosen GPUs (only for ``kind == "mirrored"``)."""
        return _tf().distribute.MirroredStrategy(devices=list(self.devices))

    @contextlib.contextmanager
    def scope(self) -> Iterator[None]:
        """Place the ops created inside on this plan's device (not for mirrored plans)."""
        with _tf().device(self.devices[0]):
            yield


def plan_device(choice: str, gpus: list[GpuInfo]) -> DevicePlan:
    """Resolve the user's choice against the GPUs present; raises TrainingError if absent."""
    if choice == "cpu" or (choice == "auto" and not gpus):
        note = "CPU" if gpus else _("CPU (no GPU found)")
        return DevicePlan("cpu", ("/CPU:0",), note)
    if choice == "auto":
        gpu = gpus[0]
        return DevicePlan("gpu", (f"/GPU:{gpu.index}",), (_("GPU {index}: {name}")
                                                            .format(index=gpu.index, name=gpu.name)),
                          (gpu.index,))
    if choice == "gpus":
        if len(gpus) < 2:
            raise TrainingError((_("Training on all GPUs needs at least two GPUs, and this computer has "
                                   "{gpus}: choose 'Automatic' or 'CPU'.")
                                   .format(gpus=len(gpus))))
        names = tuple(f"/GPU:{g.index}" for g in gpus)
        return DevicePlan("mirrored", names, _("{gpus} GPUs (mirrored): ").format(gpus=len(gpus))
                          + ", ".join(g.name for g in gpus),
                          tuple(g.index for g in gpus))
    if choice.startswith("gpu:") and choice[4:].isdigit():
        index = int(choice[4:])
        for gpu in gpus:
            if gpu.index == index:
                return DevicePlan("gpu", (f"/GPU:{index}",), (_("GPU {index}: {name}")
                                                                .format(index=index, name=gpu.name)),
                                  (index,))
        raise TrainingError((_("GPU {index} is not available on this computer (TensorFlow sees {gpus} "
                               "GPU(s)): choose 'Automatic'.")
                               .format(index=index, gpus=len(gpus))))
    raise TrainingError((_("Unknown device {choice!r}: choose 'auto', 'cpu' or 'gpu:N'.")
                           .format(choice=choice)))


def default_device_description() -> str:
    """What "Automatic" trains on here, for the status bar before any run."""
    return plan_device("auto", list_gpus()).description
