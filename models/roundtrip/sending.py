"""Sending a file out: one record in the library per 填报文件 or 审阅稿, holding the text of every
anchored area as read back from the file itself, so a later merge compares with what was sent."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from models.fileio import write_atomic
from models.roundtrip.reading import read_docx_bytes
from models.roundtrip.records import HEADING, Area
from models.store import Library


def send_file(
    library: Library,
    report_id: int,
    kind: str,
    target: Path,
    build: Callable[[int], bytes],
    unit: str = "",
    markers: Mapping[int, str] | None = None,
) -> int:
    """Record the file, build it (``build`` takes the record's id, which its anchors carry), keep
    each area's text and write it; returns the record's id. A file that cannot be built or
    written leaves no record. ``markers``: a heading's numbering by node id (二、（三）)."""
    markers = markers or {}
    file_id = library.add_sent_file(report_id, kind, unit)
    try:
        data = build(file_id)
        read = read_docx_bytes(data, target.name)
        areas = [
            Area(node_id, role, found.accepted, markers.get(node_id, "") if role == HEADING else "")
            for (node_id, role), found in read.areas.items()
        ]
        library.set_sent_file_areas(file_id, areas, read.outside.accepted)
        write_atomic(target, data)
    except BaseException:
        library.discard_sent_file(file_id)
        raise
    return file_id
