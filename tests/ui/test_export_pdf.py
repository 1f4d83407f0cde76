"""导出 › PDF in the export dialog: the format choice, the default name, replacing only after a yes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from models.typeset.fonts import DEFAULT_RESOLVER
from tests.models.export.pdf_layout import FONTS_CONF
from tests.ui.test_dialogs import choose_edition, default_dialog, export_now
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.skipif(not shutil.which("fc-match"), reason="fontconfig not installed")


@pytest.fixture
def test_fonts(monkeypatch) -> None:
    """The program's own font lookup, pointed at the tests' font set (GB names → Noto CJK)."""
    monkeypatch.setattr(DEFAULT_RESOLVER, "fontconfig_file", FONTS_CONF)
    monkeypatch.setattr(DEFAULT_RESOLVER, "_cache", {})


def choose_format(dialog, suffix: str) -> None:
    dialog.cmb_format.setCurrentIndex(dialog.cmb_format.findData(suffix))


def test_the_pdf_choice_names_the_file_with_its_edition(qtbot, example_window: MainWindow, tmp_path: Path) -> None:
    title = example_window.session.report.meta.title
    dialog = default_dialog(qtbot, example_window, tmp_path)
    choose_edition(dialog, "public")
    choose_format(dialog, ".pdf")
    assert dialog.edt_path.text() == str(tmp_path / f"{title}-公开版.pdf")
    choose_edition(dialog, "submit")
    assert dialog.edt_path.text() == str(tmp_path / f"{title}-报送版.pdf")
    dialog.edt_path.setText(str(tmp_path / "给网站的.txt"))  # a typed extension picks the format
    assert dialog.cmb_format.currentData() == ".txt"
    choose_format(dialog, ".docx")
    assert dialog.edt_path.text() == str(tmp_path / "给网站的.docx")


def test_a_name_without_extension_takes_the_chosen_format(
    qtbot, example_window: MainWindow, tmp_path: Path, test_fonts, shown
) -> None:
    dialog = default_dialog(qtbot, example_window, tmp_path)
    choose_format(dialog, ".pdf")
    dialog.edt_path.setText(str(tmp_path / "网站版"))
    export_now(qtbot, dialog)
    assert (tmp_path / "网站版.pdf").read_bytes().startswith(b"%PDF-1.7")


def test_an_existing_pdf_is_replaced_only_after_a_yes(
    qtbot, example_window: MainWindow, tmp_path: Path, test_fonts, shown
) -> None:
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"the clerk's own file")
    dialog = default_dialog(qtbot, example_window, tmp_path)
    dialog.edt_path.setText(str(target))
    assert dialog.cmb_format.currentData() == ".pdf"
    shown.answer = False
    dialog.btn_export.click()
    assert "已经存在" in shown.questions[0]
    assert target.read_bytes() == b"the clerk's own file"
    shown.answer = True
    export_now(qtbot, dialog)
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        first = example_window.session.report.meta.title[:6]
        assert first in "".join(text.split())


def test_the_result_says_when_the_last_page_was_tightened(
    qtbot, example_window: MainWindow, tmp_path: Path, test_fonts, shown
) -> None:
    """The example's 公开版 would leave 署名 alone on its last page; the export tightens it and says so."""
    dialog = default_dialog(qtbot, example_window, tmp_path)
    choose_edition(dialog, "public")
    choose_format(dialog, ".pdf")
    export_now(qtbot, dialog)
    assert "已导出" in dialog.lbl_status.text()
    assert "行距收紧为 27.45 磅" in dialog.lbl_status.text()
    choose_edition(dialog, "submit")
    export_now(qtbot, dialog)
    assert "已导出" in dialog.lbl_status.text()
    assert "行距" not in dialog.lbl_status.text()
