"""Font files behind the family names a .docx asks for, and their advance widths."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from models.typeset.fonts import FontResolver, metrics_for, windows_font_index
from tests.models.export.pdf_layout import FONTS_CONF

needs_fontconfig = pytest.mark.skipif(not shutil.which("fc-match"), reason="fontconfig not installed")


@needs_fontconfig
def test_the_tests_fontconfig_maps_gb_names_onto_installed_cjk_fonts():
    resolver = FontResolver(fontconfig_file=FONTS_CONF)
    face = resolver.resolve("仿宋_GB2312")
    if face is None or "CJK" not in face.family:
        pytest.skip("Noto CJK fonts not installed")
    assert Path(face.path).is_file()
    assert face.family == "Noto Serif CJK SC"
    assert not face.same_family("仿宋_GB2312")  # a stand-in, which the font check will say
    assert resolver.resolve("黑体").family == "Noto Sans CJK SC"


@needs_fontconfig
def test_without_the_gb_fonts_a_chinese_name_gets_a_face_with_chinese(tmp_path):
    """Plain fontconfig (no aliases): its default for an unknown name is DejaVu, which has no Chinese; a Chinese
    family name is asked for as a font covering Chinese, as LibreOffice falls back."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    resolver = FontResolver(fontconfig_file=conf)
    if resolver.resolve("仿宋_GB2312") is None or not metrics_for(resolver.resolve("仿宋_GB2312")).has("法"):
        chinese = (
            shutil.which("fc-list")
            and subprocess.run(
                ["fc-list", ":lang=zh-cn", "file"], capture_output=True, text=True, check=False
            ).stdout.strip()
        )
        assert not chinese, "a Chinese font is installed, yet 仿宋_GB2312 resolved to a face without Chinese"
        pytest.skip("no font covering Chinese installed")
    for family in ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"):
        assert metrics_for(resolver.resolve(family)).has("法"), family
    latin = resolver.resolve("Times New Roman")
    assert latin is not None
    assert "CJK" not in latin.family  # a Latin name keeps fontconfig's Latin choice


@needs_fontconfig
def test_cjk_takes_one_em_and_digits_their_own_width():
    face = FontResolver(fontconfig_file=FONTS_CONF).resolve("仿宋_GB2312")
    if face is None or "CJK" not in face.family:
        pytest.skip("Noto CJK fonts not installed")
    metrics = metrics_for(face)
    assert metrics.advance("国") == 1.0
    assert metrics.advance("，") == 1.0
    assert 0.4 < metrics.advance("1") < metrics.advance("2") < 0.6
    assert metrics.ascent > 0.8
    assert metrics.descent > 0.1


def test_no_font_file_gives_standard_widths():
    metrics = metrics_for(None)
    assert metrics.advance("国") == 1.0
    assert metrics.advance("a") == 0.5


