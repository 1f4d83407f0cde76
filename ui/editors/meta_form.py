"""The report's metadata form: every field of ReportMeta, the title generated until edited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from models.errors import TemplateError
from models.report import ReportMeta
from models.templates import fill, load_template
from ui.editors.text_edit import LineEdit
from ui.label_roles import as_hint

EMPTY_DATE = QDate(1900, 1, 1)
DISCLOSURE_CHOICES = ("主动公开", "依申请公开", "不予公开")
DEFAULT_TITLE = "{issuer}关于{year}年度法治政府建设情况的报告"


class WheelNeedsFocus(QObject):
    """Spin boxes, combo boxes and date fields take the mouse wheel only once clicked into:
    scrolling the form past 报告年度 must not change the year (and with it the title)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return False


class DateField(QWidget):
    """A date with a calendar popup that may also be left empty (stored as "").

    An empty field is shown as 1900-01-01 (the minimum, displayed as 未填写); its calendar opens at
    ``empty_page()`` instead of January 1900, and the field stays empty until a day is picked."""

    changed = Signal()

    def __init__(self, empty_page: Callable[[], QDate] = QDate.currentDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_page = empty_page
        self.edt_date = QDateEdit()
        self.edt_date.setCalendarPopup(True)
        self.edt_date.setDisplayFormat("yyyy年M月d日")
        self.edt_date.setMinimumDate(EMPTY_DATE)
        self.edt_date.setSpecialValueText("未填写")
        self.edt_date.setMinimumWidth(160)
        self.edt_date.calendarWidget().installEventFilter(self)
        self.btn_clear = QPushButton(self.tr("清空"))
        self.btn_clear.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edt_date)
        layout.addWidget(self.btn_clear)
        layout.addStretch(1)
        self.edt_date.dateChanged.connect(self.changed)
        self.btn_clear.clicked.connect(lambda: self.edt_date.setDate(EMPTY_DATE))

    def value(self) -> str:
        date = self.edt_date.date()
        return "" if date == EMPTY_DATE else date.toString(Qt.DateFormat.ISODate)

    def set_value(self, iso: str) -> None:
        date = QDate.fromString(iso, Qt.DateFormat.ISODate) if iso else EMPTY_DATE
        self.edt_date.setDate(date if date.isValid() else EMPTY_DATE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The popup has just put its calendar on the field's date: for an empty field, turn to
        ``empty_page()`` (only the page: nothing is selected, so nothing is filled in)."""
        if event.type() == QEvent.Type.Show and watched is self.edt_date.calendarWidget() and not self.value():
            page = self.empty_page()
            self.edt_date.calendarWidget().setCurrentPage(page.year(), page.month())
        return False


class MetaForm(QWidget):
    meta_edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._template_title = DEFAULT_TITLE
        self._previous_identity: tuple[str, int] = ("", 0)
        self.edt_issuer = LineEdit()
        self.spn_year = QSpinBox()
        self.spn_year.setRange(2000, 2100)
        self.spn_year.setSuffix(" 年度")
        self.edt_title = LineEdit()
        self.lbl_title_hint = QLabel()
        as_hint(self.lbl_title_hint)
        self.edt_recipients = LineEdit()
        self.edt_doc_number = LineEdit()
        self.edt_doc_number.setPlaceholderText("如：某府发〔2024〕5号")
        self.edt_signer = LineEdit()
        self.edt_signature = LineEdit()
        self.dte_date = DateField(self._signing_page)
        self.cmb_disclosure = QComboBox()
        self.cmb_disclosure.setEditable(True)
        self.cmb_disclosure.addItems(DISCLOSURE_CHOICES)
        self.edt_note = LineEdit()
        self.edt_cc = LineEdit()
        self.edt_printed_by = LineEdit()
        self.dte_printed_on = DateField(self._printing_page)
        self._build_layout()
        self._connect()
        self._wheel_filter = WheelNeedsFocus(self)
        for widget in (self.spn_year, self.cmb_disclosure, self.dte_date.edt_date, self.dte_printed_on.edt_date):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(self._wheel_filter)

    def _build_layout(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        rows: list[tuple[str, QWidget]] = [
            ("发文机关（单位）", self.edt_issuer),
            ("报告年度", self.spn_year),
            ("标题", self.edt_title),
            ("", self.lbl_title_hint),
            ("主送机关", self.edt_recipients),
            ("发文字号", self.edt_doc_number),
            ("签发人", self.edt_signer),
            ("署名", self.edt_signature),
            ("成文日期", self.dte_date),
            ("公开属性", self.cmb_disclosure),
            ("附注", self.edt_note),
            ("抄送机关", self.edt_cc),
            ("印发机关", self.edt_printed_by),
            ("印发日期", self.dte_printed_on),
        ]
        for label, widget in rows:
            form.addRow(self.tr(label) if label else "", widget)

    def _connect(self) -> None:
        self.edt_issuer.textEdited.connect(self._identity_changed)
        self.spn_year.valueChanged.connect(self._identity_changed)
        self.edt_title.textEdited.connect(lambda text: self._emit(title=text))
        simple = {
            "recipients": self.edt_recipients,
            "doc_number": self.edt_doc_number,
            "signer": self.edt_signer,
            "signature": self.edt_signature,
            "note": self.edt_note,
            "cc": self.edt_cc,
            "printed_by": self.edt_printed_by,
        }
        for name, widget in simple.items():
            widget.textEdited.connect(lambda text, name=name: self._emit(**{name: text}))
        # A date picked here replaces the form the imported text had written it in.
        self.dte_date.changed.connect(lambda: self._emit(date=self.dte_date.value(), date_typed=""))
        self.dte_printed_on.changed.connect(
            lambda: self._emit(printed_on=self.dte_printed_on.value(), printed_on_typed="")
        )
        self.cmb_disclosure.currentTextChanged.connect(lambda text: self._emit(disclosure=text))

    def load(self, meta: ReportMeta) -> None:
        self._loading = True
        try:
            self._template_title = load_template(meta.template).title
        except TemplateError:
            self._template_title = DEFAULT_TITLE
        self._previous_identity: tuple[str, int] = ("", 0)
        self.edt_issuer.setText(meta.issuer)
        self.spn_year.setValue(meta.year or 2000)
        self.edt_title.setText(meta.title)
        for name in ("recipients", "doc_number", "signer", "signature", "note", "cc", "printed_by"):
            getattr(self, f"edt_{name}").setText(getattr(meta, name))
        self.dte_date.set_value(meta.date)
        self.dte_printed_on.set_value(meta.printed_on)
        self.cmb_disclosure.setCurrentText(meta.disclosure)
        self._previous_identity = (meta.issuer, meta.year)
        self._loading = False
        self._update_hint()

    def _signing_page(self) -> QDate:
        """成文日期 falls early in the year after the report's year: reports are due by 1 March
        (e.g. a 2024 report is signed in January or February 2025)."""
        return QDate(self.spn_year.value() + 1, 1, 1)

    def _printing_page(self) -> QDate:
        """印发日期 is the 成文日期 or a few days after it: that month, else where 成文日期 would open."""
        signed = self.dte_date.value()
        return QDate.fromString(signed, Qt.DateFormat.ISODate) if signed else self._signing_page()

    def generated_title(self, issuer: str, year: int) -> str:
        return fill(self._template_title, year, issuer)

    def title_is_generated(self, issuer: str, year: int) -> bool:
        return self.edt_title.text() == self.generated_title(issuer, year)

    def _identity_changed(self) -> None:
        if self._loading:
            return
        issuer, year = self.edt_issuer.text(), self.spn_year.value()
        changes: dict[str, Any] = {"issuer": issuer, "year": year}
        if self.title_is_generated(*self._previous_identity):
            self.edt_title.setText(self.generated_title(issuer, year))
            changes["title"] = self.edt_title.text()
        if self.edt_signature.text() in ("", self._previous_identity[0]):
            self.edt_signature.setText(issuer)
            changes["signature"] = issuer
        self._previous_identity = (issuer, year)
        self._emit(**changes)

    def _emit(self, **changes: Any) -> None:
        if not self._loading:
            self._update_hint()
            self.meta_edited.emit(changes)

    def _update_hint(self) -> None:
        generated = self.title_is_generated(self.edt_issuer.text(), self.spn_year.value())
        self.lbl_title_hint.setText(
            self.tr("标题随单位和年度自动生成，改动后不再自动更新") if generated else self.tr("标题已手动修改")
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.findChildren(QWidget):
            if hasattr(widget, "setReadOnly"):
                widget.setReadOnly(read_only)
        self.cmb_disclosure.setEnabled(not read_only)
        self.dte_date.btn_clear.setEnabled(not read_only)
        self.dte_printed_on.btn_clear.setEnabled(not read_only)
