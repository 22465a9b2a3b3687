"""Entry point of the desktop app and of the `keras-playground` command.

`keras-playground` with no arguments (or a file) opens the app; with a subcommand
(`check`, `import`, `export`, `train`, `presets`) it runs the headless command line.
"""
from __future__ import annotations

import sys

from ui.language import apply_language_choice

# The language first: the core translates its catalog's texts when they are imported.
apply_language_choice()

from playground.cli.main import COMMANDS  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help")):
        from playground.cli.main import main as cli_main

        return cli_main(args)
    from ui.app import run_app

    return run_app(args)
