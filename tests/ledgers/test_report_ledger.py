"""社区工作情况报表: the workbench's figures and charts on paper, for a year and a month,
checked by the PDF's text against the same reads; what the command line refuses."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from gridoffice.cli import main
from gridoffice.domain.access import Actor
from gridoffice.services import charts, workbench
from gridoffice.store.files import connect
from tests.conftest import copy_demo


@pytest.fixture(scope="module")
def folder(demo_templates, tmp_path_factory) -> Path:
    return copy_demo(demo_templates(3), tmp_path_factory.mktemp("report"))


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_year_s_report_prints_the_figures_and_every_chart(folder, tmp_path):
    year = dt.date.today().year
    target = tmp_path / "report.pdf"
    assert main(["--data-dir", str(folder), "ledger", "report", "--year", str(year),
                 "-o", str(target)]) == 0
    conn = connect(folder / "gridoffice.sqlite3", read_only=True)
    try:
        actor = Actor.open("王芳")
        figures = workbench.read_figures(conn, actor, *workbench.year_of(dt.date(year, 1, 1)))
        hours = charts.service_hours_by_month(conn, actor, year)
    finally:
        conn.close()
    text = _text(target)
    assert f"{year}年社区工作情况报表" in text and "填报单位：" in text
    for name, value in (("党员", figures.members), ("户数", figures.households),
                        ("实有人口", figures.residents), ("召开会议", figures.meetings_held),
                        ("在职党员积分", figures.points)):
        assert name in text and str(value) in text, name
    assert f"{figures.follow_ups_done}/{figures.follow_ups_total}" in text
    for heading in ("人口年龄性别结构", "各网格入户走访情况", "党员年龄结构", "党员党龄结构",
                    "党员学历结构", "议事会决议落实情况（按会议月份）", "在职党员服务时长（按月）"):
        assert heading in text, heading
    assert "预备党员" in text and "大学本科" in text and "Probationary" not in text
    for value in hours.series[0].values:  # every month's bar is labelled with its hours
        if value:
            assert f"{value:g}" in text
    assert "负责人：" in _pdftotext(target)


def test_a_month_s_report_and_what_the_command_line_refuses(folder, tmp_path, capsys):
    target = tmp_path / "month.pdf"
    assert main(["--data-dir", str(folder), "ledger", "report", "--month", "2026年7月",
                 "-o", str(target)]) == 0
    text = _text(target)
    assert "2026年7月社区工作情况报表" in text and "2026-07-01 至 2026-07-31" in text
    refused = tmp_path / "quarter.pdf"
    assert main(["--data-dir", str(folder), "ledger", "report", "--month", "2026Q3",
                 "-o", str(refused)]) == 1
    assert "2026Q3" in capsys.readouterr().err and not refused.exists()
    with pytest.raises(SystemExit):
        main(["--data-dir", str(folder), "ledger", "report", "-o", str(refused)])
    assert not refused.exists()


def test_the_report_is_recorded_in_the_audit_log(folder, tmp_path):
    from tests import sql

    target = tmp_path / "audited.pdf"
    assert main(["--data-dir", str(folder), "ledger", "report", "--year", "2025",
                 "-o", str(target)]) == 0
    conn = sql.connect(folder / "gridoffice.sqlite3")
    try:
        targets = [r[0] for r in conn.execute(
            "SELECT target FROM audit_log WHERE action = 'print'")]
    finally:
        conn.close()
    assert "work_report:2025" in targets
