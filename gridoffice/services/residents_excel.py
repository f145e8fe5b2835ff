"""Residents (实有人口) to and from Excel (.xlsx): a flat street-office sheet, one row
per person, imported into buildings, houses, households and residents; and a masked
export of the resident table.

Built, like the roster import, on the spreadsheet toolkit
(:mod:`gridoffice.services.excel`): an import never writes half a file: :func:`dry_run`
reads the whole sheet, checks every row with the rules of the resident form
(``HouseholdService._resident_values``) and collects every problem as (row, column,
message); :func:`apply` writes a plan without problems in one transaction. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridoffice.domain import access, identity, privacy
from gridoffice.domain import households as rules
from gridoffice.domain.access import Actor
from gridoffice.domain.codes import (
    EDUCATION,
    ETHNICITY,
    ID_TYPES,
    MARITAL_STATUS,
    MOVE_IN_REASONS,
    POLITICAL_STATUS,
    POPULATION_TYPES,
    RELATION_HEAD,
    RELATION_TO_HEAD,
    RESIDENCE_STATUS,
    SEX,
    CodeTable,
)
from gridoffice.errors import StorageError, UserError, ValidationError
from gridoffice.fileio import atomic_output
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.excel import cells, export, headers, mappings
from gridoffice.services.excel import problems as found
from gridoffice.services.excel.codes import EDUCATION_ZH, ETHNICITY_ZH, SEX_ZH, SYNONYMS, code_words
from gridoffice.services.excel.headers import ColumnSet, SheetLayout, column_label
from gridoffice.services.excel.problems import Problem, Progress
from gridoffice.services.excel.sheet import open_sheet
from gridoffice.services.excel.workbook import MSG_NO_SUCH_SHEET, sheet_names
from gridoffice.services.guard import audit_name
from gridoffice.services.households import HouseholdService, ResidentDraft, ResidentRow
from gridoffice.store import audit, driver
from gridoffice.store.database import Database
from gridoffice.store.tables import Building, House, Household, Resident

log = logging.getLogger(__name__)

# Names other modules and tests import from here (some live in the toolkit).
__all__ = [
    "EXPORT_HEADERS", "FIELDS", "FIELD_LABELS", "MAPPING_SETTING", "MSG_NO_SUCH_SHEET",
    "Problem", "Progress", "ResidentImportPlan", "ResidentImportResult", "SheetLayout",
    "apply", "check_mapping", "dry_run", "export_residents", "guess_mapping",
    "load_mapping", "read_layout", "remembered_mapping", "sheet_names",
]


# --- messages -------------------------------------------------------------------------
MSG_NO_ROWS = QT_TRANSLATE_NOOP(
    "errors", "Sheet {sheet} has no resident rows below the column titles."
)
MSG_ADDRESS_COLUMNS = QT_TRANSLATE_NOOP(
    "errors", "Columns: choose the column that holds the address (地址) or the building (楼号)."
)
MSG_GRID_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "Grid: there is no grid called {value}; write the grid's name or code."
)
MSG_GRID_NEEDED = QT_TRANSLATE_NOOP(
    "errors",
    "Grid: the office has several grids (or none yet); add a 网格 column with the grid's "
    "name or code.",
)
MSG_ADDRESS_NEEDED = QT_TRANSLATE_NOOP(
    "errors",
    "Address: write the address (like 幸福里3号楼2单元301 or 3-2-301) or the building number.",
)
MSG_BUILDING_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors",
    "Address: the building {building} does not exist in the grid {grid}. Add the building "
    "first, or import with “create buildings”.",
)
MSG_BUILDING_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "errors",
    "Address: the grid {grid} has several buildings numbered {building}; write the estate "
    "(小区) too.",
)
MSG_RELATION_NEEDED = QT_TRANSLATE_NOOP(
    "errors", "Relation to head: write the relation, such as 户主, 配偶, 子 or 女."
)
MSG_NO_HEAD = QT_TRANSLATE_NOOP(
    "errors",
    "Relation to head: the household at {address} has no head (户主); exactly one member "
    "must be the head.",
)
MSG_HEADS = QT_TRANSLATE_NOOP(
    "errors",
    "Relation to head: the household at {address} has {count} heads (户主); exactly one "
    "member must be the head.",
)
MSG_MOVES = QT_TRANSLATE_NOOP(
    "errors",
    "ID number: {name} lives in another household ({address}); the import would move "
    "{name} between households. Move the household in the program instead.",
)
MSG_ID_OTHER_NAME = QT_TRANSLATE_NOOP(
    "errors",
    "ID number: this number belongs to {name}, not to {value}. Check the ID number, or "
    "correct the name in the resident form.",
)
MSG_HEAD_CHANGE = QT_TRANSLATE_NOOP(
    "errors",
    "Relation to head: the import would make {name} the head or stop them being the head; "
    "use Change head in the program instead.",
)
MSG_CHANGED_MEANWHILE = QT_TRANSLATE_NOOP(
    "errors",
    "Residents or households were changed after the file was checked; nothing was imported. "
    "Check the file again.",
)

FIELD_LABELS: dict[str, str] = {
    "grid": QT_TRANSLATE_NOOP("errors", "Grid"),
    "estate": QT_TRANSLATE_NOOP("errors", "Estate"),
    "building": QT_TRANSLATE_NOOP("errors", "Building"),
    "unit": QT_TRANSLATE_NOOP("errors", "Unit"),
    "room": QT_TRANSLATE_NOOP("errors", "Room"),
    "address": QT_TRANSLATE_NOOP("errors", "Address"),
    "household_number": QT_TRANSLATE_NOOP("errors", "Household number"),
    "name": QT_TRANSLATE_NOOP("errors", "Name"),
    "relation": QT_TRANSLATE_NOOP("errors", "Relation to head"),
    "sex": QT_TRANSLATE_NOOP("errors", "Sex"),
    "ethnicity": QT_TRANSLATE_NOOP("errors", "Ethnicity"),
    "birth_date": QT_TRANSLATE_NOOP("errors", "Birth date"),
    "id_type": QT_TRANSLATE_NOOP("errors", "ID type"),
    "id_number": QT_TRANSLATE_NOOP("errors", "ID number"),
    "political_status": QT_TRANSLATE_NOOP("errors", "Political status"),
    "education": QT_TRANSLATE_NOOP("errors", "Education"),
    "marital_status": QT_TRANSLATE_NOOP("errors", "Marital status"),
    "hukou_address": QT_TRANSLATE_NOOP("errors", "Hukou address"),
    "population_type": QT_TRANSLATE_NOOP("errors", "Population type"),
    "residence_status": QT_TRANSLATE_NOOP("errors", "Residence status"),
    "mobile": QT_TRANSLATE_NOOP("errors", "Phone"),
    "work_or_school": QT_TRANSLATE_NOOP("errors", "Work unit or school"),
    "move_in_date": QT_TRANSLATE_NOOP("errors", "Move-in date"),
    "move_in_reason": QT_TRANSLATE_NOOP("errors", "Reason for moving in"),
    "note": QT_TRANSLATE_NOOP("errors", "Note"),
}
FIELDS: tuple[str, ...] = tuple(FIELD_LABELS)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "grid": ("网格", "所属网格", "网格名称", "网格编号", "网格编码"),
    "estate": ("小区", "小区名称", "小区名", "院落"),
    "building": ("楼号", "楼栋", "楼栋号", "楼", "楼幢", "栋号", "幢号"),
    "unit": ("单元", "单元号"),
    "room": ("门牌号", "室", "室号", "房号", "房间号", "户室号"),
    "address": ("地址", "住址", "居住地址", "现住址", "家庭住址", "现居住地址", "房屋地址"),
    "household_number": ("户号", "户编号", "户籍编号"),
    "name": ("姓名", "名字"),
    "relation": ("与户主关系", "与户主的关系", "与户主关系名称", "关系"),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日"),
    "id_type": ("证件类型", "证件种类"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "公民身份证号码", "证件号码",
                  "身份证", "居民身份证号码", "身份证件号码", "公民身份证号"),
    "political_status": ("政治面貌",),
    "education": ("文化程度", "学历", "最高学历"),
    "marital_status": ("婚姻状况", "婚姻状态", "婚姻"),
    "hukou_address": ("户籍地", "户籍地址", "户籍所在地", "户籍地详址"),
    "population_type": ("人员类别", "人口类型", "人口类别", "人员类型"),
    "residence_status": ("人户状态", "人户情况", "人户分离情况"),
    "mobile": ("联系电话", "手机", "手机号码", "手机号", "联系方式", "电话", "电话号码"),
    "work_or_school": ("工作单位/学校", "工作单位或学校", "工作单位", "学校", "服务处所",
                       "工作单位及学校", "就读学校"),
    "move_in_date": ("迁入日期", "迁入时间", "入住日期", "入住时间", "来本地日期"),
    "move_in_reason": ("迁入原因", "来本地原因", "流入原因"),
    "note": ("备注",),
}
REQUIRED_FIELDS: dict[str, str] = {"name": "姓名", "relation": "与户主关系"}
MAPPING_SETTING = mappings.RESIDENTS_MAPPING_SETTING
COLUMNS = ColumnSet(FIELD_LABELS, HEADER_ALIASES, REQUIRED_FIELDS, MAPPING_SETTING,
                    required_any=((("address", "building"), MSG_ADDRESS_COLUMNS),),
                    ignored=("序号", "编号", "年龄"))
_CODE_FIELDS: dict[str, CodeTable] = {
    "relation": RELATION_TO_HEAD, "sex": SEX, "ethnicity": ETHNICITY,
    "political_status": POLITICAL_STATUS, "education": EDUCATION,
    "marital_status": MARITAL_STATUS, "population_type": POPULATION_TYPES,
    "residence_status": RESIDENCE_STATUS, "move_in_reason": MOVE_IN_REASONS,
    "id_type": ID_TYPES,
}
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "relation": {"02": ("本人", "户主本人"), "10": ("配偶",), "11": ("丈夫", "夫"),
                 "12": ("妻子", "妻"), "20": ("子", "儿子"), "30": ("女", "女儿"),
                 "51": ("父",), "52": ("母",), "99": ("非亲属", "租户", "其他非亲属")},
    "political_status": {"01": ("党员", "中共党员", "共产党员"),
                         "02": ("预备党员",), "03": ("团员", "共青团员"),
                         "12": ("无党派",), "13": ("群众",)},
    "marital_status": {"20": ("已婚", "有配偶"), "30": ("丧偶",), "40": ("离异", "离婚")},
    "population_type": {"registered": ("户籍", "常住户籍人口"), "floating": ("流动",),
                        "overseas": ("境外",), "unregistered": ("未落户",)},
    "residence_status": {"together": ("一致",), "person_only": ("人在户不在",),
                         "hukou_only": ("户在人不在",)},
}
_CHINESE = {"sex": SEX_ZH, "ethnicity": ETHNICITY_ZH, "education": EDUCATION_ZH}
_EXAMPLES = {
    "relation": "户主, 配偶, 子, 女, 父亲, 母亲, 孙子 …",
    "sex": "男, 女", "ethnicity": "汉族, 回族, 满族 …",
    "political_status": "中共党员, 共青团员, 群众 …",
    "education": "研究生, 大学本科, 大学专科, 中专, 高中, 初中, 小学及以下",
    "marital_status": "未婚, 已婚, 丧偶, 离婚",
    "population_type": "户籍人口, 流动人口, 境外人员, 未落户人员",
    "residence_status": "人户一致, 人在户不在, 户在人不在",
    "move_in_reason": "务工, 经商, 就学, 投亲, 其他",
    "id_type": "居民身份证, 港澳台居民居住证, 护照 …",
}
_TEXT_FIELDS = ("hukou_address", "work_or_school", "note")
_DATE_FIELDS = ("birth_date", "move_in_date")
# Resident columns an imported field may change on an existing resident.
_UPDATED: dict[str, tuple[str, ...]] = {
    "name": ("name", "name_pinyin", "name_initials"), "relation": ("relation",),
    "sex": ("sex",), "ethnicity": ("ethnicity",), "birth_date": ("birth_date",),
    "political_status": ("political_status",), "education": ("education",),
    "marital_status": ("marital_status",), "hukou_address": ("hukou_address",),
    "population_type": ("population_type",), "residence_status": ("residence_status",),
    "mobile": ("mobile",), "work_or_school": ("work_or_school",),
    "move_in_date": ("move_in_date",), "move_in_reason": ("move_in_reason",),
    "note": ("note",),
}
_DRAFT_FIELDS = tuple(ResidentDraft.__dataclass_fields__)
_MARKS = re.compile(r"(?:号楼|号院|单元|栋|幢|座|号|楼|门|室|户|#)$")


def _part(value: Any) -> str:
    """A building, unit or room cell as stored: no marks (号楼, 单元, 室), no leading zeros."""
    if cells.blank_word(value):
        return ""
    text_ = re.sub(r"\s+", "", unicodedata.normalize("NFKC", cells.cell_text(value)))
    text_ = _MARKS.sub("", text_)
    if re.fullmatch(r"[A-Za-z]?\d+[A-Za-z]?", text_):
        text_ = re.sub(r"(?<![0-9])0+(?=\d)", "", text_)
    return text_.upper()


def _words(key: str) -> dict[str, str]:
    table = _CODE_FIELDS[key]
    words = code_words(table, _CHINESE.get(key, {}), SYNONYMS.get(key))
    for code, synonyms in _SYNONYMS.get(key, {}).items():
        for word in synonyms:
            words.setdefault(cells.text_key(word), code)
    if key == "sex":
        words = {k: v for k, v in words.items() if v in ("1", "2")}
    return words


# --- results --------------------------------------------------------------------------
BuildingKey = tuple[str, str, str]  # grid id, estate, number
HouseKey = tuple[BuildingKey, str, str]  # building, unit, room
HouseholdKey = tuple[HouseKey, str]  # house, household number ("" if none)


@dataclass(frozen=True, slots=True)
class NewResident:
    """A resident the import adds: its Resident columns, as the resident form would
    store them, kept as a tuple of values beside a tuple of column names shared by
    every row (a plan of 100,000 rows holds no dict per row)."""

    row: int
    household: HouseholdKey
    columns: tuple[str, ...]
    cells: tuple[Any, ...]

    @property
    def values(self) -> dict[str, Any]:
        return dict(zip(self.columns, self.cells, strict=True))

    def get(self, column: str) -> Any:
        """One column's value (None when the row has no such column)."""
        try:
            return self.cells[self.columns.index(column)]
        except ValueError:
            return None


