"""SQLModel tables. The DDL lives in ``migrations.py``; a test checks both agree."""

from __future__ import annotations

import datetime as dt

from pydantic import NaiveDatetime
from sqlmodel import Field, SQLModel


class Synced(SQLModel):
    """Columns every synced row carries (SYNC.md); stamped by ``database.py``."""

    id: str = Field(default="", primary_key=True)
    origin_office: str = ""
    hlc: int = 0
    writer: str = ""
    base_hlc: int | None = None
    deleted: bool = False
    local_seq: int = 0  # this copy's change sequence (what to send); never sent


class Org(Synced, table=True):
    """A party organisation: 党委, 党总支, 党支部, 党小组 …"""

    __tablename__ = "org"

    name: str
    short_name: str | None = None
    org_type: str
    parent_id: str | None = Field(default=None, foreign_key="org.id")
    grid_code: str | None = None
    established: dt.date | None = None
    term_end: dt.date | None = None
    retired_on: dt.date | None = None
    sort_order: int = 0


class CommitteeSeat(Synced, table=True):
    """Who held a committee seat of an organisation, from when to when."""

    __tablename__ = "committee_seat"

    org_id: str = Field(foreign_key="org.id")
    seat: str
    person_name: str
    member_id: str | None = None
    from_date: dt.date
    to_date: dt.date | None = None
    note: str | None = None
    unit_id: str | None = Field(default=None, foreign_key="work_unit.id")  # 兼职委员


class OrgEvent(Synced, table=True):
    """One dated change of an organisation: created, renamed, moved, retired …"""

    __tablename__ = "org_event"

    org_id: str = Field(foreign_key="org.id")
    on_date: dt.date
    kind: str
    detail: str = ""
    operator: str = ""




class Member(Synced, table=True):
    """A party member (党员). Never deleted: relation_status records how they left."""

    __tablename__ = "member"

    name: str
    former_name: str | None = None
    sex: str
    ethnicity: str | None = None
    birth_date: dt.date | None = None
    id_type: str = "resident"
    id_number: str | None = None  # 18-character form for resident ids
    id_number_original: str | None = None  # as entered (15 digits for old ids)
    native_place: str | None = None
    education: str | None = None
    degree: str | None = None
    mobile: str | None = None
    join_date: dt.date | None = None
    status: str  # full | probationary
    probation_extension_months: int = 0
    full_date: dt.date | None = None
    party_post: str | None = None
    category: str  # direct | in_service | mobile | retired
    hardship: bool = False
    center_household: bool = False
    star_rating: int | None = None
    org_id: str | None = Field(default=None, foreign_key="org.id")
    work_unit: str | None = None
    job: str | None = None
    unit_party_org: str | None = None
    grid_code: str | None = None
    address: str | None = None
    resident_id: str | None = None
    away_destination: str | None = None
    away_since: dt.date | None = None
    away_contact: str | None = None
    relation_status: str = "normal"
    status_date: dt.date | None = None
    note: str | None = None
    name_pinyin: str = ""
    name_initials: str = ""


class MemberPlacement(Synced, table=True):
    """A member belonged to an organisation from one date to another (None: still)."""

    __tablename__ = "member_placement"

    member_id: str = Field(foreign_key="member.id")
    org_id: str | None = Field(default=None, foreign_key="org.id")
    from_date: dt.date
    to_date: dt.date | None = None
    reason: str = ""


class MemberEvent(Synced, table=True):
    """One dated change in a member's life: joined, confirmed, transferred, died …"""

    __tablename__ = "member_event"

    member_id: str = Field(foreign_key="member.id")
    on_date: dt.date
    kind: str
    detail: str = ""
    operator: str = ""


class MemberTransfer(Synced, table=True):
    """Transfer of the party relationship (组织关系转接), in or out."""

    __tablename__ = "member_transfer"

    member_id: str = Field(foreign_key="member.id")
    direction: str  # in | out
    from_org: str = ""
    to_org: str = ""
    out_date: dt.date | None = None
    in_date: dt.date | None = None
    dues_paid_until: dt.date | None = None
    status: str  # TRANSFER_STATUS code
    note: str | None = None




