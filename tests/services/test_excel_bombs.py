"""Workbooks made to exhaust memory or time are refused within seconds and bounded
memory, before openpyxl parses them, with a plain message; the database is untouched.

The bombs are built here at a size that runs in seconds: a few MB that unpack to
hundreds, one giant cell, thousands of parts, a sheet full of merged ranges. Each is
opened in a child process whose peak memory (``ru_maxrss``) is checked; the child's
address space is capped so that a regression fails instead of swapping the machine.
"""

from __future__ import annotations

import io
import json
import os
import random
import string
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from gridoffice.services import roster_excel as rx
from tests.conftest import TODAY
from tests.services.test_roundtrip import snapshot

ROOT = Path(__file__).resolve().parents[2]
SHEET = "xl/worksheets/sheet1.xml"
PEAK_MB = 300
SECONDS = 20

CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from gridoffice.errors import UserError
from gridoffice.services import roster_excel as rx
start = time.perf_counter()
try:
    names = rx.sheet_names(sys.argv[1])
    rx.read_layout(sys.argv[1], names[0])
    message = None
except UserError as exc:
    message = exc.english()
except MemoryError:
    message = "MemoryError"
def peak_mb():
    # VmHWM is this program's own peak; ru_maxrss on Linux keeps the peak of the
    # process it was forked from (a big test worker) across exec.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"message": message, "seconds": time.perf_counter() - start,
                  "peak_mb": peak_mb()}))
