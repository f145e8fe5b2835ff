"""The spreadsheet-import toolkit on its own: header matching, cell parsing, problem
lists, remembered mappings, and problem lists written to a real .xlsx and read back."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook, load_workbook

from gridoffice.domain.codes import ETHNICITY, SEX
from gridoffice.errors import Cancelled, UserError, ValidationError
from gridoffice.services.excel import cells, codes, export, headers, mappings, problems
from gridoffice.services.excel.cells import CellError
from gridoffice.services.excel.headers import ColumnSet
from gridoffice.services.excel.problems import Problem
from gridoffice.store import settings

MSG_NEED_PLACE = "Columns: choose the room or the address."
PETS = ColumnSet(
    labels={"name": "Name", "kind": "Kind", "born": "Birth date", "room": "Room",
            "address": "Address"},
    aliases={"name": ("姓名", "名字"), "kind": ("种类",), "born": ("出生日期", "生日"),
             "room": ("房号",), "address": ("地址", "住址")},
    required={"name": "姓名"},
    mapping_setting="test.pets.mapping",
    required_any=((("room", "address"), MSG_NEED_PLACE),),
    ignored=("序号",),
)


def write_sheet(path, rows, *, merge: str | None = None):
    workbook = Workbook()
    ws = workbook.active
    ws.title = "宠物"
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    workbook.save(path)
    return path


# --- header matching -----------------------------------------------------------------
@pytest.mark.parametrize(("cell", "expected"), [
    ("*姓名", "姓名"), (" 出生 日期 ", "出生日期"), ("出生日期（年.月）", "出生日期"),
    ("地址：", "地址"), (None, ""), (2024, "2024"),
])
def test_titles_are_compared_without_marks_spaces_or_notes(cell, expected):
    assert headers.normalize_header(cell) == expected


def test_fields_are_guessed_from_their_usual_titles_one_column_each():
    titles = ["序号", "名字", "种类", "住址", "姓名", "备注"]
    assert headers.guess_mapping(titles, PETS) == {"name": 1, "kind": 2, "address": 3}


def test_a_remembered_mapping_wins_over_the_guess():
    titles = ["姓名", "种类", "地址", "新地址"]
    mapping = headers.guess_mapping(titles, PETS, {"address": "新地址", "unknown": "姓名"})
    assert mapping == {"address": 3, "name": 0, "kind": 1}


def test_a_mapping_is_checked_for_needed_missing_and_twice_chosen_columns():
    titles = ["姓名", "房号", "地址"]
    headers.check_mapping(titles, {"name": 0, "room": 1}, PETS)
    with pytest.raises(ValidationError) as missing:
        headers.check_mapping(titles, {"room": 1}, PETS)
    assert missing.value.english() == "Columns: choose the column that holds 姓名."
    with pytest.raises(ValidationError) as place:
        headers.check_mapping(titles, {"name": 0}, PETS)
    assert place.value.english() == MSG_NEED_PLACE
    with pytest.raises(ValidationError) as twice:
        headers.check_mapping(titles, {"name": 0, "room": 2, "address": 2}, PETS)
    assert "地址 is chosen for two different fields" in twice.value.english()
    with pytest.raises(ValidationError) as far:
        headers.check_mapping(titles, {"name": 0, "room": 20_000}, PETS)
    assert far.value.english() == "Columns: the sheet has no column 20001."
    assert PETS.needed({"name": 0, "address": 2}) and not PETS.needed({"name": 0})


def test_the_title_rows_are_found_below_a_merged_title(tmp_path):
    path = write_sheet(tmp_path / "pets.xlsx", [
        ["幸福里社区宠物登记表"],
        ["序号", "姓名", "出生", None],
        [None, None, "日期", "房号"],
        [1, "旺财", dt.date(2020, 5, 1), "301"],
        [2, "咪咪", None, "302"],
    ], merge="A1:D1")
    layout = headers.read_layout(path, "宠物", PETS)
    assert layout.header_rows == (2, 3) and layout.data_start == 4
    assert layout.headers == ["序号", "姓名", "日期", "房号"]
    assert [row[1] for row in layout.preview] == ["旺财", "咪咪"]
    assert layout.column_name(5) == "F"


def test_a_sheet_without_known_titles_is_refused(tmp_path):
    path = write_sheet(tmp_path / "pets.xlsx", [["甲", "乙"], [1, 2]])
    with pytest.raises(UserError) as refused:
        headers.read_layout(path, "宠物", PETS)
    assert "none of its first 10 rows holds column titles" in refused.value.english()


# --- cell parsing --------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    (13812345678.0, "13812345678"), (1.5, "1.5"), ("  张  伟 ", "张 伟"),
    (dt.datetime(2020, 5, 1), "2020-05-01"), (dt.date(2020, 5, 1), "2020-05-01"),
    (True, "是"),
])
def test_cells_are_read_as_text(value, expected):
    assert cells.cell_text(value) == expected


def test_words_for_nothing_are_blank_but_not_for_names():
    assert all(cells.blank_word(v) for v in (None, "", "无", " — ", "／", "暂无"))
    assert not cells.blank_word("无锡") and not cells.blank_word(0)
    assert cells.is_blank("  ") and not cells.is_blank("无")


def test_dates_are_read_from_date_cells_serials_and_text():
    read = lambda value: cells.read_date(value, field="born", label_key="birth_date",  # noqa: E731
                                         column="出生日期")
    assert read(dt.datetime(1990, 7, 15)).date == dt.date(1990, 7, 15)
    assert read(33069).date == dt.date(1990, 7, 15)  # a date cell that lost its format
    month = read("1990.07")
    assert month.date == dt.date(1990, 7, 1) and month.precision != "day"
    assert read("无") is None
    with pytest.raises(CellError) as bad:
        read("1990-02-30")
    assert bad.value.field == "born" and "does not exist" in bad.value.error.english()


def test_id_numbers_stored_as_numbers_or_masked_are_refused():
    assert cells.id_text(" 11010519580312021x ", field="id", column="身份证号") == \
        "11010519580312021X"
    with pytest.raises(CellError) as number:
        cells.id_text(1.1010519580312e17, field="id", column="身份证号")
    assert "stored the ID number as a number" in number.value.error.english()
    with pytest.raises(CellError) as masked:
        cells.id_text("110105********0213", field="id", column="身份证号")
    assert masked.value.error.english().startswith("身份证号: 110105********0213 is masked")
    with pytest.raises(CellError):
        cells.unmasked_text("138****5678", field="mobile", column="电话")


def test_code_words_accept_chinese_terms_and_synonyms():
    sex = codes.code_words(SEX, codes.SEX_ZH, codes.SYNONYMS["sex"])
    ethnicity = codes.code_words(ETHNICITY, codes.ETHNICITY_ZH, codes.SYNONYMS["ethnicity"])
    assert cells.read_code(sex, "女性", field="sex", column="性别", examples="男, 女") == "2"
    assert cells.read_code(ethnicity, "汉", field="e", column="民族", examples="") == "01"
    assert cells.read_code(sex, "-", field="sex", column="性别", examples="") is None
    with pytest.raises(CellError) as unknown:
        cells.read_code(sex, "不详", field="sex", column="性别", examples="男, 女")
    assert unknown.value.error.english() == (
        "性别: 不详 is not a known value; write one of 男, 女.")
    assert codes.zh_term(ETHNICITY, codes.ETHNICITY_ZH, "03") == "回族"


# --- problem lists and progress ------------------------------------------------------
def test_the_same_key_in_two_rows_is_a_problem_in_each():
    found = problems.duplicate_rows({"A": [3, 7], "B": [4]}, "身份证号")
    assert [(p.row, p.column, p.field) for p in found] == [(3, "身份证号", "id_number"),
                                                          (7, "身份证号", "id_number")]
    assert found[0].message == "身份证号: the same ID number is also in row 7."


def test_problems_sort_by_row_then_field_order():
    listed = [Problem(5, "姓名", "name", "b"), Problem(3, "房号", "room", "c"),
              Problem(3, "姓名", "name", "a")]
    problems.sort_problems(listed, {"name": "姓名", "room": "房号"}, PETS.fields)
    assert [p.message for p in listed] == ["a", "c", "b"]
    with pytest.raises(UserError, match="3 problems"):
        problems.refuse_problems(listed)


def test_progress_returning_false_cancels():
    problems.tick(None, 1, 2)
    problems.tick(lambda done, total: True, 1, 2)
    with pytest.raises(Cancelled):
        problems.tick(lambda done, total: False, 1, 2)
    assert [list(c) for c in problems.chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]


# --- remembered mappings -------------------------------------------------------------
def test_a_mapping_is_remembered_by_title_under_its_own_setting(db):
    assert mappings.remembered_mapping(db, "test.pets.mapping") == {}
    mappings.remember_mapping(db, "test.pets.mapping", ["姓名", "", "住址"],
                              {"name": 0, "kind": 1, "address": 2, "room": 9})
    assert mappings.remembered_mapping(db, "test.pets.mapping") == {"name": "姓名",
                                                                     "address": "住址"}
    assert json.loads(settings.read_all(db.path)["test.pets.mapping"])["name"] == "姓名"
    settings.write(db.path, {"test.pets.mapping": "not json"})
    assert mappings.remembered_mapping(db, "test.pets.mapping") == {}
    assert mappings.ROSTER_MAPPING_SETTING == "import.roster.mapping"
    assert mappings.RESIDENTS_MAPPING_SETTING != mappings.ROSTER_MAPPING_SETTING


# --- export ----------------------------------------------------------------------------
def test_problems_round_trip_through_a_real_workbook_as_text(tmp_path):
    target = tmp_path / "问题.xlsx"
    rows = [(4, "姓名", "=HYPERLINK(\"http://x\")"), (0, "", "+1 lost"),
            (5, "电话", "-3 is not a phone"), (6, "备注", "bad\x07bell")]
    export.export_problems(target, rows, ("Row", "Column", "Problem"))
    workbook = load_workbook(target)
    ws = workbook.active
    assert ws.title == "问题" and ws.freeze_panes == "A2"
    values = list(ws.iter_rows(values_only=True))
    assert values[0] == ("Row", "Column", "Problem")
    assert values[1] == (4, "姓名", "=HYPERLINK(\"http://x\")")
    assert values[2] == (None, None, "+1 lost")
    assert values[3][2] == "-3 is not a phone"
    assert "\x07" not in values[4][2] and values[4][2].startswith("bad")
    formula_cell = ws["C2"]
    assert formula_cell.data_type == "s" and formula_cell.quotePrefix
    assert not ws["C5"].quotePrefix


def test_the_default_problem_titles_are_chinese(tmp_path):
    target = tmp_path / "p.xlsx"
    export.export_problems(target, [(3, "姓名", "问题")])
    first = next(load_workbook(target).active.iter_rows(values_only=True))
    assert first == ("行号", "列", "问题")


def test_id_numbers_are_masked_once():
    assert export.mask_id(None) == ""
    masked = export.mask_id("110105195803120213")
    assert masked != "110105195803120213" and export.mask_id(masked) == masked