class Grid(Synced, table=True):
    """A grid (网格): the patch one grid team knows door by door."""

    __tablename__ = "grid"

    code: str
    name: str
    grid_type: str = "city"
    dedicated_kind: str | None = None
    boundary: str | None = None
    branch_org_id: str | None = Field(default=None, foreign_key="org.id")
    retired_on: dt.date | None = None
    note: str | None = None


class GridRole(Synced, table=True):
    """A place in a grid's "1+2+X" team, from one date to another."""

    __tablename__ = "grid_role"

    grid_id: str = Field(foreign_key="grid.id")
    role: str
    person_name: str
    member_id: str | None = Field(default=None, foreign_key="member.id")
    resident_id: str | None = None
    phone: str | None = None
    from_date: dt.date
    to_date: dt.date | None = None


class Building(Synced, table=True):
    __tablename__ = "building"

    grid_id: str = Field(foreign_key="grid.id")
    estate: str = ""
    number: str
    units: int | None = None
    floors: int | None = None
    kind: str = "residential"


class House(Synced, table=True):
    __tablename__ = "house"

    building_id: str = Field(foreign_key="building.id")
    unit: str = ""
    room: str = ""
    owner: str | None = None
    use: str = "owner_occupied"


class Household(Synced, table=True):
    """A household (户) living in a house; its head is the resident whose relation is head."""

    __tablename__ = "household"

    house_id: str = Field(foreign_key="house.id")
    # The grid of the house, kept with the household (counts per grid are read often).
    grid_id: str | None = Field(default=None, foreign_key="grid.id")
    number: str | None = None
    kind: str = "family"
    center_member_id: str | None = Field(default=None, foreign_key="member.id")
    last_visit: dt.date | None = None
    dissolved_on: dt.date | None = None
    note: str | None = None


class Resident(Synced, table=True):
    """A person who lives (or lived) here: moving out and death are dated, never deletes."""

    __tablename__ = "resident"

    household_id: str = Field(foreign_key="household.id")
    name: str
    former_name: str | None = None
    sex: str
    birth_date: dt.date | None = None
    ethnicity: str | None = None
    id_type: str = "resident"
    id_number: str | None = None
    id_number_original: str | None = None
    political_status: str | None = None
    education: str | None = None
    marital_status: str | None = None
    relation: str
    hukou_address: str | None = None
    work_or_school: str | None = None
    mobile: str | None = None
    population_type: str = "registered"
    residence_status: str = "together"
    move_in_date: dt.date | None = None
    move_in_reason: str | None = None
    moved_out_on: dt.date | None = None
    move_out_reason: str | None = None
    died_on: dt.date | None = None
    member_id: str | None = Field(default=None, foreign_key="member.id")
    guardian_note: str | None = None
    note: str | None = None
    name_pinyin: str = ""
    name_initials: str = ""


class ResidentTag(Synced, table=True):
    """A care tag (低保户, 残疾人 …) or, kept apart, a control tag; dated."""

    __tablename__ = "resident_tag"

    resident_id: str = Field(foreign_key="resident.id")
    kind: str  # care | control
    tag: str
    disability_type: str | None = None
    disability_grade: str | None = None
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    note: str | None = None


class Visit(Synced, table=True):
    """A grid worker's visit to a household (入户走访)."""

    __tablename__ = "visit"

    household_id: str = Field(foreign_key="household.id")
    visit_date: dt.date
    visitor: str
    findings: str = ""
    requests: str = ""


