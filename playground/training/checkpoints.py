"""Epoch checkpoints for resumable runs (``train --checkpoint-dir DIR``).

After every epoch each process saves the model's weights, the optimizer's state and the
epoch number with ``tf.train.CheckpointManager``, plus the run's history so far as JSON. A
run started again with the same folder restores the latest epoch and goes on from the next
one. In a multi-worker run the chief writes to ``DIR`` and worker ``I`` to
``DIR/worker-I`` (machines need not share a disk); after a crash the workers agree on the
newest epoch they all saved, so every worker restarts from identical weights.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

KEEP = 3                    # checkpoints kept per process (enough to agree after a crash)
HISTORY_FILE = "history-{epoch}.json"


class EpochCheckpoints:
    def __init__(self, model: Any, directory: str | Path, worker_index: int = 0):
        import tensorflow as tf

        root = Path(directory)
        self.directory = root if worker_index == 0 else root / f"worker-{worker_index}"
        self.directory.mkdir(parents=True, exist_ok=True)
        self.epoch = tf.Variable(0, dtype=tf.int64, trainable=False, name="epoch")
        self.checkpoint = tf.train.Checkpoint(model=model, optimizer=model.optimizer,
                                              epoch=self.epoch)
        self.manager = tf.train.CheckpointManager(self.checkpoint, str(self.directory),
                                                  max_to_keep=KEEP)

    def saved_epochs(self) -> list[int]:
        """Epochs with a checkpoint here, oldest first."""
        return [int(path.rsplit("-", 1)[-1]) for path in self.manager.checkpoints]

    def restore(self, agree: Callable[[int], int] = lambda epoch: epoch
                ) -> tuple[int, dict[str, list[float]]]:
        """Restore the newest epoch every worker has (``agree`` takes this process's newest
        and returns the one all share); returns (epochs done, history so far)."""
        saved = self.saved_epochs()
        epoch = agree(saved[-1] if saved else 0)
        if epoch <= 0 or epoch not in saved:
            return 0, {}
        path = self.manager.checkpoints[saved.index(epoch)]
        self.checkpoint.restore(path).expect_partial()
        history_path = self.directory / HISTORY_FILE.format(epoch=epoch)
        history = json.loads(history_path.read_text()) if history_path.exists() else {}
        return epoch, history

    def save(self, epoch: int, history: dict[str, list[float]]) -> None:
        # History first: a checkpoint that exists always has its history next to it.
        path = self.directory / HISTORY_FILE.format(epoch=epoch)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(history))
        tmp.replace(path)
        self.epoch.assign(epoch)
        self.manager.save(checkpoint_number=epoch)
        kept = set(self.saved_epochs())
        for old in self.directory.glob("history-*.json"):
            number = old.stem.split("-", 1)[1]
            if number.isdigit() and int(number) not in kept:
                old.unlink(missing_ok=True)
