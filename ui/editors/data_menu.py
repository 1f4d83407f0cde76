"""The 插入数据 chooser: the ledger's indicators by topic, each with the figure it would print.

An action's data is ``(key, column)``; 上年 figures sit in a submenu of their own, since a
sentence cites last year's figure far less often than this year's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from models.ledger.sheet import Sheet
from models.ledger.values import COLUMN_NAMES, CURRENT, PREVIOUS


def data_menu(sheet: Sheet | None, shown: Callable[[str, str], str], parent: QWidget | None = None) -> QMenu:
    menu = QMenu(parent)
    if sheet is None:
        menu.addAction(menu.tr("这份报告的数据台账类型无法识别，不能插入数据。")).setEnabled(False)
        return menu
    for column in (CURRENT, PREVIOUS):
        holder = menu if column == CURRENT else menu.addMenu(menu.tr("上年数字"))
        if column == PREVIOUS:
            menu.insertSeparator(holder.menuAction())
        _add_groups(holder, sheet, column, shown)
    return menu


def _add_groups(menu: QMenu, sheet: Sheet, column: str, shown: Callable[[str, str], str]) -> None:
    group, submenu = None, menu
    for indicator in sheet.indicators:
        if indicator.group != group:
            group = indicator.group
            submenu = menu.addMenu(sheet.group_name(group))
        action = submenu.addAction(f"{indicator.name}　{shown(indicator.key, column)}")
        action.setData((indicator.key, column))
        action.setToolTip(f"插入{COLUMN_NAMES[column]}“{indicator.name}”，台账改动后正文随之更新")