class Meeting(Synced, table=True):
    """A resident council (居民议事会) or a 三会一课 meeting."""

    __tablename__ = "meeting"

    meeting_type: str
    session_no: int | None = None  # 第 N 期
    title: str = ""
    org_id: str | None = Field(default=None, foreign_key="org.id")
    start_at: NaiveDatetime
    end_at: NaiveDatetime | None = None
    place: str = ""
    host: str = ""
    recorder: str = ""
    status: str = "planned"
    # Local wall-clock times (NaiveDatetime): a meeting is at 14:30 where it is held.
    # Only for a meeting without a list of attendees (a lecture for everyone):
    # with a list, the counts are derived from it.
    headcount_expected: int | None = None
    headcount_present: int | None = None
    content: str = ""
    cancel_reason: str | None = None
    approved_on: dt.date | None = None
    approved_by: str | None = None
    note: str | None = None


class MeetingAttendee(Synced, table=True):
    """Someone expected at (or sitting in on) a meeting, and how they attended."""

    __tablename__ = "meeting_attendee"

    meeting_id: str = Field(foreign_key="meeting.id")
    person_kind: str = "free"  # resident | member | registration | free
    person_id: str | None = None
    name: str
    identity: str | None = None
    unit: str | None = None
    presence: str | None = None  # None until signed in
    absence_reason: str | None = None
    signed_at: NaiveDatetime | None = None
    sort_order: int = 0


class AgendaItem(Synced, table=True):
    __tablename__ = "agenda_item"

    meeting_id: str = Field(foreign_key="meeting.id")
    position: int = 0
    title: str
    source: str | None = None
    proposer: str | None = None
    content: str = ""


class AgendaSpeech(Synced, table=True):
    __tablename__ = "agenda_speech"

    item_id: str = Field(foreign_key="agenda_item.id")
    position: int = 0
    speaker: str
    summary: str = ""


class Resolution(Synced, table=True):
    """A decision voted on under an agenda item; ``result`` follows the vote rule
    unless deferred (暂缓) by hand."""

    __tablename__ = "resolution"

    item_id: str = Field(foreign_key="agenda_item.id")
    position: int = 0
    text: str
    method: str = "hands"
    yes: int = 0
    no: int = 0
    abstain: int = 0
    result: str


class FollowUp(Synced, table=True):
    """Who carries out a resolution by when (落实); 逾期 is derived, not stored."""

    __tablename__ = "follow_up"

    resolution_id: str = Field(foreign_key="resolution.id")
    meeting_id: str = Field(foreign_key="meeting.id")
    task: str
    owner: str
    due_date: dt.date | None = None
    status: str = "todo"
    done_on: dt.date | None = None
    feedback: str = ""
    published: bool = False


class MeetingAmendment(Synced, table=True):
    """A change to approved minutes: when, who, why and what."""

    __tablename__ = "meeting_amendment"

    meeting_id: str = Field(foreign_key="meeting.id")
    amended_at: NaiveDatetime
    operator: str = ""
    reason: str
    change: str = ""


class MeetingAttachment(Synced, table=True):
    """A photo or scan (the signed sign-in sheet) kept with the data."""

    __tablename__ = "meeting_attachment"

    meeting_id: str = Field(foreign_key="meeting.id")
    kind: str = "other"
    file_name: str
    mime: str
    size: int
    sha256: str
    content: bytes
    added_at: NaiveDatetime
    note: str | None = None


class WorkUnit(Synced, table=True):
    """A unit of the area (驻区单位): where in-service members work, a partner in
    co-building with its agreement (共建协议); one list per community."""

    __tablename__ = "work_unit"

    name: str
    unit_type: str = "government"
    party_org: str | None = None
    contact: str | None = None
    phone: str | None = None
    address: str | None = None
    retired_on: dt.date | None = None
    note: str | None = None
    agreement_signed: dt.date | None = None
    agreement_until: dt.date | None = None
    agreement_content: str | None = None


