"""Every ledger declared once: the command line's ``ledger`` sub-commands and the
tabs' print menus are made from :data:`LEDGERS`, and both record a ledger in the
audit log under the same target.

No Qt here. Texts are English source strings marked for translation: the CLI's in
context ``cli`` (help), the window's in context ``ledgers`` (menu, preview title,
progress label).
"""

from __future__ import annotations

import datetime as dt
import importlib
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gridoffice.domain import privacy
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP

#: permissions a later accounts policy enforces
PRINT = "print"
PRINT_PERSONAL = "print_personal"  # ledgers with ID numbers, phones or addresses

#: the tabs whose print menus list ledgers
AREAS = ("workbench", "roster", "households", "meetings", "inservice", "cobuild", "sync")

MSG_NO_SUCH_ORG = QT_TRANSLATE_NOOP(
    "errors", "Organisation: there is no organisation called {name}."
)


@dataclass(frozen=True)
class Parameter:
    """One option of a ledger, as the command line takes it."""

    name: str  # the argparse dest and the key in the values
    flags: tuple[str, ...]
    help: str
    metavar: str | None = None
    kind: str = "text"  # text, date, year or period: the CLI checks and converts it
    choices: tuple[str, ...] | None = None
    default: Any = None
    required: bool = False
    #: parameters sharing a group: exactly one of them is given
    group: str = ""


@dataclass(frozen=True)
class MenuAction:
    """One entry of a tab's print menu for a ledger (``key`` tells the tab which)."""

    key: str
    text: str
    shortcut: str = ""
    tip: str = ""


