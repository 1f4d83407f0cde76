"""models.console: the windowed Windows build's missing stdout/stderr get a usable stream."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from models.console import ensure_std_streams


@contextmanager
def without_std_streams() -> Iterator[None]:
    """What a GUI-subsystem executable started without redirection sees; restored afterwards.

    Inside the test body, not a fixture: pytest puts its capture streams back between phases.
    """
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = None  # type: ignore[assignment]
    try:
        yield
    finally:
        given = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = saved
        for stream in given:
            if stream is not None and stream not in saved:
                stream.close()


def refuse() -> bool:
    raise AssertionError("must not attach")


def test_off_windows_nothing_changes() -> None:
    with without_std_streams():
        assert ensure_std_streams(platform="linux", attach_console=refuse) == []
        assert sys.stdout is None


def test_existing_streams_are_kept() -> None:
    assert ensure_std_streams(platform="win32", attach_console=refuse) == []


def test_command_line_writes_to_the_parent_console() -> None:
    console = io.StringIO()
    console.close = lambda: None  # type: ignore[method-assign]  # read it after the streams are restored
    with without_std_streams():
        replaced = ensure_std_streams(platform="win32", attach_console=lambda: True, open_console=lambda: console)
        print("报告编号 1")
        print("错误：示例", file=sys.stderr)
    assert replaced == ["stdout", "stderr"]
    assert console.getvalue() == "报告编号 1\n错误：示例\n"


def test_no_parent_console_means_output_is_dropped_not_a_crash() -> None:
    with without_std_streams():
        ensure_std_streams(platform="win32", attach_console=lambda: False, open_console=refuse)  # type: ignore[arg-type]
        print("无处可写也不出错")
        assert sys.stdout is not None
        assert sys.stderr is not None


def test_console_that_cannot_be_opened_falls_back_to_null() -> None:
    def broken() -> io.StringIO:
        raise OSError("no CONOUT$")

    with without_std_streams():
        ensure_std_streams(platform="win32", attach_console=lambda: True, open_console=broken)
        print("仍然不出错", file=sys.stderr)
        assert sys.stderr is not None


def test_failing_attach_falls_back_to_null() -> None:
    def attach_fails() -> bool:
        raise OSError("no kernel32")

    with without_std_streams():
        ensure_std_streams(platform="win32", attach_console=attach_fails, open_console=refuse)  # type: ignore[arg-type]
        print("仍然不出错")
        assert sys.stdout is not None


def test_desktop_program_never_attaches() -> None:
    with without_std_streams():
        ensure_std_streams(attach=False, platform="win32", attach_console=refuse)
        print("窗口程序里的零星输出")
        assert sys.stdout is not None


def test_only_the_missing_stream_is_replaced() -> None:
    console = io.StringIO()
    with without_std_streams():
        piped = io.StringIO()
        sys.stdout = piped
        replaced = ensure_std_streams(platform="win32", attach_console=lambda: True, open_console=lambda: console)
        assert sys.stdout is piped
        assert sys.stderr is console
    assert replaced == ["stderr"]