def test_windows_lookup_reads_family_names_from_a_font_folder(tmp_path):
    """The Windows path (%WINDIR%\\Fonts, per-user Fonts) on a folder of real font files."""
    source = next(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"), None) if Path("/usr/share/fonts").is_dir() else None
    if source is None:
        pytest.skip("no DejaVu font to copy")
    shutil.copy(source, tmp_path / "DejaVuSans.ttf")
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    (tmp_path / "readme.txt").write_text("x")
    index = windows_font_index([tmp_path])
    face = index["dejavusans"]
    assert face.path == str(tmp_path / "DejaVuSans.ttf")
    assert face.index == 0
    assert face.same_family("DejaVu Sans")


def test_windows_resolver_looks_in_the_system_and_the_user_font_folders(tmp_path, monkeypatch):
    """On Windows the resolver reads %WINDIR%\\Fonts and %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts
    (fonts a user installed without administrator rights land in the second)."""
    source = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not source.is_file():
        pytest.skip("no DejaVu font to link")
    system = tmp_path / "Windows" / "Fonts"
    user = tmp_path / "Local" / "Microsoft" / "Windows" / "Fonts"
    system.mkdir(parents=True)
    user.mkdir(parents=True)
    (user / "DejaVuSans.ttf").symlink_to(source)
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    resolver = FontResolver()
    face = resolver.resolve("DejaVu Sans")
    assert face is not None
    assert face.path == str(user / "DejaVuSans.ttf")
    assert resolver.resolve("仿宋_GB2312") is None  # missing: the font check will say so
    assert metrics_for(resolver.resolve("仿宋_GB2312")).advance("国") == 1.0


def _installed_faces() -> list[tuple[str, int]]:
    found = []
    for pattern in ("NotoSerifCJK-Regular.ttc", "NotoSansCJK-Regular.ttc", "ukai.ttc", "DejaVuSans.ttf"):
        found += (
            [
                (str(path), 2 if path.suffix == ".ttc" and "Noto" in path.name else 0)
                for path in Path("/usr/share/fonts").rglob(pattern)
            ]
            if Path("/usr/share/fonts").is_dir()
            else []
        )
    return found


@pytest.mark.parametrize("face", _installed_faces() or [pytest.param(None, marks=pytest.mark.skip("no fonts"))])
def test_raw_table_lookups_equal_fonttools(face):
    """The fast cmap/hmtx reading gives fontTools' own advances, glyph for glyph."""
    from fontTools.ttLib import TTFont

    from models.typeset.sfnt import fallback_advances, raw_advances

    path, index = face
    font = TTFont(path, fontNumber=index, lazy=True)
    fast, slow = raw_advances(font), fallback_advances(TTFont(path, fontNumber=index, lazy=True))
    assert fast is not None
    codes = [
        *range(0x20, 0x250),
        *range(0x2000, 0x2070),
        *range(0x3000, 0x3040),
        *range(0x4E00, 0x9FA6, 7),
        *range(0xFF00, 0xFF70),
        0x1F600,
        0x20000,
        0x10FFFF,
    ]
    assert [fast(code) for code in codes] == [slow(code) for code in codes]


def test_a_face_of_a_collection_becomes_a_font_file_of_its_own(tmp_path):
    import io

    from fontTools.ttLib import TTCollection, TTFont

    from models.typeset.sfnt import face_data

    collection = next(p for p in Path("/usr/share/fonts").rglob("*.ttc"))  # the tests' Noto CJK
    with TTCollection(str(collection), lazy=True) as faces:
        names = [face["name"].getDebugName(4) for face in faces.fonts]
        glyphs = [face["maxp"].numGlyphs for face in faces.fonts]
    for index in (0, len(names) - 1):
        face = TTFont(io.BytesIO(face_data(str(collection), index)))
        assert face["name"].getDebugName(4) == names[index]
        assert face["maxp"].numGlyphs == glyphs[index]
    plain = next(p for p in Path("/usr/share/fonts").rglob("*.ttf"))
    assert face_data(str(plain), 0) == plain.read_bytes()
    with pytest.raises(ValueError, match="faces"):
        face_data(str(collection), len(names))


def _font_folder(tmp_path: Path) -> Path:
    source = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not source.is_file():
        pytest.skip("no DejaVu font to copy")
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(source, folder / "DejaVuSans.ttf")
    (folder / "broken.ttf").write_bytes(b"not a font")
    return folder


def test_the_windows_index_is_kept_and_only_new_or_changed_files_are_read(tmp_path, monkeypatch):
    import models.typeset.fonts as fonts

    folder = _font_folder(tmp_path)
    cache = tmp_path / "data" / "font-index.json"
    first = windows_font_index([folder], cache)
    assert cache.is_file()
    read: list[str] = []
    real_faces = fonts._faces
    monkeypatch.setattr(fonts, "_faces", lambda path: read.append(path.name) or real_faces(path))
    assert windows_font_index([folder], cache) == first
    assert read == []  # nothing opened: the names came from the cache, the broken file's too
    shutil.copy(folder / "DejaVuSans.ttf", folder / "Second.ttf")
    (folder / "broken.ttf").write_bytes(b"still not a font, but longer")
    again = windows_font_index([folder], cache)
    assert sorted(read) == ["Second.ttf", "broken.ttf"]
    assert again["dejavusans"].path == str(folder / "DejaVuSans.ttf")


@pytest.mark.parametrize("content", ["", "{not json", '{"version": 1, "files": {"x": {"stamp": 1}}}', "[]"])
def test_a_damaged_font_index_cache_is_read_past_and_rewritten(tmp_path, content):
    folder = _font_folder(tmp_path)
    cache = tmp_path / "font-index.json"
    cache.write_text(content, encoding="utf-8")
    assert windows_font_index([folder], cache)["dejavusans"].path == str(folder / "DejaVuSans.ttf")
    assert '"version": 1' in cache.read_text(encoding="utf-8")


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path):
    folder = _font_folder(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert windows_font_index([folder], blocker / "font-index.json")["dejavusans"].index == 0
