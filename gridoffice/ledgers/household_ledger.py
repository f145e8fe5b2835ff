"""网格户情登记表 (one form per household), the grid summary and care-tag lists.

DOMAIN.md, "Paper ledgers" item 2. Masked as the privacy rules ask for paper,
by the one policy (:func:`gridoffice.domain.privacy.present`, for the ``actor``
the ledger is made for): ID numbers ``110105********0213``, phones
``138****5678``, birth as year and month, the address to building and unit. A
grid worker's household forms and grid summary of their own grid print the full
address, room number included: they are the grid worker's books, useless
without it (DOMAIN.md, privacy), and say so in their notes; a grid worker is
refused any other grid. The care lists, which can span the whole community,
print the address to building and unit for everyone.
Control tags (重点人员) are never read here: the service's resident rows carry
care tags only, and :func:`render_care_list` refuses a control tag.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from gridoffice.domain import access, privacy
from gridoffice.domain import households as rules
from gridoffice.domain.access import CARE_TAGS as CARE_TAG_FIELD
from gridoffice.domain.access import (
    HIDDEN,
    HOUSEHOLDS_EDIT,
    MSG_DENIED,
    PERMISSION_LABELS,
    AccessTerm,
    Actor,
    PermissionDenied,
    role_term,
    shows,
)
from gridoffice.domain.codes import (
    CARE_TAGS,
    CONTROL_TAGS,
    DISABILITY_GRADES,
    DISABILITY_TYPES,
    EDUCATION,
    ETHNICITY,
    HOUSE_USES,
    HOUSEHOLD_KINDS,
    POLITICAL_STATUS,
    POPULATION_TYPES,
    RELATION_TO_HEAD,
    RESIDENCE_STATUS,
    SEX,
    zh_label,
)
from gridoffice.domain.identity import age_on
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import fonts
from gridoffice.ledgers.engine import (
    INFO_SIZE,
    Column,
    LedgerResult,
    PageWriter,
    TableDrawer,
    TableLedger,
    format_date,
    ledger_result,
    open_ledger,
    progress_check,
    render_table_ledger,
)
from gridoffice.services.households import HouseholdService, ResidentQuery, ResidentRow
from gridoffice.store.database import Database

__all__ = [
    "FORM_TITLE",
    "MEMBER_COLUMNS",
    "SUMMARY_TITLE",
    "care_list_title",
    "care_tag_code",
    "find_building",
    "find_grid",
    "form_cells",
    "render_care_list",
    "render_grid_summary",
    "render_household_forms",
]

FORM_TITLE = "网格户情登记表"
SUMMARY_TITLE = "网格户情汇总表"
# Under the grid summary and the household forms: whose book it is and what is
# masked on it, as a community worker reads it.
GRID_BOOK_NOTE = ("本表为网格员本网格工作台账，地址列至门牌号；身份证号、联系电话按个人信息"
                  "保护要求部分隐去。")
# The same book printed by anyone else: the address is masked too.
MASKED_BOOK_NOTE = "本表地址列至楼栋单元；身份证号、联系电话按个人信息保护要求部分隐去。"
VISITS_ON_FORM = 5  # the latest visits printed on a household form
FORM_FONT_SIZE = 7.0  # 13 member columns on A4 portrait
NOTE_SIZE = 8.0  # the note under a household form

MSG_NO_SUCH_GRID = QT_TRANSLATE_NOOP("errors", "Grid: there is no grid with the code {code}.")
MSG_NO_SUCH_BUILDING = QT_TRANSLATE_NOOP(
    "errors", "Building: the grid {grid} has no building {number}."
)
MSG_MANY_BUILDINGS = QT_TRANSLATE_NOOP(
    "errors", "Building: the grid {grid} has several buildings {number}; add the estate name."
)
MSG_NO_SUCH_TAG = QT_TRANSLATE_NOOP(
    "errors", "Tag: {tag} is not a care tag; the care tags are: {tags}.")
MSG_CONTROL_TAG = QT_TRANSLATE_NOOP(
    "errors", "Tag: {tag} is a restricted tag and is never printed on a list."
)

_MEMBER_HEADERS = (
    ("姓名", 1.3, "center"),
    ("与户主关系", 0.8, "center"),
    ("性别", 0.42, "center"),
    ("民族", 0.55, "center"),
    ("出生日期", 0.8, "center"),
    ("身份证号", 1.95, "center"),
    ("政治面貌", 0.9, "center"),
    ("文化程度", 0.9, "center"),
    ("户籍地", 0.9, "left"),
    ("人户状态", 0.9, "center"),
    ("人员类别", 0.9, "center"),
    ("联系电话", 1.2, "center"),
    ("工作单位/学校", 1.1, "left"),
)
MEMBER_COLUMNS = tuple(Column(t, w, a) for t, w, a in _MEMBER_HEADERS)
SUMMARY_COLUMNS = (
    Column("序号", 0.5, "center"),
    Column("地址", 2.2),  # to the room: 幸福里10号楼3单元1201 on one line
    # 9 pt here, not the form's 7 pt: room for 小学及以下, 户在人不在 on one line
    *(Column(t, {"文化程度": 1.1, "人户状态": 1.1}.get(t, w), a)
      for t, w, a in _MEMBER_HEADERS),
)
CARE_COLUMNS = (
    Column("序号", 0.5, "center"),
    Column("姓名", 1.0, "center"),
    Column("性别", 0.5, "center"),
    Column("年龄", 0.5, "center"),
    Column("地址", 2.0),
    Column("联系电话", 1.3, "center"),
    Column("网格", 1.3, "center"),
    Column("备注", 1.6),
)
_INFO_COLUMNS = (
    Column("", 0.9, "center"),
    Column("", 2.6),
    Column("", 0.9, "center"),
    Column("", 2.6),
)
_CARE_BOX_COLUMNS = tuple(Column("", 1.0) for _ in range(3))
_VISIT_COLUMNS = (
    Column("走访日期", 0.9, "center"),
    Column("走访人", 0.8, "center"),
    Column("走访情况", 2.6),
    Column("居民诉求", 2.0),
)


# --------------------------------------------------------------------------
# Look-ups (for the command line)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Grid:
    id: str
    code: str
    name: str


def find_grid(db: Database, code: str, community: str | None = None) -> tuple[str, str]:
    """(id, name) of the grid with this code (or name), in ``community`` when given;
    see :meth:`HouseholdService.find_grid`."""
    grid = HouseholdService(db).find_grid(code, community)
    return grid.id, grid.name


def find_building(db: Database, grid_id: str, number: str) -> str:
    """The id of the building ``number`` (``3``, ``3号楼`` or ``幸福里3``) in a grid."""
    wanted = "".join(number.split())
    bare = wanted.removesuffix("号楼").removesuffix("栋").removesuffix("幢")
    service = HouseholdService(db)
    found = [b.id for b in service.buildings(grid_id)
             if bare in (b.number, b.estate + b.number) or wanted == b.estate + b.number]
    grid = _grid(service, grid_id).name
    if not found:
        raise UserError(MSG_NO_SUCH_BUILDING, grid=grid, number=wanted)
    if len(found) > 1:
        raise UserError(MSG_MANY_BUILDINGS, grid=grid, number=wanted)
    return found[0]


def care_tag_code(tag: str) -> str:
    """The care-tag code for a code or its Chinese label; a control tag is refused."""
    wanted = "".join(tag.split())
    for code in CONTROL_TAGS:
        if wanted in (code.code, code.zh()):
            raise UserError(MSG_CONTROL_TAG, tag=wanted)
    for code in CARE_TAGS:
        if wanted in (code.code, code.zh()):
            return code.code
    raise UserError(MSG_NO_SUCH_TAG, tag=wanted, tags="、".join(c.zh() for c in CARE_TAGS))


def care_list_title(tag: str) -> str:
    """``独居老人名单`` for ``living_alone``."""
    return CARE_TAGS.zh(tag) + "名单"


def _grid(service: HouseholdService, grid_id: str) -> _Grid:
    for grid in service.list_grids():
        if grid.id == grid_id:
            return _Grid(grid.id, grid.code, grid.name)
    raise UserError(MSG_NO_SUCH_GRID, code=grid_id)


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Household:
    id: str
    number: str | None
    kind: str
    use: str
    address: str
    last_visit: dt.date | None


def _raw(db: Database, sql: str, params: Sequence[object]) -> list[tuple]:
    with db.read() as session:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        return raw.execute(sql, tuple(params)).fetchall()


def _scope(grid_id: str, building_id: str | None) -> tuple[str, list[object]]:
    where = "b.grid_id = ? AND NOT b.deleted"
    params: list[object] = [grid_id]
    if building_id:
        where += " AND b.id = ?"
        params.append(building_id)
    return where, params


_FROM = ("FROM household h JOIN house s ON s.id = h.house_id "
         "JOIN building b ON b.id = s.building_id ")
_ORDER = ("ORDER BY b.estate, CAST(b.number AS INTEGER), b.number, CAST(s.unit AS INTEGER), "
          "s.unit, CAST(s.room AS INTEGER), s.room, h.id")


def _households(db: Database, grid_id: str, building_id: str | None) -> list[_Household]:
    where, params = _scope(grid_id, building_id)
    rows = _raw(db, "SELECT h.id, h.number, h.kind, s.use, b.estate, b.number, s.unit, s.room, "
                f"h.last_visit {_FROM} WHERE {where} AND NOT h.deleted "
                f"AND h.dissolved_on IS NULL {_ORDER}", params)
    return [_Household(r[0], r[1], r[2], r[3],
                       rules.format_address(r[4] or None, r[5], r[6] or None, r[7] or None),
                       dt.date.fromisoformat(r[8]) if r[8] else None) for r in rows]


def _details(db: Database, grid_id: str, building_id: str | None) -> dict[str, tuple]:
    """Resident id -> (ethnicity, political status, education, hukou, work or school)."""
    where, params = _scope(grid_id, building_id)
    rows = _raw(db, "SELECT r.id, r.ethnicity, r.political_status, r.education, "
                f"r.hukou_address, r.work_or_school {_FROM} JOIN resident r "
                f"ON r.household_id = h.id WHERE {where} AND NOT r.deleted", params)
    return {r[0]: r[1:] for r in rows}


def _visits(db: Database, grid_id: str, building_id: str | None) -> dict[str, list[tuple]]:
    where, params = _scope(grid_id, building_id)
    rows = _raw(db, "SELECT v.household_id, v.visit_date, v.visitor, v.findings, v.requests "
                f"{_FROM} JOIN visit v ON v.household_id = h.id WHERE {where} "
                "AND NOT v.deleted AND NOT h.deleted ORDER BY v.visit_date DESC", params)
    out: dict[str, list[tuple]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(r[1:])
    return out


def _members(service: HouseholdService, grid_id: str,
             building_id: str | None) -> dict[str, list[ResidentRow]]:
    rows = service.residents(ResidentQuery(grid_id=grid_id, building_id=building_id))
    out: dict[str, list[ResidentRow]] = {}
    for row in rows:
        out.setdefault(row.household_id, []).append(row)
    for members in out.values():  # the head first, then by relation code (GB/T 4761)
        members.sort(key=lambda m: (m.relation != "02", m.relation))
    return out


def _grid_worker(service: HouseholdService, grid_id: str) -> str | None:
    """The grid's current 网格长, else its 专职网格员."""
    roles = service.roles(grid_id)
    for wanted in ("leader", "full_time"):
        names = [r.person_name for r in roles if r.role == wanted]
        if names:
            return "、".join(names)
    return None


