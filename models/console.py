"""Standard streams for the windowed Windows build.

A PyInstaller ``console=False`` executable is a GUI-subsystem program: started from cmd or
PowerShell without redirection, it has no console and ``sys.stdout``/``sys.stderr`` are None,
so ``print`` would raise. The command line then attaches to the console of the parent
process; failing that, output goes nowhere instead of crashing. Off Windows, or when the
streams exist (redirected to a file or pipe), nothing changes.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import TextIO

ATTACH_PARENT_PROCESS = -1


def attach_parent_console() -> bool:
    """Attach to the console of the process that started us (Windows only)."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    return bool(kernel32.AttachConsole(ATTACH_PARENT_PROCESS))


def open_console_stream() -> TextIO:
    # Python opens "CONOUT$" as a Unicode console stream (WriteConsoleW): Chinese prints
    # correctly whatever the console's code page.
    return open("CONOUT$", "w", encoding="utf-8", errors="replace")


def open_null_stream() -> TextIO:
    return open(os.devnull, "w", encoding="utf-8")


def ensure_std_streams(
    attach: bool = True,
    platform: str | None = None,
    attach_console: Callable[[], bool] = attach_parent_console,
    open_console: Callable[[], TextIO] = open_console_stream,
) -> list[str]:
    """Give missing ``sys.stdout``/``sys.stderr`` a usable stream; return the names replaced.

    ``attach=False`` (the desktop program) only swaps in a null stream, so a stray print or
    warning cannot crash the window; ``attach=True`` (the command line) writes to the
    parent's console when there is one.
    """
    if (platform or sys.platform) != "win32":
        return []
    missing = [name for name in ("stdout", "stderr") if getattr(sys, name) is None]
    if not missing:
        return []
    attached = False
    if attach:
        with contextlib.suppress(OSError, AttributeError):
            attached = attach_console()
    for name in missing:
        stream: TextIO | None = None
        if attached:
            with contextlib.suppress(OSError):
                stream = open_console()
        setattr(sys, name, stream or open_null_stream())
    return missing
