"""What panels may tell the user through the window's status bar (the main window
implements it; panels receive it through their constructors)."""
from __future__ import annotations

from typing import Protocol


class StatusLine(Protocol):
    def show_message(self, text: str, timeout_ms: int = 6000) -> None: ...

    def clear_message(self) -> None: ...

    def set_status_device(self, text: str) -> None: ...