def _month(day: dt.date | None) -> str | None:
    return f"{day.year}.{day.month:02d}" if day else None


@dataclass(frozen=True)
class _View:
    """Whom a ledger is made for and how much of a resident it shows them."""

    actor: Actor
    own_grid: bool
    today: dt.date

    def person(self, row: ResidentRow) -> dict[str, object]:
        return privacy.present(self.actor, row._asdict(), own_grid=self.own_grid,
                               today=self.today)

    def address(self, address: str) -> str:
        return str(privacy.present(self.actor, {"address": address},
                                   own_grid=self.own_grid)["address"] or "")

    @property
    def full_address(self) -> bool:
        return access.shows(self.actor, access.ADDRESS, own_grid=self.own_grid) == access.FULL

    @property
    def note(self) -> str:
        return GRID_BOOK_NOTE if self.full_address else MASKED_BOOK_NOTE


def _view(actor: Actor | None, grid_id: str | None, today: dt.date, *,
          book: bool) -> _View:
    """The view of a ledger of ``grid_id``; a grid worker is refused other grids.
    ``book``: the grid worker's own book (full addresses of their grid; in a folder
    without accounts every grid's book, as before accounts)."""
    who = actor or Actor.open()
    who.require_grid(grid_id)
    return _View(who, book and (who.is_open or (who.grid_scoped and grid_id in who.grids)),
                 today)


