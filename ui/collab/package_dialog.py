"""生成填报文件…: the parts for one 科室 (its assigned parts ticked), then where to save the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from models.errors import NianbaoError
from models.report import SECTION, Node, Report
from models.roundtrip.package import make_package
from models.roundtrip.parts import assigned_parts, part_labels
from ui.collab.assign_dialog import known_units
from ui.dialogs import alerts
from ui.dialogs.export_dialog import documents_folder, safe_file_name
from ui.session import Session

NODE_ID = Qt.ItemDataRole.UserRole + 1


def default_file_name(report: Report, unit: str) -> str:
    return safe_file_name(f"{report.meta.year}年度法治政府建设报告-{unit or '填报'}-填报文件") + ".docx"


class PackageDialog(QDialog):
    def __init__(self, session: Session, unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert session.report is not None
        self.session = session
        self.report = session.report
        self.written: Path | None = None
        self.setWindowTitle(self.tr("生成填报文件"))
        self.setMinimumWidth(560)
        self.cmb_unit = QComboBox()
        self.cmb_unit.setEditable(True)
        self.cmb_unit.addItems(known_units(self.report))
        self.lst_parts = QListWidget()
        labels = part_labels(self.report)
        for node in self.report.walk():
            if node.kind == SECTION and node.id is not None:
                item = QListWidgetItem(labels[node.id] + (f"　〔{node.unit}〕" if node.unit else ""))
                item.setData(NODE_ID, node.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.lst_parts.addItem(item)
        self.lbl_hint = QLabel(
            self.tr(
                "文件中每个部分有标题、现有文字（或空白）、灰色的写作要点和去年的内容；"
                "科室在 Word 或 WPS 中填写后交回，用“导入填报文件…”合并。"
            )
        )
        self.lbl_hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("生成…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("关闭"))
        self.buttons.accepted.connect(self.generate)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("科室"), self.cmb_unit)
        form.addRow(self.tr("部分"), self.lst_parts)
        form.addRow(self.lbl_hint)
        form.addRow(self.buttons)
        self.cmb_unit.currentTextChanged.connect(self._unit_changed)
        self.cmb_unit.setEditText(unit or self.cmb_unit.currentText())
        self._unit_changed(self.cmb_unit.currentText())

    def _unit_changed(self, unit: str) -> None:
        """The 科室's assigned parts are ticked (the clerk may add or untick parts)."""
        chosen = {node.id for node in assigned_parts(self.report, unit.strip())} if unit.strip() else set()
        for row in range(self.lst_parts.count()):
            item = self.lst_parts.item(row)
            checked = item.data(NODE_ID) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_parts(self) -> list[Node]:
        ids = [
            self.lst_parts.item(row).data(NODE_ID)
            for row in range(self.lst_parts.count())
            if self.lst_parts.item(row).checkState() == Qt.CheckState.Checked
        ]
        return [self.report.find(node_id) for node_id in ids]

    def ask_target(self, default: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存填报文件"),
            str(default),
            self.tr("Word 文档 (*.docx)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return None
        target = Path(path)
        return target if target.suffix.lower() == ".docx" else target.with_name(target.name + ".docx")

    def generate(self) -> None:
        unit, parts = self.cmb_unit.currentText().strip(), self.chosen_parts()
        if not parts:
            alerts.show_error(self, self.tr("请至少勾选一个部分。"))
            return
        settings = self.session.settings
        folder = Path(settings.last_folder) if settings.last_folder else documents_folder()
        target = self.ask_target(folder / default_file_name(self.report, unit))
        if target is None:
            return
        if target.exists() and not alerts.ask_yes_no(
            self,
            self.tr("「{0}」已经存在。用新生成的填报文件替换它吗？\n选“否”则保留原文件。").replace("{0}", target.name),
        ):
            return
        if not self.session.flush():  # the file must carry what the clerk sees
            return
        due = min((node.due for node in parts if node.due), default="")
        assert self.report.id is not None
        try:
            make_package(self.session.library, self.report.id, parts, unit, target, due)
        except NianbaoError as exc:
            alerts.show_error(self, self.tr("填报文件没有生成：") + str(exc))
            return
        settings.last_folder = str(target.parent)
        self.written = target
        self.session.assignment_changed.emit(0)  # 分工: now 已发出
        self.accept()
