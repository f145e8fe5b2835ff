"""A workbench chart on screen: :class:`ChartView` draws a
:class:`~gridoffice.services.charts.Chart` with QPainter (bars side by side per
category, or a pyramid), and :class:`ChartPanel` puts its numbers one click away (a
table) with 复制图片 and 保存图片. The same chart data is drawn on paper by the report
ledger (``ledgers/report_ledger.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gridoffice.services.charts import Chart, category_label
from gridoffice.ui import messages
from gridoffice.ui.models.table import RowTableModel
from gridoffice.ui.widgets.tables import small_table

SERIES_COLOURS = ("#c62828", "#1565c0")  # as on paper
MARGIN = 8.0


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def month_name(month: int) -> str:
    return QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)


def labels_of(chart: Chart) -> list[str]:
    return [category_label(chart, c, translate, month_name) for c in chart.categories]


def series_name(chart: Chart, index: int) -> str:
    values = dict(chart.values)
    return translate("charts", chart.series[index].name).format(**values)


class ChartView(QWidget):
    """Draws one chart; :meth:`image` is what 复制图片 and 保存图片 take."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.setMinimumSize(320, 220)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, 280)

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if self.chart is not None:
            self.draw(painter, QRectF(self.rect()))
        painter.end()

    # --- drawing ---------------------------------------------------------------------
    def draw(self, painter: QPainter, area: QRectF) -> None:
        chart = self.chart
        assert chart is not None
        text = self.palette().text().color()
        painter.setPen(text)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        metrics = painter.fontMetrics()
        title = translate("charts", chart.title)
        painter.drawText(QRectF(area.left(), area.top() + MARGIN, area.width(),
                                metrics.height()), Qt.AlignmentFlag.AlignCenter, title)
        painter.setFont(self.font())
        line = painter.fontMetrics().height()
        legend_top = area.bottom() - MARGIN - line
        self._legend(painter, chart, area.left() + MARGIN, legend_top)
        plot = QRectF(area.left() + MARGIN, area.top() + MARGIN + metrics.height() + 6,
                      area.width() - 2 * MARGIN,
                      legend_top - area.top() - 2 * MARGIN - metrics.height() - 10)
        if chart.empty:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter,
                             QCoreApplication.translate("ChartView", "No data yet"))
            return
        if chart.kind == "pyramid":
            self._pyramid(painter, chart, plot)
        else:
            self._bars(painter, chart, plot)

    def _legend(self, painter: QPainter, chart: Chart, x: float, y: float) -> None:
        line = painter.fontMetrics().height()
        unit = translate("charts", chart.unit)
        for index in range(len(chart.series)):
            painter.fillRect(QRectF(x, y + 2, line - 4, line - 4),
                             QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)]))
            name = f"{series_name(chart, index)}（{unit}）"
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + line, y + painter.fontMetrics().ascent()), name)
            x += line + painter.fontMetrics().horizontalAdvance(name) + 2 * line

    def _bars(self, painter: QPainter, chart: Chart, plot: QRectF) -> None:
        """Bars side by side per category, the category's label under them, each bar's
        value over it when there is room."""
        labels = labels_of(chart)
        metrics = painter.fontMetrics()
        line = metrics.height()
        axis = QRectF(plot.left(), plot.top() + line, plot.width(), plot.height() - 2 * line)
        peak = max(max(s.values) for s in chart.series) or 1.0
        slot = axis.width() / max(len(labels), 1)
        bar = slot * 0.8 / len(chart.series)
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawLine(QPointF(axis.left(), axis.bottom()), QPointF(axis.right(), axis.bottom()))
        for i, label in enumerate(labels):
            left = axis.left() + i * slot + slot * 0.1
            for s, series in enumerate(chart.series):
                value = series.values[i]
                height = axis.height() * value / peak
                rect = QRectF(left + s * bar, axis.bottom() - height, bar - 1, height)
                painter.fillRect(rect, QColor(SERIES_COLOURS[s % len(SERIES_COLOURS)]))
                number = f"{value:g}"
                if metrics.horizontalAdvance(number) <= bar + 4 and value:
                    painter.setPen(self.palette().text().color())
                    painter.drawText(QRectF(rect.left() - 4, rect.top() - line, rect.width() + 8,
                                            line), Qt.AlignmentFlag.AlignCenter, number)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(axis.left() + i * slot, axis.bottom() + 2, slot, line),
                             Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot)))

    def _pyramid(self, painter: QPainter, chart: Chart, plot: QRectF) -> None:
        """The first series to the left of the middle, the second to the right, the
        youngest band at the bottom; the bands' labels in the middle."""
        labels = labels_of(chart)
        metrics = painter.fontMetrics()
        gap = max(metrics.horizontalAdvance(label) for label in labels) + 8
        middle = plot.center().x()
        half = (plot.width() - gap) / 2
        peak = max(max(s.values) for s in chart.series[:2]) or 1.0
        row = plot.height() / max(len(labels), 1)
        left, right = chart.series[0].values, chart.series[1].values
        for i, label in enumerate(labels):
            top = plot.bottom() - (i + 1) * row
            for values, colour, sign in ((left, SERIES_COLOURS[0], -1),
                                         (right, SERIES_COLOURS[1], 1)):
                width = half * values[i] / peak
                x = middle - gap / 2 - width if sign < 0 else middle + gap / 2
                painter.fillRect(QRectF(x, top + 1, width, max(row - 2, 1)), QColor(colour))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(middle - gap / 2, top, gap, row),
                             Qt.AlignmentFlag.AlignCenter, label)


