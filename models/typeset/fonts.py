"""Which font file prints a family a .docx asks for, and its advance widths (fontTools).

Linux and macOS ask fontconfig (``fc-match``; ``FONTCONFIG_FILE`` is honoured, so the tests get
their GB-name aliases); Windows reads the family names of the files in the system and per-user
font folders. Metrics are read once per face and cached: a CJK font's cmap is large.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont, TTLibError

from models.errors import NianbaoError
from models.typeset.sfnt import fallback_advances, raw_advances

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


@dataclass(frozen=True)
class FontFace:
    """One face in a font file (``index`` within a .ttc collection)."""

    path: str
    index: int
    family: str  # the family the file names itself

    def same_family(self, asked: str) -> bool:
        return _fold(self.family) == _fold(asked)


def _fold(name: str) -> str:
    return name.replace(" ", "").casefold()


class FontResolver:
    """Family name → :class:`FontFace` of the file that will print it; ``None`` when no file is found."""

    def __init__(self, fontconfig_file: Path | None = None) -> None:
        self.fontconfig_file = fontconfig_file  # a configuration of its own (the tests' GB-name aliases)
        self._cache: dict[str, FontFace | None] = {}
        self._lock = threading.Lock()
        self._windows_index: dict[str, FontFace] | None = None

    def resolve(self, family: str) -> FontFace | None:
        with self._lock:
            if family not in self._cache:
                self._cache[family] = (
                    self._windows(family) if sys.platform == "win32" else _fontconfig(family, self.fontconfig_file)
                )
            return self._cache[family]

    def _windows(self, family: str) -> FontFace | None:
        if self._windows_index is None:
            from models.paths import app_data_dir

            self._windows_index = windows_font_index(windows_font_folders(), app_data_dir() / "font-index.json")
        return self._windows_index.get(_fold(family))


def _fontconfig(family: str, config: Path | None = None) -> FontFace | None:
    if not shutil.which("fc-match"):
        return None
    env = {**os.environ, "FONTCONFIG_FILE": str(config)} if config else None
    # A Chinese family name (仿宋_GB2312, 黑体…) is asked for as a font covering Chinese: without the GB fonts,
    # fontconfig's default for an unknown name is DejaVu, which has no Chinese at all; LibreOffice falls back
    # to a Chinese face there (Noto CJK), and so does this.
    pattern = f"{family}:lang=zh-cn" if not family.isascii() else family
    try:
        result = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{index}\n%{family[0]}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
            env=env,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path, index, found = [*result.stdout.split("\n"), "", "", ""][:3]
    if not path or not Path(path).is_file():
        return None
    return FontFace(path, int(index or 0), found)


def windows_font_folders() -> list[Path]:
    """The system font folder and the per-user one (fonts installed without administrator rights)."""
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return [folder for folder in folders if folder.is_dir()]


def windows_font_index(folders: list[Path], cache: Path | None = None) -> dict[str, FontFace]:
    """Every family name (English and Chinese, as the name table gives them) → its regular face.
    Bold or italic faces of a family only stand in when no regular one is found.

    With ``cache``, the names read from each file are kept there, keyed by its size and date, so a
    later process reads only the files that are new or changed (a Windows font folder holds hundreds,
    several of them large CJK collections)."""
    known = _read_index_cache(cache)
    entries: dict[str, _CacheEntry] = {}
    index: dict[str, FontFace] = {}
    regular: set[str] = set()
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in FONT_SUFFIXES:
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            stamp = [stat.st_size, stat.st_mtime_ns]
            faces = _cached_faces(known.get(str(path)), stamp)
            if faces is None:
                faces = [list(_family_names(font)) for font in _faces(path)]
            entries[str(path)] = {"stamp": stamp, "faces": faces}
            for number, (names, is_regular) in enumerate(faces):
                for name in names:
                    key = _fold(name)
                    if key not in index or (is_regular and key not in regular):
                        index[key] = FontFace(str(path), number, names[0])
                        if is_regular:
                            regular.add(key)
    if cache is not None and entries != known:
        _write_index_cache(cache, entries)
    return index


_CacheEntry = dict  # {"stamp": [size, mtime_ns], "faces": [[names, is_regular], …]}


def _read_index_cache(cache: Path | None) -> dict[str, _CacheEntry]:
    """The cached entries by path, or none when the file is missing, unreadable or of another version."""
    if cache is None:
        return {}
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) and data.get("version") == _CACHE_VERSION else None
    return files if isinstance(files, dict) else {}


def _cached_faces(entry: object, stamp: list[int]) -> list[list] | None:
    """An entry's faces when it is for this size and date and has the shape written here; else ``None``."""
    if not isinstance(entry, dict) or entry.get("stamp") != stamp or not isinstance(entry.get("faces"), list):
        return None
    faces = entry["faces"]
    for face in faces:
        if not (isinstance(face, list) and len(face) == 2 and isinstance(face[1], bool) and isinstance(face[0], list)):
            return None
        if not all(isinstance(name, str) for name in face[0]):
            return None
    return faces