@dataclass(frozen=True)
class ResidentUpdate:
    row: int
    resident_id: str
    name: str
    hlc: int
    changes: dict[str, tuple[Any, Any]]  # column -> (stored, new)


@dataclass
class ResidentImportPlan:
    """The residents, houses and households a sheet would add or change; :func:`apply`
    writes it when no problem is left."""

    path: Path
    sheet: str
    headers: list[str]
    mapping: dict[str, int]
    create_buildings: bool = False
    buildings: dict[BuildingKey, str | None] = field(default_factory=dict)  # None: new
    houses: dict[HouseKey, str | None] = field(default_factory=dict)
    households: dict[HouseholdKey, str | None] = field(default_factory=dict)
    new: list[NewResident] = field(default_factory=list)
    updates: list[ResidentUpdate] = field(default_factory=list)
    unchanged: int = 0
    rows: int = 0
    unknown_buildings: list[str] = field(default_factory=list)  # addresses, as shown
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        return {"rows": self.rows, "new": len(self.new), "updated": len(self.updates),
                "unchanged": self.unchanged, "problems": len(self.problems),
                "new_buildings": sum(1 for v in self.buildings.values() if v is None),
                "new_houses": sum(1 for v in self.houses.values() if v is None),
                "new_households": sum(1 for v in self.households.values() if v is None)}


