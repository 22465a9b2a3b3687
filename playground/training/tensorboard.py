"""TensorBoard logs of training runs: scalars per epoch, the model's graph and weight
histograms, one subfolder per run, written with ``tf.summary``.

:class:`TensorBoardWriter` is a consumer of the engine's progress events (it is handed to
the engine as part of its callback, see :func:`playground.training.run.make_engine`); the
engine's loop knows nothing about it. Only :func:`read_event` knows the events' shape.

Layout, as Keras's own TensorBoard callback writes it, so TensorBoard overlays training and
validation curves under one tag::

    ROOT/run-20261202-101500/train/        epoch_loss, epoch_accuracy, histograms, graph
    ROOT/run-20261202-101500/validation/   epoch_loss, epoch_accuracy (from val_*)
    ROOT/run-20261202-101500/test/         the test_* values, at the last epoch
"""
from __future__ import annotations

import time
import shlex
from pathlib import Path
from typing import Any, Callable

LOGS_SUFFIX = "_tensorboard"


def default_log_root(project_path: str | Path | None) -> Path:
    """Where a project's runs are logged: ``NAME_tensorboard`` beside ``NAME.kpg``; for a
    project never saved, ``tensorboard/untitled`` in the app's user data folder."""
    if project_path is not None:
        path = Path(project_path)
        return path.with_name(path.stem + LOGS_SUFFIX)
    from playground.files.userdata import user_data_dir

    return user_data_dir() / "tensorboard" / "untitled"


def open_command(log_root: str | Path) -> str:
    """The shell command that shows the logs (TensorBoard serves them on localhost:6006)."""
    # shlex.quote: a folder name with $, `, " or a line break stays one argument
    return f"tensorboard --logdir {shlex.quote(str(log_root))}"


def new_run_folder(log_root: str | Path) -> Path:
    """A fresh ``run-YYYYmmdd-HHMMSS`` folder under ``log_root`` (``-2``, ``-3``... when two
    runs start within the same second)."""
    root = Path(log_root)
    base = "run-" + time.strftime("%Y%m%d-%H%M%S")
    folder, n = root / base, 1
    while folder.exists():
        n += 1
        folder = root / f"{base}-{n}"
    folder.mkdir(parents=True)
    return folder


def read_event(event: Any) -> tuple[str, int, dict[str, float]]:
    """(kind, epoch, logs) of an engine event: the one place that knows the event shape.
    ``kind`` is "start", "epoch", "end" or "other" (ignored)."""
    from playground.training.events import EpochEnded, RunEnded, RunStarted

    if isinstance(event, RunStarted):
        return "start", 0, {}
    if isinstance(event, EpochEnded):
        return "epoch", event.progress.epoch, dict(event.logs)
    if isinstance(event, RunEnded):
        return "end", event.progress.epoch, dict(event.logs)
    return "other", 0, {}


class TensorBoardWriter:
    """Writes one run's logs into ``run_folder`` as the engine's events arrive (on the
    training thread). ``model`` returns the model being trained at the time of the event
    (the engine may train a copy placed on another device)."""

    def __init__(self, run_folder: str | Path, model: Callable[[], Any],
                 histograms: bool = True, graph: bool = True) -> None:
        self.run_folder = Path(run_folder)
        self._model = model
        self._histograms = histograms
        self._graph = graph
        self._writers: dict[str, Any] = {}

    def __call__(self, event: Any) -> None:
        kind, epoch, logs = read_event(event)
        if kind == "start":
            if self._graph:
                self._write_graph()
            if self._histograms:
                self._write_histograms(0)
        elif kind == "epoch":
            self._write_scalars(epoch, logs)
            if self._histograms:
                self._write_histograms(epoch)
            self.flush()
        elif kind == "end":
            tests = {k[len("test_"):]: v for k, v in logs.items() if k.startswith("test_")}
            if tests:
                self._write_scalars(epoch, tests, split="test")
            self.close()

    def _writer(self, split: str) -> Any:
        import tensorflow as tf

        if split not in self._writers:
            self._writers[split] = tf.summary.create_file_writer(str(self.run_folder / split))
        return self._writers[split]

    def _write_scalars(self, step: int, logs: dict[str, float], split: str | None = None) -> None:
        import tensorflow as tf

        for key, value in logs.items():
            where = split or ("validation" if key.startswith("val_") else "train")
            name = key[len("val_"):] if key.startswith("val_") and split is None else key
            with self._writer(where).as_default():
                tf.summary.scalar(f"epoch_{name}", float(value), step=step)

    def _write_histograms(self, step: int) -> None:
        import tensorflow as tf

        with self._writer("train").as_default():
            for layer in self._model().layers:
                for weight in layer.weights:
                    tag = f"{layer.name}/{weight.name}".replace(":", "_")
                    tf.summary.histogram(tag, weight.value, step=step)

    def _write_graph(self) -> None:
        """The graph of one forward pass (traced on a batch of zeros), which TensorBoard's
        Graphs tab draws, layer by layer."""
        import tensorflow as tf

        model = self._model()
        examples = [tf.zeros((1, *(d or 1 for d in t.shape[1:])), t.dtype)
                    for t in model.inputs]

        @tf.function
        def forward(inputs: list[Any]) -> Any:
            return model(inputs if len(inputs) > 1 else inputs[0], training=False)

        graph = forward.get_concrete_function(examples).graph
        with self._writer("train").as_default():
            tf.summary.graph(graph)

    def flush(self) -> None:
        for writer in self._writers.values():
            writer.flush()

    def close(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()


def fan_out(*callbacks: Callable[[Any], None] | None) -> Callable[[Any], None]:
    """One callback that hands each event to every given one, in order."""
    active = [c for c in callbacks if c is not None]

    def callback(event: Any) -> None:
        for each in active:
            each(event)

    return callback
