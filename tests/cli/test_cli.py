"""The headless commands, run as real subprocesses."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, data_dir=None, env=None, check=False):
    full_env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    full_env.update({"PYTHONPATH": str(ROOT), **(env or {})})
    command = [sys.executable, "-m", "gridoffice.cli"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    result = subprocess.run([*command, *args], capture_output=True, text=True, env=full_env,
                            cwd=ROOT, timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_version_and_help():
    out = cli("--version", check=True).stdout
    assert out.startswith("GridOffice ")
    for args in (["--help"], ["info", "--help"], ["demo", "--help"], ["ledger", "orgs", "--help"]):
        assert "usage: gridoffice-cli" in cli(*args, check=True).stdout


def test_cli_never_imports_qt(tmp_path):
    cli("setup", "--role", "street", "--street", "幸福街道", data_dir=tmp_path, check=True)
    code = ("import sys, runpy; sys.argv = ['gridoffice-cli', '--data-dir', sys.argv[1], 'info'];"
            "\ntry: runpy.run_module('gridoffice.cli', run_name='__main__')"
            "\nexcept SystemExit: pass"
            "\nassert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
            "\nassert 'sqlalchemy' not in sys.modules, 'info should not need SQLAlchemy'")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_demo_then_info_json(tmp_path):
    data = tmp_path / "office"
    out = cli("demo", "--seed", "7", data_dir=data, check=True).stdout
    assert "demo data added" in out
    info = json.loads(cli("info", "--json", data_dir=data, check=True).stdout)
    assert info["office"]["name"] == "幸福里社区" and info["office"]["role"] == "community"
    assert info["data_dir"] == str(data.resolve())
    assert info["schema_version"] >= 1
    assert info["counts"]["orgs"] >= 10
    assert {"org", "committee_seat", "org_event", "member", "member_placement"} <= set(
        info["digests"])
    assert info["counts"]["members"] > 100
    assert all(len(v) == 64 for v in info["digests"].values())
    # demo refuses a folder that already has data, and changes nothing
    again = cli("demo", data_dir=data)
    assert again.returncode == 1 and "empty data folder" in again.stderr
    assert "演示数据" in again.stderr  # Chinese first on the same line
    assert len(again.stderr.strip().splitlines()) == 1
    assert json.loads(cli("info", "--json", data_dir=data, check=True).stdout) == info


def test_demo_is_deterministic_for_a_seed(tmp_path):
    from tests import sql

    def content(folder):
        cli("demo", "--seed", "11", data_dir=folder, check=True)
        conn = sql.connect(folder / "gridoffice.sqlite3")
        return sorted(conn.execute(
            "SELECT o.name, o.org_type, o.established, s.seat, s.person_name, s.from_date "
            "FROM org o LEFT JOIN committee_seat s ON s.org_id = o.id").fetchall(), key=str)

    assert content(tmp_path / "a") == content(tmp_path / "b")


def test_environment_variable_sets_the_data_dir(tmp_path):
    data = tmp_path / "from-env"
    env = {"GRIDOFFICE_DATA_DIR": str(data)}
    cli("setup", "--role", "street", "--street", "幸福街道", env=env, check=True)
    info = json.loads(cli("info", "--json", env=env, check=True).stdout)
    assert info["data_dir"] == str(data.resolve())
    assert (data / "gridoffice.sqlite3").exists()


def test_ledger_orgs(tmp_path):
    data = tmp_path / "office"
    cli("demo", data_dir=data, check=True)
    pdf = tmp_path / "orgs.pdf"
    out = cli("ledger", "orgs", "-o", str(pdf), data_dir=data, check=True).stdout
    assert str(pdf) in out
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "党组织设置一览表" in text and "幸福里社区" in text
    assert "中共幸福里社区委员会" in text and "第 1 页" in text
    assert "内部资料" in text


@pytest.mark.parametrize("args, message", [
    (["bogus"], "usage error"),
    (["info", "--frobnicate"], "usage error"),
    (["ledger", "orgs"], "usage error"),
    (["ledger", "orgs", "-o", "x.pdf", "--as-of", "2026-02-30"], "is not a date"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path, args, message):
    result = cli(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unwritable_data_dir(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    result = cli("setup", "--role", "street", "--street", "幸福街道", data_dir=blocker / "data")
    assert result.returncode == 1
    assert "Cannot write" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_foreign_database_is_refused_and_kept(tmp_path):
    data = tmp_path / "office"
    data.mkdir()
    (data / "gridoffice.sqlite3").write_bytes(b"hello, I am a spreadsheet")
    result = cli("info", data_dir=data)
    assert result.returncode == 1 and "not a GridOffice database" in result.stderr
    assert (data / "gridoffice.sqlite3").read_bytes() == b"hello, I am a spreadsheet"


def test_ledger_output_that_cannot_be_written_keeps_the_old_file(tmp_path):
    data = tmp_path / "office"
    cli("demo", data_dir=data, check=True)
    missing = cli("ledger", "orgs", "-o", str(tmp_path / "nope" / "x.pdf"), data_dir=data)
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    folder = cli("ledger", "orgs", "-o", str(tmp_path), data_dir=data)
    assert folder.returncode == 1 and "is a folder" in folder.stderr
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"%PDF-1.4 precious")
    before = hashlib.sha256(existing.read_bytes()).hexdigest()
    os.chmod(tmp_path, 0o500)
    try:
        result = cli("ledger", "orgs", "-o", str(existing), data_dir=data)
    finally:
        os.chmod(tmp_path, 0o700)
    if os.geteuid() != 0:  # root ignores the folder permission
        assert result.returncode == 1 and "Cannot write" in result.stderr
    else:
        assert result.returncode == 0
    if result.returncode != 0:
        assert hashlib.sha256(existing.read_bytes()).hexdigest() == before
    assert not list(tmp_path.glob(".old.pdf.*.part"))


def _roster_sheet(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "身份证号", "入党时间", "转正时间", "联系电话", "所在支部"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_roster_ledger_export_and_import(tmp_path):
    data = tmp_path / "office"
    cli("demo", data_dir=data, check=True)
    before = json.loads(cli("info", "--json", data_dir=data, check=True).stdout)

    pdf = tmp_path / "roster.pdf"
    cli("ledger", "roster", "--org", "第一网格党支部", "-o", str(pdf), data_dir=data, check=True)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "党员花名册" in text and "第一网格支部委员会" in text and "支部书记" in text
    assert "****" in text  # phones masked on paper
    missing = cli("ledger", "roster", "--org", "没有这个支部", "-o", str(pdf), data_dir=data)
    assert missing.returncode == 1 and "没有这个支部" in missing.stderr

    exported = tmp_path / "roster.xlsx"
    cli("export", "roster", str(exported), data_dir=data, check=True)
    from openpyxl import load_workbook

    values = [c for row in load_workbook(exported).active.iter_rows(values_only=True)
              for c in row if isinstance(c, str)]
    assert any("********" in v for v in values)  # ID numbers masked

    good = tmp_path / "good.xlsx"
    _roster_sheet(good, [["赵磊", "男", "510107199005142034", "2015.7", "2016年7月", "13900001111",
                          "第一网格党支部"]])
    dry = cli("import", "roster", str(good), "--dry-run", data_dir=data)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert json.loads(cli("info", "--json", data_dir=data, check=True).stdout) == before
    cli("import", "roster", str(good), data_dir=data, check=True)
    after = json.loads(cli("info", "--json", data_dir=data, check=True).stdout)
    assert after["counts"]["members"] == before["counts"]["members"] + 1

    bad = tmp_path / "bad.xlsx"
    _roster_sheet(bad, [
        ["钱多", "男", "110105199002300213", "2015.7", "2016.7", "无", "第一网格党支部"],
        ["孙立", "男", "420106199306150224", "2015.7", "2016.7", "无", "第九支部"],
    ])
    refused = cli("import", "roster", str(bad), data_dir=data)
    assert refused.returncode == 1
    assert "第 2 行" in refused.stdout and "第 3 行" in refused.stdout
    assert json.loads(cli("info", "--json", data_dir=data, check=True).stdout) == after
