"""Glyph advances straight from a font's raw ``cmap`` and ``hmtx`` tables.

fontTools decompiles a CJK font's whole character map and metrics (≈ 65,000 glyphs, 0.2–0.5 s a
face); a layout needs a few thousand characters. Here the tables stay bytes: a character's glyph is
found by binary search in the cmap subtable (format 12 or 4), its advance read at its offset in
``hmtx``. Faces with other cmap formats use fontTools' tables (:func:`fallback_advances`).
"""

from __future__ import annotations

import bisect
import struct
import sys
from array import array
from collections.abc import Callable

from fontTools.ttLib import TTFont

# (platform, encoding) in the order a renderer prefers them: full Unicode first.
_PREFERRED = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3))


def _uint32s(data: bytes, offset: int, count: int) -> array:
    values = array("I")
    values.frombytes(data[offset : offset + 4 * count])
    if sys.byteorder == "little":
        values.byteswap()  # the tables are big-endian
    return values


def _uint16s(data: bytes, offset: int, count: int) -> array:
    values = array("H")
    values.frombytes(data[offset : offset + 2 * count])
    if sys.byteorder == "little":
        values.byteswap()
    return values


def _format12(data: bytes, offset: int) -> Callable[[int], int]:
    (groups,) = struct.unpack_from(">L", data, offset + 12)
    table = _uint32s(data, offset + 16, 3 * groups)
    starts, ends, glyphs = table[0::3], table[1::3], table[2::3]

    def glyph(code: int) -> int:
        i = bisect.bisect_right(starts, code) - 1
        return glyphs[i] + code - starts[i] if i >= 0 and code <= ends[i] else 0

    return glyph


def _format4(data: bytes, offset: int) -> Callable[[int], int]:
    (segments,) = struct.unpack_from(">H", data, offset + 6)
    segments //= 2
    ends = _uint16s(data, offset + 14, segments)
    starts = _uint16s(data, offset + 16 + 2 * segments, segments)
    deltas = _uint16s(data, offset + 16 + 4 * segments, segments)
    range_base = offset + 16 + 6 * segments
    ranges = _uint16s(data, range_base, segments)

    def glyph(code: int) -> int:
        i = bisect.bisect_left(ends, code)
        if i >= segments or code < starts[i]:
            return 0
        if ranges[i] == 0:
            return (code + deltas[i]) & 0xFFFF
        (found,) = struct.unpack_from(">H", data, range_base + 2 * i + ranges[i] + 2 * (code - starts[i]))
        return (found + deltas[i]) & 0xFFFF if found else 0

    return glyph


def _cmap_lookup(data: bytes) -> Callable[[int], int] | None:
    (count,) = struct.unpack_from(">H", data, 2)
    records = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", data, 4 + 8 * i)
        records.setdefault((platform, encoding), offset)
    for key in _PREFERRED:
        offset = records.get(key)
        if offset is None:
            continue
        (fmt,) = struct.unpack_from(">H", data, offset)
        if fmt == 12:
            return _format12(data, offset)
        if fmt == 4:
            return _format4(data, offset)
    return None


def raw_glyphs(font: TTFont) -> Callable[[int], int] | None:
    """Code point → glyph index (0: none) from the raw cmap, ``None`` when no subtable is read here."""
    try:
        return _cmap_lookup(font.reader["cmap"])
    except (KeyError, struct.error):
        return None


def raw_advances(font: TTFont) -> Callable[[int], int | None] | None:
    """Code point → advance in font units (``None``: no glyph), or ``None`` when the cmap has no
    subtable of a format read here."""
    try:
        lookup = _cmap_lookup(font.reader["cmap"])
        hmtx = font.reader["hmtx"]
    except (KeyError, struct.error):
        return None
    if lookup is None:
        return None
    metrics = font["hhea"].numberOfHMetrics
    advances = _uint16s(hmtx, 0, 2 * metrics)[0::2]

    def advance(code: int) -> int | None:
        glyph = lookup(code)
        if not glyph:
            return None
        return advances[min(glyph, metrics - 1)]  # glyphs past the long metrics share the last advance

    return advance


def fallback_advances(font: TTFont) -> Callable[[int], int | None]:
    """The same through fontTools' decompiled tables (any cmap format)."""
    cmap = font.getBestCmap() or {}
    hmtx = font["hmtx"]

    def advance(code: int) -> int | None:
        name = cmap.get(code)
        return None if name is None else hmtx[name][0]

    return advance


def face_data(path: str, index: int) -> bytes:
    """One face of a font file as a font file of its own: the face itself for a plain .ttf/.otf,
    a standalone sfnt (its table directory and tables copied out) for face ``index`` of a .ttc/.otc
    collection. Drawers that load fonts from data without a face index (Qt's ``QRawFont``) need it."""
    with open(path, "rb") as file:
        data = file.read()
    if data[:4] != b"ttcf":
        return data
    (count,) = struct.unpack_from(">L", data, 8)
    if not 0 <= index < count:
        raise ValueError(f"{path} has {count} faces, not face {index}")
    (start,) = struct.unpack_from(">L", data, 12 + 4 * index)
    version, tables = struct.unpack_from(">LH", data, start)
    records = [struct.unpack_from(">4sLLL", data, start + 12 + 16 * i) for i in range(tables)]
    head = struct.pack(">LHHHH", version, tables, *struct.unpack_from(">HHH", data, start + 6))
    offset = 12 + 16 * tables
    directory, bodies = [head], []
    for tag, checksum, table_offset, length in records:
        directory.append(struct.pack(">4sLLL", tag, checksum, offset, length))
        body = data[table_offset : table_offset + length]
        body += b"\0" * (-length % 4)  # tables start on 4-byte boundaries
        bodies.append(body)
        offset += len(body)
    return b"".join(directory + bodies)