@dataclass(frozen=True)
class ResidentImportResult:
    buildings: int
    houses: int
    households: int
    added: int
    updated: int
    unchanged: int


# --- mapping --------------------------------------------------------------------------
def read_layout(path: str | os.PathLike[str], sheet: str) -> SheetLayout:
    """Where the column titles and the data of ``sheet`` are."""
    return headers.read_layout(path, sheet, COLUMNS)


def guess_mapping(headers_: Sequence[str],
                  remembered: dict[str, str] | None = None) -> dict[str, int]:
    """Which column (0-based) holds which field: a remembered mapping (field -> header
    text) first, then the usual Chinese headers."""
    return headers.guess_mapping(headers_, COLUMNS, remembered)


def load_mapping(path: str | os.PathLike[str], sheet: str,
                 db: Database | None = None) -> dict[str, int]:
    """The mapping for ``sheet``: guessed from the usual headers, and with ``db`` the
    mapping remembered from the last import first."""
    remembered = remembered_mapping(db) if db is not None else None
    return guess_mapping(read_layout(path, sheet).headers, remembered)


def remembered_mapping(db: Database) -> dict[str, str]:
    """The mapping of the last residents import (field -> header text), or {}."""
    return mappings.remembered_mapping(db, MAPPING_SETTING)


