"""A layout bug reaches the clerk as a Chinese sentence, the details (the exception) in the log only."""

from __future__ import annotations

import logging

import pytest

from models.export import ExportOptions
from tests.seed_report import seed_report
from ui.pages import layout_worker
from ui.pages.layout_worker import LayoutWorker


def test_an_internal_layout_error_says_so_in_chinese_and_logs_the_details(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object) -> None:
        raise KeyError("toc_entry")

    monkeypatch.setattr(layout_worker, "typeset", broken)
    worker = LayoutWorker(seed_report(), ExportOptions(), 7)
    failures: list[tuple[int, str]] = []
    worker.signals.failed.connect(lambda generation, message: failures.append((generation, message)))
    with caplog.at_level(logging.ERROR):
        worker.run()
    assert failures == [(7, "排版失败（程序内部错误），详情已写入日志。")]
    assert "KeyError" in caplog.text
