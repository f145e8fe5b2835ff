"""The party-member roster to and from Excel (.xlsx): the roster's columns, a checked
import (dry run, then one all-or-nothing transaction) and a masked export, built on
the spreadsheet toolkit (:mod:`gridoffice.services.excel`).

An import never writes half a file: :func:`dry_run` reads the whole sheet, checks
every row with the same rules as the member form (``roster.clean_draft``) against
data loaded once, and collects every problem; :func:`apply` writes a plan only
when it has none, in one transaction. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import operator
import os
from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import text

from gridoffice.domain import access, identity, party, privacy
from gridoffice.domain.access import Actor
from gridoffice.domain.codes import (
    EDUCATION,
    ETHNICITY,
    ID_TYPES,
    MEMBER_CATEGORY,
    MEMBER_STATUS,
    RELATION_STATUS,
    SEX,
)
from gridoffice.domain.households import format_address
from gridoffice.domain.party import PartyRules
from gridoffice.errors import StorageError, Term, UserError, ValidationError
from gridoffice.fileio import atomic_output
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.excel import headers, mappings
from gridoffice.services.excel.cells import (
    MSG_DATE_AMBIGUOUS,
    MSG_ID_AS_NUMBER,
    MSG_MASKED,
    MSG_VALUE_UNKNOWN,
    CellError,
    blank_word,
    cell_error,
    cell_text,
    id_text,
    is_blank,
    read_code,
    read_date,
    text_key,
    unmasked_text,
)
from gridoffice.services.excel.codes import (
    EDUCATION_ZH,
    ETHNICITY_ZH,
    SEX_ZH,
    SYNONYMS,
    code_words,
    zh_term,
)
from gridoffice.services.excel.export import (
    DATE_FORMAT,
    MONTH_FORMAT,
    date_cell,
    export_problems,
    safe_row,
    title_row,
)
from gridoffice.services.excel.headers import (
    HEADER_SCAN_ROWS,
    MSG_COLUMN_RANGE,
    MSG_COLUMN_REQUIRED,
    MSG_COLUMN_TWICE,
    MSG_NO_HEADER,
    MSG_SHEET_EMPTY,
    PREVIEW_ROWS,
    ColumnSet,
    SheetLayout,
    column_label,
    normalize_header,
)
from gridoffice.services.excel.problems import (
    CHUNK,
    MSG_HAS_PROBLEMS,
    MSG_ID_TWICE,
    Problem,
    Progress,
    chunks,
    duplicate_rows,
    refuse_problems,
    sort_problems,
    tick,
)
from gridoffice.services.excel.sheet import open_sheet
from gridoffice.services.excel.workbook import (
    MSG_CELL_TOO_LONG,
    MSG_DAMAGED,
    MSG_ENCRYPTED,
    MSG_FILE_MISSING,
    MSG_FILE_UNREADABLE,
    MSG_HIDDEN_SHEET,
    MSG_NO_SUCH_SHEET,
    MSG_NOT_EXCEL,
    MSG_PACKED,
    MSG_TOO_BIG,
    MSG_TOO_MANY_MERGES,
    MSG_TOO_MANY_PARTS,
    MSG_UNCACHED_FORMULA,
    MSG_WORKBOOK_EMPTY,
    open_workbook,
    sheet_names,
    uncached_formulas,
)
from gridoffice.services.excel.workbook import find_sheet as _sheet
from gridoffice.services.excel.workbook import merged_ranges as _merged_ranges
from gridoffice.services.guard import audit_name
from gridoffice.services.roster import MemberDraft, MemberRow, clean_draft
from gridoffice.store import audit, driver
from gridoffice.store.database import Database
from gridoffice.store.tables import Member, MemberEvent, MemberPlacement

# What other modules and tests import from here, wherever it now lives.
__all__ = [
    "CATEGORY_ZH", "CHUNK", "DATE_FIELDS", "DATE_FORMAT", "EDUCATION_ZH", "ETHNICITY_ZH",
    "EXPORT_HEADERS", "FIELDS", "FIELD_LABELS", "HEADER_ALIASES", "HEADER_SCAN_ROWS",
    "IGNORED_HEADERS", "MAPPING_SETTING", "MEMBER_COLUMNS", "MONTH_FORMAT",
    "MSG_BRANCH_AMBIGUOUS", "MSG_BRANCH_RETIRED", "MSG_BRANCH_UNKNOWN", "MSG_CELL_TOO_LONG",
    "MSG_CHANGED_MEANWHILE", "MSG_COLUMN_RANGE", "MSG_COLUMN_REQUIRED", "MSG_COLUMN_TWICE",
    "MSG_DAMAGED", "MSG_DATE_AMBIGUOUS", "MSG_ENCRYPTED", "MSG_FILE_MISSING",
    "MSG_FILE_UNREADABLE", "MSG_HAS_PROBLEMS", "MSG_HIDDEN_SHEET", "MSG_ID_AS_NUMBER",
    "MSG_ID_OTHER_NAME", "MSG_ID_TWICE", "MSG_MASKED", "MSG_MEMBER_LEFT", "MSG_NOT_EXCEL",
    "MSG_NO_HEADER", "MSG_NO_ROWS", "MSG_NO_SUCH_SHEET", "MSG_PACKED", "MSG_SHEET_EMPTY",
    "MSG_TOO_BIG", "MSG_TOO_MANY_MERGES", "MSG_TOO_MANY_PARTS", "MSG_UNCACHED_FORMULA",
    "MSG_VALUE_UNKNOWN", "MSG_WORKBOOK_EMPTY", "PREVIEW_ROWS", "REQUIRED_FIELDS", "SEX_ZH",
    "STATUS_ZH", "TEXT_FIELDS", "UPDATED_COLUMNS", "ColumnSet", "ImportPlan",
    "ImportResult", "MemberUpdate", "NewMember", "Problem", "Progress", "SheetLayout",
    "UserError", "apply", "check_mapping", "column_label", "dry_run", "export_members",
    "export_problems", "guess_mapping", "load_mapping", "normalize_header", "open_workbook",
    "read_layout", "remember_mapping", "remembered_mapping", "safe_row", "sheet_names",
    "uncached_formulas", "zh_term", "_merged_ranges", "_sheet",
]

log = logging.getLogger(__name__)

# --- messages -------------------------------------------------------------------------
MSG_NO_ROWS = QT_TRANSLATE_NOOP(
    "errors", "Sheet {sheet} has no member rows below the column titles."
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
MAPPING_SETTING = mappings.ROSTER_MAPPING_SETTING
COLUMNS = ColumnSet(FIELD_LABELS, HEADER_ALIASES, REQUIRED_FIELDS, MAPPING_SETTING,
                    ignored=IGNORED_HEADERS)
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
_ACTIVE = ("normal", "transferring_out")
_NEUTRAL_ORG = "\x00neutral"  # stands in for a bad branch while other checks run

# --- Chinese words of the roster's own code tables ------------------------------------
STATUS_ZH = {"full": "正式", "probationary": "预备"}
CATEGORY_ZH = {"direct": "直管党员", "in_service": "在职党员", "mobile": "流动党员",
               "retired": "离退休党员"}
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    **SYNONYMS,
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


# --- results --------------------------------------------------------------------------
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


# --- columns of a sheet ---------------------------------------------------------------
def read_layout(path: str | os.PathLike[str], sheet: str) -> SheetLayout:
    """Find the column titles of ``sheet``: the row (or two rows) among the first ten
    with most recognised titles; titles above it are skipped, merged cells unmerged."""
    return headers.read_layout(path, sheet, COLUMNS)


def guess_mapping(headers_: Sequence[str],
                  remembered: dict[str, str] | None = None) -> dict[str, int]:
    """Which column (0-based) holds which field. A mapping remembered from an earlier
    import (field -> header text) wins; other fields are recognised by their usual
    Chinese headers. A column is used for one field only."""
    return headers.guess_mapping(headers_, COLUMNS, remembered)


def load_mapping(db: Database, path: str | os.PathLike[str], sheet: str) -> dict[str, int]:
    """The mapping for ``sheet``: remembered from the last import where the headers
    match, guessed from the usual headers otherwise (for the headless import)."""
    return guess_mapping(read_layout(path, sheet).headers, remembered_mapping(db))


def remembered_mapping(db: Database) -> dict[str, str]:
    """The mapping of the last import (field -> header text), or {}."""
    return mappings.remembered_mapping(db, MAPPING_SETTING)


def remember_mapping(db: Database, headers_: Sequence[str], mapping: dict[str, int]) -> None:
    """Keep the mapping by header text for the next import."""
    mappings.remember_mapping(db, MAPPING_SETTING, headers_, mapping)


def check_mapping(headers_: Sequence[str], mapping: dict[str, int]) -> None:
    """ValidationError (field "mapping") for a mapping an import cannot use."""
    headers.check_mapping(headers_, mapping, COLUMNS)


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


@dataclass
class _RowCells:
    """What the cells of one row say, and the problems found reading them."""

    row: int
    columns: dict[str, str]  # field -> column title
    problems: list[Problem] = field(default_factory=list)
    bad: set[str] = field(default_factory=set)  # draft fields already reported
    given: dict[str, Any] = field(default_factory=dict)  # draft field -> value from the file
    precision: dict[str, str] = field(default_factory=dict)  # date field -> precision
    parsed_id: _IdCell | None = None

    def report(self, key: str, error: UserError, draft_fields: Sequence[str] = ()) -> None:
        self.problems.append(Problem.of(self.row, self.columns.get(key, ""), key, error))
        self.bad.update(draft_fields or (key,))


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
            "sex": {k: v for k, v in code_words(SEX, SEX_ZH, _SYNONYMS["sex"]).items()
                    if v in ("1", "2")},
            "ethnicity": code_words(ETHNICITY, ETHNICITY_ZH, _SYNONYMS["ethnicity"]),
            "education": code_words(EDUCATION, EDUCATION_ZH, _SYNONYMS["education"]),
            "status": code_words(MEMBER_STATUS, STATUS_ZH, _SYNONYMS["status"]),
            "category": code_words(MEMBER_CATEGORY, CATEGORY_ZH, _SYNONYMS["category"]),
            "id_type": code_words(ID_TYPES, {}),
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
            names = {text_key(name)}
            if name.startswith("中共"):
                names.add(text_key(name[2:]))
            shorts = {text_key(short)} if short else set()
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
        if all(is_blank(value) for _field, _kind, value in raw):
            return None
        row = _RowCells(excel_row, self.columns)
        self._read_cells(row, raw)
        parsed_id = row.parsed_id
        id_key = parsed_id.value if parsed_id is not None else None
        existing = self.existing.get(id_key) if id_key else None
        base = self._base(row, existing)
        self._earliest_valid(base, row.precision, parsed_id)
        values = self._clean(base, row.bad, parsed_id is not None, row.report)
        result = _RowResult(excel_row, row.problems, id_key)
        if existing is not None:
            self._check_existing(excel_row, existing, row.given, row.problems)
        if row.problems or values is None:
            return result
        if existing is None:
            result.new = NewMember(excel_row, _member_values(values))
        else:
            changes = self._changes(existing, values, row.given)
            if changes:
                result.update = MemberUpdate(excel_row, existing.member_id,
                                             existing.draft["name"], existing.hlc, changes,
                                             existing.relation_status in _ACTIVE)
        return result

    def _read_cells(self, row: _RowCells, raw: list[tuple[str, int, Any]]) -> None:
        """Read every mapped cell of a row into ``row.given``; bad cells are reported."""
        given = row.given
        branch: Any = None
        id_type: str | None = None  # from a 证件类型 cell; else the number says it
        for key, kind, value in raw:
            if kind == _ID_TYPE:
                try:
                    id_type = self._code(key, value)
                except CellError as exc:
                    row.report(key, exc.error, ("id_type",))
        for key, kind, value in raw:
            try:
                if kind == _ID_TYPE:
                    continue
                if kind == _TEXT:
                    if not blank_word(value):
                        given[key] = cell_text(value)
                elif kind == _CODE:
                    code = self._code(key, value)
                    if code is not None:
                        given[key] = code
                elif kind == _DATE:
                    loose = self._date(key, value)
                    if loose is not None:
                        given[key] = loose.date
                        row.precision[key] = loose.precision
                elif kind == _ID:
                    row.parsed_id = self._id_number(key, value, id_type)
                    given["id_number"] = row.parsed_id.original
                    given["id_type"] = id_type or self.id_types.get(row.parsed_id.kind,
                                                                    self.default_id_type)
                elif kind == _VERBATIM:  # name and phone: "无" means something here
                    if not is_blank(value):
                        given[key] = unmasked_text(value, field=key,
                                                   column=self.columns.get(key, ""))
                elif kind == _BRANCH:
                    branch = value  # after the category is known
                else:  # 工作单位及职务
                    unit, job = self._unit_and_job(value)
                    if unit:
                        given.setdefault("work_unit", unit)
                    if job:
                        given.setdefault("job", job)
            except CellError as exc:
                row.report(key, exc.error, ("id_number", "id_type") if kind == _ID else ())
        if branch is not None:
            try:
                self._branch(branch, given)
            except CellError as exc:
                row.report("org_id", exc.error, ("org_id", "unit_party_org"))

    def _base(self, row: _RowCells, existing: _Existing | None) -> dict[str, Any]:
        """The draft to check: the stored member with what the file gives over it, or a
        new member from the file alone."""
        given, precision = row.given, row.precision
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
                and row.parsed_id is not None:
            base["birth_date"] = _same_period(base["birth_date"], row.parsed_id.birth_date,
                                              precision["birth_date"])
        return base

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
    def _error(self, message: str, key: str, **values: Any) -> CellError:
        return cell_error(key, message, self.columns.get(key, ""), **values)

    def _id_number(self, key: str, value: Any, id_type: str | None = None) -> _IdCell:
        if is_blank(value):
            raise CellError(key, ValidationError("id_number", identity.MSG_ID_EMPTY))
        number = id_text(value, field=key, column=self.columns.get(key, ""))
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
            raise CellError(key, error) from None
        return _IdCell(parsed.value, parsed.original, parsed.kind, parsed.birth_date)

    def _date(self, key: str, value: Any) -> identity.LooseDate | None:
        return read_date(value, field=key, label_key=_DATE_LABEL_KEYS[key],
                         column=self.columns.get(key, ""))

    def _code(self, key: str, value: Any) -> str | None:
        memo = self._codes_seen[key]
        try:
            return memo[value]  # a column holds few distinct values: 男, 女, 汉族 …
        except (KeyError, TypeError):
            pass
        code = read_code(self.words[key], value, field=key, column=self.columns.get(key, ""),
                         examples=_EXAMPLES[key])
        if code is not None and isinstance(value, str | int):
            memo[value] = code
        return code

    @staticmethod
    def _unit_and_job(value: Any) -> tuple[str | None, str | None]:
        """工作单位及职务: split at the last comma (the roster ledger writes 单位，职务)."""
        if blank_word(value):
            return None, None
        text_ = cell_text(value)
        for separator in ("，", ",", "、"):
            if separator in text_:
                unit, job = text_.rsplit(separator, 1)
                return unit.strip() or None, job.strip() or None
        return text_, None

    def _branch(self, value: Any, given: dict[str, Any]) -> None:
        if blank_word(value):
            return
        shown = cell_text(value)
        found = self._branches_seen.get(shown)
        if found is None:
            wanted = text_key(shown)
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
        if text_key(shown) in self.retired_names:
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
    with open_sheet(path, sheet, COLUMNS, check_mapping, mapping) as source:
        layout = source.layout
        importer = _Importer(db, layout, mapping, today=today, rules=rules or PartyRules(),
                             default_org_id=default_org_id)
        plan = ImportPlan(Path(path), sheet, list(layout.headers), dict(mapping))
        plan.problems.extend(source.uncached())
        seen_ids: dict[str, list[int]] = {}
        for excel_row, cells in source.rows(progress):
            result = importer.check_row(excel_row, cells)
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
    if plan.rows == 0:
        raise UserError(MSG_NO_ROWS, sheet=sheet)
    plan.problems.extend(duplicate_rows(seen_ids, importer.columns.get("id_number", "")))
    sort_problems(plan.problems, importer.columns, FIELDS)
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


def apply(db: Database, plan: ImportPlan, *, today: dt.date, operator: str = "",
          actor: Actor | None = None, progress: Progress | None = None) -> ImportResult:
    """Write a checked plan in one transaction: all of it, or (on any error, a change
    since the check, or ``progress`` returning False) nothing. Remembers the mapping.

    ``actor`` (default: an open folder's user named ``operator``) must be allowed to
    import; the records name the person (``actor.operator``), the audit log the
    account (its login)."""
    if actor is None:
        actor = Actor.open(operator)
    actor.require(access.IMPORT)
    actor.require(access.ROSTER_EDIT)
    operator = actor.operator
    refuse_problems(plan.problems)
    total = len(plan.new) + len(plan.updates)
    done = 0
    source = {"file": plan.path.name, "sheet": plan.sheet}
    tick(progress, 0, total)
    with db.write() as session:
        conn = session.connection()
        _check_unchanged(conn, plan)
        for chunk in chunks(plan.new, CHUNK):
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
            tick(progress, done, total)
        for chunk in chunks(plan.updates, CHUNK):
            _apply_updates(db, session, chunk, plan, operator=operator, today=today,
                           source=source)
            done += len(chunk)
            tick(progress, done, total)
        audit.record(session, audit_name(actor, operator), "import", "roster",
                     f"{plan.path.name} {plan.sheet}: {len(plan.new)} new, "
                     f"{len(plan.updates)} updated")
        tick(progress, total, total)  # the last chance to cancel before the commit
    try:
        remember_mapping(db, plan.headers, plan.mapping)
    except (driver.Error, StorageError, OSError):  # the import itself is done
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


def export_members(rows: Iterable[MemberRow], path: str | os.PathLike[str], *,
                   reveal: bool = False, today: dt.date | None = None,
                   progress: Progress | None = None, actor: Actor | None = None,
                   total: int | None = None) -> int:
    """Write the members to an .xlsx roster (the 党员花名册 columns, then the ID type and
    number, the organisation, and where mobile members are); returns the number of
    members written. An in-service member outside the office's organisations is shown
    with their work unit's party organisation. With ``reveal`` (and rows read revealed)
    the file imports back without problems or changes.

    Unless ``reveal`` (and the policy lets ``actor`` see them: default, an open
    folder's user), the ID number and phone are masked, the address is cut at the
    building or unit and the birth date is given as a month (DOMAIN.md, "Privacy",
    decided by :func:`gridoffice.domain.privacy.present`); values already masked by
    the service stay masked. The caller writes the audit log with the reason.
    Dates are real Excel dates; the header row is frozen. Written through
    :func:`atomic_output`, so a failure leaves an existing file as it was.

    ``rows`` may be an iterator (:meth:`RosterService.iter_members`): they are written
    one at a time, never held; ``total`` (how many it gives) is then the progress's.
    """
    from openpyxl import Workbook

    day = today or dt.date.today()
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("党员花名册")
    title_row(ws, EXPORT_HEADERS, EXPORT_WIDTHS, centred=True)
    if total is None:
        total = len(rows) if isinstance(rows, Sized) else 0
    tick(progress, 0, total)
    index = 0
    for index, row in enumerate(rows, start=1):
        ws.append(safe_row(ws, _member_cells(ws, index, row, reveal=reveal, day=day,
                                             actor=actor)))
        if index % 1000 == 0:
            tick(progress, index, max(total, index))
    with atomic_output(path) as tmp:
        workbook.save(tmp)
    tick(progress, index, max(total, index))
    return index


def _member_cells(ws: Any, index: int, row: MemberRow, *, reveal: bool,
                  day: dt.date, actor: Actor | None = None) -> list[Any]:
    """The cells of one member in EXPORT_HEADERS order, as ``actor`` may see them
    (masked unless ``reveal``)."""
    shown = privacy.present(actor, row._asdict(), revealed=reveal, today=day)
    birth = shown["birth_date"]
    month = shown["birth_masked"]
    full_then = row.full_date is not None and row.full_date <= day
    work = "，".join(part for part in (row.work_unit, row.job) if part) or None
    return [
        index,
        shown["name"],
        SEX_ZH.get(row.sex, row.sex) if row.sex else None,
        zh_term(ETHNICITY, ETHNICITY_ZH, row.ethnicity),
        date_cell(ws, birth, MONTH_FORMAT if month else DATE_FORMAT),
        identity.age_on(row.birth_date, day) if row.birth_date else None,
        row.native_place,
        zh_term(EDUCATION, EDUCATION_ZH, row.education),
        date_cell(ws, row.join_date, DATE_FORMAT),
        date_cell(ws, row.full_date, DATE_FORMAT),
        zh_term(MEMBER_CATEGORY, CATEGORY_ZH, row.category),
        "正式" if full_then or (row.status == "full" and row.full_date is None) else "预备",
        row.party_post,
        work,
        shown["address"] or None,
        shown["mobile"] or None,
        row.note,
        ID_TYPES.zh(row.id_type) if row.id_number else None,
        shown["id_number"] or None,
        row.org_name or (row.unit_party_org if row.org_id is None else None),
        row.away_destination,
        date_cell(ws, row.away_since, DATE_FORMAT),
    ]
