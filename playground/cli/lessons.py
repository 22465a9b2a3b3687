"""`presets`: list the bundled lessons."""
from __future__ import annotations

import argparse

from playground.files.lessons import SUFFIX, list_presets, presets_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("presets", help="list the preset lessons")
    p.add_argument("--paths", action="store_true", help="show each preset's file path")
    p.set_defaults(func=run_presets_command)


def run_presets_command(args: argparse.Namespace) -> int:
    presets = list_presets()
    width = max((len(p.name) for p in presets), default=0)
    for p in presets:
        where = f"  [{p.path}]" if args.paths else ""
        print(f"{p.name:<{width}}  {p.description}{where}")
    print(f"\nTrain one: python -m playground train {presets_dir().name}/NAME{SUFFIX}")
    return 0
