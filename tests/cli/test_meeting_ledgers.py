"""``ledger minutes``, ``ledger followups`` and ``ledger meetings-summary``, run as real
subprocesses on a data folder filled through the meetings service."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from gridoffice.services.meetings import MeetingRules, MeetingService
from tests.cli.test_cli import cli
from tests.ledgers.test_minutes_ledger import NOW, build_council


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture
def office(db, app_paths):
    """The data folder of ``db``, with an approved council on 2026-11-10 (第 12 期)."""
    service = MeetingService(db, operator="王芳", now=NOW, meeting_rules=MeetingRules())
    meeting_id = build_council(service)
    return app_paths.data_dir, meeting_id


def _printed(db) -> list[str]:
    with db.read() as session:
        raw = session.connection().connection.driver_connection
        return [r[0] for r in raw.execute(
            "SELECT target FROM audit_log WHERE action = 'print'").fetchall()]


def test_minutes_by_meeting_number_and_by_date(db, office, tmp_path):
    data, _meeting_id = office
    by_ref = tmp_path / "by_ref.pdf"
    run = cli("ledger", "minutes", "--meeting", "20261110-1", "-o", str(by_ref), data_dir=data)
    assert run.returncode == 0, run.stderr
    assert str(by_ref) in run.stdout and "2 个议题" in run.stdout
    text = _text(by_ref)
    assert "幸福里社区居民议事会会议记录（第12期）" in text and "签到表" in text
    assert "同意5票，反对1票，弃权0票" in text and "未通过" in text
    assert "审定人：李主任" in text
    pages = PdfReader(by_ref).pages
    assert "签到表" in pages[-1].extract_text() and "签到表" not in pages[0].extract_text()

    by_date = tmp_path / "by_date.pdf"
    run = cli("ledger", "minutes", "--date", "2026-11-10", "-o", str(by_date), data_dir=data)
    assert run.returncode == 0, run.stderr
    assert _text(by_date) == text
    assert _printed(db).count("meeting_minutes") == 2


def test_followups_and_summary(db, office, tmp_path):
    data, _meeting_id = office
    followups = tmp_path / "followups.pdf"
    run = cli("ledger", "followups", "--year", "2026", "-o", str(followups), data_dir=data)
    assert run.returncode == 0, run.stderr
    assert "3 件" in run.stdout
    text = _text(followups)
    assert "议事会决议落实情况跟踪表" in text and "入户征求意见并汇总" in text
    assert "共3件，已完成1件" in text
    everything = tmp_path / "all.pdf"
    cli("ledger", "followups", "-o", str(everything), data_dir=data, check=True)
    assert "共3件" in _text(everything)

    summary = tmp_path / "summary.pdf"
    run = cli("ledger", "meetings-summary", "--year", "2026", "-o", str(summary), data_dir=data)
    assert run.returncode == 0, run.stderr
    text = _text(summary)
    assert "2026年度会议情况汇总表" in text and "第12期" in text
    assert "全年推动解决问题1件" in text
    assert {"meeting_follow_ups", "meeting_summary:2026"} <= set(_printed(db))


@pytest.mark.parametrize("args, words", [
    (["minutes", "--meeting", "20990101-1"], "20990101-1"),
    (["minutes", "--date", "2026-11-11"], "2026-11-11"),
])
def test_no_such_meeting_is_one_line_and_no_file(office, tmp_path, args, words):
    data, _meeting_id = office
    out = tmp_path / "x.pdf"
    run = cli("ledger", *args, "-o", str(out), data_dir=data)
    assert run.returncode == 1 and not out.exists()
    assert len(run.stderr.strip().splitlines()) == 1 and "gridoffice-cli: " in run.stderr
    assert words in run.stderr


@pytest.mark.parametrize("args", [
    ["minutes"],  # neither --meeting nor --date
    ["minutes", "--meeting", "20261110-1", "--date", "2026-11-10"],
    ["minutes", "--date", "2026-02-30"],
    ["followups", "--year", "twenty"],
    ["meetings-summary"],  # --year is required
])
def test_usage_errors(tmp_path, args):
    run = cli("ledger", *args, "-o", str(tmp_path / "x.pdf"), data_dir=tmp_path / "data")
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_help_lists_the_meeting_ledgers():
    out = cli("ledger", "--help", check=True).stdout
    assert "minutes" in out and "followups" in out and "meetings-summary" in out
