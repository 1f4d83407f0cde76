"""Fixtures for driving the real main window offscreen on a library in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.store import Library
from ui.dialogs import alerts
from ui.gc_guard import MainThreadCollector, collect_on_gui_thread
from ui.session import Session
from ui.settings import AppSettings
from ui.window.main_window import MainWindow


class Alerts:
    """Records what would have been shown; answers questions with ``answer``."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.questions: list[str] = []
        self.labels: list[dict[str, str]] = []  # the button labels a question was asked with, if not 是/否
        self.answer = True
        self.text_answer = ("测试版本", True)


@pytest.fixture(scope="session", autouse=True)
def gc_on_gui_thread(qapp) -> Iterator[MainThreadCollector]:  # type: ignore[no-untyped-def]
    """As in the program (ui/app.py): cyclic garbage is collected on the GUI thread only."""
    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> Alerts:
    record = Alerts()
    monkeypatch.setattr(alerts, "show_error", lambda parent, text: record.errors.append(text))
    monkeypatch.setattr(alerts, "show_info", lambda parent, text: record.infos.append(text))

    def ask(parent: object, text: str, **labels: str) -> bool:
        record.questions.append(text)
        record.labels.append(labels)
        return record.answer

    monkeypatch.setattr(alerts, "ask_yes_no", ask)
    monkeypatch.setattr(alerts, "ask_text", lambda *args: record.text_answer)
    return record


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def make_window(qtbot, library_path: Path) -> Iterator[WindowFactory]:
    """Build a window on the library; each call opens the library anew (as a restart does)."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        session = Session(Library(library_path), AppSettings())
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show_library()
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.session.library.is_open:
            window.close()


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


@pytest.fixture
def example_window(window: MainWindow) -> MainWindow:
    window.open_example()
    assert window.session.report is not None
    return window
