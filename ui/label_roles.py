"""How a label looks by its role: page heading, panel caption or hint.

Set on each label rather than by an application-wide style sheet: a style sheet on the
QApplication makes Qt style every widget through QStyleSheetStyle, which cost about 10 ms of
each start. The object name is kept, so the role can still be found (tests, screenshots).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

CAPTION_COLOR = "#1d5fa8"
HINT_COLOR = "#666666"


def as_page_heading(label: QLabel) -> QLabel:
    label.setObjectName("pageHeading")
    font = label.font()
    font.setPointSizeF(16)
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 4, 0, 8)
    return label


def as_caption(label: QLabel) -> QLabel:
    label.setObjectName("panelCaption")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return _coloured(label, CAPTION_COLOR)


def as_hint(label: QLabel) -> QLabel:
    label.setObjectName("hint")
    return _coloured(label, HINT_COLOR)


def _coloured(label: QLabel, colour: str) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    return label
