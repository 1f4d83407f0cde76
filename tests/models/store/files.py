"""What a test compares to say a file was left untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_state(path: Path) -> tuple[str, int, list[str]]:
    """The file's bytes (as a hash), its modification time and what lies beside it (-wal, -shm, .lock)."""
    return digest(path), path.stat().st_mtime_ns, sorted(p.name for p in path.parent.iterdir())