def form_cells(row: ResidentRow, details: tuple | None,
               view: _View | None = None) -> tuple[str | None, ...]:
    """The 13 member cells of one resident, as ``view`` shows them (default: masked)."""
    shown = (view or _View(Actor.open(), False, dt.date.today())).person(row)
    ethnicity, political, education, hukou, work = details or (None,) * 5
    birth = shown["birth_date"]
    return (
        str(shown["name"]),
        zh_label(RELATION_TO_HEAD, row.relation),
        zh_label(SEX, row.sex),
        zh_label(ETHNICITY, ethnicity),
        _month(birth if isinstance(birth, dt.date) else None),
        shown["id_number"],  # type: ignore[return-value]
        zh_label(POLITICAL_STATUS, political),
        zh_label(EDUCATION, education),
        hukou,
        zh_label(RESIDENCE_STATUS, row.residence_status),
        zh_label(POPULATION_TYPES, row.population_type),
        shown["mobile"],  # type: ignore[return-value]
        work,
    )


# --------------------------------------------------------------------------
# 网格户情登记表
# --------------------------------------------------------------------------


def _boxes() -> tuple[str, str]:
    """Checked and empty box: ☑ ☐ when the font has them, else [√] [ ]."""
    if not fonts.missing_chars("☑☐"):
        return "☑", "☐"
    return "[√]", "[ ]"


