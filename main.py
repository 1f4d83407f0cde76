"""年报助手 entry point: no subcommand → the desktop program; a subcommand → the command line.

The command-line path imports no Qt, so scripts and CI stay fast and headless.
"""

from __future__ import annotations

import sys


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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    if first_positional(argv) is not None or wants_help:
        from cli import main as cli_main
        from models.logs import setup_logging

        setup_logging(debug="--debug" in argv)
        return cli_main([a for a in argv if a != "--debug"])
    from ui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
