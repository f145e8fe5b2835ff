"""The party-member roster to and from Excel (.xlsx): reading a sheet, guessing the
column mapping, a checked import (dry run, then one all-or-nothing transaction)
and a masked export.

An import never writes half a file: :func:`dry_run` reads the whole sheet, checks
every row with the same rules as the member form (``roster.clean_draft``) against
data loaded once, and collects every problem; :func:`apply` writes a plan only
when it has none, in one transaction. No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import operator
import os
import re
import sqlite3
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import text

from gridoffice.domain import identity, masking, party
from gridoffice.domain.codes import (
    EDUCATION,
    ETHNICITY,
    ID_TYPES,
    MEMBER_CATEGORY,
    MEMBER_STATUS,
    RELATION_STATUS,
    SEX,
    CodeTable,
)
from gridoffice.domain.households import format_address
from gridoffice.domain.party import PartyRules
from gridoffice.domain.text import safe_text
from gridoffice.errors import Cancelled, StorageError, Term, UserError, ValidationError
from gridoffice.fileio import atomic_output
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.roster import MemberDraft, MemberRow, clean_draft
from gridoffice.store import audit, settings
from gridoffice.store.database import Database
from gridoffice.store.tables import Member, MemberEvent, MemberPlacement

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]

# --- messages -------------------------------------------------------------------------
MSG_FILE_MISSING = QT_TRANSLATE_NOOP("errors", "The file {path} does not exist.")
MSG_FILE_UNREADABLE = QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}.")
MSG_NOT_EXCEL = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not an Excel workbook. Open it in Excel or WPS and save it as an Excel "
    "workbook (.xlsx), then choose that file.",
)
MSG_ENCRYPTED = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is password-protected, or in the old Excel 97-2003 format (.xls), which cannot "
    "be read. Open it in Excel or WPS and save it as an Excel workbook (.xlsx) without a "
    "password.",
)
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "errors",
    "{name} cannot be read; it seems damaged ({detail}). Open it in Excel or WPS and save "
    "it again as an Excel workbook (.xlsx).",
)
MSG_WORKBOOK_EMPTY = QT_TRANSLATE_NOOP("errors", "{name} is empty: no sheet holds any data.")
MSG_TOO_MANY_PARTS = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not read: it holds {count} parts, far more than an Excel workbook has. "
    "Open it in Excel or WPS, check it and save it again as an Excel workbook (.xlsx).",
)
MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not read: unpacked it would take more than {limit} MB, far more than a "
    "sheet of 200,000 people. Split it into smaller files, or open it in Excel or WPS, "
    "check it and save it again.",
)
MSG_PACKED = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not read: its part {part} unpacks to {ratio} times its size in the file, "
    "which no real sheet does (a file made to exhaust the computer's memory). Open it in "
    "Excel or WPS, check it and save it again.",
)
MSG_CELL_TOO_LONG = QT_TRANSLATE_NOOP(
    "errors",
    "{name} is not read: a cell holds more than {limit} characters, the most Excel "
    "allows in one cell. Open it in Excel or WPS, shorten that cell and save it again.",
)
MSG_TOO_MANY_MERGES = QT_TRANSLATE_NOOP(
    "errors",
    "Sheet {sheet} is not read: it has more than {limit} merged cell ranges. Unmerge "
    "the cells in Excel or WPS and save it again.",
)
MSG_NO_SUCH_SHEET = QT_TRANSLATE_NOOP(
    "errors", "The workbook has no sheet called {sheet}. Its sheets: {sheets}."
)
MSG_UNCACHED_FORMULA = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: the cell holds a formula whose result was never saved in the file, so its "
    "value cannot be read. Open the file in Excel or WPS and save it again, or type the "
    "value instead of the formula.",
)
MSG_HIDDEN_SHEET = QT_TRANSLATE_NOOP(
    "errors",
    "The sheet {sheet} is hidden in the workbook, so it is not read. Show it in Excel or "
    "WPS and save the file again, or choose a visible sheet: {sheets}.",
)
MSG_SHEET_EMPTY = QT_TRANSLATE_NOOP("errors", "The sheet {sheet} is empty.")
MSG_NO_HEADER = QT_TRANSLATE_NOOP(
    "errors",
    "Sheet {sheet}: none of its first {rows} rows holds column titles such as 姓名 or "
    "公民身份号码. Put the column titles in one row above the data.",
)
MSG_NO_ROWS = QT_TRANSLATE_NOOP(
    "errors", "Sheet {sheet} has no member rows below the column titles."
)
MSG_COLUMN_REQUIRED = QT_TRANSLATE_NOOP(
    "errors", "Columns: choose the column that holds {column}."
)
MSG_COLUMN_TWICE = QT_TRANSLATE_NOOP(
    "errors", "Columns: the column {column} is chosen for two different fields."
)
MSG_COLUMN_RANGE = QT_TRANSLATE_NOOP("errors", "Columns: the sheet has no column {column}.")
MSG_VALUE_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "{column}: {value} is not a known value; write one of {examples}."
)
MSG_BRANCH_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: there is no active organisation called {value}; write its full or short name "
    "as in the organisation tree.",
)
MSG_BRANCH_RETIRED = QT_TRANSLATE_NOOP("errors", "{column}: {value} has been retired.")
MSG_BRANCH_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "errors", "{column}: several organisations are called {value}; write the full name."
)
MSG_ID_AS_NUMBER = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: Excel stored the ID number as a number and lost its last digits ({value}). "
    "Format the column as text and enter the number again.",
)
MSG_MASKED = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: {value} is masked (partly hidden with *). Import a file with the full numbers, "
    "such as an export made with the full numbers shown.",
)
MSG_ID_TWICE = QT_TRANSLATE_NOOP(
    "errors", "{column}: the same ID number is also in row {rows}."
)
MSG_ID_OTHER_NAME = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: the ID number in this row belongs to {name} on the roster, not to {value}. "
    "Check the ID number, or correct the name in the member form.",
)
MSG_MEMBER_LEFT = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: {name}, who has this ID number, is no longer an active member here ({status}). "
    "Bring them back with a transfer in or a restore, not with an import.",
)
MSG_DATE_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "errors",
    "{column}: {value} may mean January or October. Write the date as text, like 1990-01 or "
    "1990-10.",
)
MSG_HAS_PROBLEMS = QT_TRANSLATE_NOOP(
    "errors",
    "The file still has {count} problems; nothing was imported. Correct the file and check "
    "it again.",
)
MSG_CHANGED_MEANWHILE = QT_TRANSLATE_NOOP(
    "errors",
    "Members or organisations were changed after the file was checked; nothing was imported. "
    "Check the file again.",
)

# Field labels of problem reports and mapping pages (context "errors": the service names
# them in messages; the wizard shows the same words).
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("errors", "Name"),
    "sex": QT_TRANSLATE_NOOP("errors", "Sex"),
    "ethnicity": QT_TRANSLATE_NOOP("errors", "Ethnicity"),
    "id_type": QT_TRANSLATE_NOOP("errors", "ID type"),
    "id_number": QT_TRANSLATE_NOOP("errors", "ID number"),
    "birth_date": QT_TRANSLATE_NOOP("errors", "Birth date"),
    "native_place": QT_TRANSLATE_NOOP("errors", "Native place"),
    "education": QT_TRANSLATE_NOOP("errors", "Education"),
    "join_date": QT_TRANSLATE_NOOP("errors", "Join date"),
    "full_date": QT_TRANSLATE_NOOP("errors", "Full membership date"),
    "status": QT_TRANSLATE_NOOP("errors", "Full or probationary"),
    "category": QT_TRANSLATE_NOOP("errors", "Category"),
    "mobile": QT_TRANSLATE_NOOP("errors", "Phone"),
    "org_id": QT_TRANSLATE_NOOP("errors", "Branch"),
    "unit_party_org": QT_TRANSLATE_NOOP("errors", "Unit party organisation"),
    "party_post": QT_TRANSLATE_NOOP("errors", "Party post"),
    "work_unit_job": QT_TRANSLATE_NOOP("errors", "Work unit and job"),
    "work_unit": QT_TRANSLATE_NOOP("errors", "Work unit"),
    "job": QT_TRANSLATE_NOOP("errors", "Job"),
    "address": QT_TRANSLATE_NOOP("errors", "Address"),
    "away_destination": QT_TRANSLATE_NOOP("errors", "Destination (mobile members)"),
    "away_since": QT_TRANSLATE_NOOP("errors", "Date left (mobile members)"),
    "note": QT_TRANSLATE_NOOP("errors", "Note"),
}

# --- columns --------------------------------------------------------------------------
FIELDS: tuple[str, ...] = tuple(FIELD_LABELS)
# Columns every import needs, named by the usual header (shown in MSG_COLUMN_REQUIRED).
REQUIRED_FIELDS: dict[str, str] = {"name": "姓名", "id_number": "公民身份号码",
                                   "join_date": "入党时间"}
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "党员姓名", "名字"),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "id_type": ("证件类型", "证件种类"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "公民身份证号码", "证件号码",
                  "身份证", "居民身份证号码", "身份证件号码", "公民身份证号"),
    "birth_date": ("出生年月", "出生日期", "出生年月日", "生日"),
    "native_place": ("籍贯",),
    "education": ("学历", "文化程度", "最高学历"),
    "join_date": ("入党时间", "入党日期", "入党年月"),
    "full_date": ("转正时间", "转正日期", "转正年月"),
    "status": ("正式/预备", "正式或预备", "正式/预备党员", "正式党员/预备党员", "党员状态",
               "党籍状态", "党员身份"),
    "category": ("党员类别", "人员类别", "党员类型"),
    "mobile": ("联系电话", "手机", "手机号码", "手机号", "联系方式", "电话", "电话号码"),
    "org_id": ("所在支部", "所在党支部", "党组织", "所在党组织", "所属支部", "所属党支部",
               "所属党组织", "党支部", "支部"),
    "unit_party_org": ("单位党组织", "工作单位党组织", "所在单位党组织"),
    "party_post": ("党内职务",),
    "work_unit_job": ("工作单位及职务",),
    "work_unit": ("工作单位", "单位"),
    "job": ("职务", "行政职务"),
    "address": ("居住地址", "家庭住址", "现居住地", "现住址", "居住地", "家庭地址", "住址",
                "现居住地址"),
    "away_destination": ("流动去向", "外出去向", "外出地点"),
    "away_since": ("外出时间", "外出日期"),
    "note": ("备注",),
}
# Headers that are recognised (they make a row look like the header) but not imported.
IGNORED_HEADERS = ("序号", "编号", "年龄", "党龄")
HEADER_SCAN_ROWS = 10
PREVIEW_ROWS = 5
MAPPING_SETTING = "import.roster.mapping"
# The Member columns an import writes for a new member, in this order (ImportPlan.new).
MEMBER_COLUMNS: tuple[str, ...] = (
    "name", "former_name", "sex", "ethnicity", "birth_date", "id_type", "id_number",
    "id_number_original", "native_place", "education", "degree", "mobile", "join_date",
    "status", "probation_extension_months", "full_date", "party_post", "category",
    "hardship", "center_household", "star_rating", "org_id", "work_unit", "job",
    "unit_party_org", "grid_code", "address", "away_destination", "away_since",
    "away_contact", "note", "name_pinyin", "name_initials",
)
# Member columns an imported field may change on an existing member. The ID number
# is the key that matched the member and is never changed by an import.
UPDATED_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "name_pinyin", "name_initials"),
    "sex": ("sex",),
    "ethnicity": ("ethnicity",),
    "id_type": (),
    "id_number": (),
    "birth_date": ("birth_date",),
    "native_place": ("native_place",),
    "education": ("education",),
    "join_date": ("join_date",),
    "full_date": ("full_date",),
    "status": ("status",),
    "category": ("category",),
    "mobile": ("mobile",),
    "org_id": ("org_id", "unit_party_org"),
    "unit_party_org": ("unit_party_org",),
    "party_post": ("party_post",),
    "work_unit_job": ("work_unit", "job"),
    "work_unit": ("work_unit",),
    "job": ("job",),
    "address": ("address",),
    "away_destination": ("away_destination",),
    "away_since": ("away_since",),
    "note": ("note",),
}
# A validation error names a draft field; the column it is reported under.
_ERROR_FIELDS: dict[str, tuple[str, ...]] = {
    "id_type": ("id_number",),
    "org_id": ("org_id",),
    "unit_party_org": ("unit_party_org", "org_id"),
    "work_unit": ("work_unit", "work_unit_job"),
    "job": ("job", "work_unit_job"),
    "sex": ("sex", "id_number"),
    "birth_date": ("birth_date", "id_number"),
}
DATE_FIELDS = ("birth_date", "join_date", "full_date", "away_since")
# parse_loose_date names the field in its messages by these FIELD_LABELS keys (codes).
_DATE_LABEL_KEYS = {"birth_date": "birth_date", "join_date": "join_date",
                    "full_date": "full_date", "away_since": "leave_date"}
TEXT_FIELDS = ("native_place", "party_post", "work_unit", "job", "address",
               "away_destination", "unit_party_org", "note")
# What stands for "nothing" in a cell: printed ledgers write 无 or a dash.
_BLANKS = frozenset({"", "无", "-", "--", "—", "——", "/", "／", "\\", "暂无", "空", "－",
                     "－－", "―", "――", "─", "无。"})
_ACTIVE = ("normal", "transferring_out")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
# Limits that keep a hostile workbook from exhausting memory or time (a few MB that
# unpack to gigabytes, one giant cell, thousands of parts). A genuine sheet of
# 200,000 people unpacks to some 200 MB, at most about 10 times its packed size.
MAX_PARTS = 2_000
MAX_UNPACKED = 768 * 1024 * 1024  # all parts together
MAX_SHARED_STRINGS = 192 * 1024 * 1024  # openpyxl keeps every shared text in memory
MAX_OTHER_PART = 32 * 1024 * 1024  # styles, workbook, relations: read whole
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024  # parts smaller than this may pack as tight as they like
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
MAX_MERGES = 300_000
_NEUTRAL_ORG = "\x00neutral"  # stands in for a bad branch while other checks run

# --- Chinese words of the code tables -------------------------------------------------
# The canonical Chinese term of each code as printed on forms, and other words people
# write for it. Imports accept these whatever the interface language.
ETHNICITY_ZH: dict[str, str] = dict(zip((f"{n:02d}" for n in range(1, 57)), (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族",
    "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
    "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
    "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
    "基诺族",
), strict=True))
ETHNICITY_ZH.update({"97": "其他", "98": "外国血统中国籍人士"})
EDUCATION_ZH = {"10": "研究生", "20": "大学本科", "30": "大学专科", "40": "中专",
                "60": "高中", "70": "初中", "80": "小学及以下"}
SEX_ZH = {"1": "男", "2": "女"}
STATUS_ZH = {"full": "正式", "probationary": "预备"}
CATEGORY_ZH = {"direct": "直管党员", "in_service": "在职党员", "mobile": "流动党员",
               "retired": "离退休党员"}
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "sex": {"1": ("男", "男性", "M", "MALE"), "2": ("女", "女性", "F", "FEMALE")},
    "ethnicity": {"98": ("外国血统",), "97": ("其它", "其他民族")},
    "education": {
        "10": ("博士", "博士研究生", "硕士", "硕士研究生", "研究生学历", "研究生及以上"),
        "20": ("本科", "大本", "大学本科学历"),
        "30": ("专科", "大专", "高职", "大学专科学历"),
        "40": ("中等专科", "中等专业学校", "中技", "技校", "职高", "中职", "中等职业教育",
               "中等职业学校"),
        "60": ("普通高中", "高级中学"),
        "70": ("初级中学",),
        "80": ("小学", "文盲", "半文盲", "扫盲班", "小学以下"),
    },
    "status": {"full": ("正式", "正式党员"), "probationary": ("预备", "预备党员")},
    "category": {
        "direct": ("直管", "直管党员", "社区直管党员"),
        "in_service": ("在职", "在职党员"),
        "mobile": ("流动", "流动党员", "流出党员", "外出流动党员"),
        "retired": ("离退休", "离退休党员", "退休", "退休党员", "离休", "离休党员"),
    },
}
_EXAMPLES = {"sex": "男, 女", "ethnicity": "汉族, 回族, 满族 …",
             "education": "研究生, 大学本科, 大学专科, 中专, 高中, 初中, 小学及以下",
             "status": "正式, 预备", "category": "直管党员, 在职党员, 流动党员, 离退休党员",
             "id_type": "居民身份证, 港澳台居民居住证, 外国人永久居留身份证, 护照 …"}


def _key(value: str) -> str:
    """How cell text and names are compared: NFKC, no whitespace, upper-case ASCII."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).upper()


