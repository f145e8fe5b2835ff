"""Content digests are order-independent and change with any change of content."""

from __future__ import annotations

import errno

from hypothesis import given, settings
from hypothesis import strategies as st

from gridoffice.domain.hlc import HybridClock
from gridoffice.paths import storage_error
from gridoffice.store import digest
from gridoffice.store.migrations import STEPS
from tests import sql

rows = st.lists(
    st.tuples(st.uuids().map(str), st.text(min_size=1, max_size=8), st.integers(0, 2**62),
              st.booleans()),
    min_size=0, max_size=30, unique_by=lambda r: r[0],
)


def _database(records):
    conn = sql.connect(":memory:")
    for step in STEPS:
        step(conn)
    conn.executemany(
        "INSERT INTO org (id, origin_office, hlc, writer, deleted, name, org_type) "
        "VALUES (?, 'office', ?, 'writer', ?, ?, 'branch')",
        [(rid, hlc, deleted, name) for rid, name, hlc, deleted in records],
    )
    return conn


@settings(max_examples=60, deadline=None)
@given(rows, st.randoms())
def test_digest_ignores_row_order(records, rng):
    shuffled = list(records)
    rng.shuffle(shuffled)
    a, b = _database(records), _database(shuffled)
    assert digest.digests(a) == digest.digests(b)
    assert digest.counts(a)["orgs"] == sum(1 for r in records if not r[3])


@settings(max_examples=40, deadline=None)
@given(rows.filter(bool), st.data())
def test_digest_changes_when_any_field_changes(records, data):
    before = digest.digests(_database(records))["org"]
    index = data.draw(st.integers(0, len(records) - 1))
    rid, name, hlc, deleted = records[index]
    changed = list(records)
    changed[index] = (rid, name + "x", hlc, deleted)
    assert digest.digests(_database(changed))["org"] != before


@given(st.lists(st.integers(0, 5), min_size=1, max_size=200))
def test_clock_never_goes_backwards_whatever_the_wall_clock_does(jumps):
    wall = iter(jumps)
    clock = HybridClock(wall=lambda: next(wall))
    stamps = [clock.now() for _ in jumps]
    assert all(a < b for a, b in zip(stamps, stamps[1:], strict=False))


def test_disk_full_and_permission_messages(tmp_path):
    full = storage_error(tmp_path, OSError(errno.ENOSPC, "No space left on device"))
    assert "is full" in str(full) and "磁盘已满" in full.localized("zh_CN")
    denied = storage_error(tmp_path, PermissionError(errno.EACCES, "Permission denied"))
    assert "Cannot write" in str(denied) and "无法写入" in denied.localized("zh_CN")