def _care_cells(members: Sequence[ResidentRow], disability: dict[str, str]) -> list[str]:
    checked, empty = _boxes()
    cells = []
    for code in CARE_TAGS:
        who = [m.name + (f"（{disability[m.id]}）" if code.code == "disabled"
                         and m.id in disability else "")
               for m in members if code.code in m.tags]
        if who:
            cells.append(f"{checked} {code.zh()}：{'、'.join(who)}")
        else:
            cells.append(f"{empty} {code.zh()}")
    return cells


def _disability(service: HouseholdService, members: Sequence[ResidentRow]) -> dict[str, str]:
    out = {}
    for member in members:
        if "disabled" not in member.tags:
            continue
        for tag in service.tag_rows(member.id):
            if tag.tag == "disabled" and (tag.disability_type or tag.disability_grade):
                out[member.id] = "".join(
                    part for part in (zh_label(DISABILITY_TYPES, tag.disability_type),
                                      zh_label(DISABILITY_GRADES, tag.disability_grade)) if part)
    return out


def _section(writer: PageWriter, text: str) -> None:
    writer.ensure_space(INFO_SIZE * 4)
    writer.draw_paragraph(text, INFO_SIZE, bold=True, space_before=6.0)
    writer.y -= 2


def _draw_form(writer: PageWriter, *, unit: str, street: str, grid: _Grid, worker: str | None,
               household: _Household, members: Sequence[ResidentRow],
               details: dict[str, tuple], visits: Sequence[tuple],
               disability: dict[str, str], today: dt.date, view: _View) -> None:
    writer.draw_heading(FORM_TITLE, unit=unit, date=today)
    info = TableDrawer(writer, _INFO_COLUMNS, header=False)
    info.add_row(("街道", street, "社区", unit))
    info.add_row(("网格", f"{grid.name}（{grid.code}）", "网格员", worker))
    info.add_row(("住址", view.address(household.address), "户号", household.number))
    info.add_row(("房屋用途", zh_label(HOUSE_USES, household.use),
                  "户别", zh_label(HOUSEHOLD_KINDS, household.kind)))
    info.finish()

    _section(writer, f"家庭成员（共 {len(members)} 人）")
    table = TableDrawer(writer, MEMBER_COLUMNS, font_size=FORM_FONT_SIZE)
    for member in members:
        table.add_row(form_cells(member, details.get(member.id), view))
    if not members:
        table.add_row(())
    table.finish()

    if shows(view.actor, CARE_TAG_FIELD) != HIDDEN:
        _section(writer, "关爱对象")
        boxes = TableDrawer(writer, _CARE_BOX_COLUMNS, header=False, font_size=8.0)
        cells = _care_cells(members, disability)
        per_row = len(_CARE_BOX_COLUMNS)
        for start in range(0, len(cells), per_row):
            boxes.add_row(cells[start:start + per_row])
        boxes.finish()

    last = f"（最近一次：{format_date(household.last_visit)}）" if household.last_visit else ""
    _section(writer, f"走访记录{last}")
    log = TableDrawer(writer, _VISIT_COLUMNS, font_size=8.0)
    for visit_date, visitor, findings, requests in visits[:VISITS_ON_FORM]:
        day = dt.date.fromisoformat(visit_date) if isinstance(visit_date, str) else visit_date
        log.add_row((f"{day.year}.{day.month:02d}.{day.day:02d}", visitor, findings, requests))
    if not visits:
        log.add_row(())
    signatures = ("户主", "网格员")
    log.finish(keep_with=writer.paragraph_height(view.note, NOTE_SIZE, space_before=4.0)
               + writer.signatures_height(signatures))
    writer.draw_paragraph(view.note, NOTE_SIZE, space_before=4.0)
    writer.draw_signatures(signatures)


