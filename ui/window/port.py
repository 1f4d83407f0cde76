"""The narrow view of the main window that its command groups and controllers get.

They receive this port and the session (some also the actions or the tree view); the window
keeps its docks and forms to itself and does what they ask through these few calls.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QDockWidget, QWidget

from models.report import Node

MESSAGE_MS = 6000


class WindowPort(Protocol):
    def widget(self) -> QWidget:
        """The window as the parent of dialogs and helper objects."""
        ...

    def show_message(self, text: str, timeout_ms: int = MESSAGE_MS) -> None:
        """A passing message in the status bar."""
        ...

    def current_node(self) -> Node | None: ...

    def select_node(self, node: Node) -> None: ...

    def reveal(self, node_id: int | None, field: str, start: int, end: int) -> None:
        """Select characters ``start:end`` of a field (``title``, ``text`` or ``meta.*``;
        node None for the report's metadata) in its editor, and focus it."""
        ...

    def open_report(self, report_id: int) -> None: ...

    def show_library(self) -> None: ...

    def selected_report_id(self) -> int | None:
        """The report selected on the library page, if any."""
        ...

    def show_dock(self, dock: QDockWidget, height: int) -> None:
        """Show (placing it at the bottom the first time) and raise one of the window's docks."""
        ...