def _code_words(table: CodeTable, chinese: dict[str, str], kind: str) -> dict[str, str]:
    words: dict[str, str] = {}
    for code in table.codes:
        candidates = [code.code, code.label, code.zh(), chinese.get(code.code, "")]
        candidates += _SYNONYMS.get(kind, {}).get(code.code, ())
        if code.code.isdigit():
            candidates.append(str(int(code.code)))
        for word in candidates:
            if word:
                words.setdefault(_key(word), code.code)
        zh = chinese.get(code.code, "")
        if kind == "ethnicity" and zh.endswith("族") and len(zh) > 1:
            words.setdefault(_key(zh[:-1]), code.code)  # 汉 for 汉族
    return words


def zh_term(table: CodeTable, chinese: dict[str, str], code: str | None) -> str | None:
    """The Chinese term of a code for sheets: the catalogue's, else the standard's."""
    if not code:
        return None
    if code in table:
        found = table.get(code)
        translated = found.zh()
        if translated != found.label:
            return translated
    return chinese.get(code, code)


# --- results --------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file; the import refuses to write while any is left."""

    row: int  # Excel row number (0: the sheet as a whole)
    column: str  # the header text of the column ("" when no single column is at fault)
    field: str  # the import field (FIELDS), or a draft field
    message: str  # English, values filled in
    error: UserError | None = None  # for a translated message: error.render(...)


