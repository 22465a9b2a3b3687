"""The arguments of ``keras-playground`` itself (the window), beside its commands:

    keras-playground [FILE]              open the app (with a project or .keras model)
    keras-playground --version
    keras-playground --install-desktop   menu entry, icon, .kpg file type (Linux)
    keras-playground --uninstall-desktop
    keras-playground COMMAND ...         the command line (check, train, ...: --help)

An unknown option is a usage error (exit 2), never a window.
"""
from __future__ import annotations

import argparse

from playground import __version__
from playground.i18n import _


def build_app_parser(commands: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keras-playground",
        usage="keras-playground [FILE] [--install-desktop | --uninstall-desktop]\n"
              "       keras-playground COMMAND ...",
        description=_("Keras Playground: build, train and look inside neural networks. "
                      "Without a command it opens the app."),
        epilog=_("Commands (each has --help): {commands}.").format(
            commands=", ".join(commands)))
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help=_("a project (.kpg) or Keras model (.keras) to open"))
    parser.add_argument("--version", action="version",
                        version=f"keras-playground {__version__}")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--install-desktop", action="store_true",
                       help=_("add the app to the application menu and open .kpg files "
                              "with it (Linux)"))
    group.add_argument("--uninstall-desktop", action="store_true",
                       help=_("remove the menu entry and the .kpg file type"))
    # scripts/smoke_bundle.sh: open a lesson, train an epoch, export, quit.
    group.add_argument("--self-test", metavar="OUT.keras", help=argparse.SUPPRESS)
    return parser
