"""社区工作情况报表: a community's figures and charts of a month or a year (A4 portrait),
the workbench on paper.

The figures are :func:`workbench.read_figures`, the charts :mod:`gridoffice.services.charts`
(the same data as on screen), drawn as vector graphics with reportlab's own charts in
the ledger's embedded font. Only counts are printed, nothing personal. Paper is an
official Chinese form: titles, heads and labels are the printed wording.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from gridoffice.domain.access import Actor
from gridoffice.i18n import catalog
from gridoffice.ledgers.engine import (
    BODY_SIZE,
    INFO_SIZE,
    Column,
    LedgerResult,
    PageWriter,
    TableDrawer,
    ledger_result,
    open_ledger,
    progress_check,
)
from gridoffice.services import charts, workbench
from gridoffice.services.charts import Chart
from gridoffice.store.database import Database

__all__ = ["TITLE", "chart_drawing", "render_work_report", "title"]

TITLE = "社区工作情况报表"
CHART_HEIGHT = 190.0  # points
SERIES_COLOURS = (colors.HexColor("#c62828"), colors.HexColor("#1565c0"))
COLUMNS = (Column("项目", 3.0), Column("数值", 2.0, "center"), Column("说明", 5.0))


def title(start: dt.date, end: dt.date) -> str:
    """``2026年12月社区工作情况报表`` for a month, ``2026年社区工作情况报表`` for a year."""
    if workbench.whole_year(start, end):
        return f"{start.year}年{TITLE}"
    return f"{start.year}年{start.month}月{TITLE}"


def _zh(context: str, text: str) -> str:
    return catalog("zh_CN").translate(context, text)


def chart_drawing(chart: Chart, width: float, height: float, font: str,
                  clean: Callable[[str], str] = str) -> Drawing:
    """``chart`` as a reportlab drawing: bars side by side per category, or a pyramid
    (the first series to the left); title on top, legend at the bottom."""
    values = dict(chart.values)
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # the renderer's default font: no Helvetica in the PDF
    drawing.add(String(width / 2, height - 12, clean(_zh("charts", chart.title)),
                       fontName=font, fontSize=10.5, textAnchor="middle"))
    labels = [clean(charts.category_label(chart, c, _zh, lambda month: f"{month}月"))
              for c in chart.categories]
    plot = HorizontalBarChart() if chart.kind == "pyramid" else VerticalBarChart()
    plot.x, plot.y = 48, 34
    plot.width, plot.height = width - 70, height - 64
    if chart.kind == "pyramid":
        left, right = chart.series[0].values, chart.series[1].values
        plot.data = [tuple(-v for v in left), tuple(right)]
        plot.groupSpacing, plot.barSpacing = 1, 0
        plot.categoryAxis.style = "stacked"
        plot.categoryAxis.labelAxisMode = "low"  # the bands on the left, not over the bars
        plot.categoryAxis.visibleTicks = False
        peak = max([*left, *right, 1])
        plot.valueAxis.valueMin, plot.valueAxis.valueMax = -peak * 1.1, peak * 1.1
        plot.valueAxis.labelTextFormat = lambda v: f"{abs(v):g}"
    else:
        plot.data = [tuple(s.values) for s in chart.series]
        plot.valueAxis.valueMin = 0
        crowded = sum(len(label) for label in labels) > 40  # long names: slanted
        plot.categoryAxis.labels.angle = 30 if crowded else 0
        plot.categoryAxis.labels.boxAnchor = "ne" if crowded else "n"
    plot.categoryAxis.categoryNames = labels
    for axis in (plot.categoryAxis, plot.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = font, 7.5
    for index in range(len(chart.series)):
        plot.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        plot.bars[index].strokeColor = None
    plot.barLabelFormat = "%g" if chart.kind != "pyramid" and len(chart.categories) <= 12 \
        else None
    if plot.barLabelFormat:
        plot.barLabels.fontName, plot.barLabels.fontSize = font, 6.5
        plot.barLabels.nudge = 5
    drawing.add(plot)
    legend = Legend()
    legend.x, legend.y = 48, 12
    legend.fontName, legend.fontSize = font, 8
    legend.alignment, legend.columnMaximum = "right", 1
    legend.deltax = 90
    legend.colorNamePairs = [
        (SERIES_COLOURS[i % len(SERIES_COLOURS)],
         clean(_zh("charts", s.name).format(**values) + f"（{_zh('charts', chart.unit)}）"))
        for i, s in enumerate(chart.series)]
    drawing.add(legend)
    return drawing


def draw_chart(writer: PageWriter, chart: Chart) -> None:
    """``chart`` across the page, on a new page when it does not fit."""
    drawing = chart_drawing(chart, writer.content_width, CHART_HEIGHT, writer.font_name,
                            writer.clean)
    writer.ensure_space(CHART_HEIGHT + 8)
    writer.y -= 8
    renderPDF.draw(drawing, writer.canvas, writer.left, writer.y - CHART_HEIGHT)
    writer.y -= CHART_HEIGHT


def report_charts(conn: object, actor: Actor, start: dt.date, end: dt.date,
                  today: dt.date) -> list[Chart]:
    """The charts of the report the actor may see (as the workbench shows them)."""
    day = min(end, today)
    return [charts.read_chart(conn, actor, key, day, start.year)
            for key in charts.chart_keys(actor)]


def render_work_report(db: Database, path: str | os.PathLike[str], *, unit: str,
                       start: dt.date, end: dt.date,
                       progress: Callable[[int, int], bool] | None = None,
                       today: dt.date | None = None,
                       actor: Actor | None = None) -> LedgerResult:
    """社区工作情况报表 from ``start`` to ``end`` (a month or a year) for ``unit`` (填报单位):
    the figures, then the charts. ``LedgerResult.rows`` is the number of charts;
    ``progress`` returning False cancels (no file written)."""
    from gridoffice.services.workbench_screen import in_snapshot

    day = today or dt.date.today()
    who = actor or Actor.open("")
    figures, found = in_snapshot(db.path, lambda conn: (
        workbench.read_figures(conn, who, start, end),
        report_charts(conn, who, start, end, day)), read_only=True)
    check = progress_check(progress, len(found))
    check(0)
    heading = title(start, end)
    signatures = ("负责人", "填表人")
    with open_ledger(path, title=heading, subject=unit) as writer:
        writer.draw_heading(heading, subtitle=f"（{start.isoformat()} 至 {end.isoformat()}）",
                            unit=unit, date=day)
        table = TableDrawer(writer, COLUMNS, font_size=BODY_SIZE)
        for row in workbench.figure_lines(figures):
            table.add_row(row)
        table.finish()
        for done, chart in enumerate(found, start=1):
            draw_chart(writer, chart)
            check(done)
        note = ("说明：党员、户数、实有人口为填报日的现有数；图表与工作台所示一致，"
                "人口与党员年龄按填报日（或期末）计算。")
        writer.ensure_space(writer.paragraph_height(note, INFO_SIZE, space_before=6.0)
                            + writer.signatures_height(signatures))
        writer.draw_paragraph(note, INFO_SIZE, space_before=6.0)
        writer.draw_signatures(signatures)
    return ledger_result(path, writer, len(found))
