"""Which faces will print, with fake font lists as Windows and fontconfig give them."""

from __future__ import annotations

from pathlib import Path

from models.export import font_check
from models.export.font_check import (
    check_faces,
    fallback_advised,
    file_stems,
    missing_notice,
    outside_gb2312,
    parse_fc_list,
    parse_registry_names,
)
from models.export.layout import FALLBACK_FACES, STANDARD_FACES
from models.report import SECTION, Node, Report, ReportMeta

# A Chinese Windows 10 without the government fonts: the registry lists English names.
PLAIN_WINDOWS = parse_registry_names(
    [
        "SimSun & NSimSun (TrueType)",
        "SimHei (TrueType)",
        "FangSong (TrueType)",
        "KaiTi (TrueType)",
        "Microsoft YaHei & Microsoft YaHei UI (TrueType)",
        "Times New Roman (TrueType)",
    ]
)


def by_element(statuses: list[font_check.FaceStatus]) -> dict[str, font_check.FaceStatus]:
    return {s.element: s for s in statuses}


def test_registry_names_are_split_into_families() -> None:
    assert {"SimSun", "NSimSun", "SimHei", "FangSong", "KaiTi"} <= PLAIN_WINDOWS
    assert "SimSun & NSimSun (TrueType)" not in PLAIN_WINDOWS


def test_missing_gb2312_faces_are_named_with_what_prints_instead() -> None:
    statuses = by_element(check_faces(STANDARD_FACES, PLAIN_WINDOWS))
    body = statuses["正文、三级及以下标题、落款、版记"]
    assert (body.face, body.found) == ("仿宋_GB2312", False)
    assert body.prints_as == "其他字体（通常是宋体）"
    assert "可改用本机的仿宋" in body.effect
    title = statuses["标题、发文机关标志"]
    assert not title.found
    assert "商用字体" in title.effect
    assert statuses["一级标题"].found  # 黑体 is registered as SimHei
    assert statuses["页码"].found
    assert fallback_advised(PLAIN_WINDOWS)


def test_with_the_fallback_option_only_the_title_face_is_missing() -> None:
    statuses = check_faces(FALLBACK_FACES, PLAIN_WINDOWS)
    assert [s.face for s in statuses if not s.found] == ["方正小标宋简体"]
    notice = missing_notice(statuses, fallback_used=True)
    assert notice.startswith("本机没有安装 方正小标宋简体（标题、发文机关标志）")
    assert "--fallback-fonts" not in notice


def test_a_machine_with_every_face_says_nothing() -> None:
    everything = PLAIN_WINDOWS | {"仿宋_GB2312", "KaiTi_GB2312", "FZXBSJW"}  # a file name counts too
    assert all(s.found for s in check_faces(STANDARD_FACES, everything))
    assert missing_notice(check_faces(STANDARD_FACES, everything), fallback_used=False) == ""
    assert not fallback_advised(everything)


def test_the_notice_offers_the_option_when_it_would_help() -> None:
    notice = missing_notice(check_faces(STANDARD_FACES, PLAIN_WINDOWS), fallback_used=False)
    assert "仿宋_GB2312（正文" in notice
    assert notice.endswith("加 --fallback-fonts 可改用本机的仿宋、楷体。")
    assert "\n" not in notice
    bare = {"Noto Serif CJK SC"}  # no 仿宋 either: the option would not help
    assert "--fallback-fonts" not in missing_notice(check_faces(STANDARD_FACES, bare), fallback_used=False)
    assert not fallback_advised(bare)


def test_fc_list_output_gives_every_name_of_a_face() -> None:
    names = parse_fc_list("Noto Serif CJK SC,Noto Serif CJK SC Regular\nAR PL UKai CN\n\nDejaVu Sans\n")
    assert names == {"Noto Serif CJK SC", "Noto Serif CJK SC Regular", "AR PL UKai CN", "DejaVu Sans"}
    assert not any(s.found for s in check_faces(STANDARD_FACES, names) if s.face != "宋体")


def test_font_files_in_a_folder_count_by_name(tmp_path: Path) -> None:
    (tmp_path / "FZXBSJW.TTF").write_bytes(b"")
    (tmp_path / "simfang.ttf").write_bytes(b"")
    (tmp_path / "readme.txt").write_text("x")
    stems = file_stems([tmp_path, tmp_path / "missing"])
    assert stems == {"FZXBSJW", "simfang"}
    statuses = by_element(check_faces(FALLBACK_FACES, stems))
    assert statuses["标题、发文机关标志"].found
    assert statuses["正文、三级及以下标题、落款、版记"].found


def test_this_machine_is_listed_once(monkeypatch) -> None:
    font_check.installed_families.cache_clear()
    calls = []
    monkeypatch.setattr(font_check, "_fontconfig_families", lambda: calls.append(1) or {"仿宋"})
    monkeypatch.setattr(font_check, "_windows_families", lambda: calls.append(1) or {"仿宋"})
    assert font_check.installed_families() == frozenset({"仿宋"})
    assert font_check.installed_families() == frozenset({"仿宋"})
    assert calls == [1]
    font_check.installed_families.cache_clear()


def test_characters_outside_gb2312_are_listed_once() -> None:
    report = Report(meta=ReportMeta(title="关于某局的报告"), body=[Node(SECTION, "张喆同志", "王堃、张喆负责。")])
    assert outside_gb2312(report) == ["喆", "堃"]


def test_windows_reads_the_registry_and_both_font_folders(tmp_path: Path, monkeypatch) -> None:
    system, user = tmp_path / "Windows", tmp_path / "AppData" / "Local"
    (system / "Fonts").mkdir(parents=True)
    (user / "Microsoft" / "Windows" / "Fonts").mkdir(parents=True)
    (system / "Fonts" / "simhei.ttf").write_bytes(b"")
    (user / "Microsoft" / "Windows" / "Fonts" / "FZXBSJW.TTF").write_bytes(b"")  # installed without admin rights
    monkeypatch.setenv("WINDIR", str(system))
    monkeypatch.setenv("LOCALAPPDATA", str(user))
    monkeypatch.setattr(font_check, "_registry_names", lambda: parse_registry_names(["仿宋_GB2312 (TrueType)"]))
    families = font_check._windows_families()
    assert families == {"simhei", "FZXBSJW", "仿宋_GB2312"}
    found = {s.face for s in check_faces(STANDARD_FACES, families) if s.found}
    assert found == {"方正小标宋简体", "仿宋_GB2312", "黑体"}


def test_the_stand_in_faces_are_used_when_set_or_advised_here() -> None:
    everything = PLAIN_WINDOWS | {"仿宋_GB2312", "KaiTi_GB2312", "FZXBSJW"}
    assert font_check.use_fallback(False, PLAIN_WINDOWS)  # advised: the _GB2312 faces missing, 仿宋 here
    assert not font_check.use_fallback(False, everything)
    assert font_check.use_fallback(True, everything)  # the clerk's setting
    assert not font_check.use_fallback(False, None)  # fonts not listed: nothing advised
    assert font_check.use_fallback(True, None)
