"""Who may do what: the roles, the one permission matrix, and the masking policy.

Everything about access is decided here and nowhere else: the window hides what
:func:`allows` refuses, the services refuse it again (:func:`require`), and
screens, exports and ledgers ask :func:`shows` how much of a personal field to
show. No Qt; the labels are marked for translation in the ``access`` context.

An office folder without accounts is *open* (:meth:`Actor.open`): the one actor
there may do everything, as before accounts existed, and the window says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gridoffice.errors import Term, UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP

# --- roles ---------------------------------------------------------------------------------
ADMIN = "admin"
SECRETARY = "secretary"
STAFF = "staff"
GRID = "grid"
VIEWER = "viewer"
ROLES = (ADMIN, SECRETARY, STAFF, GRID, VIEWER)

# Lengths of an account's fields (the sign-in dialog reads them before the account
# service is imported).
MAX_PASSWORD = 128
MAX_LOGIN = 32
MAX_NAME = 40

ROLE_LABELS = {
    ADMIN: QT_TRANSLATE_NOOP("access", "Administrator"),
    SECRETARY: QT_TRANSLATE_NOOP("access", "Secretary / deputy secretary"),
    STAFF: QT_TRANSLATE_NOOP("access", "Full-time community worker"),
    GRID: QT_TRANSLATE_NOOP("access", "Grid worker"),
    VIEWER: QT_TRANSLATE_NOOP("access", "Read only"),
}

# --- permissions ---------------------------------------------------------------------------
ROSTER_VIEW = "roster.view"
ROSTER_EDIT = "roster.edit"  # members, organisations, seats, transfers
HOUSEHOLDS_VIEW = "households.view"
HOUSEHOLDS_EDIT = "households.edit"  # houses, households, residents, visits, care tags
GRIDS_EDIT = "grids.edit"  # create and edit grids and their teams (not a grid worker's)
MEETINGS_VIEW = "meetings.view"
MEETINGS_EDIT = "meetings.edit"
INSERVICE_VIEW = "inservice.view"
INSERVICE_EDIT = "inservice.edit"  # registrations, posts, activities, check-in, points
COBUILD_VIEW = "cobuild.view"  # units, the three lists, orders, the review
COBUILD_EDIT = "cobuild.edit"  # resources, services, assigning and dispatching, the review
ORDERS_EDIT = "orders.edit"  # record a need and what the unit and the resident said
REVEAL = "data.reveal"  # full ID numbers, phones and addresses on request (audited)
PRINT = "data.print"  # ledgers, masked
EXPORT = "data.export"  # Excel exports, masked
EXPORT_FULL = "data.export_full"  # exports and prints with full numbers (audited)
IMPORT = "data.import"
SYNC = "sync.use"  # export and import sync packages, resolve conflicts
SETTINGS = "settings.edit"  # the office's settings and rules
ACCOUNTS = "accounts.manage"
RESTORE = "backup.restore"
AUDIT = "audit.view"
CONTROL_TAGS = "tags.control"  # granted per account on top of the role (never by a role)

PERMISSIONS = (
    ROSTER_VIEW, ROSTER_EDIT, HOUSEHOLDS_VIEW, HOUSEHOLDS_EDIT, GRIDS_EDIT, MEETINGS_VIEW,
    MEETINGS_EDIT,
    INSERVICE_VIEW, INSERVICE_EDIT, COBUILD_VIEW, COBUILD_EDIT, ORDERS_EDIT, REVEAL, PRINT,
    EXPORT, EXPORT_FULL, IMPORT, SYNC,
    SETTINGS, ACCOUNTS, RESTORE, AUDIT, CONTROL_TAGS,
)

PERMISSION_LABELS = {
    ROSTER_VIEW: QT_TRANSLATE_NOOP("access", "View the party-member roster"),
    ROSTER_EDIT: QT_TRANSLATE_NOOP("access", "Edit members and organisations"),
    HOUSEHOLDS_VIEW: QT_TRANSLATE_NOOP("access", "View grids and households"),
    HOUSEHOLDS_EDIT: QT_TRANSLATE_NOOP("access", "Edit households, residents, visits and tags"),
    GRIDS_EDIT: QT_TRANSLATE_NOOP("access", "Set up grids and grid teams"),
    MEETINGS_VIEW: QT_TRANSLATE_NOOP("access", "View council meetings"),
    MEETINGS_EDIT: QT_TRANSLATE_NOOP("access", "Edit council meetings and minutes"),
    INSERVICE_VIEW: QT_TRANSLATE_NOOP("access", "View in-service registrations"),
    INSERVICE_EDIT: QT_TRANSLATE_NOOP("access", "Edit registrations, service and points"),
    COBUILD_VIEW: QT_TRANSLATE_NOOP("access", "View co-building and orders"),
    COBUILD_EDIT: QT_TRANSLATE_NOOP("access", "Edit the lists, assign and dispatch orders"),
    ORDERS_EDIT: QT_TRANSLATE_NOOP("access", "Record residents' needs and their handling"),
    REVEAL: QT_TRANSLATE_NOOP("access", "Show full ID numbers and phones"),
    PRINT: QT_TRANSLATE_NOOP("access", "Print ledgers"),
    EXPORT: QT_TRANSLATE_NOOP("access", "Export to Excel (masked)"),
    EXPORT_FULL: QT_TRANSLATE_NOOP("access", "Export with full numbers"),
    IMPORT: QT_TRANSLATE_NOOP("access", "Import from Excel"),
    SYNC: QT_TRANSLATE_NOOP("access", "Sync with the street office"),
    SETTINGS: QT_TRANSLATE_NOOP("access", "Change the office's settings"),
    ACCOUNTS: QT_TRANSLATE_NOOP("access", "Manage accounts"),
    RESTORE: QT_TRANSLATE_NOOP("access", "Restore a backup"),
    AUDIT: QT_TRANSLATE_NOOP("access", "Read the audit log"),
    CONTROL_TAGS: QT_TRANSLATE_NOOP("access", "Control tags (granted per account)"),
}

_ALL_DATA = frozenset({ROSTER_VIEW, ROSTER_EDIT, HOUSEHOLDS_VIEW, HOUSEHOLDS_EDIT, GRIDS_EDIT,
                       MEETINGS_VIEW, MEETINGS_EDIT, INSERVICE_VIEW, INSERVICE_EDIT,
                       COBUILD_VIEW, COBUILD_EDIT, ORDERS_EDIT})

#: The permission matrix: what each role may do. Control tags are never given by a
#: role: an account of a role in CONTROL_TAG_ROLES may be granted them.
MATRIX: dict[str, frozenset[str]] = {
    ADMIN: _ALL_DATA | {REVEAL, PRINT, EXPORT, EXPORT_FULL, IMPORT, SYNC, SETTINGS,
                        ACCOUNTS, RESTORE, AUDIT},
    SECRETARY: _ALL_DATA | {REVEAL, PRINT, EXPORT, EXPORT_FULL, IMPORT, SYNC, AUDIT},
    STAFF: _ALL_DATA | {PRINT, EXPORT, IMPORT, SYNC},
    GRID: frozenset({ROSTER_VIEW, HOUSEHOLDS_VIEW, HOUSEHOLDS_EDIT, INSERVICE_VIEW,
                     COBUILD_VIEW, ORDERS_EDIT, PRINT, EXPORT}),
    VIEWER: frozenset({ROSTER_VIEW, HOUSEHOLDS_VIEW, MEETINGS_VIEW, INSERVICE_VIEW,
                       COBUILD_VIEW}),
}
CONTROL_TAG_ROLES = frozenset({ADMIN, SECRETARY, STAFF})
#: Roles that see only some grids (their own) and what lives there.
GRID_SCOPED_ROLES = frozenset({GRID})

MSG_DENIED = QT_TRANSLATE_NOOP(
    "errors", "Not allowed for your account ({role}): {permission}. Nothing was changed.")
MSG_OUTSIDE_GRIDS = QT_TRANSLATE_NOOP(
    "errors", "Not allowed for your account ({role}): the record is outside your grids. "
    "Nothing was changed.")
MSG_OUTSIDE_COMMUNITIES = QT_TRANSLATE_NOOP(
    "errors", "Not allowed for your account ({role}): the record belongs to a community "
    "outside your communities. Nothing was changed.")


class AccessTerm(Term):
    """A role or permission label in a message (context ``access``)."""

    context = "access"


def role_term(role: str) -> AccessTerm:
    return AccessTerm(ROLE_LABELS.get(role, role))


class PermissionDenied(UserError):
    """The account may not do this; nothing was changed."""


@dataclass(frozen=True)
class Actor:
    """The person at the keyboard: the signed-in account, or the open folder's user.

    ``operator`` is the name written into records (the recorder of minutes, the
    confirmer of service hours); ``login`` identifies the account in the audit
    log. ``grids`` (grid ids) limit a grid worker; empty for every other role.
    ``communities`` (office ids) limit a street worker; empty means all.
    """

    login: str
    operator: str
    role: str
    grids: frozenset[str] = frozenset()
    control_tags: bool = False
    communities: frozenset[str] = frozenset()
    is_open: bool = False
    permissions: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        granted = set(MATRIX.get(self.role, frozenset()))
        if self.control_tags and (self.role in CONTROL_TAG_ROLES or self.is_open):
            granted.add(CONTROL_TAGS)
        object.__setattr__(self, "permissions", frozenset(granted))

    @classmethod
    def open(cls, operator: str = "", *, control_tags: bool = True) -> Actor:
        """The user of a folder without accounts: everything, as before accounts."""
        return cls(login="", operator=operator, role=ADMIN, control_tags=control_tags,
                   is_open=True)

    @property
    def audit_name(self) -> str:
        """The name the audit log records: the account's login (the typed operator's
        name in an open folder)."""
        return self.login or self.operator

    @property
    def grid_scoped(self) -> bool:
        return self.role in GRID_SCOPED_ROLES and not self.is_open

    def allows(self, permission: str) -> bool:
        return permission in self.permissions

    def in_grid(self, grid_id: str | None) -> bool:
        """Whether a record of ``grid_id`` is within this actor's reach."""
        return not self.grid_scoped or (grid_id is not None and grid_id in self.grids)

    def in_communities(self, office: str | None) -> bool:
        """Whether a record owned by ``office`` is within a street worker's communities
        (every record when the account is not limited to some)."""
        return not self.communities or office in self.communities

    def require(self, permission: str) -> None:
        """Refuse with a clear message unless the actor may do ``permission``."""
        if permission not in self.permissions:
            raise PermissionDenied(MSG_DENIED, role=role_term(self.role),
                                   permission=AccessTerm(PERMISSION_LABELS.get(permission,
                                                                               permission)))

    def require_grid(self, grid_id: str | None) -> None:
        """Refuse a record outside a grid worker's grids."""
        if not self.in_grid(grid_id):
            raise PermissionDenied(MSG_OUTSIDE_GRIDS, role=role_term(self.role))

    def require_communities(self, office: str | None) -> None:
        """Refuse a record of a community outside a street worker's communities."""
        if not self.in_communities(office):
            raise PermissionDenied(MSG_OUTSIDE_COMMUNITIES, role=role_term(self.role))


