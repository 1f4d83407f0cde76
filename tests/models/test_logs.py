from __future__ import annotations

import logging
from pathlib import Path

from models.logs import rotate, setup_logging


def test_log_file_written_once_per_target(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        first = setup_logging(folder=tmp_path)
        second = setup_logging(folder=tmp_path)
        assert first == second == tmp_path / "nianbao.log"
        assert len(root.handlers) == len(before) + 1
        logging.getLogger("models.test").warning("资料库已打开")
        for handler in root.handlers:
            handler.flush()
        assert "资料库已打开" in first.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[len(before) :]:
            root.removeHandler(handler)
            handler.close()


def test_unwritable_log_folder_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert setup_logging(folder=blocker / "logs") is None


def test_a_full_log_is_rotated_at_start_and_the_oldest_dropped(tmp_path: Path) -> None:
    log = tmp_path / "nianbao.log"
    for name, text in [
        ("nianbao.log", "新" * 10),
        ("nianbao.log.1", "一"),
        ("nianbao.log.2", "二"),
        ("nianbao.log.3", "三"),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    rotate(log, max_bytes=20)
    assert not log.exists()
    assert [(tmp_path / f"nianbao.log.{n}").read_text(encoding="utf-8") for n in (1, 2, 3)] == ["新" * 10, "一", "二"]


def test_a_small_log_is_kept(tmp_path: Path) -> None:
    log = tmp_path / "nianbao.log"
    log.write_text("短", encoding="utf-8")
    rotate(log, max_bytes=20)
    assert log.read_text(encoding="utf-8") == "短"
    assert not (tmp_path / "nianbao.log.1").exists()
