"""What the headless commands accept and refuse: a data folder that was never set up,
output file names, grids by code or name, closed sets of values, dates and periods
typed the office way, usage errors on one line, and help in Chinese and English."""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gridoffice import cli, paths
from gridoffice.domain.codes import CARE_TAGS, CONTROL_TAGS
from gridoffice.i18n import catalog
from gridoffice.store.files import open_database

CJK = re.compile(r"[\u4e00-\u9fff]")


def run(capsys, *args, data_dir):
    """``gridoffice-cli --data-dir DATA ARGS...``: (exit code, stdout, stderr)."""
    try:
        code = cli.main(["--data-dir", str(data_dir), *map(str, args)])
    except SystemExit as exc:  # argparse: --help and usage errors
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def listing(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with its content's hash."""
    return {str(p.relative_to(root)): "dir" if p.is_dir()
            else hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*"))}


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A demo community office (made once; the tests only read it and print)."""
    data = tmp_path_factory.mktemp("office") / "data"
    assert cli.main(["--data-dir", str(data), "demo", "--seed", "3"]) == 0
    return data


# --- a data folder that was never set up -----------------------------------------
DATA_COMMANDS = [
    ["info"],
    ["info", "--json"],
    ["ledger", "roster", "-o", "{out}/roster.pdf"],
    ["ledger", "orgs", "-o", "{out}/orgs"],
    ["ledger", "household", "--grid", "第一网格", "-o", "{out}/forms.pdf"],
    ["ledger", "care", "--tag", "独居老人", "-o", "{out}/care.pdf"],
    ["ledger", "points", "--period", "2026", "-o", "{out}/points.pdf"],
    ["ledger", "unit-letters", "--period", "2026", "-o", "{out}/letters"],
    ["export", "residents", "{out}/residents.xlsx"],
    ["export", "roster", "{out}/roster.xlsx"],
    ["import", "roster", "{out}/roster-in.xlsx", "--dry-run"],
    ["sync", "identity", "-o", "{out}/pc.gridid"],
    ["sync", "export", "-o", "{out}"],
    ["sync", "status"],
    ["sync", "peers"],
]


@pytest.mark.parametrize("state", ["missing", "empty", "database"])
def test_a_folder_never_set_up_is_refused_and_nothing_is_created(capsys, tmp_path, state):
    data = tmp_path / "data"
    if state == "empty":
        data.mkdir()
    elif state == "database":  # the window was started and closed before its first form
        open_database(paths.resolve(data))
    before = listing(tmp_path)
    for command in DATA_COMMANDS:
        args = [a.format(out=tmp_path) for a in command]
        code, out, err = run(capsys, *args, data_dir=data)
        assert code == 1, (args, out, err)
        assert out == "" and len(err.strip().splitlines()) == 1, (args, err)
        assert "尚未设置" in err and "not set up" in err, err
        assert f"--data-dir {data.resolve()} setup --role community" in err
        assert listing(tmp_path) == before, args
    assert data.exists() == (state != "missing")


def test_setup_and_demo_still_start_a_new_folder(capsys, tmp_path):
    street, pc = tmp_path / "street", tmp_path / "pc"
    assert run(capsys, "setup", "--role", "street", "--street", "幸福街道",
               data_dir=street)[0] == 0
    assert run(capsys, "info", data_dir=street)[0] == 0
    code, out, _err = run(capsys, "demo", data_dir=pc)  # sets up the demo community
    assert code == 0 and "demo data added" in out
    assert run(capsys, "ledger", "orgs", "-o", tmp_path / "orgs.pdf", data_dir=pc)[0] == 0


# --- output names ------------------------------------------------------------------
def test_a_ledger_gets_pdf_added_and_another_extension_is_refused(capsys, office, tmp_path):
    code, out, err = run(capsys, "ledger", "orgs", "-o", tmp_path / "orgs", data_dir=office)
    assert code == 0, err
    assert not (tmp_path / "orgs").exists() and str(tmp_path / "orgs.pdf") in out
    assert "党组织设置一览表" in PdfReader(tmp_path / "orgs.pdf").pages[0].extract_text()
    dotted = tmp_path / "幸福里2026.11"  # a dot in a name is not an extension
    assert run(capsys, "ledger", "orgs", "-o", dotted, data_dir=office)[0] == 0
    assert (tmp_path / "幸福里2026.11.pdf").exists()
    assert run(capsys, "ledger", "orgs", "-o", tmp_path / "BIG.PDF", data_dir=office)[0] == 0
    assert (tmp_path / "BIG.PDF").exists()
    before = listing(tmp_path)
    for name in ("orgs.txt", "orgs.xlsx"):
        code, out, err = run(capsys, "ledger", "orgs", "-o", tmp_path / name, data_dir=office)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
        assert name in err and ".pdf" in err and "usage error" in err and "用法错误" in err
    assert listing(tmp_path) == before


def test_an_export_gets_xlsx_added_and_another_extension_is_refused(capsys, office, tmp_path):
    code, out, err = run(capsys, "export", "roster", tmp_path / "members", data_dir=office)
    assert code == 0, err
    assert load_workbook(tmp_path / "members.xlsx").active.max_row > 100
    code, _out, err = run(capsys, "export", "residents", tmp_path / "residents.csv",
                          data_dir=office)
    assert code == 2 and "residents.csv" in err and ".xlsx" in err
    assert not (tmp_path / "residents.csv").exists()


# --- grids by code or name, tags from a closed set ------------------------------------
def _rows(path: Path) -> list[tuple]:
    return list(load_workbook(path).active.iter_rows(values_only=True))


def test_a_grid_is_found_by_its_code_or_its_name(capsys, office, tmp_path):
    by_code, by_name = tmp_path / "code.xlsx", tmp_path / "name.xlsx"
    assert run(capsys, "export", "residents", by_code, "--grid", "110105001001001",
               data_dir=office)[0] == 0
    code, _out, err = run(capsys, "export", "residents", by_name, "--grid", "第一网格",
                          data_dir=office)
    assert code == 0, err
    assert _rows(by_name) == _rows(by_code) and len(_rows(by_code)) > 100
    for args in (["ledger", "grid", "--grid", "第二网格"],
                 ["ledger", "household", "--grid", "第 二 网格", "--building", "1"],
                 ["ledger", "care", "--tag", "独居老人", "--grid", "第二网格"]):
        code, _out, err = run(capsys, *args, "-o", tmp_path / "x.pdf", data_dir=office)
        assert code == 0, (args, err)


@pytest.mark.parametrize("command", [
    ["export", "residents", "{out}/x.xlsx"],
    ["ledger", "grid", "-o", "{out}/x.pdf"],
    ["ledger", "care", "--tag", "独居老人", "-o", "{out}/x.pdf"],
])
def test_an_unknown_grid_lists_the_grids(capsys, office, tmp_path, command):
    args = [a.format(out=tmp_path) for a in command]
    code, out, err = run(capsys, *args, "--grid", "第九网格", data_dir=office)
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "第九网格" in err
    for grid in ("110105001001001 第一网格", "110105001001006 第六网格"):
        assert grid in err
    assert "没有" in err  # Chinese first
    assert not list(tmp_path.iterdir())


def test_an_unknown_care_tag_lists_the_printable_tags(capsys, office, tmp_path):
    code, _out, err = run(capsys, "ledger", "care", "--tag", "低保", "-o", tmp_path / "x.pdf",
                          data_dir=office)
    assert code == 1 and len(err.strip().splitlines()) == 1
    for tag in CARE_TAGS:
        assert tag.zh() in err
    for tag in CONTROL_TAGS:
        assert tag.zh() not in err
    assert not (tmp_path / "x.pdf").exists()
    assert run(capsys, "ledger", "care", "--tag", "低保户", "-o", tmp_path / "x.pdf",
               data_dir=office)[0] == 0


def test_a_choice_outside_the_set_lists_the_set(capsys, tmp_path):
    code, _out, err = run(capsys, "demo", "--size", "huge", data_dir=tmp_path / "d")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "huge" in err and "small" in err and "large" in err
    code, _out, err = run(capsys, "setup", "--role", "office", "--street", "幸福街道",
                          data_dir=tmp_path / "d")
    assert code == 2 and "street" in err and "community" in err
    assert not (tmp_path / "d").exists()


# --- dates and periods ---------------------------------------------------------------
def test_dates_years_and_periods_typed_the_office_way(capsys, office, tmp_path):
    for args in (["ledger", "orgs", "--as-of", "2026年11月1日"],
                 ["ledger", "roster", "--as-of", "2026/11/01"],
                 ["ledger", "roster", "--as-of", "2026.11.1"],
                 ["ledger", "meetings-summary", "--year", "2026年"],
                 ["ledger", "followups", "--year", "２０２６"],
                 ["ledger", "street-summary", "--year", "2026年"],
                 ["ledger", "points", "--period", "2026年第三季度"],
                 ["ledger", "service-cards", "--period", "2026年7月"]):
        code, _out, err = run(capsys, *args, "-o", tmp_path / "x.pdf", data_dir=office)
        assert code == 0, (args, err)


# --- usage errors and help ----------------------------------------------------------
@pytest.mark.parametrize("args, words", [
    (["ledger", "roster", "--as-of", "2026-13-01", "-o", "x.pdf"], ["--as-of", "2026-13-01"]),
    (["ledger", "points", "--period", "2026Q5", "-o", "x.pdf"], ["--period", "2026Q5"]),
    (["ledger", "meetings-summary", "--year", "twenty", "-o", "x.pdf"], ["--year", "twenty"]),
    (["ledger", "orgs"], ["-o/--output"]),
    (["ledger", "minutes", "-o", "x.pdf"], ["--meeting", "--date"]),
    (["demo", "--seed", "seven"], ["--seed", "seven"]),
    (["bogus"], ["bogus", "info", "ledger"]),
    (["info", "--frobnicate"], ["--frobnicate"]),
])
def test_a_usage_error_is_one_line_said_once_in_each_language(capsys, tmp_path, args, words):
    code, out, err = run(capsys, *args, data_dir=tmp_path / "data")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    zh, _bar, en = err.partition(" | ")
    assert "用法错误" in zh and CJK.search(zh) and en.startswith("usage error: ")
    assert "argument " not in err and "用法错误" not in en
    message = zh.split(": ", 1)[1]  # after "gridoffice-cli ledger roster: "
    assert not re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", message), zh  # no English left
    for word in words:
        assert word in zh and word in en, (word, err)
        assert err.count(word) == 2 or word in ("info", "ledger"), (word, err)
    assert not (tmp_path / "data").exists()


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


def test_every_help_text_has_its_chinese():
    zh = catalog("zh_CN")
    texts = set(cli._ARGPARSE_TEXTS) | {message for _p, message, _l in cli._USAGE_ERRORS}
    for parser in _parsers(cli.build_parser()):
        texts.add(parser.description)
        texts |= {action.help for action in parser._actions
                  if action.help and action.help != argparse.SUPPRESS}
    assert len(texts) > 80
    untranslated = sorted(t for t in texts
                          if not CJK.search(zh.translate("cli", t).replace(t, "")))
    assert not untranslated


@pytest.mark.parametrize("args", [[], ["ledger"], ["ledger", "care"], ["export", "residents"],
                                  ["sync", "resolve"], ["import", "roster"]])
def test_help_is_in_chinese_and_english(capsys, tmp_path, args):
    code, out, _err = run(capsys, *args, "--help", data_dir=tmp_path / "data")
    assert code == 0
    assert out.startswith("用法 | usage: gridoffice-cli")
    assert "选项 | options:" in out
    assert "显示本帮助并退出" in out and "show this help message and exit" in out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 100
    if args == ["ledger", "care"]:
        assert "关爱对象名单" in out and "the residents with a care tag" in out
        assert "--tag TAG" in out and "living_alone" in out
    assert not (tmp_path / "data").exists()