@dataclass(frozen=True)
class Ledger:
    """A ledger: how the command line and the window ask for it, make it and record it."""

    name: str  # the CLI sub-command and the audit target's base
    title: str  # the form's Chinese title
    help: str  # the CLI help line (context ``cli``)
    render: str  # "module:function", imported when the ledger is made
    #: the keys of the values that are passed to ``render`` as keyword arguments
    render_keys: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    #: ``prepare(db, values) -> values``: the command line's parameters read into what
    #: ``render`` takes (names looked up in the database); None: taken as they are
    prepare: Callable[[Any, dict[str, Any]], dict[str, Any]] | None = None
    #: parts joined with ":"; a part whose value is empty is left out
    audit_target: tuple[str, ...] = ()
    unit_label: str = "行 rows"  # what the CLI's summary line counts
    #: parts of the suggested PDF name joined with "_"; a part whose value is empty
    #: is left out (``{today}`` is today's date)
    file_name: tuple[str, ...] = ()
    permission: str = PRINT
    area: str | None = None  # the tab whose print menu lists it; None: the CLI only
    actions: tuple[MenuAction, ...] = ()  # the print menu's entries (context ``ledgers``)
    preview_title: str = ""  # context ``ledgers``
    progress_label: str = ""  # context ``ledgers``
    output: str = "pdf"  # "pdf" (one file) or "folder" (one PDF per part)
    cli: bool = True  # offered on the command line
    separator_before: bool = False  # in the print menu
    #: a grid worker's book of one grid (``grid_id``): full addresses for them
    grid_book: bool = False

    def render_function(self) -> Callable[..., Any]:
        module, _colon, name = self.render.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]

    def arguments(self, db: Any, values: Mapping[str, Any]) -> dict[str, Any]:
        """The values with the command line's names read (``prepare``)."""
        given = dict(values)
        return self.prepare(db, given) if self.prepare is not None else given

    def render_arguments(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return {key: values[key] for key in self.render_keys if key in values}

    def own_grid(self, values: Mapping[str, Any]) -> bool:
        """Whether the ledger is the book of one of its actor's own grids."""
        actor = values.get("actor")
        if not self.grid_book:
            return False
        if actor is None or actor.is_open:  # no accounts: every grid's book, as before
            return True
        return actor.grid_scoped and values.get("grid_id") in actor.grids

    def needs_reason(self, values: Mapping[str, Any]) -> bool:
        """Whether the ledger, made for ``values["actor"]`` (none: an open folder's user),
        shows more than the masked default, and so asks for a reason."""
        return privacy.needs_reason(values.get("actor"), own_grid=self.own_grid(values))

    def reason(self, values: Mapping[str, Any]) -> str:
        """``values["reason"]`` when the ledger needs one (UserError if it is missing),
        else ""."""
        return privacy.require_reason(values.get("actor"), values.get("reason"),
                                      own_grid=self.own_grid(values))

    def audit_detail(self, values: Mapping[str, Any], detail: Any) -> str | None:
        """The audit entry's detail for an output to ``detail`` (a path): with the reason
        when the ledger needs one (refused without), else None (the path)."""
        reason = self.reason(values)
        return privacy.with_reason(str(detail), reason) if reason else None

    def make(self, db: Any, path: Any, *, unit: str, values: Mapping[str, Any],
             progress: Any = None) -> Any:
        """Render the ledger into ``path`` (a file, or a folder for ``output="folder"``);
        refused before anything is written when it needs a reason and has none."""
        self.reason(values)
        kwargs = self.render_arguments(values)
        if progress is not None:
            kwargs["progress"] = progress
        return self.render_function()(db, path, unit=unit, **kwargs)

    def target(self, values: Mapping[str, Any]) -> str:
        """The audit log's target, e.g. ``care_list:living_alone``."""
        return ":".join(_parts(self.audit_target, values))

    def suggested_name(self, values: Mapping[str, Any]) -> str:
        return "_".join(_parts(self.file_name, values)) + ".pdf"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = getattr(value, "text", None)  # a Period
    return str(text if isinstance(text, str) else value)


def _parts(patterns: tuple[str, ...], values: Mapping[str, Any]) -> list[str]:
    """Each pattern filled from ``values``; a pattern with an empty value is left out."""
    known = {"today": dt.date.today(), **values}
    out = []
    for pattern in patterns:
        names = [n for _lit, n, _spec, _conv in string.Formatter().parse(pattern) if n]
        filled = {n: _text(known.get(n)) for n in names}
        if names and not all(filled.values()):
            continue
        out.append(pattern.format(**filled))
    return out


# --- reading the command line's values --------------------------------------------------
def find_org(db: Any, name: str | None) -> tuple[str | None, str | None]:
    """(id, full name) of the organisation called ``name`` (full or short name)."""
    if not name:
        return None, None
    from gridoffice.services.orgs import OrgService

    wanted = " ".join(name.split())
    for node in OrgService(db).list_orgs():
        if wanted in (node.name, node.short_name):
            return node.id, node.name
    raise UserError(MSG_NO_SUCH_ORG, name=wanted)


def _org(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    values["org_id"], values["org_name"] = find_org(db, values.get("org"))
    return values


def _profile(db: Any) -> Any:
    from gridoffice.services import office

    return office.load_profile(db.path)


def _household_forms(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.ledgers import household_ledger

    profile = _profile(db)
    grid_id, _name = household_ledger.find_grid(db, values["grid"], values.get("community"))
    building = values.get("building")
    values.update(grid_id=grid_id, street=profile.street if profile else "",
                  building_id=household_ledger.find_building(db, grid_id, building)
                  if building else None)
    return values


def _grid(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.ledgers import household_ledger

    grid = values.get("grid")
    values["grid_id"] = (household_ledger.find_grid(db, grid, values.get("community"))[0]
                         if grid else None)
    return values


def _care(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.ledgers import household_ledger

    values["tag"] = household_ledger.care_tag_code(values["tag"])
    return _grid(db, values)


def _meeting(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.ledgers import minutes_ledger

    values["meeting_id"] = (minutes_ledger.find_meeting(db, values["meeting"])
                            if values.get("meeting")
                            else minutes_ledger.council_on(db, values["date"]))
    return values


def _street_summary(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.services import office

    # 填报单位 is the office that prints it. A community office prints its own line,
    # under its own name, to send up to its street office: that is what the street
    # asks it for, and the street's name would claim the street filled it in.
    values["year"] = values.get("year") or dt.date.today().year
    profile = _profile(db)
    values["community"] = None
    if profile is not None and not profile.is_street:
        values["community"] = (office.office_id_for(profile), profile.street)
    return values


MSG_NOT_A_MONTH = QT_TRANSLATE_NOOP(
    "errors", "--month: {text} is not one month; write it like 2026-07 or 2026年7月.")


def report_period(start: dt.date, end: dt.date) -> dict[str, Any]:
    """The report's values for a month or a year: ``start``, ``end`` and the ``period`` of
    its file name and audit entry (``2026-07`` or ``2026``)."""
    from gridoffice.services.workbench import whole_year

    return {"start": start, "end": end,
            "period": str(start.year) if whole_year(start, end) else f"{start:%Y-%m}"}


def _report_period(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    """``--month`` (a period that is one month) or ``--year`` into :func:`report_period`."""
    month, year = values.get("month"), values.get("year")
    if month is not None:
        if (month.start.year, month.start.month) != (month.end.year, month.end.month):
            raise UserError(MSG_NOT_A_MONTH, text=month.text)
        return values | report_period(month.start, month.end)
    year = year or dt.date.today().year
    return values | report_period(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _registration(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.ledgers import inservice_ledger

    code = values.get("code")
    values["registration_id"] = inservice_ledger.find_registration(db, code) if code else None
    return values


def _work_unit(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.ledgers import inservice_ledger

    name = values.get("unit")
    values["work_unit_id"] = inservice_ledger.find_work_unit(db, name) if name else None
    return values


# --- the parameters ---------------------------------------------------------------------
def _year(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    values["year"] = values.get("year") or dt.date.today().year
    return values


MSG_NO_SUCH_ORDER = QT_TRANSLATE_NOOP("errors", "Order: there is no order numbered {code}.")
MSG_ORDER_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "errors", "Order: {count} communities have an order numbered {code}; print it from the "
    "co-building tab.")


def _order(db: Any, values: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.store.files import connect

    code = values.get("order")
    values["order_id"] = None
    if code:
        conn = connect(db.path, read_only=True)
        try:
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM service_order WHERE code = ? AND NOT deleted", (code,))]
        finally:
            conn.close()
        if not ids:
            raise UserError(MSG_NO_SUCH_ORDER, code=code)
        if len(ids) > 1:
            raise UserError(MSG_ORDER_AMBIGUOUS, count=len(ids), code=code)
        values["order_id"] = ids[0]
    return values


def _grid_parameters(*, required: bool, text: str) -> tuple[Parameter, ...]:
    return (Parameter("grid", ("--grid",), text, metavar="GRID", required=required),
            Parameter("community", ("--community",), QT_TRANSLATE_NOOP(
                "cli", "at a street office: the community whose grid is meant"),
                metavar="NAME"))


_GRID_TEXT = QT_TRANSLATE_NOOP("cli", "the grid (its code or name)")
_PERIOD_HELP = QT_TRANSLATE_NOOP(
    "cli", "a year, half, quarter or month: 2026, 2026H1, 2026Q3, 2026-07 (also "
    "2026年上半年, 2026年第3季度, 2026年7月)")
_CODE = Parameter("code", ("--code",), QT_TRANSLATE_NOOP(
    "cli", "only this member (their code, e.g. ZB0001)"), metavar="ZB0001")
_MEETING = (
    Parameter("meeting", ("--meeting",), QT_TRANSLATE_NOOP(
        "cli", "the meeting number shown in the program, e.g. 20261110-1"),
        metavar="ID", group="which"),
    Parameter("date", ("--date",), QT_TRANSLATE_NOOP(
        "cli", "the resident council held on this day (e.g. 2026-11-10)"),
        metavar="DATE", kind="date", group="which"),
)
_SELECTED_OR_ALL = "selected", "all"
_INSERVICE = "gridoffice.ledgers.inservice_ledger:"
_COBUILD = "gridoffice.ledgers.cobuild_ledger:"
_YEAR = Parameter("year", ("--year",), QT_TRANSLATE_NOOP("cli", "the year (default: this year)"),
                  metavar="YYYY", kind="year")
_MINUTES = "gridoffice.ledgers.minutes_ledger:"
_HOUSEHOLDS = "gridoffice.ledgers.household_ledger:"
_REASON = Parameter("reason", ("--reason",), QT_TRANSLATE_NOOP(
    "cli", "why a grid worker prints their grid with full addresses (e.g. 入户走访); "
    "written to the audit log"), metavar="TEXT")

LEDGERS: tuple[Ledger, ...] = (
    Ledger(
        "orgs", "党组织设置一览表",
        QT_TRANSLATE_NOOP("cli", "党组织设置一览表: the party organisations"),
        "gridoffice.ledgers.org_ledger:render_org_ledger", ("as_of",),
        (Parameter("as_of", ("--as-of",), QT_TRANSLATE_NOOP(
            "cli", "organisations and seats as they were on this day (e.g. 2026-11-01)"),
            metavar="DATE", kind="date"),),
        audit_target=("orgs",), file_name=("党组织设置一览表", "{today}"), area="roster",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Ledger of party organisations…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Ledger of party organisations"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the ledger of party organisations…")),
    Ledger(
        "roster", "党员花名册", QT_TRANSLATE_NOOP("cli", "党员花名册: the party-member roster"),
        "gridoffice.ledgers.roster_ledger:render_roster_ledger",
        ("org_id", "org_name", "as_of", "actor"),
        (Parameter("org", ("--org",), QT_TRANSLATE_NOOP(
            "cli", "an organisation (full or short name) and its sub-organisations"),
            metavar="NAME"),
         Parameter("as_of", ("--as-of",), QT_TRANSLATE_NOOP(
             "cli", "the members who belonged on this day (e.g. 2026-11-01)"),
             metavar="DATE", kind="date")),
        prepare=_org, audit_target=("roster",),
        file_name=("党员花名册", "{org_short}", "{day}"), permission=PRINT_PERSONAL,
        area="roster",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Roster of party members…"),
                            "Ctrl+P", QT_TRANSLATE_NOOP("ledgers", "党员花名册 of the chosen "
                                                        "organisation, as PDF (Ctrl+P)")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Roster of party members"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the roster of party members…")),
    Ledger(
        "household", "网格户情登记表",
        QT_TRANSLATE_NOOP("cli", "网格户情登记表: one form per household"),
        _HOUSEHOLDS + "render_household_forms",
        ("grid_id", "building_id", "street", "actor"),
        (*_grid_parameters(required=True, text=_GRID_TEXT),
         Parameter("building", ("--building",), QT_TRANSLATE_NOOP(
             "cli", "only this building of the grid"), metavar="NUMBER"), _REASON),
        prepare=_household_forms, audit_target=("household_forms",),
        unit_label="户 households", file_name=("网格户情登记表", "{today}"),
        permission=PRINT_PERSONAL, area="households", grid_book=True,
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Household forms…"),
                            tip=QT_TRANSLATE_NOOP("ledgers", "One form per household of the "
                                                  "grid or building shown")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Household forms"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the household forms…")),
    Ledger(
        "grid", "网格户情汇总表",
        QT_TRANSLATE_NOOP("cli", "网格户情汇总表: the residents of a grid"),
        _HOUSEHOLDS + "render_grid_summary", ("grid_id", "actor"),
        (*_grid_parameters(required=True, text=_GRID_TEXT), _REASON),
        prepare=_grid, audit_target=("grid_summary",), file_name=("网格户情汇总表", "{today}"),
        permission=PRINT_PERSONAL, area="households", grid_book=True,
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Grid summary…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Grid summary"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the grid summary…")),
    Ledger(
        "care", "关爱对象名单",
        QT_TRANSLATE_NOOP("cli", "关爱对象名单: the residents with a care tag"),
        _HOUSEHOLDS + "render_care_list", ("tag", "grid_id", "actor"),
        (Parameter("tag", ("--tag",), QT_TRANSLATE_NOOP(
            "cli", "the care tag, its Chinese name or code (e.g. 独居老人 or living_alone)"),
            metavar="TAG", required=True),
         *_grid_parameters(required=False, text=QT_TRANSLATE_NOOP(
             "cli", "only this grid (its code or name; default: the whole community)"))),
        prepare=_care, audit_target=("care_list", "{tag}"), file_name=("{tag}", "{today}"),
        permission=PRINT_PERSONAL, area="households",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "List by care tag…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "List by care tag"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the list…")),
    Ledger(
        "minutes", "会议记录", QT_TRANSLATE_NOOP("cli", "会议记录 with its 签到表: one meeting"),
        _MINUTES + "render_minutes", ("meeting_id",), _MEETING, prepare=_meeting,
        audit_target=("meeting_minutes",), unit_label="个议题 agenda items",
        file_name=("会议记录", "{ref}"), area="meetings",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Minutes…"), "Ctrl+P"),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Minutes"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the minutes…")),
    Ledger(
        "sign-in", "签到表", "", _MINUTES + "render_sign_in_sheet", ("meeting_id",),
        audit_target=("meeting_sign_in", "{meeting_id}"), unit_label="人 people",
        file_name=("签到表", "{ref}"), area="meetings", cli=False,
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Sign-in sheet…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Sign-in sheet"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the sign-in sheet…")),
    Ledger(
        "followups", "议事会决议落实情况跟踪表",
        QT_TRANSLATE_NOOP("cli", "议事会决议落实情况跟踪表: the follow-ups of resolutions"),
        _MINUTES + "render_follow_up_ledger", ("year",),
        (Parameter("year", ("--year",), QT_TRANSLATE_NOOP(
            "cli", "only the meetings of this year (default: all)"),
            metavar="YYYY", kind="year"),),
        audit_target=("meeting_follow_ups",), unit_label="件 follow-ups",
        file_name=("决议落实情况跟踪表", "{file_year}"), area="meetings",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Follow-up ledger…"),
                            tip=QT_TRANSLATE_NOOP("ledgers", "The follow-ups of the year "
                                                  "chosen on the follow-up page (or all)")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Follow-up tracking"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the follow-up ledger…"),
        separator_before=True),
    Ledger(
        "meetings-summary", "年度会议情况汇总表",
        QT_TRANSLATE_NOOP("cli", "年度会议情况汇总表: the meetings of a year"),
        _MINUTES + "render_year_summary", ("year",),
        (Parameter("year", ("--year",), QT_TRANSLATE_NOOP("cli", "the year"),
                   metavar="YYYY", kind="year", required=True),),
        audit_target=("meeting_summary", "{year}"), unit_label="次议事会 councils",
        file_name=("年度会议情况汇总表", "{year}"), area="meetings",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Year summary…"),
                            tip=QT_TRANSLATE_NOOP("ledgers", "Meetings of the year chosen in "
                                                  "the filter (or this year)")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Year summary"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the year summary…")),
    Ledger(
        "street-summary", "街道社区工作情况汇总表",
        QT_TRANSLATE_NOOP("cli", "街道社区工作情况汇总表: the figures of each community"),
        "gridoffice.ledgers.street_ledger:render_street_summary",
        ("year", "community", "actor"),
        (Parameter("year", ("--year",), QT_TRANSLATE_NOOP(
            "cli", "meetings, follow-ups and points of this year (default: this year)"),
            metavar="YYYY", kind="year"),),
        prepare=_street_summary, audit_target=("street_summary", "{year}"),
        unit_label="个社区 communities", file_name=("街道社区工作情况汇总表", "{year}"),
        area="sync",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Street &summary…"), "Ctrl+P",
                            QT_TRANSLATE_NOOP("ledgers", "The summary of the communities' "
                                              "work: one line per community")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Street summary"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the street summary…")),
    Ledger(
        "report", "社区工作情况报表",
        QT_TRANSLATE_NOOP("cli", "社区工作情况报表: the figures and charts of a month or a "
                                 "year (the workbench on paper)"),
        "gridoffice.ledgers.report_ledger:render_work_report", ("start", "end", "actor"),
        (Parameter("month", ("--month",), QT_TRANSLATE_NOOP("cli", "one month"),
                   metavar="YYYY-MM", kind="period", group="period"),
         Parameter("year", ("--year",), QT_TRANSLATE_NOOP("cli", "one year"),
                   metavar="YYYY", kind="year", group="period")),
        prepare=_report_period, audit_target=("work_report", "{period}"),
        unit_label="张图表 charts", file_name=("社区工作情况报表", "{period}"),
        area="workbench",
        actions=(MenuAction("month", QT_TRANSLATE_NOOP("ledgers", "This &month's work report…"),
                            "Ctrl+P", QT_TRANSLATE_NOOP("ledgers", "社区工作情况报表: this "
                                                        "month's figures and the charts")),
                 MenuAction("year", QT_TRANSLATE_NOOP("ledgers", "This &year's work report…"),
                            "", QT_TRANSLATE_NOOP("ledgers", "社区工作情况报表: this year's "
                                                  "figures and the charts"))),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Work report"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the work report…")),
    Ledger(
        "checkin-register", "在职党员报到一览表",
        QT_TRANSLATE_NOOP("cli", "在职党员报到一览表: the in-service members"),
        _INSERVICE + "render_checkin_register", ("actor",),
        audit_target=("inservice_register",), unit_label="人 members",
        file_name=("在职党员报到一览表",), permission=PRINT_PERSONAL, area="inservice",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Register list…"), "Ctrl+P"),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Register list"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the register list…")),
    Ledger(
        "checkin-forms", "在职党员报到登记表",
        QT_TRANSLATE_NOOP("cli", "在职党员报到登记表: one page per member"),
        _INSERVICE + "render_checkin_forms", ("registration_id", "actor"), (_CODE,),
        prepare=_registration, audit_target=("inservice_forms",), unit_label="人 members",
        file_name=("在职党员报到登记表", "{code}"), permission=PRINT_PERSONAL,
        area="inservice", separator_before=True,
        actions=(MenuAction("selected", QT_TRANSLATE_NOOP(
                     "ledgers", "Registration form (selected)…")),
                 MenuAction("all", QT_TRANSLATE_NOOP("ledgers", "Registration forms (all)…"))),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Registration forms"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the registration forms…")),
    Ledger(
        "service-cards", "服务记录卡", QT_TRANSLATE_NOOP("cli", "服务记录卡: one card per member"),
        _INSERVICE + "render_service_cards", ("period", "registration_id"),
        (Parameter("period", ("--period",), _PERIOD_HELP, metavar="PERIOD", kind="period"),
         _CODE),
        prepare=_registration, audit_target=("inservice_service_cards", "{period}"),
        unit_label="张 cards", file_name=("服务记录卡", "{period}", "{code}"),
        area="inservice", separator_before=True,
        actions=(MenuAction("selected", QT_TRANSLATE_NOOP(
                     "ledgers", "Service record card (selected)…")),
                 MenuAction("all", QT_TRANSLATE_NOOP(
                     "ledgers", "Service record cards (all)…"))),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Service record cards"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the service record cards…")),
    Ledger(
        "points", "积分公示表", QT_TRANSLATE_NOOP("cli", "积分公示表: the public notice of points"),
        _INSERVICE + "render_points_notice", ("period", "work_unit_id"),
        (Parameter("period", ("--period",), _PERIOD_HELP, metavar="PERIOD", kind="period",
                   required=True),
         Parameter("unit", ("--unit",), QT_TRANSLATE_NOOP(
             "cli", "only the members of this work unit (双向公示)"), metavar="NAME")),
        prepare=_work_unit, audit_target=("inservice_points", "{period}"),
        unit_label="人 members", file_name=("在职党员积分公示表", "{period}", "{work_unit}"),
        area="inservice", separator_before=True,
        actions=(MenuAction("all", QT_TRANSLATE_NOOP("ledgers", "Points notice (all)…")),
                 MenuAction("unit", QT_TRANSLATE_NOOP(
                     "ledgers", "Points notice (selected unit)…"))),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Points notice"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the points notice…")),
    Ledger(
        "unit-letters", "工作单位反馈函",
        QT_TRANSLATE_NOOP("cli", "工作单位反馈函: one PDF per work unit, into a folder"),
        _INSERVICE + "render_unit_letters", ("period",),
        (Parameter("period", ("--period",), _PERIOD_HELP, metavar="PERIOD", kind="period",
                   required=True),),
        audit_target=("inservice_unit_letter", "{period}"), unit_label="人 members",
        output="folder", area="inservice",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Letters to the work units…")),),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Writing the letters to the work units…")),
    Ledger(
        "checkin-cards", "报到卡", QT_TRANSLATE_NOOP("cli", "报到卡 with QR codes, 8 a page"),
        _INSERVICE + "render_checkin_cards", ("registration_id",), (_CODE,),
        prepare=_registration, audit_target=("inservice_checkin_cards",),
        unit_label="张 cards", file_name=("报到卡", "{code}"), area="inservice",
        separator_before=True,
        actions=(MenuAction("selected", QT_TRANSLATE_NOOP(
                     "ledgers", "Check-in card with QR (selected)…")),
                 MenuAction("all", QT_TRANSLATE_NOOP(
                     "ledgers", "Check-in cards with QR (all)…"))),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Check-in cards"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the check-in cards…")),
    Ledger(
        "post-posters", "服务岗位二维码海报",
        QT_TRANSLATE_NOOP("cli", "服务岗位二维码海报: one page per open post"),
        _INSERVICE + "render_post_posters", audit_target=("inservice_post_posters",),
        unit_label="个岗位 posts", file_name=("服务岗位二维码海报",)),
    Ledger(
        "needs", "居民需求清单",
        QT_TRANSLATE_NOOP("cli", "需求清单: the residents' orders of a year"),
        _COBUILD + "render_needs", ("year", "actor"), (_YEAR,), prepare=_year,
        audit_target=("cobuild_needs", "{year}"), unit_label="个订单 orders",
        file_name=("居民需求清单", "{year}"), area="cobuild",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "List of &needs…"), "Ctrl+P"),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "List of needs"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the list of needs…")),
    Ledger(
        "resources", "共驻共建资源清单",
        QT_TRANSLATE_NOOP("cli", "资源清单: what units and members offer now"),
        _COBUILD + "render_resources", ("actor",), audit_target=("cobuild_resources",),
        unit_label="项 resources", file_name=("共驻共建资源清单", "{today}"), area="cobuild",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "List of &resources…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "List of resources"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the list of resources…")),
    Ledger(
        "services", "共驻共建服务清单",
        QT_TRANSLATE_NOOP("cli", "服务清单: the services and projects"),
        _COBUILD + "render_services", ("actor",), audit_target=("cobuild_services",),
        unit_label="个项目 projects", file_name=("共驻共建服务清单", "{today}"), area="cobuild",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "List of &services…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "List of services"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the list of services…")),
    Ledger(
        "units", "共驻共建单位一览表",
        QT_TRANSLATE_NOOP("cli", "共驻共建单位一览表: the units of the area"),
        _COBUILD + "render_units", ("actor",), audit_target=("cobuild_units",),
        unit_label="个单位 units", file_name=("共驻共建单位一览表", "{today}"), area="cobuild",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "List of &units…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "List of units"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the list of units…")),
    Ledger(
        "work-orders", "派单单",
        QT_TRANSLATE_NOOP("cli", "派单单: the work order for the unit, with a reply slip"),
        _COBUILD + "render_work_orders", ("order_id", "actor"),
        (Parameter("order", ("--order",), QT_TRANSLATE_NOOP(
            "cli", "only this order (its number, e.g. 2026-0012); default: every order "
            "given out and not finished"), metavar="NUMBER"),),
        prepare=_order, audit_target=("cobuild_work_orders", "{order}"),
        unit_label="张 orders", file_name=("派单单", "{order}"), permission=PRINT_PERSONAL,
        area="cobuild", separator_before=True,
        actions=(MenuAction("selected", QT_TRANSLATE_NOOP(
                     "ledgers", "&Work order (selected)…")),
                 MenuAction("all", QT_TRANSLATE_NOOP(
                     "ledgers", "Work orders (all given out)…"))),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Work orders"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the work orders…")),
    Ledger(
        "orders", "街道派单台账",
        QT_TRANSLATE_NOOP("cli", "街道派单台账: the orders sent up to the street, of a year"),
        _COBUILD + "render_street_orders", ("year", "actor"), (_YEAR,), prepare=_year,
        audit_target=("cobuild_street_orders", "{year}"), unit_label="个订单 orders",
        file_name=("街道派单台账", "{year}"), area="cobuild",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Ledger of orders sent up…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Orders sent up"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the ledger of orders sent up…")),
    Ledger(
        "review-forms", "共驻共建双向评议表",
        QT_TRANSLATE_NOOP("cli", "双向评议表: one survey page per unit"),
        _COBUILD + "render_review_forms", ("year", "actor"), (_YEAR,), prepare=_year,
        audit_target=("cobuild_review_forms", "{year}"), unit_label="个单位 units",
        file_name=("共驻共建双向评议表", "{year}"), area="cobuild", separator_before=True,
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Review surveys, one per unit…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Review surveys"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the review surveys…")),
    Ledger(
        "review", "共驻共建双向评议结果公示",
        QT_TRANSLATE_NOOP("cli", "双向评议结果: the year's two-way review, ranked"),
        _COBUILD + "render_review", ("year", "actor"), (_YEAR,), prepare=_year,
        audit_target=("cobuild_review", "{year}"), unit_label="个单位 units",
        file_name=("共驻共建双向评议结果公示", "{year}"), area="cobuild",
        actions=(MenuAction("", QT_TRANSLATE_NOOP("ledgers", "Review results notice…")),),
        preview_title=QT_TRANSLATE_NOOP("ledgers", "Review results"),
        progress_label=QT_TRANSLATE_NOOP("ledgers", "Making the review results…")),
)

_BY_NAME = {ledger.name: ledger for ledger in LEDGERS}


def by_name(name: str) -> Ledger:
    """The ledger called ``name`` (KeyError if there is none)."""
    return _BY_NAME[name]


def for_area(area: str) -> tuple[Ledger, ...]:
    """The ledgers of a tab's print menu, in the menu's order."""
    return tuple(ledger for ledger in LEDGERS if ledger.area == area)


def on_command_line() -> tuple[Ledger, ...]:
    return tuple(ledger for ledger in LEDGERS if ledger.cli)