def allows(actor: Actor | None, permission: str) -> bool:
    """Whether ``actor`` may do ``permission`` (no actor: an open folder's user)."""
    return True if actor is None else actor.allows(permission)


def matrix_rows() -> list[tuple[str, list[bool]]]:
    """The matrix as Settings shows it: one row per permission, one column per role."""
    return [(permission, [permission in MATRIX[role] or (
        permission == CONTROL_TAGS and role in CONTROL_TAG_ROLES) for role in ROLES])
        for permission in PERMISSIONS]


# --- masking policy ------------------------------------------------------------------------
ID_NUMBER = "id_number"
PHONE = "phone"
ADDRESS = "address"  # to the room; masked: to the building or unit
BIRTH_DATE = "birth_date"  # masked: year and month
CARE_TAGS = "care_tags"
CHILD = "child"  # a resident under 14: name and birth

FULL = "full"
MASKED = "masked"
HIDDEN = "hidden"

CHILD_AGE = 14


def shows(actor: Actor | None, what: str, *, own_grid: bool = False,
          revealed: bool = False) -> str:
    """How much of ``what`` (a field kind above) ``actor`` sees: FULL, MASKED or HIDDEN.

    ``revealed``: the user asked to see more (and the caller writes that to the
    audit log with a reason); ``own_grid``: the record lies in one of the actor's
    grids (a grid worker's ledgers of their own grid carry full addresses).
    Everything not decided here is masked.
    """
    if actor is None:
        actor = Actor.open()
    may_reveal = REVEAL in actor.permissions
    if what in (ID_NUMBER, PHONE, BIRTH_DATE):
        return FULL if revealed and may_reveal else MASKED
    if what == ADDRESS:
        if actor.is_open and own_grid:  # no accounts: a grid's book, as before accounts
            return FULL
        if actor.grid_scoped:
            return FULL if own_grid else MASKED
        return FULL if revealed and may_reveal else MASKED
    if what == CARE_TAGS:
        if actor.role == VIEWER and not actor.is_open:
            return HIDDEN
        return FULL
    if what == CHILD:
        return MASKED if actor.role == VIEWER and not actor.is_open else FULL
    return MASKED


def is_child(birth_date: dt.date | None, today: dt.date) -> bool:
    """Under 14 on ``today`` (sensitive personal information under PIPL)."""
    if birth_date is None:
        return False
    years = today.year - birth_date.year - (
        (today.month, today.day) < (birth_date.month, birth_date.day))
    return years < CHILD_AGE


def beyond_masked_default(actor: Actor | None, *, revealed: bool = False,
                          own_grid: bool = False) -> bool:
    """Whether an output for ``actor`` shows more than the masked default (and so is
    written to the audit log with the reason the user gave)."""
    return any(shows(actor, what, own_grid=own_grid, revealed=revealed) == FULL
               for what in (ID_NUMBER, PHONE, ADDRESS))
