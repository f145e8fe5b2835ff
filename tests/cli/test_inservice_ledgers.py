"""The in-service ledger commands (checkin-register, checkin-forms, service-cards,
points, unit-letters, checkin-cards, post-posters), run as real subprocesses on a
data folder filled through the in-service service."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from tests.cli.test_cli import cli
from tests.ledgers.test_inservice_ledger import build_office


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture
def office(db, app_paths):
    build_office(db)
    return app_paths.data_dir


def _printed(db) -> list[str]:
    with db.read() as session:
        raw = session.connection().connection.driver_connection
        return [r[0] for r in raw.execute(
            "SELECT target FROM audit_log WHERE action = 'print'").fetchall()]


def test_register_and_forms(db, office, tmp_path):
    register = tmp_path / "register.pdf"
    run = cli("ledger", "checkin-register", "-o", str(register), data_dir=office)
    assert run.returncode == 0, run.stderr
    assert str(register) in run.stdout and "5 人" in run.stdout
    text = _text(register)
    assert "在职党员到社区报到一览表" in text and "138****5678" in text and "待审核" in text

    forms = tmp_path / "forms.pdf"
    run = cli("ledger", "checkin-forms", "-o", str(forms), data_dir=office)
    assert run.returncode == 0, run.stderr
    assert len(PdfReader(forms).pages) == 4
    one = tmp_path / "one.pdf"
    run = cli("ledger", "checkin-forms", "--code", "zb0003", "-o", str(one), data_dir=office)
    assert run.returncode == 0, run.stderr
    text = _text(one)
    assert len(PdfReader(one).pages) == 1 and "赵强" in text and "310104********0357" in text
    assert {"inservice_register", "inservice_forms"} <= set(_printed(db))


def test_service_cards_points_and_cards(db, office, tmp_path):
    cards = tmp_path / "service.pdf"
    run = cli("ledger", "service-cards", "--period", "2026Q3", "--code", "ZB0001",
              "-o", str(cards), data_dir=office)
    assert run.returncode == 0, run.stderr
    text = _text(cards)
    assert "在职党员服务记录卡" in text and "小区夜间巡逻" in text and "敬老院慰问" not in text

    points = tmp_path / "points.pdf"
    run = cli("ledger", "points", "--period", "2026Q3", "-o", str(points), data_dir=office)
    assert run.returncode == 0, run.stderr
    text = _text(points)
    assert "在职党员积分公示表" in text and "李明" in text and "赵强" in text
    assert not re.search(r"\d{11,}|\d{3}\*{4}\d{4}", text)

    bank = tmp_path / "bank.pdf"
    run = cli("ledger", "points", "--period", "2026Q3", "--unit", "工商银行幸福支行",
              "-o", str(bank), data_dir=office)
    assert run.returncode == 0, run.stderr
    text = _text(bank)
    assert "赵强" in text and "李明" not in text

    qr = tmp_path / "qr.pdf"
    run = cli("ledger", "checkin-cards", "-o", str(qr), data_dir=office)
    assert run.returncode == 0, run.stderr
    text = _text(qr)
    assert all(code in text for code in ("ZB0001", "ZB0002", "ZB0003", "ZB0004"))
    posters = tmp_path / "posters.pdf"
    run = cli("ledger", "post-posters", "-o", str(posters), data_dir=office)
    assert run.returncode == 0, run.stderr
    assert len(PdfReader(posters).pages) == 2
    assert {"inservice_service_cards:2026Q3", "inservice_points:2026Q3",
            "inservice_checkin_cards", "inservice_post_posters"} <= set(_printed(db))


def test_unit_letters_into_a_folder(db, office, tmp_path):
    folder = tmp_path / "letters"
    run = cli("ledger", "unit-letters", "--period", "2026Q3", "-o", str(folder), data_dir=office)
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["区教育局_2026Q3.pdf", "工商银行幸福支行_2026Q3.pdf"]
    assert "共 2 封" in run.stdout
    assert "赵强" in _text(folder / "工商银行幸福支行_2026Q3.pdf")
    assert _printed(db).count("inservice_unit_letter:2026Q3") == 2


@pytest.mark.parametrize("args, words", [
    (["points", "--period", "2026Q3", "--unit", "市财政局"], "市财政局"),
    (["checkin-forms", "--code", "ZB9999"], "ZB9999"),
])
def test_bad_input_is_one_line_and_no_file(office, tmp_path, args, words):
    out = tmp_path / "x.pdf"
    run = cli("ledger", *args, "-o", str(out), data_dir=office)
    assert run.returncode == 1 and not out.exists()
    assert len(run.stderr.strip().splitlines()) == 1 and "gridoffice-cli: " in run.stderr
    assert words in run.stderr


def test_bad_period_writes_no_letters(office, tmp_path):
    folder = tmp_path / "letters"
    run = cli("ledger", "unit-letters", "--period", "2026-13", "-o", str(folder),
              data_dir=office)
    assert run.returncode == 2 and not folder.exists()  # a usage error, like a bad date
    assert len(run.stderr.strip().splitlines()) == 1 and "2026-13" in run.stderr


@pytest.mark.parametrize("args", [
    ["points"],  # --period is required
    ["unit-letters"],
    ["points", "--period", "2026Q5"],
    ["service-cards", "--period", "last year"],
])
def test_usage_errors(tmp_path, args):
    run = cli("ledger", *args, "-o", str(tmp_path / "x.pdf"), data_dir=tmp_path / "data")
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_help_lists_the_inservice_ledgers():
    out = cli("ledger", "--help", check=True).stdout
    for name in ("checkin-register", "checkin-forms", "service-cards", "points",
                 "unit-letters", "checkin-cards", "post-posters"):
        assert name in out
