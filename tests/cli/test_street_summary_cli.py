"""``ledger street-summary``, run as a real subprocess on a street office's data folder
holding two communities, and on a community office's own folder."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from gridoffice import paths
from gridoffice.services.street_summary import street_summary, totals
from gridoffice.store.database import Database
from tests import sql
from tests.cli.test_cli import cli
from tests.street_fixture import COMMUNITIES, STREET, TODAY


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def _printed(folder) -> list[str]:
    conn = sql.connect(paths.resolve(folder).database)
    try:
        return [r[0] for r in conn.execute(
            "SELECT target FROM audit_log WHERE action = 'print'").fetchall()]
    finally:
        conn.close()


def test_street_summary_of_a_year(street_folder, tmp_path):
    target = tmp_path / "street.pdf"
    run = cli("ledger", "street-summary", "--year", "2026", "-o", str(target),
              data_dir=street_folder)
    assert run.returncode == 0, run.stderr
    assert str(target) in run.stdout and "2 个社区" in run.stdout
    text = _text(target)
    assert "2026年街道社区工作情况汇总表" in text and f"填报单位：{STREET}" in text
    assert all(name in text for name in COMMUNITIES)
    db = Database(paths.resolve(street_folder).database)
    try:
        total = totals(street_summary(db, 2026, TODAY))
    finally:
        db.close()
    assert f"合计{total.members}{total.probationary_overdue}{total.households}" \
           f"{total.residents}{total.meetings_held}" in text
    assert "street_summary:2026" in _printed(street_folder)


def test_the_year_defaults_to_this_year(street_folder, tmp_path):
    target = tmp_path / "now.pdf"
    cli("ledger", "street-summary", "-o", str(target), data_dir=street_folder, check=True)
    assert f"{dt.date.today().year}年街道社区工作情况汇总表" in _text(target)


def test_a_community_office_prints_its_own_line(street_folder, tmp_path):
    community = street_folder.parent / "community2"
    target = tmp_path / "community.pdf"
    run = cli("ledger", "street-summary", "--year", "2026", "-o", str(target),
              data_dir=community)
    assert run.returncode == 0, run.stderr
    assert "1 个社区" in run.stdout
    text = _text(target)
    assert "幸福里社区" not in text and "合计" in text
    # the community fills it in, for the street office it reports to
    assert "填报单位：和平社区" in text and f"填报单位：{STREET}" not in text
    assert f"（和平社区报{STREET}）" in text


@pytest.mark.parametrize("year", ["26", "abcd"])
def test_a_bad_year_is_a_usage_error(street_folder, tmp_path, year):
    target = tmp_path / "bad.pdf"
    run = cli("ledger", "street-summary", "--year", year, "-o", str(target),
              data_dir=street_folder)
    assert run.returncode == 2 and "YYYY" in run.stderr
    assert not target.exists()


def test_a_grid_code_of_several_communities_needs_the_community(street_folder, tmp_path):
    conn = sql.connect(paths.resolve(street_folder).database)
    code = conn.execute("SELECT code FROM grid GROUP BY code HAVING count(DISTINCT "
                        "origin_office) > 1 LIMIT 1").fetchone()[0]
    conn.close()
    target = tmp_path / "households.pdf"
    both = cli("ledger", "grid", "--grid", code, "-o", str(target), data_dir=street_folder)
    assert both.returncode == 1 and "--community" in both.stderr and not target.exists()
    assert all(name in both.stderr for name in COMMUNITIES)
    one = cli("ledger", "grid", "--grid", code, "--community", COMMUNITIES[1], "-o",
              str(target), data_dir=street_folder)
    assert one.returncode == 0, one.stderr
    assert target.exists()
    wrong = cli("ledger", "grid", "--grid", code, "--community", "没有社区", "-o",
                str(target), data_dir=street_folder)
    assert wrong.returncode == 1 and "没有社区" in wrong.stderr