def render_household_forms(db: Database, path: str | os.PathLike[str], *, unit: str,
                           grid_id: str, building_id: str | None = None, street: str = "",
                           progress: Callable[[int, int], bool] | None = None,
                           today: dt.date | None = None,
                           actor: Actor | None = None) -> LedgerResult:
    """网格户情登记表 for every current household of a grid (or one building of it),
    each starting on a new A4 portrait page, in one PDF, as ``actor`` (default: an
    open folder's user) may see it: full addresses for a grid worker of the grid, a
    grid worker of another grid refused (PermissionDenied).

    ``progress(done_households, total)`` returning False cancels (``Cancelled``,
    no file written). ``LedgerResult.rows`` is the number of households.
    """
    day = today or dt.date.today()
    view = _view(actor, grid_id, day, book=True)
    service = HouseholdService(db)
    grid = _grid(service, grid_id)
    households = _households(db, grid_id, building_id)
    members = _members(service, grid_id, building_id)
    details = _details(db, grid_id, building_id)
    visits = _visits(db, grid_id, building_id)
    worker = _grid_worker(service, grid_id)
    total = len(households)

    check = progress_check(progress, total)
    check(0)
    with open_ledger(path, title=FORM_TITLE, subject=unit) as writer:
        for done, household in enumerate(households, start=1):
            if done > 1:
                writer.new_page()
            people = members.get(household.id, [])
            _draw_form(writer, unit=unit, street=street, grid=grid, worker=worker,
                       household=household, members=people, details=details,
                       visits=visits.get(household.id, []),
                       disability=_disability(service, people), today=day, view=view)
            if done % 10 == 0:
                check(done)
        if not households:
            writer.draw_heading(FORM_TITLE, unit=unit, date=day)
            writer.draw_paragraph(f"{grid.name}没有登记的住户。", INFO_SIZE)
        check(total)
    return ledger_result(path, writer, total)



# --------------------------------------------------------------------------
# 网格户情汇总表
# --------------------------------------------------------------------------


def summary_rows(db: Database, grid_id: str,
                 view: _View | None = None) -> list[tuple[str | None, ...]]:
    view = view or _view(None, grid_id, dt.date.today(), book=True)
    service = HouseholdService(db)
    details = _details(db, grid_id, None)
    members = _members(service, grid_id, None)
    rows = []
    for household in _households(db, grid_id, None):
        address = view.address(household.address)
        for member in members.get(household.id, []):
            rows.append((str(len(rows) + 1), address,
                         *form_cells(member, details.get(member.id), view)))
    return rows


