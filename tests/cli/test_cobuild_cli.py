"""Co-building on the command line: ``info`` counts the units, needs, resources,
services and orders sent up; ``ledger orders`` at the street lists every community's
orders sent up; ``ledger work-orders --order`` prints one, and an unknown number is
refused in one line with nothing written; every print is in the audit log."""

from __future__ import annotations

import json
import re

from pypdf import PdfReader

from gridoffice import paths
from tests import sql
from tests.cli.test_cli import cli
from tests.conftest import copy_demo


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def test_info_counts_the_co_building_records(demo_templates):
    info = json.loads(cli("info", "--json", data_dir=demo_templates(1), check=True).stdout)
    counts = info["counts"]
    assert (counts["needs"], counts["resources"], counts["projects"], counts["requests"]) == (
        40, 25, 30, 6)
    assert counts["units"] >= 10
    assert info["schema_version"] == 11


def test_a_work_order_by_its_number_and_an_unknown_number_refused(demo_templates, tmp_path):
    folder = copy_demo(demo_templates(1), tmp_path)
    conn = sql.connect(paths.resolve(folder).database)
    try:
        code = conn.execute(
            "SELECT o.code FROM service_order o JOIN order_step s ON s.order_id = o.id "
            "WHERE s.kind = 'assign' ORDER BY o.code LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    target = tmp_path / "order.pdf"
    cli("ledger", "work-orders", "--order", code, "-o", str(target), data_dir=folder, check=True)
    text = _text(target)
    assert "派单单" in text and f"编号{code}" in text and "回执" in text
    missing = tmp_path / "none.pdf"
    run = cli("ledger", "work-orders", "--order", "1999-0001", "-o", str(missing),
              data_dir=folder)
    assert run.returncode == 1 and "1999-0001" in run.stderr and not missing.exists()
    assert len(run.stderr.strip().splitlines()) == 1
    conn = sql.connect(paths.resolve(folder).database)
    try:
        targets = [r[0] for r in conn.execute("SELECT target FROM audit_log")]
    finally:
        conn.close()
    assert f"cobuild_work_orders:{code}" in targets


def test_the_street_ledger_of_orders_sent_up(street_folder, tmp_path):
    target = tmp_path / "orders.pdf"
    run = cli("ledger", "orders", "--year", "2026", "-o", str(target), data_dir=street_folder)
    assert run.returncode == 0, run.stderr
    text = _text(target)
    assert "2026年街道派单台账" in text
    assert "幸福里社区" in text and "和平社区" in text
    assert "12 个订单" in run.stdout


def test_a_street_demo_adds_its_departments(tmp_path):
    folder = tmp_path / "street"
    cli("setup", "--role", "street", "--street", "幸福街道", "--open", data_dir=folder,
        check=True)
    out = cli("demo", data_dir=folder, check=True).stdout
    assert "9 个职能部门" in out
    conn = sql.connect(paths.resolve(folder).database)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM department ORDER BY name")]
    finally:
        conn.close()
    assert "城管执法中队" in names and len(names) == 9
