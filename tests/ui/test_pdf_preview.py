"""The PDF preview: pages, missing-character bar, Save as…, Print… (to a PDF printer)."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from gridoffice.ui.dialogs.pdf_preview import PdfPreviewDialog

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def pdf(tmp_path):
    """A two-page landscape A4 PDF, made the way the ledgers are."""
    path = tmp_path / "ledger.pdf"
    page = canvas.Canvas(str(path), pagesize=landscape(A4))
    for number in (1, 2):
        page.drawString(72, 500, f"Page {number}")
        page.showPage()
    page.save()
    return path


@pytest.fixture
def preview(qtbot, pdf):
    dialog = PdfPreviewDialog(None, pdf, title="Ledger",
                              suggested_name="党组织设置一览表_2026-11-21.pdf",
                              missing_chars=["𠮷", "䶮"])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_all_pages_and_the_missing_characters(preview):
    assert preview.page_count() == 2
    assert preview.pages_label.text() == "2 page(s)"
    assert not preview.warning_label.isHidden()
    assert preview.warning_label.text() == (
        "The font lacks these characters; they are marked in the PDF: 𠮷 䶮")
    preview.zoom(2.0)
    assert preview.view.zoomFactor() == pytest.approx(2.0)


def test_no_warning_bar_without_missing_characters(qtbot, pdf):
    dialog = PdfPreviewDialog(None, pdf, title="Ledger", suggested_name="x.pdf")
    qtbot.addWidget(dialog)
    assert dialog.warning_label.isHidden()


def test_save_as_copies_the_file(preview, pdf, tmp_path, monkeypatch, message_log):
    target = tmp_path / "out" / "党组织设置一览表"
    target.parent.mkdir()
    monkeypatch.setattr(preview, "ask_save_path", lambda: str(target))
    saved = preview.save_as()
    assert saved == target.with_name("党组织设置一览表.pdf")
    assert saved.read_bytes() == pdf.read_bytes()
    assert preview.status_label.text() == f"Saved to {saved}"
    assert message_log.boxes == []


def test_save_error_is_reported_clearly(preview, tmp_path, monkeypatch, message_log):
    missing = tmp_path / "no such folder" / "ledger.pdf"
    monkeypatch.setattr(preview, "ask_save_path", lambda: str(missing))
    assert preview.save_as() is None
    assert message_log.warnings() == [
        f"The folder {missing.parent} does not exist. Choose an existing folder."]


def test_print_paints_every_page(preview, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    monkeypatch.setattr(preview, "ask_printer", lambda: printer)
    assert preview.print_document() == 2
    assert len(pypdf.PdfReader(out).pages) == 2
    assert preview.status_label.text() == "2 page(s) sent to the printer."


def test_closing_deletes_a_temporary_file(qtbot, pdf):
    dialog = PdfPreviewDialog.show_preview(None, pdf, title="Ledger", suggested_name="x.pdf",
                                           delete_on_close=True)
    with qtbot.waitSignal(dialog.destroyed):
        dialog.close()
    assert not pdf.exists()