@dataclass(frozen=True)
class SheetLayout:
    """Where a sheet's column titles and data are."""

    sheet: str
    headers: list[str]  # per column (0-based), as shown; "" for a column without a title
    header_rows: tuple[int, int]  # first and last Excel row of the column titles
    data_start: int  # Excel row of the first data row
    preview: list[tuple[Any, ...]]  # the first data rows, as read
    row_estimate: int  # data rows according to the sheet's stored size (0: unknown)

    def column_name(self, index: int) -> str:
        """The title of a column, or its letter."""
        return column_label(self.headers, index)


_member_values = operator.itemgetter(*MEMBER_COLUMNS)


@dataclass(frozen=True)
class NewMember:
    """A member the file adds: the checked values to store (``clean_draft``'s)."""

    row: int
    values: tuple[Any, ...]  # in MEMBER_COLUMNS order

    def as_dict(self) -> dict[str, Any]:
        return dict(zip(MEMBER_COLUMNS, self.values, strict=True))


@dataclass(frozen=True)
class MemberUpdate:
    """An existing member (matched by ID number) whose details the file changes."""

    row: int
    member_id: str
    name: str
    hlc: int  # the version checked; apply refuses if the member changed since
    changes: dict[str, tuple[Any, Any]]  # Member column -> (stored, new)
    active: bool = True


@dataclass
class ImportPlan:
    """What importing a sheet would do; :func:`apply` writes it if it has no problems."""

    path: Path
    sheet: str
    headers: list[str]
    mapping: dict[str, int]
    new: list[NewMember] = field(default_factory=list)
    updates: list[MemberUpdate] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0  # data rows read (empty rows not counted)
    org_ids: set[str] = field(default_factory=set)  # organisations the plan refers to
    org_names: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem_rows(self) -> set[int]:
        return {p.row for p in self.problems}

    @property
    def total_rows(self) -> int:
        return self.rows

    @property
    def new_count(self) -> int:
        return len(self.new)

    @property
    def update_count(self) -> int:
        return len(self.updates)

    def counts(self) -> dict[str, int]:
        return {"rows": self.rows, "new": len(self.new), "updated": len(self.updates),
                "unchanged": self.unchanged, "problems": len(self.problems),
                "problem_rows": len(self.problem_rows)}


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    added: int
    updated: int
    unchanged: int


def column_label(headers: Sequence[str], index: int) -> str:
    """The header of a column, or its letter when it has none (``F``)."""
    from openpyxl.utils import get_column_letter

    if 0 <= index < len(headers) and headers[index]:
        return headers[index]
    return str(get_column_letter(index + 1))


# --- opening files --------------------------------------------------------------------
@contextlib.contextmanager
def open_workbook(path: str | os.PathLike[str]) -> Iterator[Any]:
    """An openpyxl workbook in read-only mode, or a UserError that says what the file is
    (missing, not an .xlsx workbook, password-protected or .xls, damaged)."""
    source = Path(path)
    name = source.name
    try:
        handle = open(source, "rb")  # noqa: SIM115 - closed below, after the workbook
    except FileNotFoundError:
        raise UserError(MSG_FILE_MISSING, path=str(source)) from None
    except IsADirectoryError:
        raise UserError(MSG_NOT_EXCEL, name=name) from None
    except OSError as exc:
        raise UserError(MSG_FILE_UNREADABLE, path=str(source),
                        reason=exc.strerror or str(exc)) from exc
    with handle:
        head = handle.read(8)
        if head == _OLE_SIGNATURE:
            raise UserError(MSG_ENCRYPTED, name=name)
        if not head.startswith(_ZIP_SIGNATURE):
            raise UserError(MSG_NOT_EXCEL, name=name)
        handle.seek(0)
        try:
            with zipfile.ZipFile(handle) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" in names:
                    _check_archive(archive, name)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError,
                zlib.error) as exc:
            raise UserError(MSG_DAMAGED, name=name, detail=str(exc)) from exc
        if "xl/workbook.xml" not in names:
            raise UserError(MSG_NOT_EXCEL, name=name)  # a Word document or another zip
        handle.seek(0)
        import openpyxl

        # A file object, not the path: openpyxl would refuse a real workbook whose
        # name does not end in .xlsx (saved as "花名册.xls" by hand, say).
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError,
                SyntaxError) as exc:  # xml.etree's ParseError is a SyntaxError
            raise UserError(MSG_DAMAGED, name=name, detail=type(exc).__name__) from exc
        try:
            yield workbook
        finally:
            workbook.close()


