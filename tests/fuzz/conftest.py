"""Print how many generated inputs each fuzz target saw and how they ended."""
from __future__ import annotations

from tests.fuzz.strategies import OUTCOMES


def pytest_terminal_summary(terminalreporter) -> None:
    if not OUTCOMES:
        return
    terminalreporter.section("fuzz inputs")
    for target, counts in sorted(OUTCOMES.items()):
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        terminalreporter.write_line(f"{target}: {sum(counts.values())} inputs ({detail})")
