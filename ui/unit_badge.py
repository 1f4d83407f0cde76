"""The 科室 badge on a part in the section tree (分工): drawn at the row's right edge, so a long
heading is shortened (…) before the badge is, and the heading's text itself stays as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyledItemDelegate

from ui.outline_model import UNIT_ROLE

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

PADDING = 6  # inside the badge, left and right
GAP = 6  # between the heading and the badge
BADGE_FILL = QColor("#e3ecf7")
BADGE_TEXT = QColor("#1f4e8c")


def badge_width(option: QStyleOptionViewItem, unit: str) -> int:
    return option.fontMetrics.horizontalAdvance(unit) + 2 * PADDING


class UnitBadgeDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        unit = index.data(UNIT_ROLE)
        if not unit:
            super().paint(painter, option, index)
            return
        # Imported here: QStyle's enums cost ~10 ms to set up, and the tree shows before any badge.
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        width = badge_width(option, unit)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:  # the selection/hover background under the badge too
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, item, painter, widget)
        rect = QRect(option.rect)  # type: ignore[attr-defined]
        item.rect = QRect(rect.left(), rect.top(), max(0, rect.width() - width - GAP), rect.height())
        super().paint(painter, item, index)
        badge = QRect(rect.right() - width, rect.top() + 2, width, rect.height() - 4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_FILL)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(BADGE_TEXT)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, unit)
        painter.restore()