def check_mapping(headers_: Sequence[str], mapping: dict[str, int]) -> None:
    """ValidationError (field "mapping") without a name, relation, or address or
    building column, or with a column chosen twice."""
    headers.check_mapping(headers_, mapping, COLUMNS)


# --- the dry run ----------------------------------------------------------------------
@dataclass(slots=True)
class _Row:
    row: int
    household: HouseholdKey | None
    shown_address: str
    relation: str | None
    id_key: str | None
    problems: list[Problem]
    new: NewResident | None = None
    update: ResidentUpdate | None = None
    existing_id: str | None = None


class _Checker:
    """Checks rows against data loaded once: grids, buildings, houses, households,
    living residents by ID number."""

    def __init__(self, db: Database, session: Any, service: HouseholdService,
                 headers: list[str], mapping: dict[str, int], *, today: dt.date,
                 grid_id: str | None, create_buildings: bool) -> None:
        self.session = session
        self.service = service
        self.mapping = dict(mapping)
        self.today = today
        self.create_buildings = create_buildings
        self.columns = {key: column_label(headers, index) for key, index in mapping.items()}
        self.words = {key: _words(key) for key in _CODE_FIELDS if key in mapping}
        raw = session.connection().connection.driver_connection
        grids = raw.execute("SELECT id, code, name FROM grid WHERE NOT deleted").fetchall()
        self.grid_names = {g[0]: g[2] for g in grids}
        self.grids_by_word: dict[str, set[str]] = {}
        for grid, code, name in grids:
            for word in (code, name):
                self.grids_by_word.setdefault(cells.text_key(word), set()).add(grid)
        self.default_grid = grid_id or (grids[0][0] if len(grids) == 1 else None)
        self.buildings: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (grid, number)
        for b_id, grid, estate, number in raw.execute(
                "SELECT id, grid_id, estate, number FROM building WHERE NOT deleted"):
            self.buildings.setdefault((grid, _part(number)), []).append((estate or "", b_id))
        self.building_keys: dict[str, BuildingKey] = {}
        self.houses: dict[tuple[str, str, str], str] = {}
        for h_id, b_id, unit, room in raw.execute(
                "SELECT id, building_id, unit, room FROM house WHERE NOT deleted"):
            self.houses[(b_id, _part(unit), _part(room))] = h_id
        self.households: dict[str, list[tuple[str, str]]] = {}
        for hh_id, house_id, number in raw.execute(
                "SELECT id, house_id, number FROM household WHERE NOT deleted AND "
                "dissolved_on IS NULL"):
            self.households.setdefault(house_id, []).append((hh_id, _part(number)))
        draft_columns = [c for c in _DRAFT_FIELDS if c != "id_number"]
        self.existing: dict[str, dict[str, Any]] = {}
        # id number -> (id, name, household) of every living resident with it (the
        # check for another living person with a number, without a query per row)
        self.living: dict[str, list[tuple[str, str, str]]] = {}
        self.heads: dict[str, list[str]] = {}  # household id -> resident ids of its heads
        for row in raw.execute(
                "SELECT id, hlc, household_id, id_number, id_number_original, "
                + ", ".join(draft_columns) + " FROM resident WHERE NOT deleted AND "
                "moved_out_on IS NULL AND died_on IS NULL"):
            values = dict(zip(draft_columns, row[5:], strict=True))
            for key in _DATE_FIELDS:
                if isinstance(values.get(key), str):
                    values[key] = dt.date.fromisoformat(values[key])
            record = {"id": row[0], "hlc": int(row[1]), "household_id": row[2],
                      "draft": values, "id_number": row[4] or row[3]}
            if row[3]:
                self.existing[row[3]] = record
                self.living.setdefault(row[3], []).append(
                    (row[0], values.get("name") or "", row[2]))
            if values["relation"] == RELATION_HEAD:
                self.heads.setdefault(row[2], []).append(row[0])
        self.stored_heads_seen: dict[str, set[str]] = {}
        # one object for what many rows share (a household's key and address, the
        # column names of a new resident), so that a plan holds each once
        self.shared: dict[Any, Any] = {}
        self.unknown: dict[BuildingKey, str] = {}
        self._address_cache: dict[str, str] = {}

    def address_of(self, household_id: str) -> str:
        if household_id not in self._address_cache:
            self._address_cache[household_id] = self.service._address(self.session,
                                                                      household_id)
        return self._address_cache[household_id]

    def problem(self, row: int, key: str, error: UserError) -> Problem:
        return Problem(row, self.columns.get(key, ""), key, error.english(), error)

    # --- cells --------------------------------------------------------------------------
    def _code(self, key: str, value: Any) -> str | None:
        return cells.read_code(self.words[key], value, field=key, column=self.columns.get(key, ""),
                         examples=_EXAMPLES[key])

    def _date(self, key: str, value: Any) -> dt.date | None:
        loose = cells.read_date(value, field=key, label_key=key, column=self.columns.get(key, ""))
        return loose.date if loose is not None else None

    def _id(self, value: Any, id_type: str) -> tuple[str, str | None]:
        """The number as typed (normalised) and its de-duplication key."""
        key = "id_number"
        number = cells.id_text(value, field=key, column=self.columns.get(key, ""))
        try:
            parsed = identity.parse_id_for_type(id_type, number, today=self.today)
        except ValidationError as error:
            raise cells.CellError(key, error) from None
        return number, (parsed.value if parsed is not None else number)

    # --- location -----------------------------------------------------------------------
    def _grid(self, value: Any) -> str:
        if cells.blank_word(value):
            if self.default_grid is None:
                raise cells.CellError("grid", ValidationError("grid", MSG_GRID_NEEDED))
            return self.default_grid
        found = self.grids_by_word.get(cells.text_key(cells.cell_text(value)), set())
        if len(found) != 1:
            raise cells.CellError("grid", ValidationError("grid", MSG_GRID_UNKNOWN,
                                                     value=cells.cell_text(value)))
        return next(iter(found))

    def _location(self, cell: Any) -> tuple[HouseholdKey, str]:
        grid = self._grid(cell("grid"))
        estate = "" if cells.blank_word(cell("estate")) else cells.cell_text(cell("estate"))
        address = cell("address")
        if "address" in self.mapping and not cells.blank_word(address):
            try:
                parts = rules.parse_address(cells.cell_text(address))
            except ValidationError as error:
                raise cells.CellError("address", error) from None
            estate = parts.estate or estate
            building, unit, room = parts.building, parts.unit or "", parts.room or ""
            column = "address"
        else:
            building, unit, room = _part(cell("building")), _part(cell("unit")), \
                _part(cell("room"))
            column = "building" if "building" in self.mapping else "address"
            if not building:
                raise cells.CellError(column, ValidationError(column, MSG_ADDRESS_NEEDED))
        building = _part(building)
        shown = rules.format_address(estate or None, building, unit or None, room or None)
        candidates = self.buildings.get((grid, building), [])
        exact = [c for c in candidates if cells.text_key(c[0]) == cells.text_key(estate)]
        if not exact and (not estate or all(not c[0] for c in candidates)):
            exact = candidates
        grid_name = self.grid_names.get(grid, "")
        if len(exact) > 1:
            raise cells.CellError(column, ValidationError(
                column, MSG_BUILDING_AMBIGUOUS, grid=grid_name, building=building))
        building_id: str | None
        if exact:
            stored_estate, building_id = exact[0]
            b_key: BuildingKey = (grid, stored_estate, building)
        else:
            b_key = (grid, estate, building)
            shown_building = rules.format_address(estate or None, building)
            self.unknown.setdefault(b_key, shown_building)
            if not self.create_buildings:
                raise cells.CellError(column, ValidationError(
                    column, MSG_BUILDING_UNKNOWN, building=shown_building, grid=grid_name))
        h_key: HouseKey = (b_key, unit, room)
        number = _part(cell("household_number"))
        return (h_key, number), shown

    def existing_household(self, plan: ResidentImportPlan, key: HouseholdKey) -> str | None:
        """The id of the stored household a key names, or None (a new one)."""
        if key in plan.households:
            return plan.households[key]
        (b_key, unit, room), number = key
        building_id = plan.buildings.get(b_key)
        if b_key not in plan.buildings:
            found = [b for e, b in self.buildings.get((b_key[0], b_key[2]), [])
                     if e == b_key[1]]
            building_id = found[0] if found else None
            plan.buildings[b_key] = building_id
        house_id = self.houses.get((building_id, unit, room)) if building_id else None
        plan.houses.setdefault(key[0], house_id)
        household_id = None
        if house_id is not None:
            living = self.households.get(house_id, [])
            matching = [h for h, n in living if n == number]
            if matching:
                household_id = matching[0]
            elif not number and len(living) == 1:
                household_id = living[0][0]
        plan.households[key] = household_id
        return household_id

    # --- rows ---------------------------------------------------------------------------
    def check_row(self, plan: ResidentImportPlan, excel_row: int,
                  row_cells: tuple[Any, ...]) -> _Row | None:
        width = len(row_cells)

        def cell(key: str) -> Any:
            index = self.mapping.get(key)
            return row_cells[index] if index is not None and index < width else None

        if all(cells.is_blank(cell(key)) for key in self.mapping):
            return None
        problems: list[Problem] = []
        household: HouseholdKey | None = None
        shown = ""
        try:
            household, shown = self._location(cell)
            household = self.shared.setdefault(household, household)
            shown = self.shared.setdefault(shown, shown)
        except cells.CellError as exc:
            problems.append(self.problem(excel_row, exc.field, exc.error))
        given, id_key = self._read_cells(excel_row, cell, problems)
        result = _Row(excel_row, household, shown, given.get("relation"), id_key, problems)
        existing = self.existing.get(id_key) if id_key else None
        if existing is not None:
            result.existing_id = existing["id"]
            self._check_existing(plan, result, existing, given)
        if problems or household is None:
            return result
        base: dict[str, Any] = dict(existing["draft"]) if existing else {}
        if existing:
            base["id_number"] = existing["id_number"]
        base.update(given)
        base.setdefault("name", "")
        base = {k: v for k, v in base.items() if k in _DRAFT_FIELDS}
        try:
            values = self.service._resident_values(self.session, ResidentDraft(**base),
                                                   existing["id"] if existing else None,
                                                   living=self.living)
        except ValidationError as error:
            key = error.field if error.field in self.mapping else (
                "id_number" if error.field in ("sex", "birth_date", "id_type")
                and "id_number" in self.mapping else error.field)
            problems.append(self.problem(excel_row, key, error))
            return result
        if existing is None:
            result.new = self.new_resident(excel_row, household, values)
            return result
        stored = existing["draft"]
        changes = _changes(stored, values, given)
        if changes:
            result.update = ResidentUpdate(excel_row, existing["id"], stored["name"],
                                           existing["hlc"], changes)
        return result

    def new_resident(self, excel_row: int, household: HouseholdKey,
                     values: dict[str, Any]) -> NewResident:
        columns = tuple(values)
        columns = self.shared.setdefault(columns, columns)
        same: dict[Any, Any] = {}  # the number as stored and as typed: one string
        return NewResident(excel_row, household, columns, tuple(
            same.setdefault(v, v) if isinstance(v, str) else v for v in values.values()))

    def _read_cells(self, excel_row: int, cell: Callable[[str], Any],
                    problems: list[Problem]) -> tuple[dict[str, Any], str | None]:
        """What the mapped cells of a row give (field -> value) and the ID number's key;
        a cell that cannot be read is added to ``problems``."""
        given: dict[str, Any] = {}
        for key in self.mapping:
            value = cell(key)
            try:
                if key in _CODE_FIELDS:
                    code = self._code(key, value)
                    if code is not None:
                        given[key] = code
                elif key in _DATE_FIELDS:
                    day = self._date(key, value)
                    if day is not None:
                        given[key] = day
                elif key in _TEXT_FIELDS:
                    if not cells.blank_word(value):
                        given[key] = cells.cell_text(value)
                elif key == "name" and not cells.is_blank(value):
                    given[key] = cells.cell_text(value)
                elif key == "mobile" and not cells.is_blank(value):
                    given[key] = cells.unmasked_text(value, field=key,
                                                     column=self.columns.get(key, ""))
            except cells.CellError as exc:
                problems.append(self.problem(excel_row, exc.field, exc.error))
        if "relation" not in given and not any(p.field == "relation" for p in problems):
            problems.append(self.problem(excel_row, "relation",
                                         ValidationError("relation", MSG_RELATION_NEEDED)))
        id_key: str | None = None
        id_value = cell("id_number")
        if not cells.blank_word(id_value):
            if "id_type" not in given and not isinstance(id_value, float):
                # no 证件类型 given: the number says what it is (81/82/83, 9 …)
                derived = identity.id_type_of(cells.cell_text(id_value))
                if derived is not None:
                    given["id_type"] = derived
            try:
                given["id_number"], id_key = self._id(id_value, given.get("id_type", "resident"))
            except cells.CellError as exc:
                problems.append(self.problem(excel_row, exc.field, exc.error))
        return given, id_key

    def _check_existing(self, plan: ResidentImportPlan, result: _Row,
                        existing: dict[str, Any], given: dict[str, Any]) -> None:
        stored = existing["draft"]
        row = result.row
        if "name" in given:
            try:
                typed = identity.normalize_name(given["name"])
            except ValidationError:
                typed = None
            if typed is not None and typed != stored["name"]:
                result.problems.append(self.problem(row, "id_number", ValidationError(
                    "id_number", MSG_ID_OTHER_NAME, name=stored["name"], value=typed)))
        if result.household is not None:
            target = self.existing_household(plan, result.household)
            if target != existing["household_id"]:
                result.problems.append(self.problem(row, "id_number", ValidationError(
                    "id_number", MSG_MOVES, name=stored["name"],
                    address=self.address_of(existing["household_id"]))))
                return
        relation = given.get("relation")
        if relation is not None and (relation == RELATION_HEAD) != (
                stored["relation"] == RELATION_HEAD):
            result.problems.append(self.problem(row, "relation", ValidationError(
                "relation", MSG_HEAD_CHANGE, name=stored["name"])))


