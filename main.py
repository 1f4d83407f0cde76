"""年报助手 entry point: no arguments (or only the library, or a report file to import) → the
desktop program; anything else → the command line, which explains what it cannot use.

The command-line path imports no Qt, so scripts and CI stay fast and headless.
"""

from __future__ import annotations

import os
import sys

from models.console import ensure_std_streams


def wants_command_line(argv: list[str]) -> bool:
    """Everything but what opens the window: nothing, ``--db PATH`` (once), the window's own
    ``--debug``, and one existing file with an extension (dropped on the program's icon, or
    "Open with"), which the window imports or, for a type it cannot read, refuses in a message
    the clerk sees (a windowed program has no console to answer in). So a typo or an unknown option gets a command-line
    message instead of a window, and a command wins over a file of the same name."""
    db_given = file_given = False
    rest = [a for a in argv if a != "--debug"]
    while rest:
        arg = rest.pop(0)
        if arg == "--db" and not db_given and rest and rest[0] and not rest[0].startswith("-"):
            db_given = True
            rest.pop(0)
        elif arg.startswith("--db=") and len(arg) > len("--db=") and not db_given:
            db_given = True
        elif not file_given and _dropped_file(arg):
            file_given = True
        else:
            return True
    return False


def _dropped_file(arg: str) -> bool:
    # An extension keeps a command (list, backup…) from being taken for a file of that name here.
    return not arg.startswith("-") and bool(os.path.splitext(arg)[1]) and os.path.isfile(arg)


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
