"""街道社区工作情况汇总表, checked through the PDF's text: a line per community with
its figures, the 合计 line, the street office as 填报单位, A4 landscape."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from gridoffice.errors import Cancelled
from gridoffice.ledgers.street_ledger import render_street_summary, summary_rows
from gridoffice.services.street_summary import street_summary, totals
from gridoffice.store.database import Database
from tests.street_fixture import (
    STREET,
    TODAY,
    setup_folder,
)


def _flat(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))



def test_a_line_per_community_and_the_totals(street_db, tmp_path):
    target = tmp_path / "street.pdf"
    result = render_street_summary(street_db, target, unit=STREET, year=2026, today=TODAY)
    assert result.path == target.absolute() and result.rows == 2 and result.pages == 1
    assert result.missing_chars == []
    reader = PdfReader(target)
    box = reader.pages[0].mediabox
    assert box.width > box.height  # A4 landscape
    text = _flat(target)
    assert "2026年街道社区工作情况汇总表" in text
    assert f"填报单位：{STREET}" in text and "填报日期：2026年11月21日" in text
    for head in ("社区", "党员", "预备期满未转正", "户数", "居民", "召开会议", "办结事项",
                 "在职党员报到", "积分"):
        assert head in text
    lines = street_summary(street_db, 2026, TODAY)
    assert [line.name for line in lines] == ["和平社区", "幸福里社区"]
    total = totals(lines)
    for row in summary_rows(lines):  # each line reads across: name, then its figures
        assert "".join(row) in text
    assert f"合计{total.members}{total.probationary_overdue}{total.households}" in text
    assert str(total.points) in text and total.points == sum(line.points for line in lines)
    assert text.index("和平社区") < text.index("幸福里社区") < text.index("合计")
    assert "负责人：" in text and "填表人：" in text and "第1页共1页" in text


def test_another_year_counts_its_own_meetings(street_db, tmp_path):
    target = tmp_path / "2019.pdf"
    render_street_summary(street_db, target, unit=STREET, year=2019, today=TODAY)
    text = _flat(target)
    assert "2019年街道社区工作情况汇总表" in text
    assert "召开会议为2019年内已结束的各类会议" in text
    total = totals(street_summary(street_db, 2019, TODAY))
    assert (total.meetings_held, total.followups_done, total.points) == (0, 0, 0)
    assert f"合计{total.members}{total.probationary_overdue}{total.households}" \
           f"{total.residents}00{total.registrations}0" in text


def test_no_community_yet(tmp_path):
    db = Database(setup_folder(tmp_path / "street", STREET, role="street"))
    try:
        result = render_street_summary(db, tmp_path / "empty.pdf", unit=STREET, year=2026,
                                       today=TODAY)
    finally:
        db.close()
    assert result.rows == 0 and result.pages == 1
    assert "合计00000000" in _flat(tmp_path / "empty.pdf")


def test_progress_and_cancel(street_db, tmp_path):
    calls = []
    render_street_summary(street_db, tmp_path / "ok.pdf", unit=STREET, year=2026, today=TODAY,
                          progress=lambda done, total: calls.append((done, total)) or True)
    assert calls[0] == (0, 2) and calls[-1] == (2, 2)
    target = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        render_street_summary(street_db, target, unit=STREET, year=2026, today=TODAY,
                              progress=lambda done, total: done == 0)
    assert not target.exists()


def test_the_communities_chart_heads_the_summary(street_db, tmp_path):
    """A vector chart of each community's party members and in-service members, in the
    embedded font, above the table (a community's own summary has none)."""
    target = tmp_path / "street.pdf"
    result = render_street_summary(street_db, target, unit=STREET, year=2026, today=TODAY)
    assert result.missing_chars == []
    text = _flat(target)
    lines = street_summary(street_db, 2026, TODAY)
    assert "各社区党员和在职党员报到人数" in text
    assert "党员（人）" in text and "在职党员（人）" in text
    chart = text[text.index("各社区党员和在职党员报到人数"):text.index("预备期满未转正")]
    for line in lines:  # the bars' numbers and the communities' names
        assert line.name in chart and str(line.members) in chart
        assert str(line.registrations) in chart
    fonts = {str(font) for page in PdfReader(target).pages
             for font in page["/Resources"]["/Font"].values()
             for font in [font.get_object()["/BaseFont"]]}
    assert not any("Helvetica" in font for font in fonts), fonts
    own = tmp_path / "own.pdf"
    render_street_summary(street_db, own, unit="和平社区", year=2026, today=TODAY,
                          community=(lines[0].office_id, STREET))
    assert "各社区党员和在职党员报到人数" not in _flat(own)