class ChartTableModel(RowTableModel[tuple[str, ...]]):
    """The numbers of a chart: a row per category, a column per series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart  # the headers follow it: set_rows resets the model
        rows = [] if chart is None else [
            (label, *values[1:]) for label, values in zip(labels_of(chart), chart.table(),
                                                          strict=True)]
        self.set_rows(rows)

    def headers(self) -> Sequence[str]:
        if self.chart is None:
            return ()
        return (QCoreApplication.translate("ChartView", "Category"),
                *(series_name(self.chart, i) for i in range(len(self.chart.series))))

    def display(self, row: tuple[str, ...], column: int) -> str:
        return row[column]


class ChartPanel(QWidget):
    """A chart with its numbers one click away, 复制图片 and 保存图片."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ChartView(self)
        self.model = ChartTableModel(self)
        self.table = small_table(self.model, 0, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        self.table_button = QPushButton(self.tr("Numbers"), self)
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self.show_numbers)
        self.copy_button = QPushButton(self.tr("Copy image"), self)
        self.copy_button.clicked.connect(self.copy_image)
        self.save_button = QPushButton(self.tr("Save image…"), self)
        self.save_button.clicked.connect(self.save_image)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.table_button, self.copy_button, self.save_button):
            buttons.addWidget(button)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def set_chart(self, chart: Chart | None) -> None:
        self.view.set_chart(chart)
        self.model.set_chart(chart)

    def show_numbers(self, shown: bool) -> None:
        self.stack.setCurrentWidget(self.table if shown else self.view)
        self.table_button.setText(self.tr("Chart") if shown else self.tr("Numbers"))

    def image(self) -> QPixmap:
        """The chart as drawn on screen (at its size now, at least its size hint)."""
        size = self.view.size().expandedTo(self.view.sizeHint())
        self.view.resize(size)
        return self.view.grab()

    def copy_image(self) -> None:
        QApplication.clipboard().setPixmap(self.image())
        self.status.setText(self.tr("The chart is on the clipboard: paste it into a document."))

    def ask_image_path(self, suggested: str) -> str:
        """Where to save the image (the seam tests replace)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the chart as an image"), suggested,
            self.tr("PNG images (*.png)"))
        return path

    def save_image(self) -> Path | None:
        chart = self.view.chart
        if chart is None:
            return None
        chosen = self.ask_image_path(translate("charts", chart.title) + ".png")
        if not chosen or messages.output_refused(self, chosen):
            return None
        target = Path(chosen if chosen.lower().endswith(".png") else chosen + ".png")
        if not self.image().save(str(target), "PNG"):
            messages.warn(self, self.tr("The image could not be written to {path}.").format(
                path=target))
            return None
        self.status.setText(self.tr("Saved: {path}").format(path=target))
        return target
