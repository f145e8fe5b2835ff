"""The workbench's chart on screen: drawn from the chart's data (the bars' colours where
the numbers put them), its numbers one click away, 复制图片 and 保存图片 (refused inside
the data folder)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from gridoffice.services.charts import MONTHS, Chart, Series
from gridoffice.ui import messages
from gridoffice.ui.widgets.chart_view import SERIES_COLOURS, ChartPanel

BARS = Chart("visits", "Households visited per grid", "bars", ("A", "B", "C"),
             (Series("Households", (10.0, 40.0, 20.0)),
              Series("Visited in the last {days} days", (5.0, 0.0, 20.0))),
             "households", values=(("days", 90),))
PYRAMID = Chart("pyramid", "Population by age and sex", "pyramid", ("0–4", "5–9"),
                (Series("Men", (3.0, 8.0)), Series("Women", (6.0, 1.0))), "people")


@pytest.fixture
def panel(qtbot):
    widget = ChartPanel()
    qtbot.addWidget(widget)
    widget.resize(600, 340)
    widget.show()
    return widget


def _colour_at(image: QImage, x: float, y: float) -> str:
    return QColor(image.pixel(int(x), int(y))).name()


def _bar_height(image: QImage, x: float, colour: str) -> int:
    """How many pixels of ``colour`` the column at ``x`` has (a bar's height)."""
    return sum(1 for y in range(image.height()) if _colour_at(image, x, y) == colour)


def test_the_bars_stand_where_the_numbers_put_them(panel):
    panel.set_chart(BARS)
    image = panel.view.grab().toImage()
    slot = (image.width() - 16) / 3
    heights = []
    for i in range(3):
        first = 8 + i * slot + slot * 0.3  # the middle of the category's first bar
        second = first + slot * 0.4  # and of its second
        heights.append((_bar_height(image, first, SERIES_COLOURS[0]),
                        _bar_height(image, second, SERIES_COLOURS[1])))
    (a1, a2), (b1, b2), (c1, c2) = heights
    assert b2 == 0 and min(a1, a2, b1, c1, c2) > 0  # B has no visits: no blue bar
    assert b1 == pytest.approx(4 * a1, rel=0.05)  # 40 against 10
    assert c1 == pytest.approx(2 * a1, rel=0.05) == pytest.approx(c2, rel=0.05)
    assert a2 == pytest.approx(a1 / 2, rel=0.1)


def test_the_pyramid_puts_the_first_series_left_and_the_second_right(panel):
    panel.set_chart(PYRAMID)
    image = panel.view.grab().toImage()
    middle, height = image.width() / 2, image.height()
    # "5–9" is the upper band: men 8 (long, left), women 1 (short, right)
    rows = [y for y in range(height) if _colour_at(image, middle - 60, y) == SERIES_COLOURS[0]]
    assert rows, "no men's bar left of the middle"
    upper = rows[0] + 2
    assert _colour_at(image, middle + 60, upper) not in SERIES_COLOURS  # women's 1 is short
    lower = rows[-1] - 2
    assert _colour_at(image, middle + 40, lower) == SERIES_COLOURS[1]  # women's 6


def test_the_numbers_are_one_click_away(panel):
    panel.set_chart(BARS)
    assert panel.stack.currentWidget() is panel.view
    panel.table_button.click()
    assert panel.stack.currentWidget() is panel.table
    model = panel.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Category", "Households", "Visited in the last 90 days"]
    assert [[model.index(r, c).data() for c in range(3)] for r in range(3)] == [
        ["A", "10", "5"], ["B", "40", "0"], ["C", "20", "20"]]
    panel.table_button.click()
    assert panel.stack.currentWidget() is panel.view


def test_months_read_as_the_language_s_month_names(panel):
    hours = Chart("service_hours", "In-service hours by month", "bars", MONTHS,
                  (Series("Hours", tuple(float(m) for m in range(12))),), "hours")
    panel.set_chart(hours)
    assert panel.model.index(0, 0).data() == "Jan" and panel.model.index(11, 1).data() == "11"


def test_copy_and_save_the_image(panel, tmp_path, app_paths):
    panel.set_chart(BARS)
    panel.copy_image()
    copied = QApplication.clipboard().pixmap()
    assert not copied.isNull() and copied.width() >= panel.view.sizeHint().width()
    target = tmp_path / "chart"
    panel.ask_image_path = lambda suggested: str(target)  # type: ignore[method-assign]
    saved = panel.save_image()
    assert saved == tmp_path / "chart.png"
    image = QImage(str(saved))
    assert not image.isNull() and image.width() == copied.width()


def test_an_image_is_never_saved_into_the_data_folder(panel, app_paths, message_log):
    app_paths.data_dir.mkdir(parents=True, exist_ok=True)
    messages.protect_data_folder(app_paths)
    panel.set_chart(BARS)
    inside = app_paths.data_dir / "chart.png"
    panel.ask_image_path = lambda suggested: str(inside)  # type: ignore[method-assign]
    assert panel.save_image() is None
    assert not inside.exists() and message_log.warnings()


def test_an_empty_chart_says_so(panel):
    empty = Chart("x", "Party members by age", "bars", ("<30",), (Series("Members", (0.0,)),),
                  "people")
    panel.set_chart(empty)
    image = panel.view.grab().toImage()
    assert SERIES_COLOURS[0] not in {_colour_at(image, x, image.height() * 0.5)
                                     for x in range(0, image.width(), 3)}