def _check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse, before openpyxl parses anything, a workbook that would take unbounded
    memory or time: too many parts, too much unpacked, a part packed far tighter than
    real XML packs (whitespace bombs), or a text longer than a cell can hold. The sizes
    the archive declares are what zipfile will ever unpack, so they can be trusted."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise UserError(MSG_TOO_MANY_PARTS, name=name, count=len(infos))
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise UserError(MSG_TOO_BIG, name=name, limit=MAX_UNPACKED // (1024 * 1024))
    for info in infos:
        part = info.filename
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                1, info.compress_size):
            raise UserError(MSG_PACKED, name=name, part=part,
                            ratio=info.file_size // max(1, info.compress_size))
        is_sheet = part.startswith("xl/worksheets/")
        is_strings = part == "xl/sharedStrings.xml"
        limit = (MAX_UNPACKED if is_sheet else MAX_SHARED_STRINGS if is_strings
                 else MAX_OTHER_PART)
        if info.file_size > limit:
            raise UserError(MSG_TOO_BIG, name=name, limit=limit // (1024 * 1024))
        if (is_sheet or is_strings) and part.endswith(".xml"):
            with archive.open(info) as source:
                if _longest_text(source) > 4 * MAX_CELL_CHARS:
                    raise UserError(MSG_CELL_TOO_LONG, name=name, limit=MAX_CELL_CHARS)


def _longest_text(source: Any, stop: int = 4 * MAX_CELL_CHARS) -> int:
    """The longest run of bytes without a ``<`` in an XML stream (a cell's text lies
    between tags), read in blocks; stops early once a run passes ``stop``."""
    longest = carry = 0
    while chunk := source.read(1 << 20):
        parts = chunk.split(b"<")
        if len(parts) == 1:
            carry += len(chunk)
        else:
            inner = max(map(len, parts[1:-1]), default=0)
            longest = max(longest, carry + len(parts[0]), inner)
            carry = len(parts[-1])
        if max(longest, carry) > stop:
            break
    return max(longest, carry)


def _worksheets(workbook: Any) -> list[Any]:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    return [ws for ws in workbook.worksheets if isinstance(ws, ReadOnlyWorksheet)]


def _has_values(ws: Any) -> bool:
    ws.reset_dimensions()
    for row in ws.iter_rows(min_row=1, values_only=True):
        if any(not _is_blank(v) for v in row):
            return True
    return False


def _visible(workbook: Any) -> list[Any]:
    """The visible worksheets, the one the workbook opens on first: a hidden or
    "very hidden" sheet is never taken for the one a user sees."""
    sheets = [ws for ws in _worksheets(workbook) if ws.sheet_state == "visible"]
    try:
        active = workbook.active
    except (IndexError, AttributeError):
        active = None
    if active in sheets:
        sheets.remove(active)
        sheets.insert(0, active)
    return sheets


def sheet_names(path: str | os.PathLike[str]) -> list[str]:
    """The names of the visible worksheets that hold data, the active one first, then
    in workbook order.

    UserError for a missing file, a file that is not an .xlsx workbook (a renamed
    .docx, a CSV, random bytes), a password-protected or old .xls workbook, and a
    workbook whose sheets are all empty.
    """
    with open_workbook(path) as workbook:
        names = [ws.title for ws in _visible(workbook) if _has_values(ws)]
    if not names:
        raise UserError(MSG_WORKBOOK_EMPTY, name=Path(path).name)
    return names


def _sheet(workbook: Any, sheet: str) -> Any:
    visible = _visible(workbook)
    listed = "、".join(ws.title for ws in visible)
    for ws in _worksheets(workbook):
        if ws.title == sheet:
            if ws not in visible:
                raise UserError(MSG_HIDDEN_SHEET, sheet=sheet, sheets=listed)
            return ws
    raise UserError(MSG_NO_SUCH_SHEET, sheet=sheet, sheets=listed)


# --- writing cells --------------------------------------------------------------------
# A text that starts with one of these is a formula (or becomes one when the cell is
# edited) in Excel and WPS: OWASP's list for CSV injection.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_row(ws: Any, values: Iterable[Any]) -> list[Any]:
    """A row for a write-only sheet in which every text is written as text, never as a
    formula: ``=WEBSERVICE(...)`` in a note is stored as that string (no ``<f>``
    element) and marked with the quote prefix, so editing the cell keeps it text too.
    The value itself is not changed, so the file imports back as it was, except for
    control and text-direction characters stored before they were refused: those are
    replaced (``domain.text.safe_text``) so an old value never breaks an export.
    Numbers, dates and cells already made stay as they are."""
    from openpyxl.cell import WriteOnlyCell

    row: list[Any] = []
    for value in values:
        if isinstance(value, str):
            cell = WriteOnlyCell(ws, value=safe_text(value))
            cell.data_type = "s"
            if value.startswith(_FORMULA_START):
                cell.quotePrefix = True
            value = cell
        row.append(value)
    return row


# --- merged cells ---------------------------------------------------------------------
_MERGE_CELL = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?"')


def _merged_ranges(path: str | os.PathLike[str], ws: Any) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet as (min_row, min_col, max_row, max_col), 1-based.

    openpyxl's read-only mode does not report them; they follow the cell data at the
    end of the sheet's XML, which is streamed here without being parsed.
    """
    from openpyxl.utils.cell import coordinate_to_tuple

    member = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
    if not member:
        return []
    ranges: list[tuple[int, int, int, int]] = []
    tail = b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as source:
            # Block by block, each with the unfinished end of the one before: memory
            # and time stay linear whatever the sheet holds (``mergeCells`` typed in a
            # cell near the top once made this keep the whole rest of the sheet).
            while chunk := source.read(1 << 20):
                data = tail + chunk
                end = 0
                for match in _MERGE_CELL.finditer(data):
                    first = coordinate_to_tuple(match.group(1).decode())
                    last = coordinate_to_tuple((match.group(2) or match.group(1)).decode())
                    ranges.append((first[0], first[1], last[0], last[1]))
                    end = match.end()
                    if len(ranges) > MAX_MERGES:
                        raise UserError(MSG_TOO_MANY_MERGES, sheet=ws.title, limit=MAX_MERGES)
                tail = data[max(end, len(data) - 256):]
    except (KeyError, OSError, zipfile.BadZipFile):
        return []
    return ranges


_UNCACHED = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*'
    rb'<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*'
    rb'(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')


def uncached_formulas(path: str | os.PathLike[str], ws: Any, layout: SheetLayout,
                      limit: int = 1000) -> list[Problem]:
    """A problem for each data cell holding a formula with no saved result (a file
    written by a program, not saved by Excel): read with values only, it would be
    empty without a word. The sheet's XML is streamed, not parsed."""
    from openpyxl.utils.cell import column_index_from_string

    member = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
    problems: list[Problem] = []
    if not member:
        return problems
    tail = b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as source:
            while len(problems) < limit and (chunk := source.read(1 << 20)):
                data = tail + chunk
                end = 0
                for match in _UNCACHED.finditer(data):
                    end = match.end()
                    row = int(match.group(2))
                    if row < layout.data_start:
                        continue
                    column = layout.column_name(
                        column_index_from_string(match.group(1).decode()) - 1)
                    error = UserError(MSG_UNCACHED_FORMULA, column=column)
                    problems.append(Problem(row, column, "", error.english(), error))
                tail = data[max(end, len(data) - 4096):]
    except (KeyError, OSError, zipfile.BadZipFile):
        return problems
    return problems


def _fill_merged(rows: dict[int, list[Any]], ranges: Iterable[tuple[int, int, int, int]]) -> None:
    """Unmerge logically: every cell of a merged range gets the top-left cell's value."""
    for r0, c0, r1, c1 in ranges:
        if r0 not in rows:
            continue
        anchor = rows[r0][c0 - 1] if c0 - 1 < len(rows[r0]) else None
        for r in range(r0, r1 + 1):
            if r not in rows:
                continue
            cells = rows[r]
            if len(cells) < c1:
                cells.extend([None] * (c1 - len(cells)))
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    cells[c - 1] = anchor


class _DataMerges:
    """Values of cells merged down one column in the data (a branch name over the
    rows of its members): every row of the range gets the top cell's value."""

    def __init__(self, ranges: Iterable[tuple[int, int, int, int]], data_start: int) -> None:
        self._starts: dict[int, list[tuple[int, int]]] = {}
        for r0, c0, r1, c1 in ranges:
            if c0 == c1 and r1 > r0 and r1 >= data_start:
                self._starts.setdefault(r0, []).append((c0 - 1, r1))
        self._active: list[tuple[int, int, Any]] = []  # (column, last row, value)

    def apply(self, excel_row: int, values: tuple[Any, ...]) -> tuple[Any, ...]:
        if not self._starts and not self._active:
            return values
        cells = list(values)
        if self._active:
            self._active = [a for a in self._active if a[1] >= excel_row]
            for column, _last, value in self._active:
                if column >= len(cells):
                    cells.extend([None] * (column + 1 - len(cells)))
                cells[column] = value
        for column, last in self._starts.pop(excel_row, ()):
            value = cells[column] if column < len(cells) else None
            self._active.append((column, last, value))
        return tuple(cells)


# --- headers --------------------------------------------------------------------------
def normalize_header(value: Any) -> str:
    """A header cell as compared with the aliases: no spaces, notes in brackets, or
    marks of required columns (``*姓名``, ``出生年月（年.月）``)."""
    if value is None:
        return ""
    text_ = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    text_ = re.sub(r"\([^()]*\)", "", text_)
    return text_.strip("*※:：")


_ALIAS_FIELD: dict[str, str] = {
    normalize_header(alias): key for key, aliases in HEADER_ALIASES.items() for alias in aliases
}
_RECOGNISED = set(_ALIAS_FIELD) | {normalize_header(h) for h in IGNORED_HEADERS}


def _display_header(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _score(cells: Sequence[Any]) -> int:
    return sum(1 for value in cells if normalize_header(value) in _RECOGNISED)


def _combine(upper: Sequence[Any], lower: Sequence[Any]) -> list[Any]:
    """A two-row header: the lower title where there is one, else the upper."""
    width = max(len(upper), len(lower))
    combined = []
    for index in range(width):
        low = lower[index] if index < len(lower) else None
        up = upper[index] if index < len(upper) else None
        combined.append(low if normalize_header(low) else up)
    return combined


def read_layout(path: str | os.PathLike[str], sheet: str) -> SheetLayout:
    """Find the column titles of ``sheet``: the row (or two rows) among the first ten
    with most recognised titles; titles above it are skipped, merged cells unmerged."""
    with open_workbook(path) as workbook:
        ws = _sheet(workbook, sheet)
        stored_rows = ws.max_row or 0
        ws.reset_dimensions()
        return _layout(ws, sheet, _merged_ranges(path, ws), stored_rows)


def _layout(ws: Any, sheet: str, merges: list[tuple[int, int, int, int]],
            stored_rows: int) -> SheetLayout:
    rows: dict[int, list[Any]] = {}
    for number, values in enumerate(
            ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS + 1, values_only=True), start=1):
        rows[number] = list(values)
    if not any(not _is_blank(v) for cells in rows.values() for v in cells):
        raise UserError(MSG_SHEET_EMPTY, sheet=sheet)
    _fill_merged(rows, merges)
    best: tuple[int, int, int] | None = None  # (score, first, last)
    for first in range(1, HEADER_SCAN_ROWS + 1):
        if first not in rows:
            break
        single = _score(rows[first])
        if single and (best is None or single > best[0]):
            best = (single, first, first)
        if first + 1 in rows:
            pair = _score(_combine(rows[first], rows[first + 1]))
            if pair > single and pair > _score(rows[first + 1]) and (best is None
                                                                     or pair > best[0]):
                best = (pair, first, first + 1)
    if best is None or best[0] < 2:
        raise UserError(MSG_NO_HEADER, sheet=sheet, rows=HEADER_SCAN_ROWS)
    _score_, first, last = best
    cells = rows[first] if first == last else _combine(rows[first], rows[last])
    headers = [_display_header(v) for v in cells]
    while headers and not headers[-1]:
        headers.pop()
    data_start = last + 1
    preview: list[tuple[Any, ...]] = []
    merged_down = _DataMerges(merges, data_start)
    for number, values in enumerate(ws.iter_rows(min_row=data_start, values_only=True),
                                    start=data_start):
        values = merged_down.apply(number, values)
        if any(not _is_blank(v) for v in values):
            preview.append(tuple(values))
            if len(preview) >= PREVIEW_ROWS:
                break
    estimate = max(0, stored_rows - last) if stored_rows > data_start else 0
    return SheetLayout(sheet, headers, (first, last), data_start, preview, estimate)


def guess_mapping(headers: Sequence[str],
                  remembered: dict[str, str] | None = None) -> dict[str, int]:
    """Which column (0-based) holds which field. A mapping remembered from an earlier
    import (field -> header text) wins; other fields are recognised by their usual
    Chinese headers. A column is used for one field only."""
    mapping: dict[str, int] = {}
    used: set[int] = set()
    normalized = [normalize_header(h) for h in headers]
    for key, header in (remembered or {}).items():
        if key not in FIELD_LABELS or not header:
            continue
        wanted = normalize_header(header)
        for index, name in enumerate(normalized):
            if name == wanted and index not in used:
                mapping[key] = index
                used.add(index)
                break
    for index, name in enumerate(normalized):
        guessed = _ALIAS_FIELD.get(name)
        if guessed is not None and guessed not in mapping and index not in used:
            mapping[guessed] = index
            used.add(index)
    return mapping


def load_mapping(db: Database, path: str | os.PathLike[str], sheet: str) -> dict[str, int]:
    """The mapping for ``sheet``: remembered from the last import where the headers
    match, guessed from the usual headers otherwise (for the headless import)."""
    return guess_mapping(read_layout(path, sheet).headers, remembered_mapping(db))


def remembered_mapping(db: Database) -> dict[str, str]:
    """The mapping of the last import (field -> header text), or {}."""
    raw = settings.read_all(db.path).get(MAPPING_SETTING)
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}


def remember_mapping(db: Database, headers: Sequence[str], mapping: dict[str, int]) -> None:
    """Keep the mapping by header text for the next import."""
    value = {key: headers[index] for key, index in mapping.items()
             if 0 <= index < len(headers) and headers[index]}
    settings.write(db.path, {MAPPING_SETTING: json.dumps(value, ensure_ascii=False,
                                                         sort_keys=True)})


def check_mapping(headers: Sequence[str], mapping: dict[str, int]) -> None:
    """ValidationError (field "mapping") for a mapping an import cannot use."""
    for key, header in REQUIRED_FIELDS.items():
        if key not in mapping:
            raise ValidationError("mapping", MSG_COLUMN_REQUIRED, column=header)
    seen: dict[int, str] = {}
    for key, index in mapping.items():
        if key not in FIELD_LABELS:
            raise ValidationError("mapping", MSG_COLUMN_RANGE, column=key)
        if not 0 <= index <= 16383:  # Excel's last column, XFD
            raise ValidationError("mapping", MSG_COLUMN_RANGE, column=str(index + 1))
        if index in seen:
            raise ValidationError("mapping", MSG_COLUMN_TWICE,
                                  column=column_label(headers, index))
        seen[index] = key


# --- reading cells --------------------------------------------------------------------
def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def _cell_text(value: Any) -> str:
    """A cell as text: integral numbers without ``.0``, whitespace collapsed."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _blank_word(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    return value in _BLANKS or value.strip() in _BLANKS


_TEXT, _CODE, _DATE, _ID, _VERBATIM, _BRANCH, _UNIT_JOB, _ID_TYPE = range(8)
_KINDS = {"sex": _CODE, "ethnicity": _CODE, "education": _CODE, "status": _CODE,
          "id_type": _ID_TYPE,
          "category": _CODE, "birth_date": _DATE, "join_date": _DATE, "full_date": _DATE,
          "away_since": _DATE, "id_number": _ID, "name": _VERBATIM, "mobile": _VERBATIM,
          "org_id": _BRANCH, "work_unit_job": _UNIT_JOB}


@dataclass
class _Existing:
    """A stored member as the import compares it (the draft, plus bookkeeping)."""

    member_id: str
    hlc: int
    relation_status: str
    draft: dict[str, Any]
    stored: dict[str, Any]
    lives_at: str | None = None  # the address of the resident linked to the member


class _IdCell(NamedTuple):
    """An ID number cell: its de-duplication key and what the number says."""

    value: str  # the 18-character form (checked by clean_draft when typed with 18)
    original: str  # as typed, normalised
    kind: str
    birth_date: dt.date | None


class _CellError(Exception):
    def __init__(self, error: UserError) -> None:
        super().__init__(error.english())
        self.error = error


@dataclass
class _RowResult:
    row: int
    problems: list[Problem]
    key: str | None
    new: NewMember | None = None
    update: MemberUpdate | None = None


class _Importer:
    """Checks rows against data loaded once: members by ID number, organisations."""

    def __init__(self, db: Database, layout: SheetLayout, mapping: dict[str, int], *,
                 today: dt.date, rules: PartyRules, default_org_id: str | None) -> None:
        self.layout = layout
        self.mapping = dict(mapping)
        self.today = today
        self.rules = rules
        self.default_org_id = default_org_id
        self.columns = {key: column_label(layout.headers, index)
                        for key, index in self.mapping.items()}
        self.words = {
            "sex": {k: v for k, v in _code_words(SEX, SEX_ZH, "sex").items()
                    if v in ("1", "2")},
            "ethnicity": _code_words(ETHNICITY, ETHNICITY_ZH, "ethnicity"),
            "education": _code_words(EDUCATION, EDUCATION_ZH, "education"),
            "status": _code_words(MEMBER_STATUS, STATUS_ZH, "status"),
            "category": _code_words(MEMBER_CATEGORY, CATEGORY_ZH, "category"),
            "id_type": _code_words(ID_TYPES, {}, "id_type"),
        }
        self._columns = [(key, index, _KINDS.get(key, _TEXT))
                         for key, index in self.mapping.items()]
        self._codes_seen: dict[str, dict[Any, str]] = {key: {} for key in self.words}
        self._branches_seen: dict[str, set[str]] = {}
        self._load(db)
        self.id_types = {kind: id_type for id_type, kind in identity.CHECKED_ID_TYPES.items()
                         if id_type in ID_TYPES}
        self.default_id_type = MemberDraft.__dataclass_fields__["id_type"].default

    # preloading ---------------------------------------------------------------------------
    def _load(self, db: Database) -> None:
        draft_fields = [f.name for f in fields(MemberDraft)]
        with db.read() as session:
            orgs = session.execute(text(
                "SELECT id, name, short_name, retired_on FROM org WHERE NOT deleted")).all()
            members = session.execute(text(
                "SELECT id, hlc, relation_status, id_number_original, "
                + ", ".join(f'"{c}"' for c in draft_fields if c != "id_number")
                + ", id_number FROM member WHERE NOT deleted AND id_number IS NOT NULL")).all()
            # The roster shows a member linked to a resident at the resident's address
            # (one person, one record); an export of it is no change to the member.
            lives_at = {row[0]: format_address(row[1] or None, row[2], row[3] or None,
                                               row[4] or None)
                        for row in session.execute(text(
                            "SELECT r.member_id, b.estate, b.number, s.unit, s.room "
                            "FROM resident r JOIN household h ON h.id = r.household_id "
                            "JOIN house s ON s.id = h.house_id "
                            "JOIN building b ON b.id = s.building_id "
                            "WHERE r.member_id IS NOT NULL AND NOT r.deleted "
                            "AND r.moved_out_on IS NULL AND r.died_on IS NULL"))}
        self.org_names = {org_id: name for org_id, name, _s, _r in orgs}
        self.active_orgs = {org_id for org_id, _n, _s, retired in orgs if retired is None}
        self.orgs_by_name: dict[str, set[str]] = {}
        self.orgs_by_short: dict[str, set[str]] = {}
        self.retired_names: set[str] = set()
        for org_id, name, short, retired in orgs:
            names = {_key(name)}
            if name.startswith("中共"):
                names.add(_key(name[2:]))
            shorts = {_key(short)} if short else set()
            if retired is not None:
                self.retired_names |= names | shorts
                continue
            for item in names:
                self.orgs_by_name.setdefault(item, set()).add(org_id)
            for item in shorts:
                self.orgs_by_short.setdefault(item, set()).add(org_id)
        self.existing: dict[str, _Existing] = {}
        other = [c for c in draft_fields if c != "id_number"]
        for row in members:
            member_id, hlc, relation, original = row[0], row[1], row[2], row[3]
            values = dict(zip(other, row[4:-1], strict=True))
            stored_id = row[-1]
            for key in DATE_FIELDS:
                if isinstance(values.get(key), str):
                    values[key] = dt.date.fromisoformat(values[key])
            for key in ("hardship", "center_household"):
                values[key] = bool(values[key])
            stored = dict(values)
            values["id_number"] = original or stored_id
            values["mobile"] = values["mobile"] or ""
            self.existing[stored_id] = _Existing(member_id, int(hlc), relation, values, stored,
                                                 lives_at.get(member_id))

    def org_usable(self, org_id: str) -> bool:
        return org_id == _NEUTRAL_ORG or org_id in self.active_orgs

    # rows ---------------------------------------------------------------------------------
    def check_row(self, excel_row: int, cells: tuple[Any, ...]) -> _RowResult | None:
        width = len(cells)
        raw = [(key, kind, cells[index] if index < width else None)
               for key, index, kind in self._columns]
        if all(_is_blank(value) for _key, _kind, value in raw):
            return None
        problems: list[Problem] = []
        bad: set[str] = set()  # draft fields already reported
        given: dict[str, Any] = {}  # draft field -> value from the file
        precision: dict[str, str] = {}
        parsed_id: _IdCell | None = None

        def report(key: str, error: UserError, draft_fields: Sequence[str] = ()) -> None:
            problems.append(Problem(excel_row, self.columns.get(key, ""), key,
                                    error.english(), error))
            bad.update(draft_fields or (key,))

        branch: Any = None
        id_type: str | None = None  # from a 证件类型 cell; else the number says it
        for key, kind, value in raw:
            if kind == _ID_TYPE:
                try:
                    id_type = self._code(key, value)
                except _CellError as exc:
                    report(key, exc.error, ("id_type",))
        for key, kind, value in raw:
            try:
                if kind == _ID_TYPE:
                    continue
                if kind == _TEXT:
                    if not _blank_word(value):
                        given[key] = _cell_text(value)
                elif kind == _CODE:
                    code = self._code(key, value)
                    if code is not None:
                        given[key] = code
                elif kind == _DATE:
                    loose = self._date(key, value)
                    if loose is not None:
                        given[key] = loose.date
                        precision[key] = loose.precision
                elif kind == _ID:
                    parsed_id = self._id_number(key, value, id_type)
                    given["id_number"] = parsed_id.original
                    given["id_type"] = id_type or self.id_types.get(parsed_id.kind,
                                                                    self.default_id_type)
                elif kind == _VERBATIM:  # name and phone: "无" means something here
                    if not _is_blank(value):
                        given[key] = _cell_text(value)
                        if key == "mobile" and masking.MASK in given[key]:
                            raise self._error(MSG_MASKED, key, value=given.pop(key))
                elif kind == _BRANCH:
                    branch = value  # after the category is known
                else:  # 工作单位及职务
                    unit, job = self._unit_and_job(value)
                    if unit:
                        given.setdefault("work_unit", unit)
                    if job:
                        given.setdefault("job", job)
            except _CellError as exc:
                report(key, exc.error, ("id_number", "id_type") if kind == _ID else ())
        if branch is not None:
            try:
                self._branch(branch, given)
            except _CellError as exc:
                report("org_id", exc.error, ("org_id", "unit_party_org"))

        id_key = parsed_id.value if parsed_id is not None else None
        existing = self.existing.get(id_key) if id_key else None
        if existing is not None:
            base = dict(existing.draft)
            for name, value in given.items():
                if name in precision and precision[name] != identity.PRECISION_DAY:
                    value = _same_period(value, base.get(name), precision[name])
                base[name] = value
            base["id_number"] = existing.draft["id_number"]  # the key is never changed
            base["id_type"] = existing.draft["id_type"]
        else:
            base = {"name": ""}
            base.update(given)
            if "org_id" not in base and self.default_org_id and \
                    base.get("category") != "in_service":
                base["org_id"] = self.default_org_id
        if "birth_date" in precision and precision["birth_date"] != identity.PRECISION_DAY \
                and parsed_id is not None:
            base["birth_date"] = _same_period(base["birth_date"], parsed_id.birth_date,
                                              precision["birth_date"])
        self._earliest_valid(base, precision, parsed_id)
        values = self._clean(base, bad, parsed_id is not None, report)
        result = _RowResult(excel_row, problems, id_key)
        if existing is not None:
            self._check_existing(excel_row, existing, given, problems)
        if problems or values is None:
            return result
        if existing is None:
            result.new = NewMember(excel_row, _member_values(values))
        else:
            changes = self._changes(existing, values, given)
            if changes:
                result.update = MemberUpdate(excel_row, existing.member_id,
                                             existing.draft["name"], existing.hlc, changes,
                                             existing.relation_status in _ACTIVE)
        return result

    def _earliest_valid(self, base: dict[str, Any], precision: dict[str, str],
                        parsed_id: _IdCell | None) -> None:
        """A join date given as a month stands for its first day, unless that is before
        the 18th birthday in the same month: then the birthday (the earliest day the
        sheet can mean). Likewise a full-membership month and the end of probation."""
        join = base.get("join_date")
        if "join_date" in precision and precision["join_date"] != identity.PRECISION_DAY \
                and isinstance(join, dt.date):
            birth = base.get("birth_date") or (parsed_id.birth_date if parsed_id else None)
            if isinstance(birth, dt.date):
                adult = identity.add_years(birth, party.JOIN_MIN_AGE)
                if join < adult and _same_period(join, adult, precision["join_date"]) == adult:
                    base["join_date"] = join = adult
        full = base.get("full_date")
        if "full_date" in precision and precision["full_date"] != identity.PRECISION_DAY \
                and isinstance(full, dt.date) and isinstance(join, dt.date):
            due = party.full_membership_date(join, int(base.get("probation_extension_months")
                                                       or 0), self.rules)
            if full < due and _same_period(full, due, precision["full_date"]) == due:
                base["full_date"] = due

    def _check_existing(self, excel_row: int, existing: _Existing, given: dict[str, Any],
                        problems: list[Problem]) -> None:
        name_column = self.columns.get("name", "")
        stored_name = existing.draft["name"]
        if "name" in given:
            try:
                typed = identity.normalize_name(given["name"])
            except ValidationError:
                typed = None  # reported by the checks
            if typed is not None and typed != stored_name:
                error = UserError(MSG_ID_OTHER_NAME, column=self.columns.get("id_number", ""),
                                  name=stored_name, value=typed)
                problems.append(Problem(excel_row, self.columns.get("id_number", ""),
                                        "id_number", error.english(), error))
        if existing.relation_status not in _ACTIVE:
            error = UserError(MSG_MEMBER_LEFT, column=name_column or
                              self.columns.get("id_number", ""), name=stored_name,
                              status=Term(RELATION_STATUS.label(existing.relation_status)))
            problems.append(Problem(excel_row, self.columns.get("id_number", ""),
                                    "id_number", error.english(), error))

    def _changes(self, existing: _Existing, values: dict[str, Any],
                 given: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
        columns: set[str] = set()
        for key in self.mapping:
            columns.update(UPDATED_COLUMNS.get(key, ()))
        changes = {}
        for column in sorted(columns):
            if column not in values:
                continue
            new = values[column]
            # an empty cell keeps what is stored: the file may not know it
            source = {"name_pinyin": "name", "name_initials": "name"}.get(column, column)
            if source not in given and column not in ("org_id", "unit_party_org"):
                continue
            if column in ("org_id", "unit_party_org") and "org_id" not in given \
                    and "unit_party_org" not in given:
                continue
            old = existing.stored.get(column)
            if column == "address" and new is not None and new == existing.lives_at:
                continue  # the address the roster shows for a member who is a resident
            if old != new:
                changes[column] = (old, new)
        if "name" not in changes:
            changes.pop("name_pinyin", None)
            changes.pop("name_initials", None)
        return changes

    def _clean(self, base: dict[str, Any], bad: set[str], has_id: bool,
               report: Callable[[str, UserError, Sequence[str]], None]
               ) -> dict[str, Any] | None:
        """``clean_draft`` until it passes: each error is reported and its field set to a
        harmless value, so that every problem of the row is found, not only the first."""
        draft = MemberDraft(**base)
        for name in sorted(bad):
            draft = _neutral(draft, name, self.today, has_id)
        seen: set[str] = set()
        failed = bool(bad)
        while True:
            try:
                values = clean_draft(draft, today=self.today, rules=self.rules,
                                     org_usable=self.org_usable)
            except ValidationError as error:
                failed = True
                if error.field in seen:
                    return None
                seen.add(error.field)
                if error.field not in bad:
                    report(self._import_field(error.field), error, (error.field,))
                draft = _neutral(draft, error.field, self.today, has_id)
                continue
            return None if failed else values

    def _import_field(self, draft_field: str) -> str:
        for key in _ERROR_FIELDS.get(draft_field, (draft_field,)):
            if key in self.mapping:
                return key
        return draft_field

    # cells ---------------------------------------------------------------------------------
    def _error(self, message: str, key: str, **values: Any) -> _CellError:
        return _CellError(ValidationError(key, message, column=self.columns.get(key, ""),
                                          **values))

    def _id_number(self, key: str, value: Any, id_type: str | None = None) -> _IdCell:
        if _is_blank(value):
            raise _CellError(ValidationError("id_number", identity.MSG_ID_EMPTY))
        if isinstance(value, float) and abs(value) >= 1e15:
            raise self._error(MSG_ID_AS_NUMBER, key, value=f"{value:.0f}")
        number = identity.normalize_input(_cell_text(value))
        if masking.MASK in number:
            raise self._error(MSG_MASKED, key, value=number)
        if id_type is not None and (id_type not in identity.CHECKED_ID_TYPES or (
                id_type == identity.KIND_FOREIGNER and len(number) != 18)):
            # a passport, a travel permit, the old foreigners' card: stored as typed
            return _IdCell(number, number, id_type, None)
        if len(number) == 18 and number[:17].isdigit():
            # The usual form: clean_draft checks it (once); the key and what the number
            # says are read here without checking it twice.
            try:
                birth: dt.date | None = dt.date(int(number[6:10]), int(number[10:12]),
                                                int(number[12:14]))
            except ValueError:
                birth = None
            if number.startswith(identity.FOREIGNER_PREFIX):
                kind = identity.KIND_FOREIGNER
            elif number[:2] in identity.HMT_CODES:
                kind = identity.KIND_HMT
            else:
                kind = identity.KIND_RESIDENT
            return _IdCell(number, number, kind, birth)
        try:  # an old 15-digit number (its key is the 18-digit form), or a bad one
            parsed = identity.parse_id_number(number, today=self.today)
        except ValidationError as error:
            raise _CellError(error) from None
        return _IdCell(parsed.value, parsed.original, parsed.kind, parsed.birth_date)

    def _date(self, key: str, value: Any) -> identity.LooseDate | None:
        if _blank_word(value):
            return None
        if isinstance(value, int | float) and not isinstance(value, bool) \
                and 2100 < value < 100_000:
            from openpyxl.utils.datetime import from_excel

            converted = from_excel(value)  # a date cell that lost its date format
            value = converted.date() if isinstance(converted, dt.datetime) else converted
        try:
            loose = identity.parse_loose_date(value, _DATE_LABEL_KEYS[key])
        except ValidationError as error:
            raise _CellError(ValidationError(key, error.message, **error.values)) from None
        if loose.ambiguous:
            raise self._error(MSG_DATE_AMBIGUOUS, key, value=_cell_text(value))
        return loose

    def _code(self, key: str, value: Any) -> str | None:
        memo = self._codes_seen[key]
        try:
            return memo[value]  # a column holds few distinct values: 男, 女, 汉族 …
        except (KeyError, TypeError):
            pass
        if _blank_word(value):
            return None
        code = self.words[key].get(_key(_cell_text(value)))
        if code is not None and isinstance(value, str | int):
            memo[value] = code
        if code is None:
            raise self._error(MSG_VALUE_UNKNOWN, key, value=_cell_text(value),
                              examples=_EXAMPLES[key])
        return code

    @staticmethod
    def _unit_and_job(value: Any) -> tuple[str | None, str | None]:
        """工作单位及职务: split at the last comma (the roster ledger writes 单位，职务)."""
        if _blank_word(value):
            return None, None
        text_ = _cell_text(value)
        for separator in ("，", ",", "、"):
            if separator in text_:
                unit, job = text_.rsplit(separator, 1)
                return unit.strip() or None, job.strip() or None
        return text_, None

    def _branch(self, value: Any, given: dict[str, Any]) -> None:
        if _blank_word(value):
            return
        shown = _cell_text(value)
        found = self._branches_seen.get(shown)
        if found is None:
            wanted = _key(shown)
            found = self.orgs_by_name.get(wanted) or self.orgs_by_short.get(wanted) or set()
            self._branches_seen[shown] = found
        if found and len(found) == 1:
            given["org_id"] = next(iter(found))
            return
        if given.get("category") == "in_service" and not found:
            # an in-service member's membership stays with their work unit's organisation
            given["org_id"] = None
            given.setdefault("unit_party_org", shown)
            return
        if found:
            raise self._error(MSG_BRANCH_AMBIGUOUS, "org_id", value=shown)
        if _key(shown) in self.retired_names:
            raise self._error(MSG_BRANCH_RETIRED, "org_id", value=shown)
        raise self._error(MSG_BRANCH_UNKNOWN, "org_id", value=shown)


def _same_period(value: dt.date, other: Any, precision: str) -> dt.date:
    """``other`` if it lies in the month (or year) ``value`` stands for, else ``value``:
    1990.07 in the sheet does not overwrite a stored 1990-07-15."""
    if not isinstance(other, dt.date):
        return value
    if precision == identity.PRECISION_MONTH and (other.year, other.month) == (
            value.year, value.month):
        return other
    if precision == identity.PRECISION_YEAR and other.year == value.year:
        return other
    return value


def _neutral(draft: MemberDraft, name: str, today: dt.date, has_id: bool) -> MemberDraft:
    """``draft`` with field ``name`` set to a value that passes, to look for more problems."""
    changes: dict[str, Any]
    if name == "name":
        changes = {"name": "某"}
    elif name in ("id_number", "id_type"):
        changes = {"id_number": "", "sex": draft.sex if draft.sex in ("1", "2") else "1",
                   "id_type": MemberDraft.__dataclass_fields__["id_type"].default}
    elif name == "sex":
        changes = {"sex": "" if has_id else "1"}
    elif name == "unit_party_org":
        changes = {"unit_party_org": "?"}
    elif name in ("birth_date", "ethnicity", "education", "degree", "full_date", "star_rating",
                  "former_name", "away_since") or name in TEXT_FIELDS:
        changes = {name: None}
    elif name == "mobile":
        changes = {"mobile": ""}
    elif name == "status":
        changes = {"status": "full"}
    elif name == "join_date":
        changes = {"join_date": today, "full_date": None, "status": "probationary",
                   "probation_extension_months": 0, "birth_date": None}
    elif name == "probation_extension_months":
        changes = {"probation_extension_months": 0}
    elif name == "category":
        changes = {"category": "direct"}
    elif name == "org_id":
        changes = {"org_id": _NEUTRAL_ORG}
    elif name == "away_destination":
        changes = {"away_destination": "?", "away_since": None}
    else:
        return draft
    return replace(draft, **changes)


# --- the dry run ----------------------------------------------------------------------
def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def dry_run(db: Database, path: str | os.PathLike[str], sheet: str, mapping: dict[str, int],
            *, today: dt.date, progress: Progress | None = None,
            default_org_id: str | None = None,
            rules: PartyRules | None = None) -> ImportPlan:
    """Check every row of ``sheet`` and say what an import would do; writes nothing.

    ``mapping``: field -> column index (0-based), as :func:`guess_mapping` gives.
    ``default_org_id``: the branch of new members whose row names none. Existing
    members are matched by ID number (a 15-digit number matches its 18-digit form);
    empty cells never clear what is stored. ``progress(done, total)`` returning
    False raises Cancelled.
    """
    with open_workbook(path) as workbook:
        ws = _sheet(workbook, sheet)
        stored_rows = ws.max_row or 0
        ws.reset_dimensions()
        merges = _merged_ranges(path, ws)
        layout = _layout(ws, sheet, merges, stored_rows)
        check_mapping(layout.headers, mapping)
        importer = _Importer(db, layout, mapping, today=today, rules=rules or PartyRules(),
                             default_org_id=default_org_id)
        plan = ImportPlan(Path(path), sheet, list(layout.headers), dict(mapping))
        total = layout.row_estimate
        merged_down = _DataMerges(merges, layout.data_start)
        plan.problems.extend(uncached_formulas(path, ws, layout))
        seen_ids: dict[str, list[int]] = {}
        _tick(progress, 0, total)
        excel_row = layout.data_start - 1
        for excel_row, cells in enumerate(
                ws.iter_rows(min_row=layout.data_start, values_only=True),
                start=layout.data_start):
            result = importer.check_row(excel_row, merged_down.apply(excel_row, cells))
            if (excel_row - layout.data_start) % 500 == 499:
                _tick(progress, excel_row - layout.data_start + 1, total)
            if result is None:
                continue
            plan.rows += 1
            plan.problems.extend(result.problems)
            if result.key:
                seen_ids.setdefault(result.key, []).append(excel_row)
            if result.new is not None:
                plan.new.append(result.new)
            elif result.update is not None:
                plan.updates.append(result.update)
            elif not result.problems:
                plan.unchanged += 1
        done = excel_row - layout.data_start + 1
        _tick(progress, done, max(total, done))
    if plan.rows == 0:
        raise UserError(MSG_NO_ROWS, sheet=sheet)
    column = importer.columns.get("id_number", "")
    for rows in seen_ids.values():
        if len(rows) > 1:
            for row in rows:
                others = ", ".join(str(r) for r in rows if r != row)
                error = UserError(MSG_ID_TWICE, column=column, rows=others)
                plan.problems.append(Problem(row, column, "id_number", error.english(), error))
    order = {importer.columns.get(k, ""): i for i, k in enumerate(FIELDS)}
    plan.problems.sort(key=lambda p: (p.row, order.get(p.column, len(order))))
    for item in plan.new:
        org_id = item.values[MEMBER_COLUMNS.index("org_id")]
        if org_id:
            plan.org_ids.add(org_id)
    for update in plan.updates:
        if "org_id" in update.changes and update.changes["org_id"][1]:
            plan.org_ids.add(update.changes["org_id"][1])
    plan.org_names = {k: v for k, v in importer.org_names.items() if k in plan.org_ids}
    return plan


# --- applying -------------------------------------------------------------------------
def _sql_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


CHUNK = 2000


def apply(db: Database, plan: ImportPlan, *, operator: str, today: dt.date,
          progress: Progress | None = None) -> ImportResult:
    """Write a checked plan in one transaction: all of it, or (on any error, a change
    since the check, or ``progress`` returning False) nothing. Remembers the mapping."""
    if plan.problems:
        raise UserError(MSG_HAS_PROBLEMS, count=len(plan.problems))
    total = len(plan.new) + len(plan.updates)
    done = 0
    source = {"file": plan.path.name, "sheet": plan.sheet}
    _tick(progress, 0, total)
    with db.write() as session:
        conn = session.connection()
        _check_unchanged(conn, plan)
        for chunk in _chunks(plan.new, CHUNK):
            rows = []
            for item in chunk:
                values = item.as_dict()
                values.update(relation_status="normal", status_date=None, resident_id=None)
                rows.append(values)
            ids = db.bulk_insert(session, Member, rows)
            placements, events = [], []
            for member_id, item, values in zip(ids, chunk, rows, strict=True):
                placements.append({"member_id": member_id, "org_id": values["org_id"],
                                   "from_date": values["join_date"] or today, "to_date": None,
                                   "reason": "imported"})
                detail = dict(source, row=item.row,
                              org=plan.org_names.get(values["org_id"] or "")
                              or values["unit_party_org"])
                events.append({"member_id": member_id, "on_date": today, "kind": "imported",
                               "detail": json.dumps(detail, ensure_ascii=False),
                               "operator": operator})
            db.bulk_insert(session, MemberPlacement, placements)
            db.bulk_insert(session, MemberEvent, events)
            done += len(chunk)
            _tick(progress, done, total)
        for chunk in _chunks(plan.updates, CHUNK):
            _apply_updates(db, session, chunk, plan, operator=operator, today=today,
                           source=source)
            done += len(chunk)
            _tick(progress, done, total)
        audit.record(session, operator, "import", "roster",
                     f"{plan.path.name} {plan.sheet}: {len(plan.new)} new, "
                     f"{len(plan.updates)} updated")
        _tick(progress, total, total)  # the last chance to cancel before the commit
    try:
        remember_mapping(db, plan.headers, plan.mapping)
    except (sqlite3.Error, StorageError, OSError):  # the import itself is done
        log.warning("could not remember the import mapping", exc_info=True)
    return ImportResult(len(plan.new), len(plan.updates), plan.unchanged)


def _check_unchanged(conn: Any, plan: ImportPlan) -> None:
    """Refuse a plan checked against data that has changed since (inside the write
    transaction, so nothing can change between this and the writes)."""
    versions = {row[0]: row[1] for row in conn.exec_driver_sql(
        "SELECT id, hlc FROM member WHERE NOT deleted")}
    taken = {row[0] for row in conn.exec_driver_sql(
        "SELECT id_number FROM member WHERE NOT deleted AND id_number IS NOT NULL")}
    active = {row[0] for row in conn.exec_driver_sql(
        "SELECT id FROM org WHERE NOT deleted AND retired_on IS NULL")}
    id_column = MEMBER_COLUMNS.index("id_number")
    if any(item.values[id_column] in taken for item in plan.new) \
            or any(versions.get(u.member_id) != u.hlc for u in plan.updates) \
            or not plan.org_ids <= active:
        raise UserError(MSG_CHANGED_MEANWHILE)


def _apply_updates(db: Database, session: Any, updates: Sequence[MemberUpdate],
                   plan: ImportPlan, *, operator: str, today: dt.date,
                   source: dict[str, Any]) -> None:
    """Set-based updates, grouped by the columns they change, stamped like the ORM
    would stamp them (new hlc, this writer, the old hlc as base)."""
    conn = session.connection()
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    moved: list[MemberUpdate] = []
    for update in updates:
        columns = tuple(sorted(update.changes))
        params = tuple(_sql_value(update.changes[c][1]) for c in columns)
        groups.setdefault(columns, []).append(
            (*params, *db.update_stamp(), update.member_id, update.hlc, db.office_id))
        if "org_id" in update.changes and update.active:
            moved.append(update)
    for columns, rows in groups.items():
        assignments = ", ".join(f'"{c}" = ?' for c in columns)
        sql = (f"UPDATE member SET {assignments}, {db.STAMP_SET} "  # only this office's own
               "WHERE id = ? AND hlc = ? AND NOT deleted AND origin_office = ?")
        cursor = conn.exec_driver_sql(sql, rows)
        if cursor.rowcount != len(rows):
            raise UserError(MSG_CHANGED_MEANWHILE)
    placements: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    if moved:
        last_day = (today - dt.timedelta(days=1)).isoformat()
        conn.exec_driver_sql(
            "UPDATE member_placement SET to_date = max(?, date(from_date, '-1 day')), "
            f"{db.STAMP_SET} WHERE member_id = ? AND to_date IS NULL AND NOT deleted",
            [(last_day, *db.update_stamp(), u.member_id) for u in moved])
        for update in moved:
            old, new = update.changes["org_id"]
            placements.append({"member_id": update.member_id, "org_id": new,
                               "from_date": today, "to_date": None, "reason": "moved"})
            events.append({"member_id": update.member_id, "on_date": today, "kind": "moved",
                           "detail": json.dumps({"old": plan.org_names.get(old or "")
                                                 or _org_name(conn, old),
                                                 "new": plan.org_names.get(new or "")},
                                                ensure_ascii=False),
                           "operator": operator})
    for update in updates:
        changes = {k: [_jsonable(v[0]), _jsonable(v[1])] for k, v in update.changes.items()
                   if k not in ("name_pinyin", "name_initials")}
        if "status" in update.changes and update.changes["status"][1] == "full":
            full = update.changes.get("full_date", (None, None))[1]
            events.append({"member_id": update.member_id, "on_date": full or today,
                           "kind": "confirmed", "detail": "{}", "operator": operator})
        events.append({"member_id": update.member_id, "on_date": today, "kind": "edited",
                       "detail": json.dumps(dict(source, row=update.row, changes=changes),
                                            ensure_ascii=False),
                       "operator": operator})
    db.bulk_insert(session, MemberPlacement, placements)
    db.bulk_insert(session, MemberEvent, events)
    conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'hlc_last'",
                         (str(db.clock.last),))


def _org_name(conn: Any, org_id: str | None) -> str | None:
    if not org_id:
        return None
    row = conn.exec_driver_sql("SELECT name FROM org WHERE id = ?", (org_id,)).first()
    return row[0] if row else None


# --- exports --------------------------------------------------------------------------
EXPORT_HEADERS: tuple[str, ...] = (
    "序号", "姓名", "性别", "民族", "出生年月", "年龄", "籍贯", "学历", "入党时间", "转正时间",
    "党员类别", "正式/预备", "党内职务", "工作单位及职务", "居住地址", "联系电话", "备注",
    "证件类型", "公民身份号码", "所在党组织", "流动去向", "外出时间",
)
EXPORT_WIDTHS = (6, 10, 6, 8, 11, 6, 14, 12, 12, 12, 12, 10, 12, 28, 28, 15, 20, 16, 21, 28,
                 20, 12)
DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy.mm"


def export_members(rows: Sequence[MemberRow], path: str | os.PathLike[str], *,
                   reveal: bool = False, today: dt.date | None = None,
                   progress: Progress | None = None) -> int:
    """Write the members to an .xlsx roster (the 党员花名册 columns, then the ID type and
    number, the organisation, and where mobile members are); returns the number of
    members written. An in-service member outside the office's organisations is shown
    with their work unit's party organisation. With ``reveal`` (and rows read revealed)
    the file imports back without problems or changes.

    Unless ``reveal``, the ID number and phone are masked, the address is cut at the
    building or unit and the birth date is given as a month (DOMAIN.md, "Privacy");
    values already masked by the service stay masked. The caller writes the audit log.
    Dates are real Excel dates; the header row is frozen. Written through
    :func:`atomic_output`, so a failure leaves an existing file as it was.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    day = today or dt.date.today()
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("党员花名册")
    ws.freeze_panes = "A2"
    for index, width in enumerate(EXPORT_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for title in EXPORT_HEADERS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        cell.alignment = centre
        header.append(cell)
    ws.append(header)

    def dated(value: dt.date | None, number_format: str) -> Any:
        if value is None:
            return None
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = number_format
        return cell

    total = len(rows)
    _tick(progress, 0, total)
    for index, row in enumerate(rows, start=1):
        birth = row.birth_date
        if birth is not None and not reveal:
            birth = birth.replace(day=1)
        full_then = row.full_date is not None and row.full_date <= day
        work = "，".join(part for part in (row.work_unit, row.job) if part) or None
        ws.append(safe_row(ws, [
            index,
            row.name,
            SEX_ZH.get(row.sex, row.sex) if row.sex else None,
            zh_term(ETHNICITY, ETHNICITY_ZH, row.ethnicity),
            dated(birth, DATE_FORMAT if reveal else MONTH_FORMAT),
            identity.age_on(row.birth_date, day) if row.birth_date else None,
            row.native_place,
            zh_term(EDUCATION, EDUCATION_ZH, row.education),
            dated(row.join_date, DATE_FORMAT),
            dated(row.full_date, DATE_FORMAT),
            zh_term(MEMBER_CATEGORY, CATEGORY_ZH, row.category),
            "正式" if full_then or (row.status == "full" and row.full_date is None) else "预备",
            row.party_post,
            work,
            row.address if reveal else (masking.mask_address(row.address) or None),
            row.mobile if reveal else (masking.mask_phone(row.mobile) or None),
            row.note,
            ID_TYPES.zh(row.id_type) if row.id_number else None,
            row.id_number if reveal else (_mask_id(row.id_number) or None),
            row.org_name or (row.unit_party_org if row.org_id is None else None),
            row.away_destination,
            dated(row.away_since, DATE_FORMAT),
        ]))
        if index % 1000 == 0:
            _tick(progress, index, total)
    with atomic_output(path) as tmp:
        workbook.save(tmp)
    _tick(progress, total, total)
    return total


def _mask_id(value: str | None) -> str:
    if not value:
        return ""
    return value if masking.MASK in value else masking.mask_id(value)


def export_problems(path: str | os.PathLike[str], rows: Iterable[tuple[int, str, str]],
                    headers: tuple[str, str, str] = ("行号", "列", "问题")) -> None:
    """Write a problem list (Excel row, column, message as shown) to an .xlsx file."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("问题")
    ws.freeze_panes = "A2"
    for letter, width in zip("ABC", (8, 18, 90), strict=True):
        ws.column_dimensions[letter].width = width
    ws.append(safe_row(ws, headers))
    for row, column, message in rows:
        ws.append(safe_row(ws, [row or None, column, message]))
    with atomic_output(path) as tmp:
        workbook.save(tmp)