def _changes(stored: dict[str, Any], values: dict[str, Any],
             given: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Resident column -> (stored, new) for the fields the file gives that differ."""
    changes: dict[str, tuple[Any, Any]] = {}
    for key in given:
        for column in _UPDATED.get(key, ()):
            old = stored.get(column) if column in stored else None
            if column in ("name_pinyin", "name_initials"):
                continue
            if old != values[column]:
                changes[column] = (old, values[column])
    if "name" in changes:
        for column in ("name_pinyin", "name_initials"):
            changes[column] = (None, values[column])
    return changes


def dry_run(db: Database, path: str | os.PathLike[str], sheet: str, mapping: dict[str, int],
            *, today: dt.date, progress: Progress | None = None, grid_id: str | None = None,
            create_buildings: bool = False) -> ResidentImportPlan:
    """Check every row of ``sheet`` and say what an import would do; writes nothing.

    ``mapping``: field -> column index (0-based), as :func:`guess_mapping` gives.
    ``grid_id``: the grid of rows without a 网格 cell (default: the only grid).
    Buildings the file names must exist unless ``create_buildings``; houses and
    households are created as needed. Existing residents are matched by ID number
    and must stay in their household; empty cells never clear what is stored.
    ``progress(done, total)`` returning False raises Cancelled.
    """
    service = HouseholdService(db, today=today)
    with open_sheet(path, sheet, COLUMNS, check_mapping, mapping) as source, \
            db.read() as session:
        layout = source.layout
        checker = _Checker(db, session, service, list(layout.headers), mapping, today=today,
                           grid_id=grid_id, create_buildings=create_buildings)
        plan = ResidentImportPlan(Path(path), sheet, list(layout.headers), dict(mapping),
                                  create_buildings)
        plan.problems.extend(source.uncached())
        results: list[_Row] = []
        for excel_row, row_cells in source.rows(progress):
            result = checker.check_row(plan, excel_row, row_cells)
            if result is not None:
                results.append(result)
        if not results:
            raise UserError(MSG_NO_ROWS, sheet=sheet)
        _check_file(checker, plan, results)
    plan.rows = len(results)
    plan.unknown_buildings = sorted(set(checker.unknown.values()))
    for result in results:
        plan.problems.extend(result.problems)
        if result.problems:
            continue
        if result.new is not None:
            plan.new.append(result.new)
        elif result.update is not None:
            plan.updates.append(result.update)
        else:
            plan.unchanged += 1
    found.sort_problems(plan.problems, checker.columns, FIELDS)
    return plan


def _check_file(checker: _Checker, plan: ResidentImportPlan, results: list[_Row]) -> None:
    """Checks across rows: the same ID number twice, one head per household."""
    id_column = checker.columns.get("id_number", "")
    by_id: dict[str, list[_Row]] = {}
    groups: dict[HouseholdKey, list[_Row]] = {}
    for result in results:
        if result.id_key:
            by_id.setdefault(result.id_key, []).append(result)
        if result.household is not None:
            groups.setdefault(result.household, []).append(result)
    by_row = {result.row: result for result in results}
    rows_by_id = {key: [r.row for r in same] for key, same in by_id.items()}
    for problem in found.duplicate_rows(rows_by_id, id_column):
        by_row[problem.row].problems.append(problem)
    for key, members in groups.items():
        household_id = checker.existing_household(plan, key)
        heads = sum(1 for r in members if r.relation == RELATION_HEAD)
        if household_id is not None:
            in_file = {r.existing_id for r in members if r.existing_id}
            heads += sum(1 for h in checker.heads.get(household_id, []) if h not in in_file)
        if heads == 1 or any(r.relation is None for r in members):
            continue
        shown = members[0].shown_address
        error = (ValidationError("relation", MSG_NO_HEAD, address=shown) if heads == 0 else
                 ValidationError("relation", MSG_HEADS, address=shown, count=heads))
        for result in members:
            result.problems.append(checker.problem(result.row, "relation", error))


# --- applying -------------------------------------------------------------------------
def apply(db: Database, plan: ResidentImportPlan, *, today: dt.date, operator: str = "",
          actor: Actor | None = None,
          progress: Progress | None = None) -> ResidentImportResult:
    """Write a checked plan, buildings, houses and households first, in one transaction:
    all of it, or nothing (on any error, a change since the check, or ``progress``
    returning False). The column mapping is remembered for the next import.

    ``actor`` (default: an open folder's user named ``operator``) must be allowed to
    import; the audit log names the account (its login)."""
    if actor is None:
        actor = Actor.open(operator)
    actor.require(access.IMPORT)
    actor.require(access.HOUSEHOLDS_EDIT)
    found.refuse_problems(plan.problems)
    total = len(plan.new) + len(plan.updates)
    done = 0
    found.tick(progress, 0, total)
    with db.write() as session:
        conn = session.connection()
        _check_unchanged(conn, plan)
        building_ids = {k: v for k, v in plan.buildings.items() if v is not None}
        new_buildings = [k for k, v in plan.buildings.items() if v is None]
        ids = db.bulk_insert(session, Building, [
            {"grid_id": grid, "estate": estate, "number": number}
            for grid, estate, number in new_buildings])
        building_ids.update(zip(new_buildings, ids, strict=True))
        house_ids = {k: v for k, v in plan.houses.items() if v is not None}
        new_houses = [k for k, v in plan.houses.items() if v is None]
        ids = db.bulk_insert(session, House, [
            {"building_id": building_ids[b_key], "unit": unit, "room": room}
            for b_key, unit, room in new_houses])
        house_ids.update(zip(new_houses, ids, strict=True))
        household_ids = {k: v for k, v in plan.households.items() if v is not None}
        new_households = [k for k, v in plan.households.items() if v is None]
        ids = db.bulk_insert(session, Household, [
            {"house_id": house_ids[h_key], "grid_id": h_key[0][0], "number": number or None}
            for h_key, number in new_households])
        household_ids.update(zip(new_households, ids, strict=True))
        for chunk in found.chunks(plan.new, found.CHUNK):
            db.bulk_insert(session, Resident, [
                dict(item.values, household_id=household_ids[item.household])
                for item in chunk])
            done += len(chunk)
            found.tick(progress, done, total)
        for update in plan.updates:
            resident = session.get(Resident, update.resident_id)
            if resident is None or resident.hlc != update.hlc:
                raise UserError(MSG_CHANGED_MEANWHILE)
            for column, (_old, new) in update.changes.items():
                setattr(resident, column, new)
            done += 1
            if done % 500 == 0:
                found.tick(progress, done, total)
        session.flush()
        audit.record(session, audit_name(actor, actor.operator), "import", "residents",
                     f"{plan.path.name} {plan.sheet}: {len(plan.new)} new, "
                     f"{len(plan.updates)} updated")
        found.tick(progress, total, total)  # the last chance to cancel before the commit
    try:
        mappings.remember_mapping(db, MAPPING_SETTING, plan.headers, plan.mapping)
    except (driver.Error, StorageError, OSError):  # the import itself is done
        log.warning("could not remember the import mapping", exc_info=True)
    return ResidentImportResult(len(new_buildings), len(new_houses), len(new_households),
                                len(plan.new), len(plan.updates), plan.unchanged)


def _check_unchanged(conn: Any, plan: ResidentImportPlan) -> None:
    """Refuse a plan checked against data that has changed since."""
    living = {row[0] for row in conn.exec_driver_sql(
        "SELECT id_number FROM resident WHERE NOT deleted AND id_number IS NOT NULL "
        "AND moved_out_on IS NULL AND died_on IS NULL")}
    buildings = {row[0] for row in conn.exec_driver_sql(
        "SELECT id FROM building WHERE NOT deleted")}
    households = {row[0] for row in conn.exec_driver_sql(
        "SELECT id FROM household WHERE NOT deleted AND dissolved_on IS NULL")}
    if any(item.get("id_number") in living for item in plan.new) \
            or any(v is not None and v not in buildings for v in plan.buildings.values()) \
            or any(v is not None and v not in households for v in plan.households.values()):
        raise UserError(MSG_CHANGED_MEANWHILE)


# --- export ---------------------------------------------------------------------------
EXPORT_HEADERS: tuple[str, ...] = (
    "序号", "网格", "地址", "姓名", "与户主关系", "性别", "出生日期", "证件类型", "身份证号",
    "人员类别", "人户状态", "联系电话",
)
EXPORT_WIDTHS = (6, 14, 26, 10, 10, 6, 12, 16, 21, 12, 12, 15)


def export_residents(rows: Iterable[ResidentRow], path: str | os.PathLike[str], *,
                     reveal: bool = False, grid_names: dict[str, str] | None = None,
                     actor: Actor | None = None, today: dt.date | None = None) -> int:
    """Write the residents of the current view to an .xlsx sheet with Chinese headers;
    returns the number written. Unless ``reveal`` (and the policy lets ``actor`` see
    them: default, an open folder's user), the ID number and phone are masked, the
    address is cut at the building or unit and the birth date is given as a month
    (DOMAIN.md, "Privacy", decided by :func:`gridoffice.domain.privacy.present`); a
    child's name is masked for a role that may not see children. With ``reveal`` (and
    rows read revealed) the file imports back unchanged: the 证件类型 column says what
    each number is. The caller writes the audit log with the reason. ``rows`` may be
    an iterator (:meth:`HouseholdService.iter_residents`): they are written one at a
    time, never held."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("实有人口")
    export.title_row(ws, EXPORT_HEADERS, EXPORT_WIDTHS)
    names = grid_names or {}
    day = today or dt.date.today()
    index = 0
    for index, row in enumerate(rows, start=1):
        shown = privacy.present(actor, row._asdict(), revealed=reveal, today=day)
        birth: Any = None
        if shown["birth_date"] is not None:
            birth = WriteOnlyCell(ws, value=shown["birth_date"])
            birth.number_format = (export.MONTH_FORMAT if shown["birth_masked"]
                                   else export.DATE_FORMAT)
        ws.append(export.safe_row(ws, [
            index,
            names.get(row.grid_id, row.grid_id) or None,
            shown["address"] or None,
            shown["name"],
            RELATION_TO_HEAD.zh(row.relation) or None,
            SEX_ZH.get(row.sex, row.sex) or None,
            birth,
            ID_TYPES.zh(row.id_type) if row.id_number else None,
            shown["id_number"] or None,
            POPULATION_TYPES.zh(row.population_type) or None,
            RESIDENCE_STATUS.zh(row.residence_status) or None,
            shown["mobile"] or None,
        ]))
    with atomic_output(path) as tmp:
        workbook.save(tmp)
    return index