def _write_index_cache(cache: Path, entries: dict[str, _CacheEntry]) -> None:
    from models.fileio import write_atomic

    data = json.dumps({"version": _CACHE_VERSION, "files": entries}, ensure_ascii=False).encode("utf-8")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache, data)
    except (OSError, NianbaoError):
        pass  # only a cache: the next process reads the fonts again


_CACHE_VERSION = 1


def _faces(path: Path) -> list[TTFont]:
    try:
        with path.open("rb") as stream:
            collection = stream.read(4) == b"ttcf"
        if collection:
            return list(TTCollection(str(path), lazy=True).fonts)
        return [TTFont(str(path), lazy=True)]
    except (OSError, TTLibError, AssertionError, ValueError):
        return []  # an unreadable file in the folder is not ours to fix


def _family_names(font: TTFont) -> tuple[list[str], bool]:
    """The family names a font file gives (Chinese and English), and whether it is a regular face."""
    try:
        table = font["name"]
    except (KeyError, TTLibError, AssertionError):
        return [], False
    names = []
    for record in table.names:
        if record.nameID in (1, 16):
            try:
                names.append(record.toUnicode())
            except UnicodeDecodeError:
                continue  # an old Mac-encoded record; the Windows records carry the same name
    subfamily = (table.getDebugName(2) or "").casefold()
    return list(dict.fromkeys(name for name in names if name)), subfamily in ("regular", "normal", "book", "常规", "")


@dataclass
class FontMetrics:
    """Advance widths (in em) and vertical metrics of one face."""

    face: FontFace | None
    ascent: float = 0.88  # em above the baseline
    descent: float = 0.12  # em below it

    def __post_init__(self) -> None:
        self._advances: dict[str, float] = {}
        self._lookup: Callable[[int], int | None] = lambda code: None
        self._upm = 1000
        if self.face is None:
            return
        font = TTFont(self.face.path, fontNumber=self.face.index, lazy=True)
        self._lookup = raw_advances(font) or fallback_advances(font)
        self._upm = font["head"].unitsPerEm
        os2 = font.get("OS/2")
        if os2 is not None and os2.usWinAscent:
            self.ascent, self.descent = os2.usWinAscent / self._upm, os2.usWinDescent / self._upm
        else:
            hhea = font["hhea"]
            self.ascent, self.descent = hhea.ascent / self._upm, -hhea.descent / self._upm

    def has(self, ch: str) -> bool:
        return self._lookup(ord(ch)) is not None

    def advance(self, ch: str) -> float:
        """The advance of ``ch`` in em; a character the face lacks gets the usual width for its kind."""
        width = self._advances.get(ch)
        if width is None:
            units = self._lookup(ord(ch))
            width = units / self._upm if units is not None else (1.0 if is_wide(ch) else 0.5)
            self._advances[ch] = width
        return width


@functools.cache
def is_wide(ch: str) -> bool:
    """A character that takes a full cell (CJK ideographs, full-width forms and punctuation)."""
    return unicodedata.east_asian_width(ch) in "WF"


_metrics_lock = threading.Lock()


@functools.lru_cache(maxsize=32)
def _load(face: FontFace | None) -> FontMetrics:
    return FontMetrics(face)


def metrics_for(face: FontFace | None) -> FontMetrics:
    """Cached metrics of a face (``None``: no file found; standard widths are assumed)."""
    with _metrics_lock:
        try:
            return _load(face)
        except (OSError, TTLibError, KeyError, AssertionError):
            return _load(None)


DEFAULT_RESOLVER = FontResolver()
