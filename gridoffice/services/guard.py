"""One declarative guard on every public entry point of the data services.

``@requires(access.HOUSEHOLDS_EDIT)`` on a method refuses the call with
:class:`~gridoffice.domain.access.PermissionDenied` (nothing changed) unless the
service's ``actor`` may do it; ``@requires(FREE)`` marks a helper that needs no
permission (the clock, a path). Either way the method carries its declared
permission as ``fn.permission``, so a test can enumerate the entry points and see
that none is left unguarded.

Finer checks that depend on the arguments (control tags, a grid worker's grids)
are made inside the methods with :func:`require_grid_of` and ``actor.require``.
No Qt.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from gridoffice.domain.access import Actor

F = TypeVar("F", bound=Callable[..., Any])

#: The declared "permission" of a helper anyone may call (the clock, a path).
FREE = "free"


def requires(permission: str) -> Callable[[F], F]:
    """Guard a service method: ``self.actor.require(permission)`` before anything else
    (``FREE``: no check). The permission is recorded as ``fn.permission``."""

    def wrap(fn: F) -> F:
        if permission == FREE:
            fn.permission = FREE  # type: ignore[attr-defined]
            return fn

        @functools.wraps(fn)
        def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
            self.actor.require(permission)
            return fn(self, *args, **kwargs)

        guarded.permission = permission  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return wrap


def declared(cls: type) -> dict[str, str | None]:
    """Every public method of ``cls`` (through its MRO) and its declared permission
    (None: none declared)."""
    found: dict[str, str | None] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if name.startswith("_") or not callable(value):
                continue
            found[name] = getattr(value, "permission", None)
    return found


def grid_clause(actor: Actor, column: str, params: dict[str, Any],
                key: str = "actor_grids") -> str | None:
    """A SQL clause limiting ``column`` (a grid id) to a grid worker's grids, with its
    parameters put into ``params`` (named style); None for an actor not limited."""
    if not actor.grid_scoped:
        return None
    names = grid_params(actor.grids, params, key)
    return f"{column} IN ({names})" if names else "0"


def grid_params(grids: Iterable[str], params: dict[str, Any], key: str) -> str:
    """``:key0, :key1 …`` for the grid ids, their values put into ``params``."""
    names = []
    for index, grid in enumerate(sorted(grids)):
        params[f"{key}{index}"] = grid
        names.append(f":{key}{index}")
    return ", ".join(names)


def office_reach(actor: Actor, column: Any) -> list[Any]:
    """Conditions (for ``select(...).where(*…)``) limiting an ``origin_office`` column
    to a street worker's communities; none for an account not limited to some."""
    if not actor.communities:
        return []
    return [column.in_(sorted(actor.communities))]


def office_clause(actor: Actor, column: str, params: dict[str, Any]) -> str:
    """`` AND column IN (…)`` (raw SQL, named parameters put into ``params``) limiting
    an ``origin_office`` column to a street worker's communities; "" when not limited."""
    if not actor.communities:
        return ""
    return f" AND {column} IN ({grid_params(actor.communities, params, 'actor_office')})"


def require_office(actor: Actor, row: Any) -> Any:
    """``row`` (a synced record), refused when it belongs to a community outside a
    street worker's communities."""
    actor.require_communities(row.origin_office)
    return row


def audit_name(actor: Actor, operator: str) -> str:
    """The name a service writes into the audit log: the signed-in account's login;
    in a folder without accounts the operator the service writes into records."""
    return operator if actor.is_open else actor.audit_name
