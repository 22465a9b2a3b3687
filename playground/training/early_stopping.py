"""Early stopping, apart from the training loop: told each finished epoch's logs, it says
when the monitored value has not improved for ``patience`` epochs (and why, in words)."""
from __future__ import annotations

from dataclasses import dataclass

from playground.i18n import _


@dataclass
class EarlyStopping:
    monitor: str           # "val_loss", "val_accuracy", ... (rules.monitored_value)
    patience: int
    best: float | None = None
    wait: int = 0          # epochs since the best one

    @property
    def higher_is_better(self) -> bool:
        return "acc" in self.monitor

    def epoch_ended(self, epoch: int, logs: dict[str, float]) -> str | None:
        """After epoch ``epoch``: the message to stop with, or None to go on (also when the
        logs lack the monitored value)."""
        if self.monitor not in logs:
            return None
        value = logs[self.monitor]
        if self.best is None or (value > self.best if self.higher_is_better
                                 else value < self.best):
            self.best, self.wait = value, 0
            return None
        self.wait += 1
        if self.wait < self.patience:
            return None
        return (_("Stopped early after epoch {epoch}: {monitor} has not improved for "
                  "{wait} epochs (best {best:.4g}).")
                .format(epoch=epoch, monitor=self.monitor, wait=self.wait, best=self.best))
