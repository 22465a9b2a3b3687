"""Entry point of the desktop app and of the `keras-playground` command.

`keras-playground` with no arguments (or a file) opens the app; with a subcommand
(`check`, `import`, `export`, `train`, `tune`, `presets`) it runs the headless command line;
`--version`, `--install-desktop`, `--uninstall-desktop` do their job without a window
(playground.desktop.app_args). Before Qt starts, what would make it abort (no display, a
missing system library) is said in a sentence instead (playground.desktop.startup).
"""
from __future__ import annotations

import sys

from ui.language import apply_language_choice

# The language first: the core translates its catalog's texts when they are imported.
apply_language_choice()

from playground.cli.main import COMMANDS  # noqa: E402
from playground.errors import PlaygroundError  # noqa: E402
from playground.i18n import _  # noqa: E402


def _error(message: str) -> int:
    print(_("error: {exc}").format(exc=message), file=sys.stderr)
    return 2


def _desktop(install: bool) -> int:
    from playground.desktop.integration import install_desktop, uninstall_desktop

    try:
        print(install_desktop() if install else uninstall_desktop())
    except PlaygroundError as exc:
        return _error(str(exc))
    return 0


def _window_can_open() -> str | None:
    """Why the window cannot open here, or None."""
    from playground.desktop.startup import (missing_libraries, missing_library_message,
                                            no_display_message)

    problem = no_display_message()
    if problem:
        return problem
    missing = missing_libraries()
    return missing_library_message(missing) if missing else None


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        from playground.cli.main import main as cli_main

        return cli_main(args)
    from playground.desktop.app_args import build_app_parser

    options = build_app_parser(COMMANDS).parse_args(args)  # --help, --version end here
    if options.install_desktop or options.uninstall_desktop:
        return _desktop(options.install_desktop)
    problem = _window_can_open()
    if problem:
        return _error(problem)
    try:
        from ui.app import run_app
    except ImportError as exc:  # a Qt library the checks above do not know about
        from playground.desktop.startup import library_from_error, missing_library_message

        library = library_from_error(exc)
        if library is None:
            raise
        return _error(missing_library_message([library]))
    return run_app([options.file] if options.file else [], self_test=options.self_test)