def render_grid_summary(db: Database, path: str | os.PathLike[str], *, unit: str,
                        grid_id: str, progress: Callable[[int, int], bool] | None = None,
                        today: dt.date | None = None,
                        actor: Actor | None = None) -> LedgerResult:
    """The grid's residents with the form's member columns plus 地址, A4 landscape, as
    ``actor`` may see them (see :func:`render_household_forms`)."""
    day = today or dt.date.today()
    view = _view(actor, grid_id, day, book=True)
    grid = _grid(HouseholdService(db), grid_id)
    rows = summary_rows(db, grid_id, view)
    ledger = TableLedger(
        title=SUMMARY_TITLE,
        unit=unit,
        date=day,
        subtitle=f"（{grid.name}，网格代码 {grid.code}）",
        columns=SUMMARY_COLUMNS,
        rows=rows,
        landscape=True,
        signatures=("网格员", "填表人"),
        notes=(f"共 {len(rows)} 人。{view.note}",),
        row_count_hint=len(rows),
    )
    return render_table_ledger(ledger, path, progress=progress)


# --------------------------------------------------------------------------
# 关爱对象名单
# --------------------------------------------------------------------------


def care_rows(db: Database, tag: str, grid_id: str | None, today: dt.date,
              actor: Actor | None = None) -> Iterator[tuple[str | None, ...]]:
    view = _view(actor, grid_id, today, book=False)
    service = HouseholdService(db, today=today)
    grids = {g.id: g.name for g in service.list_grids()}
    rows = service.residents(ResidentQuery(grid_id=grid_id, tag=tag))
    for index, row in enumerate(rows, start=1):
        remark = None
        if tag == "disabled":
            remark = "；".join(
                "".join(p for p in (zh_label(DISABILITY_TYPES, t.disability_type),
                                    zh_label(DISABILITY_GRADES, t.disability_grade)) if p)
                for t in service.tag_rows(row.id) if t.tag == "disabled") or None
        shown = view.person(row)
        yield (
            str(index),
            str(shown["name"]),
            zh_label(SEX, row.sex),
            str(age_on(row.birth_date, today)) if row.birth_date else None,
            shown["address"],  # type: ignore[misc]
            shown["mobile"],  # type: ignore[misc]
            grids.get(row.grid_id),
            remark,
        )


def render_care_list(db: Database, path: str | os.PathLike[str], *, unit: str, tag: str,
                     grid_id: str | None = None,
                     progress: Callable[[int, int], bool] | None = None,
                     today: dt.date | None = None,
                     actor: Actor | None = None) -> LedgerResult:
    """名单 of the residents with a care tag (code or Chinese label), in one grid or the
    whole community. A control tag raises UserError: it is never printed on a list.
    A grid worker (``actor``) gets the list of one of their grids only; a role that
    may not see care tags is refused (PermissionDenied)."""
    code = care_tag_code(tag)
    day = today or dt.date.today()
    _view(actor, grid_id, day, book=False)  # refuses another grid first
    if shows(actor, CARE_TAG_FIELD) == HIDDEN:
        raise PermissionDenied(MSG_DENIED, role=role_term(actor.role if actor else ""),
                               permission=AccessTerm(PERMISSION_LABELS[HOUSEHOLDS_EDIT]))
    subtitle = None
    if grid_id is not None:
        grid = _grid(HouseholdService(db), grid_id)
        subtitle = f"（{grid.name}）"
    rows = list(care_rows(db, code, grid_id, day, actor))
    ledger = TableLedger(
        title=care_list_title(code),
        unit=unit,
        date=day,
        subtitle=subtitle,
        columns=CARE_COLUMNS,
        rows=rows,
        signatures=("网格员", "填表人"),
        notes=(f"共 {len(rows)} 人。联系电话、地址按个人信息保护要求部分隐去。",),
        row_count_hint=len(rows),
    )
    return render_table_ledger(ledger, path, progress=progress)
