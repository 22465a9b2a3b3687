"""Command line: `python -m playground COMMAND ...` and `keras-playground COMMAND ...`."""
from __future__ import annotations

import argparse
import sys

COMMANDS = ("check", "import", "export", "train", "presets")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="keras-playground",
                                     description="Keras Playground command line.")
    parser.add_subparsers(dest="command", required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return 0
