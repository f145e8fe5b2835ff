"""Preview of a PDF ledger with Print… and Save as… (QtPdf; imported only when used)."""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.errors import UserError
from gridoffice.fileio import atomic_output, before_publish
from gridoffice.paths import storage_error
from gridoffice.ui import messages

log = logging.getLogger(__name__)

#: Pages are rendered for the printer at its resolution, but at most this many
#: dots per inch: an A4 page at 1200 dpi would be a 550 MB image.
MAX_PRINT_DPI = 300
ZOOM_STEP = 1.25


class PdfPreviewDialog(QDialog):
    """Shows every page of ``pdf_path``; prints it or saves a copy."""

    saved = Signal(str)  # the path a copy was saved to
    printed = Signal(int)  # the number of pages sent to a printer

    def __init__(self, parent: QWidget | None, pdf_path: Path, *, title: str,
                 suggested_name: str, missing_chars: Sequence[str] = (),
                 delete_on_close: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.pdf_path = Path(pdf_path)
        # Records a saved copy in the audit log before the copy takes its name (set by
        # the tab that made the ledger); if it raises, no copy is left.
        self.record_save: Callable[[Path], None] | None = None
        self.suggested_name = suggested_name
        self._delete_on_close = delete_on_close

        self.document = QPdfDocument(self)
        error = self.document.load(str(self.pdf_path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("missingChars")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffe69c;"
            " padding: 6px; }")
        self.warning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if missing_chars:
            self.warning_label.setText(self.tr(
                "The font lacks these characters; they are marked in the PDF: {chars}"
            ).format(chars=" ".join(missing_chars)))
        else:
            self.warning_label.hide()

        self.pages_label = QLabel(self)
        if error != QPdfDocument.Error.None_:
            self.pages_label.setText(self.tr("The PDF file cannot be shown."))
            log.error("cannot load %s: %s", self.pdf_path, error)
        else:
            self.pages_label.setText(self.tr("%n page(s)", "", self.page_count()))
        self.status_label = QLabel(self)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.fit_button = QPushButton(self.tr("Fit width"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.fit_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button.clicked.connect(lambda: self.save_as())
        self.close_button.clicked.connect(self.close)
        for button in (self.print_button, self.save_button):
            button.setEnabled(error == QPdfDocument.Error.None_)

        bar = QHBoxLayout()
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.pages_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning_label)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.resize(900, 760)
        self.finished.connect(self._cleanup)

    def page_count(self) -> int:
        return self.document.pageCount()

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    # --- printing ---------------------------------------------------------------------
    def _landscape(self) -> bool:
        if self.page_count() == 0:
            return False
        size = self.document.pagePointSize(0)
        return size.width() > size.height()

    def ask_printer(self) -> QPrinter | None:
        """The printer the user chose, or None (replaced in tests)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if self._landscape()
                                   else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_document(self) -> int:
        """Ask for a printer and print; the number of pages sent."""
        printer = self.ask_printer()
        if printer is None:
            return 0
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page (or the chosen range) onto ``printer``."""
        first, last = 0, self.page_count() - 1
        if printer.fromPage() > 0:
            first = printer.fromPage() - 1
            last = min(last, max(first, printer.toPage() - 1))
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            messages.warn(self, self.tr("The printer could not be started."))
            return 0
        printed = 0
        try:
            area = QRectF(painter.window())
            for page in range(first, last + 1):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = self.document.render(page, pixels)
                scale = min(area.width() / image.width(), area.height() / image.height())
                target = QRectF(QPointF(area.left(), area.top()),
                                QSize(round(image.width() * scale),
                                      round(image.height() * scale)).toSizeF())
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        self.status_label.setText(self.tr("%n page(s) sent to the printer.", "", printed))
        if printed:
            self.printed.emit(printed)
        return printed

    # --- saving -------------------------------------------------------------------------
    def ask_save_path(self) -> str:
        """Where to save a copy ("" if cancelled; replaced in tests)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the ledger"), str(Path(folder) / self.suggested_name),
            self.tr("PDF files (*.pdf)"))
        return path

    def save_as(self) -> Path | None:
        chosen = self.ask_save_path()
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if messages.output_refused(self, target):
            return None
        try:
            self.save_to(target)
        except UserError as err:
            messages.show_user_error(self, err)
            return None
        self.status_label.setText(self.tr("Saved to {path}").format(path=str(target)))
        self.saved.emit(str(target))
        return target

    def save_to(self, target: Path) -> None:
        """Copy the PDF to ``target`` without ever leaving a half-written file, nor one
        without its audit entry."""
        record = self.record_save
        with (before_publish(record) if record else contextlib.nullcontext()), \
                atomic_output(target) as partial:
            try:
                shutil.copyfile(self.pdf_path, partial)
            except OSError as exc:
                raise storage_error(target, exc) from exc

    # --- lifetime -------------------------------------------------------------------------
    def _cleanup(self) -> None:
        self.document.close()  # releases the file (Windows cannot delete an open file)
        if self._delete_on_close:
            with contextlib.suppress(OSError):
                self.pdf_path.unlink()

    @classmethod
    def show_preview(cls, parent: QWidget | None, pdf_path: Path, *, title: str,
                     suggested_name: str, missing_chars: Sequence[str] = (),
                     delete_on_close: bool = False) -> PdfPreviewDialog:
        """Open the preview beside the main window (not modal) and return it."""
        dialog = cls(parent, pdf_path, title=title, suggested_name=suggested_name,
                     missing_chars=missing_chars, delete_on_close=delete_on_close)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
