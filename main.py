"""年报助手 entry point: no subcommand → the desktop program; a subcommand → the command line.

The command-line path imports no Qt, so scripts and CI stay fast and headless.
"""

from __future__ import annotations

import os
import sys

from models.console import ensure_std_streams


def first_positional(argv: list[str]) -> str | None:
    """The subcommand, if any (the value after ``--db`` is not one)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def wants_command_line(argv: list[str]) -> bool:
    """A subcommand or --help/--version. An existing file instead (dropped on the program's
    icon, or "Open with") opens the window, which imports it."""
    first = first_positional(argv)
    if first is not None:
        return not os.path.isfile(first)
    return any(a in ("-h", "--help", "--version") for a in argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_command_line(argv):
        ensure_std_streams(attach=True)
        from cli import main as cli_main
        from models.logs import setup_logging

        setup_logging(debug="--debug" in argv)
        return cli_main([a for a in argv if a != "--debug"])
    ensure_std_streams(attach=False)
    from ui.bootstrap import EXIT_AFTER_SHOWN, prepare_frozen_qt, quit_when_event_loop_starts

    prepare_frozen_qt()  # before the first PySide6 import
    if os.environ.get(EXIT_AFTER_SHOWN):
        quit_when_event_loop_starts()
    from ui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