class Registration(Synced, table=True):
    """An in-service member's report to the community (报到). Linked to the member or
    resident record when there is one: the person is not copied, the name kept here
    is for lists only."""

    __tablename__ = "registration"

    code: str  # on the check-in card: ZB0001
    member_id: str | None = Field(default=None, foreign_key="member.id")
    resident_id: str | None = Field(default=None, foreign_key="resident.id")
    name: str
    sex: str | None = None
    birth_date: dt.date | None = None
    id_number: str | None = None
    mobile: str | None = None
    party_status: str = "full"
    home_address: str | None = None
    grid_id: str | None = Field(default=None, foreign_key="grid.id")
    work_unit_id: str = Field(foreign_key="work_unit.id")
    job: str | None = None
    skills: str = ""
    wished_categories: str = ""  # POST_CATEGORIES codes joined by ","
    report_type: str = "individual"
    report_date: dt.date
    review_status: str = "pending"
    review_reason: str | None = None
    reviewed_on: dt.date | None = None
    reviewer: str | None = None
    last_registered_on: dt.date
    left_on: dt.date | None = None
    note: str | None = None
    name_pinyin: str = ""
    name_initials: str = ""


class ServicePost(Synced, table=True):
    __tablename__ = "service_post"

    name: str
    category: str
    grid_id: str | None = Field(default=None, foreign_key="grid.id")
    quota: int
    description: str = ""
    retired_on: dt.date | None = None


class PostClaim(Synced, table=True):
    __tablename__ = "post_claim"

    registration_id: str = Field(foreign_key="registration.id")
    post_id: str = Field(foreign_key="service_post.id")
    status: str = "applying"
    applied_on: dt.date
    claimed_on: dt.date | None = None
    withdrawn_on: dt.date | None = None
    note: str | None = None


class ServiceActivity(Synced, table=True):
    """An activity, or a day of duty at a post, that members check in to."""

    __tablename__ = "service_activity"

    kind: str = "activity"
    name: str
    post_id: str | None = Field(default=None, foreign_key="service_post.id")
    on_date: dt.date
    place: str = ""
    organiser: str = ""
    note: str | None = None


class ServiceRecord(Synced, table=True):
    """Who served when and how long, confirmed by the staff member on duty."""

    __tablename__ = "service_record"

    registration_id: str = Field(foreign_key="registration.id")
    activity_id: str | None = Field(default=None, foreign_key="service_activity.id")
    post_id: str | None = Field(default=None, foreign_key="service_post.id")
    on_date: dt.date
    content: str = ""
    check_in_at: NaiveDatetime | None = None
    check_out_at: NaiveDatetime | None = None
    hours: float = 0.0
    confirmed_by: str | None = None
    confirmed_at: NaiveDatetime | None = None
    note: str | None = None


class PointsEntry(Synced, table=True):
    """One line of the append-only points ledger; corrections are new lines."""

    __tablename__ = "points_entry"

    registration_id: str = Field(foreign_key="registration.id")
    on_date: dt.date
    item: str
    points: int
    basis: str = ""  # the rule it was made under, e.g. "activity=2"
    service_record_id: str | None = Field(default=None, foreign_key="service_record.id")
    corrects_id: str | None = Field(default=None, foreign_key="points_entry.id")
    entered_by: str = ""
    note: str | None = None


class Department(Synced, table=True):
    """A department the street office dispatches orders to (城管, 住建, 民政 …):
    the street's reference data, which reaches its communities by sync."""

    __tablename__ = "department"

    name: str
    contact: str | None = None
    phone: str | None = None
    retired_on: dt.date | None = None
    note: str | None = None


class ServiceProject(Synced, table=True):
    """A service or project of the 服务清单."""

    __tablename__ = "service_project"

    name: str
    category: str
    content: str = ""
    standard: str = ""
    unit_id: str | None = Field(default=None, foreign_key="work_unit.id")
    responsible: str | None = None
    phone: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    status: str = "planned"
    note: str | None = None


