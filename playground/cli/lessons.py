"""`presets`: list the bundled lessons."""
from __future__ import annotations

import argparse

from playground.files.lessons import SUFFIX, list_presets, presets_dir
from playground.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("presets", help=_("list the preset lessons"))
    p.add_argument("--paths", action="store_true", help=_("show each preset's file path"))
    p.set_defaults(func=run_presets_command)


def run_presets_command(args: argparse.Namespace) -> int:
    presets = list_presets()
    width = max((len(p.name) for p in presets), default=0)
    for p in presets:
        where = f"  [{p.path}]" if args.paths else ""
        print(f"{p.name:<{width}}  {_(p.description)}{where}")  # stored in English
    print((_("\nTrain one: python -m playground train {name}/NAME{SUFFIX}")
             .format(name=presets_dir().name, SUFFIX=SUFFIX)))
    return 0
