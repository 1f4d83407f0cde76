"""Which fonts will print on this machine: per element of the .docx, is its face installed, and
if not, what prints instead and what that changes.

Only "is this family installed": on Windows the font lists in the registry (machine and, since
Windows 10 1809, per user) and the file names in the system and per-user font folders; elsewhere
fontconfig's ``fc-list`` (which, unlike ``fc-match``, never answers with a substitute). Listed
once per run. The faces per element are :mod:`models.export.layout`'s.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.export.layout import FALLBACK_FACES, Faces, faces_for
from models.report import Report

# The elements that share a face, in reading order; the attribute of Faces that names it.
ELEMENTS: tuple[tuple[str, str], ...] = (
    ("标题、发文机关标志", "title"),
    ("正文、三级及以下标题、落款、版记", "fangsong"),
    ("一级标题", "heiti"),
    ("二级标题、签发人姓名", "kaiti"),
    ("页码", "songti"),
)
# Other names a face is registered, listed or stored under (its English family, its usual file).
ALIASES: dict[str, tuple[str, ...]] = {
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "FZXBSJW", "FZXBSJW--GB1-0"),
    "仿宋_GB2312": ("FangSong_GB2312", "FS_GB2312", "SIMFANG_GB2312"),
    "楷体_GB2312": ("KaiTi_GB2312", "KAITI_GB2312", "SIMKAI_GB2312"),
    "仿宋": ("FangSong", "simfang"),
    "楷体": ("KaiTi", "simkai"),
    "黑体": ("SimHei", "simhei"),
    "宋体": ("SimSun", "simsun"),
}
# The free face that the 用仿宋、楷体代替 option (--fallback-fonts) writes instead.
FALLBACKS = {"仿宋_GB2312": FALLBACK_FACES.fangsong, "楷体_GB2312": FALLBACK_FACES.kaiti}
REGISTRY_KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc", ".fon")


@dataclass(frozen=True)
class FaceStatus:
    element: str  # 一级标题
    face: str  # the face the .docx names
    found: bool
    prints_as: str  # what will print: the face itself, or what Word/WPS puts in its place
    effect: str  # what that changes, for the clerk ("" when found)


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def _names(face: str) -> set[str]:
    return {_key(face), *(_key(alias) for alias in ALIASES.get(face, ()))}


def is_installed(face: str, installed: Iterable[str]) -> bool:
    have = {_key(name) for name in installed}
    return bool(_names(face) & have)


def check_faces(faces: Faces, installed: Iterable[str]) -> list[FaceStatus]:
    """Per element, whether ``faces`` (what an export writes) are among ``installed``."""
    have = {_key(name) for name in installed}
    return [_status(element, getattr(faces, attribute), have) for element, attribute in ELEMENTS]


def _status(element: str, face: str, have: set[str]) -> FaceStatus:
    if _names(face) & have:
        return FaceStatus(element, face, True, face, "")
    stand_in = "其他字体（通常是宋体）"
    effect = "字形不同（字宽相同，行数和分页不变）"
    fallback = FALLBACKS.get(face)
    if fallback is not None and _names(fallback) & have:
        effect += f"；可改用本机的{fallback}，字形与{face}几乎相同"
    elif face == "方正小标宋简体":
        effect = "标题笔画变细（字宽相同，行数不变）；方正小标宋简体是商用字体，需另行安装"
    return FaceStatus(element, face, False, stand_in, effect)


def fallback_advised(installed: Iterable[str]) -> bool:
    """The _GB2312 faces are missing but the faces that stand in for them are here: the export
    should write 仿宋/楷体 (``ExportOptions.fallback_fonts``)."""
    names = list(installed)
    return any(not is_installed(face, names) and is_installed(fallback, names) for face, fallback in FALLBACKS.items())


def use_fallback(preferred: bool, installed: Iterable[str] | None) -> bool:
    """Whether an export writes the stand-in faces: the clerk's setting, or advised on this machine
    (``installed`` None: the fonts could not be listed, so nothing is advised)."""
    return preferred or (installed is not None and fallback_advised(installed))


def missing_notice(statuses: Iterable[FaceStatus], fallback_used: bool) -> str:
    """One Chinese line for the command line ("" when every face is installed)."""
    missing = [s for s in statuses if not s.found]
    if not missing:
        return ""
    names = "、".join(f"{s.face}（{s.element}）" for s in missing)
    line = f"本机没有安装 {names}，打印时 Word/WPS 会换用其他字体（通常是宋体），字形不同，行数不变。"
    if not fallback_used and any(s.face in FALLBACKS and "可改用" in s.effect for s in missing):
        line += "加 --fallback-fonts 可改用本机的仿宋、楷体。"
    return line


def machine_notice(fallback_used: bool) -> str:
    """:func:`missing_notice` for this machine ("" when its fonts cannot be listed)."""
    installed = installed_families()
    if installed is None:
        return ""
    return missing_notice(check_faces(faces_for(fallback_used), installed), fallback_used)


def outside_gb2312(report: Report) -> list[str]:
    """The Chinese characters of the report that 仿宋_GB2312 and 楷体_GB2312 lack (outside GB2312,
    such as 喆 堃 珺): Word shows them in another font. In order of first use."""
    seen: dict[str, None] = {}
    texts = [report.meta.title, report.meta.signature, *(n.title + n.text for n in report.walk())]
    for ch in "".join(texts):
        if ch not in seen and ("\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003ffff"):
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                seen[ch] = None
    return list(seen)


# --- what this machine has ---


def parse_fc_list(output: str) -> set[str]:
    """``fc-list --format '%{family}\\n'``: one face per line, its names separated by commas."""
    return {name.strip() for line in output.splitlines() for name in line.split(",") if name.strip()}


def parse_registry_names(names: Iterable[str]) -> set[str]:
    """Registry value names such as ``SimSun & NSimSun (TrueType)`` → ``SimSun``, ``NSimSun``."""
    found = set()
    for name in names:
        base = name.split(" (")[0] if name.endswith(")") else name
        found.update(part.strip() for part in base.split("&") if part.strip())
    return found


def file_stems(folders: Iterable[Path]) -> set[str]:
    """The font files' names without their extension (FZXBSJW.TTF → FZXBSJW)."""
    stems = set()
    for folder in folders:
        try:
            stems.update(p.stem for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
        except OSError:
            continue
    return stems


def _registry_names() -> set[str]:
    import winreg  # Windows only

    names: set[str] = set()
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, REGISTRY_KEY) as key:
                count = winreg.QueryInfoKey(key)[1]
                names.update(parse_registry_names(winreg.EnumValue(key, i)[0] for i in range(count)))
        except OSError:
            continue
    return names


def _windows_families() -> set[str]:
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    if local := os.environ.get("LOCALAPPDATA"):
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return _registry_names() | file_stems(folders)


def _fontconfig_families() -> set[str] | None:
    try:
        done = subprocess.run(
            ["fc-list", "--format", "%{family}\n"], capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return parse_fc_list(done.stdout)


@cache
def installed_families() -> frozenset[str] | None:
    """The font families (and font file names) of this machine; None when they cannot be listed."""
    families = _windows_families() if sys.platform == "win32" else _fontconfig_families()
    return frozenset(families) if families is not None else None
