"""Fonts a clerk can read Chinese in: Windows' UI face first, then common CJK faces."""

from __future__ import annotations

from PySide6.QtGui import QFont

CJK_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimSun",
]


def ui_font(point_size: float = 10.5) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def editor_font(point_size: int) -> QFont:
    font = ui_font(float(point_size))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font
