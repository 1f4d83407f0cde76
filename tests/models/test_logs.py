from __future__ import annotations

import logging
from pathlib import Path

from models.logs import setup_logging


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
        for handler in root.handlers[len(before):]:
            root.removeHandler(handler)
            handler.close()


def test_unwritable_log_folder_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert setup_logging(folder=blocker / "logs") is None