class ServiceOrder(Synced, table=True):
    """A resident's need (订单, 需求清单); where it stands follows from its steps."""

    __tablename__ = "service_order"

    code: str
    raised_on: dt.date
    resident_id: str | None = Field(default=None, foreign_key="resident.id")
    person_name: str = ""
    grid_id: str | None = Field(default=None, foreign_key="grid.id")
    address: str | None = None
    phone: str | None = None
    phone_consent: bool = False  # the unit may be given the phone (派单单)
    category: str
    urgency: str = "normal"
    plan_date: dt.date | None = None
    description: str
    source: str
    source_table: str | None = None  # agenda_item | visit: where it was raised
    source_id: str | None = None
    project_id: str | None = Field(default=None, foreign_key="service_project.id")
    recorded_by: str = ""
    note: str | None = None


class OrderStep(Synced, table=True):
    """One step of an order, never changed (append-only). A street's step is
    addressed to the order's community."""

    __tablename__ = "order_step"

    order_id: str = Field(foreign_key="service_order.id")
    kind: str
    at: NaiveDatetime
    office: str  # community | street
    assignee_kind: str | None = None
    assignee_id: str | None = None
    assignee_name: str = ""
    deadline: dt.date | None = None
    text: str = ""
    rating: int | None = None
    recorded_by: str = ""
    addressed_to: str | None = None


class Resource(Synced, table=True):
    """What a unit, an in-service member, a social organisation or a volunteer offers
    (资源清单)."""

    __tablename__ = "resource"

    provider_kind: str
    unit_id: str | None = Field(default=None, foreign_key="work_unit.id")
    registration_id: str | None = Field(default=None, foreign_key="registration.id")
    provider_name: str
    category: str
    title: str
    detail: str = ""
    capacity: str | None = None
    available: str | None = None
    contact: str | None = None
    phone: str | None = None
    grid_id: str | None = Field(default=None, foreign_key="grid.id")
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    retired_on: dt.date | None = None
    note: str | None = None


class CobuildFile(Synced, table=True):
    """A file attached to a unit (its agreement) or an order (evidence)."""

    __tablename__ = "cobuild_file"

    target_table: str  # work_unit | service_order
    target_id: str
    file_name: str
    content: bytes
    added_at: NaiveDatetime
    note: str | None = None


class ReviewScore(Synced, table=True):
    """One side of a year's two-way review (双向评议) of a unit: the community's
    scores of the unit, or the unit's of the community (from its returned form)."""

    __tablename__ = "review_score"

    year: int
    unit_id: str = Field(foreign_key="work_unit.id")
    direction: str  # of_unit | of_community
    score1: int
    score2: int
    score3: int
    score4: int
    remark: str = ""
    entered_on: dt.date
    entered_by: str = ""


class SyncConflict(Synced, table=True):
    """A version that lost a concurrent edit (or a delete that lost to an edit, an
    identity change to review, a duplicate), kept until a person resolves it.
    Synced, with an id that follows from the versions involved: every copy that
    meets the same conflict records the same row, and a resolution travels."""

    __tablename__ = "sync_conflict"

    tbl: str
    row_id: str
    kind: str  # edit | delete | identity | duplicate | clock
    loser: str  # JSON object of the losing version's columns
    loser_hlc: int
    loser_writer: str
    winner_hlc: int
    winner_writer: str
    fields: str = ""  # the columns that differ, comma-separated
    status: str = "open"  # open | resolved
    resolved_on: str | None = None
    resolved_by: str | None = None
    resolution: str | None = None  # kept | taken | combined | same_person | different


SYNCED_TABLES: tuple[type[Synced], ...] = (
    Org, CommitteeSeat, OrgEvent, Member, MemberPlacement, MemberEvent, MemberTransfer,
    Grid, GridRole, Building, House, Household, Resident, ResidentTag, Visit,
    Meeting, MeetingAttendee, AgendaItem, AgendaSpeech, Resolution, FollowUp,
    MeetingAmendment, MeetingAttachment,
    WorkUnit, Registration, ServicePost, PostClaim, ServiceActivity, ServiceRecord,
    PointsEntry, Department, ServiceProject, ServiceOrder, OrderStep, Resource, CobuildFile,
    ReviewScore, SyncConflict,
)
