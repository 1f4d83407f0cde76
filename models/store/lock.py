"""An OS-level lock beside the library so two programs never edit one library at once.

The lock is held on an open file handle (``flock`` on POSIX, ``msvcrt.locking`` on
Windows), so the OS drops it when the process dies: a crash never leaves a stale lock.
The file's text says who holds it, for the message the second program shows.

Not the ``filelock`` package: on Windows it locks byte 0, which would make the holder text
unreadable to the refused program (Windows byte locks are mandatory), and a program locking
another byte than this one (1 MiB in) would not exclude a copy of an older version on
another computer sharing the library folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import IO

from models.errors import LibraryError, LibraryLockedError
from models.fileio import os_error_reason

_REGION = 1 << 20  # Windows locks a byte region; lock one far past the holder text


class LibraryLock:
    def __init__(self, library_path: Path) -> None:
        self.path = lock_path(library_path)
        self._handle: IO[bytes] | None = None
        self._created = False

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, retrying for up to ``wait`` seconds; raise LibraryLockedError."""
        try:
            self._created = not self.path.exists()
            handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        except OSError as exc:  # on Windows the first sign of a folder we may not write to
            raise LibraryError(
                f"无法创建资料库的锁定文件 {self.path}：{os_error_reason(exc)}。请确认资料库所在的文件夹可以写入。"
            ) from exc
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                handle.close()
                self._created = False  # the holder's file, though it may have come after our look
                holder = self.holder()
                raise LibraryLockedError(_locked_message(holder), holder)
            time.sleep(0.05)
        self._handle = handle
        self._write_holder()

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def discard(self) -> None:
        """Release the lock and remove its file if this lock made it (a refused file keeps nothing beside it)."""
        self.release()
        if self._created:
            self._created = False
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def holder(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8") or "{}"))
        except (OSError, ValueError, TypeError):
            return {}

    def _write_holder(self) -> None:
        assert self._handle is not None
        info = {"host": _host_name(), "pid": str(os.getpid()), "since": datetime.now().strftime("%Y-%m-%d %H:%M")}
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
        self._handle.flush()


def lock_path(library_path: Path) -> Path:
    """The lock file, beside the file itself: one lock for every path to the same library (a
    symbolic link, ``..`` in the path, a mapped folder; on Windows, a name in other capitals)."""
    real = library_path.resolve()
    if sys.platform == "win32":
        real = Path(os.path.normcase(real))
    return real.with_name(real.name + ".lock")


def _host_name() -> str:
    """The computer's name as Windows shows it (系统属性), or uname's elsewhere; not through
    ``socket``, whose import would cost every start a few milliseconds."""
    return os.environ.get("COMPUTERNAME") or (os.uname().nodename if hasattr(os, "uname") else "?")


def _locked_message(holder: dict[str, str]) -> str:
    if not holder:
        return "资料库正被另一个年报助手窗口使用，请先关闭那个窗口后再试。"
    return (
        f"资料库正被计算机“{holder.get('host', '?')}”上的年报助手使用"
        f"（进程 {holder.get('pid', '?')}，自 {holder.get('since', '?')} 起），请先关闭那个窗口后再试。"
    )


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(_REGION)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_REGION)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