"""


def child(path: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)


def cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)


def genuine() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "党员花名册"
    sheet.append(["姓名", "性别", "身份证号", "入党时间", "转正时间", "所在支部"])
    sheet.append(["赵磊", "男", "510107199005142034", "2015.7", "2016.7", "第一网格党支部"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rebuild(path: Path, sheet_parts: list[bytes | tuple[bytes, int]] | None = None,
            extra: int = 0) -> Path:
    """The genuine workbook with its sheet made of ``sheet_parts`` (a tuple repeats
    its bytes, written block by block so the test itself stays small) and ``extra``
    tiny parts added."""
    with zipfile.ZipFile(io.BytesIO(genuine())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == SHEET and sheet_parts is not None:
                with target.open(SHEET, "w", force_zip64=True) as out:
                    for part in sheet_parts:
                        if isinstance(part, tuple):
                            block, times = part
                            for _ in range(times):
                                out.write(block)
                        else:
                            out.write(part)
            else:
                target.writestr(info, source.read(info.filename))
        for index in range(extra):
            target.writestr(f"xl/media/image{index}.bin", b"x")
    return path


def split_sheet() -> tuple[bytes, bytes]:
    with zipfile.ZipFile(io.BytesIO(genuine())) as source:
        xml = source.read(SHEET)
    head, tail = xml.split(b"</sheetData>")
    return head, b"</sheetData>" + tail


def whitespace_bomb(path: Path) -> Path:
    head, tail = split_sheet()
    return rebuild(path, [head, (b" " * (1 << 20), 400), tail])


def giant_cell_bomb(path: Path) -> Path:
    head, tail = split_sheet()
    cell = b'<row r="3"><c r="A3" t="inlineStr"><is><t>'
    return rebuild(path, [head, cell, (b"A" * (1 << 20), 400), b"</t></is></c></row>", tail])


def long_cell(path: Path) -> Path:
    """A cell of 200,000 random letters: packs like real text, more than Excel allows."""
    head, tail = split_sheet()
    letters = "".join(random.Random(1).choices(string.ascii_letters, k=200_000)).encode()
    cell = b'<row r="3"><c r="A3" t="inlineStr"><is><t>' + letters + b"</t></is></c></row>"
    return rebuild(path, [head, cell, tail])


def many_parts(path: Path) -> Path:
    return rebuild(path, extra=5_000)


def many_merges(path: Path) -> Path:
    """``mergeCells`` typed near the top, then more merged ranges than any sheet has."""
    head, tail = split_sheet()
    note = b'<row r="3"><c r="A3" t="inlineStr"><is><t>mergeCells</t></is></c></row>'
    merges = b"".join(f'<mergeCell ref="A{r}:B{r}"/>'.encode() for r in range(4, 400_010))
    tail = tail.replace(b"</sheetData>", b"</sheetData><mergeCells>" + merges + b"</mergeCells>")
    return rebuild(path, [head, note, tail])


BOMBS = {"whitespace": (whitespace_bomb, "unpacks to"),
         "giant cell": (giant_cell_bomb, "unpacks to"),
         "long cell": (long_cell, "more than 32767 characters"),
         "many parts": (many_parts, "parts"),
         "many merges": (many_merges, "merged cell ranges")}


@pytest.mark.parametrize("kind", BOMBS)
def test_bomb_is_refused_quickly_in_bounded_memory(kind, tmp_path):
    build, words = BOMBS[kind]
    path = build(tmp_path / f"{kind}.xlsx")
    assert path.stat().st_size < 8 << 20  # a few MB at most
    outcome = child(path)
    assert outcome["message"] and words in outcome["message"], outcome
    assert outcome["seconds"] < SECONDS, outcome
    assert outcome["peak_mb"] < PEAK_MB, outcome


@pytest.mark.parametrize("kind", ["whitespace", "long cell", "many merges"])
def test_cli_import_of_a_bomb_changes_nothing_and_says_why(kind, db, app_paths, tmp_path):
    path = BOMBS[kind][0](tmp_path / f"{kind}.xlsx")
    before = snapshot(db)
    files_before = sorted(p.name for p in app_paths.data_dir.iterdir())
    result = cli("import", "roster", str(path), data_dir=app_paths.data_dir)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "不予读取" in result.stderr
    assert snapshot(db) == before
    assert sorted(p.name for p in app_paths.data_dir.iterdir()) == files_before


def test_mergecells_typed_in_a_cell_does_not_keep_the_sheet(tmp_path):
    """The merged ranges after the data are still found, in bounded memory."""
    head, tail = split_sheet()
    note = b'<row r="3"><c r="A3" t="inlineStr"><is><t>mergeCells</t></is></c></row>'
    tail = tail.replace(b"</sheetData>",
                        b'</sheetData><mergeCells count="1"><mergeCell ref="F2:F3"/>'
                        b"</mergeCells>")
    path = rebuild(tmp_path / "merged.xlsx", [head, note, tail])
    with rx.open_workbook(path) as workbook:
        ws = rx._sheet(workbook, "党员花名册")
        assert rx._merged_ranges(path, ws) == [(2, 6, 3, 6)]


# --- hidden sheets --------------------------------------------------------------------
def hidden_first(path: Path, state: str = "veryHidden") -> Path:
    """A workbook whose first sheet is hidden (members nobody sees) and whose second,
    visible and active, is the roster a user looks at."""
    book = Workbook()
    hidden = book.active
    hidden.title = "隐藏"
    hidden.append(["姓名", "性别", "身份证号", "所在支部"])
    hidden.append(["钱多", "男", "110105199002300213", "第一网格党支部"])
    hidden.sheet_state = state
    shown = book.create_sheet("党员花名册")
    shown.append(["姓名", "性别", "身份证号", "所在支部"])
    shown.append(["赵磊", "男", "510107199005142034", "第一网格党支部"])
    book.active = 1
    book.save(path)
    return path


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_first_sheet_is_not_the_one_imported(state, tmp_path):
    path = hidden_first(tmp_path / "hidden.xlsx", state)
    assert rx.sheet_names(path) == ["党员花名册"]
    assert rx.read_layout(path, "党员花名册").preview[0][0] == "赵磊"
    with pytest.raises(rx.UserError) as caught:
        rx.read_layout(path, "隐藏")
    assert "hidden" in caught.value.english() and "党员花名册" in caught.value.english()


def test_cli_refuses_a_hidden_sheet_by_name(db, app_paths, tmp_path):
    path = hidden_first(tmp_path / "hidden.xlsx")
    before = snapshot(db)
    result = cli("import", "roster", str(path), "--sheet", "隐藏", "--dry-run",
                 data_dir=app_paths.data_dir)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "隐藏" in result.stderr and "hidden" in result.stderr
    plain = cli("import", "roster", str(path), "--dry-run", data_dir=app_paths.data_dir)
    assert "Traceback" not in plain.stderr
    assert "钱多" not in plain.stdout + plain.stderr
    assert snapshot(db) == before


# --- formulas without a saved result --------------------------------------------------
def test_a_formula_without_a_saved_result_is_reported(db, tmp_path):
    """openpyxl writes formulas without results (as other programs do); read for
    values only, the cell would be empty without a word."""
    book = Workbook()
    sheet = book.active
    sheet.title = "党员花名册"
    sheet.append(["姓名", "性别", "身份证号", "入党时间", "转正时间", "所在支部"])
    sheet.append(["赵磊", "男", "510107199005142034", "2015.7", "2016.7", "第一网格党支部"])
    sheet.append(["钱多", "男", '=CONCAT("1101051990","02300213")', "2015.7", "2016.7",
                  "第一网格党支部"])
    path = tmp_path / "formula.xlsx"
    book.save(path)
    before = snapshot(db)
    mapping = rx.load_mapping(db, path, "党员花名册")
    plan = rx.dry_run(db, path, "党员花名册", mapping, today=TODAY)
    found = [p for p in plan.problems if "formula" in p.message]
    assert [(p.row, p.column) for p in found] == [(3, "身份证号")]
    assert not plan.ok
    assert snapshot(db) == before
