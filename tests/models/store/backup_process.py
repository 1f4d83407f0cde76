"""A process that makes backups of a library, for the backup fault tests.

Usage: python -m tests.models.store.backup_process LIBRARY [FILE_SIZE_LIMIT]
Prints "ready" once open, then the name of every backup as ``Library.backup`` returns it, one after
another until killed. With FILE_SIZE_LIMIT (POSIX only), no file may grow past that many bytes, as
on a disk that fills up: it makes one backup and prints "failed: <message>" or the name.
"""

from __future__ import annotations

import sys
from pathlib import Path

from models.errors import LibraryError
from models.store import Library

KEEP = 3


def limit_file_size(limit: int) -> None:
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def main() -> None:
    path = Path(sys.argv[1])
    with Library(path) as lib:
        print("ready", flush=True)
        if len(sys.argv) > 2:
            limit_file_size(int(sys.argv[2]))
            try:
                print(lib.backup(keep=KEEP).name, flush=True)
            except LibraryError as exc:
                print(f"failed: {exc}", flush=True)
            return
        while True:
            print(lib.backup(keep=KEEP).name, flush=True)


if __name__ == "__main__":
    main()
