"""Reading the audit log: filters by person, action, day and record, newest-first pages
that stay fast with 100,000 entries, readable actions, and a masked Excel export that
is itself written to the log. Entries are made by the real code paths (sign-ins,
AuditService.record) on a real file."""

from __future__ import annotations

import datetime as dt
import re
import time
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from gridoffice.domain import access
from gridoffice.errors import UserError
from gridoffice.services import accounts, audit
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.services.audit import AuditFilter, AuditService
from gridoffice.services.sync import model as sync_model
from gridoffice.store import audit as store_audit
from tests import sql

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def make_id(birth: dt.date, sequence: int) -> str:
    body = f"110105{birth:%Y%m%d}{sequence:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True))
                                % 11]


ID_X = next(i for i in (make_id(dt.date(1958, 3, 12), n) for n in range(1, 200))
            if i.endswith("X"))
ID_DIGITS = make_id(dt.date(1985, 3, 2), 22)
MOBILE = "13812345678"


class Clock:
    """The time the audit log stamps on new entries (the real code asks ``dt``)."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 9, 0, 0)
        self.module = types.SimpleNamespace(datetime=types.SimpleNamespace(
            now=lambda: self.now))


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(store_audit, "dt", clock.module)
    return clock


@pytest.fixture
def log(db, clock):
    """Three days of entries: sign-ins and account changes by the administrator, a
    failed sign-in with an ID number typed as the login, prints and reveals by 王芳."""
    service = AccountService(db.path, clock=lambda: clock.now)
    service.add(AccountDraft("admin", access.ADMIN, "王书记"), "secret-admin")  # 12-01
    admin = AccountService(db.path, service.sign_in("admin", "secret-admin"),
                           clock=lambda: clock.now)
    admin.add(AccountDraft("li", access.STAFF, "李娜"), "password-1")
    clock.now = dt.datetime(2026, 12, 2, 23, 59, 59)
    with pytest.raises(UserError):
        service.sign_in(ID_X, "wrong-password")
    li = service.sign_in("li", "password-1")
    AccountService(db.path, li, clock=lambda: clock.now).record_logout(li)
    clock.now = dt.datetime(2026, 12, 3, 0, 0, 0)
    wang = AuditService(db, "王芳")
    wang.record("print", "roster", "党员花名册.pdf")
    wang.record("reveal_identity", "r-1", "张伟")
    wang.record("import", "residents", f"张伟 {ID_DIGITS} {MOBILE}")
    wang.record("made_up_action", "Grid_Summary", "")
    return db.path


def actions_of(rows):
    return [r.action for r in rows]


def test_each_filter_alone(log):
    everything = audit.entries(log)
    assert len(everything) == 11 and audit.count(log) == 11
    assert actions_of(audit.entries(log, operator="王芳")) == [
        "print", "reveal_identity", "import", "made_up_action"]
    assert [r.target for r in audit.entries(log, action="login")] == ["admin", "li"]
    # days are whole: until the 2nd takes 23:59:59 of it, since the 3rd starts at 0:00
    assert [r.at for r in audit.entries(log, until=dt.date(2026, 12, 2))][-1] == \
        "2026-12-02T23:59:59"
    assert len(audit.entries(log, until="2026-12-02")) == 7
    assert len(audit.entries(log, since=dt.date(2026, 12, 3))) == 4
    assert actions_of(audit.entries(log, since="2026-12-02", until="2026-12-02")) == [
        "login_failed", "login", "logout"]
    assert audit.entries(log, until=dt.date(2026, 11, 30)) == []
    # the record named: a substring of the target or the detail, any letter case
    assert actions_of(audit.entries(log, target="grid_sum")) == ["made_up_action"]
    assert actions_of(audit.entries(log, target="张伟")) == ["reveal_identity", "import"]
    assert actions_of(audit.entries(log, target="  LI ")) == [
        "account_add", "login", "logout"]
    assert audit.entries(log, target="50%") == []  # no LIKE wildcards


def test_filters_combine(log):
    rows = audit.entries(log, operator="li", action="logout", since="2026-12-02",
                         until="2026-12-02", target="li")
    assert [(r.operator, r.action, r.target) for r in rows] == [("li", "logout", "li")]
    assert audit.entries(log, operator="王芳", action="login") == []
    where = AuditFilter(since="2026-12-03", operator="王芳", target="r-")
    assert audit.count(log, where) == 1
    assert [r.action for r in audit.filtered(log, where)] == ["reveal_identity"]


def test_newest_first_pages(log):
    oldest_first = audit.entries(log)
    newest = audit.entries(log, newest_first=True)
    assert newest == oldest_first[::-1]
    pages = [audit.entries(log, newest_first=True, limit=5, offset=o) for o in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 1]
    assert sum(pages, []) == newest
    # keyset pages: each the next after the last one shown
    seen, before = [], None
    while page := audit.filtered(log, AuditFilter(), before=before, limit=5):
        seen += page
        before = page[-1].seq
    assert seen == newest
    assert list(audit.iter_entries(log, AuditFilter(operator="王芳"), chunk=3)) == \
        audit.entries(log, operator="王芳", newest_first=True)


def test_the_filter_lists(log):
    assert audit.operators(log) == ["admin", "li", "王芳"]  # an unknown login: nobody
    assert audit.actions(log) == sorted({
        "accounts_start", "account_add", "login", "login_failed", "logout", "print",
        "reveal_identity", "import", "made_up_action"})


def test_every_recorded_action_has_a_label_and_unknown_ones_show_as_typed():
    recorded = {accounts.LOGIN, accounts.LOGIN_FAILED, accounts.LOCKED, accounts.UNLOCK,
                accounts.LOGOUT, accounts.ACCOUNT_ADD, accounts.ACCOUNT_CHANGE,
                accounts.ACCOUNT_DISABLE, accounts.ACCOUNT_ENABLE, accounts.PASSWORD_RESET,
                accounts.PASSWORD_CHANGE, accounts.OPEN_ENDED, audit.PRINT, audit.EXPORT,
                audit.EXPORT_FULL, sync_model.SYNC_EXPORT, sync_model.SYNC_IMPORT,
                "import", "reveal_identity", "reveal_registration"}
    for action in recorded:
        assert audit.action_label(action) != action, action
    assert audit.action_label("made_up_action") == "made_up_action"


def test_the_filters_stay_fast_with_100000_entries(db):
    rows, prev = [], ""
    start = dt.datetime(2025, 1, 1)
    for n in range(100_000):
        at = (start + dt.timedelta(minutes=5 * n)).isoformat(timespec="seconds")
        fields = (at, f"user{n % 7}", "print" if n % 3 else "login", f"ledger-{n}", "")
        prev_hash, prev = prev, store_audit.entry_hash(prev, *fields)
        rows.append((*fields, prev_hash, prev))
    conn = sql.connect(db.path)
    with conn:
        conn.executemany("INSERT INTO audit_log (at, operator, action, target, detail, "
                         "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    began = time.perf_counter()
    first = audit.filtered(db.path, AuditFilter(), limit=200)
    later = audit.filtered(db.path, AuditFilter(), before=first[-1].seq, limit=200)
    deep = audit.filtered(db.path, AuditFilter(), before=50, limit=200)
    few = audit.filtered(db.path, AuditFilter(operator="user3", until="2025-01-02"), limit=200)
    names = audit.operators(db.path)
    total = audit.count(db.path, AuditFilter(action="login"))
    assert time.perf_counter() - began < 2.0  # 10-30 ms each on a slow laptop
    assert first[0].target == "ledger-99999" and later[0].seq == first[-1].seq - 1
    assert [r.seq for r in deep] == list(range(49, 0, -1))
    assert few and all(r.operator == "user3" and r.at < "2025-01-03" for r in few)
    assert names == [f"user{n}" for n in range(7)] and total == 33_334


# --- masking free text --------------------------------------------------------------------
def test_numbers_in_free_text_are_masked():
    text = (f"导入 {ID_X}、{ID_DIGITS.lower()}，电话{MOBILE} 或 +86{MOBILE} "
            "或 139-1234-5678 或 139 1234 5678；旧证 110105580312001；第3页 2026-12-01 No.42")
    masked = audit.mask_numbers(text)
    assert ID_X not in masked and MOBILE not in masked
    assert f"{ID_X[:6]}********{ID_X[-4:]}" in masked
    assert "138****5678" in masked and "139-****-5678" in masked
    assert "139 **** 5678" in masked and "110105******001" in masked
    assert masked.endswith("第3页 2026-12-01 No.42")  # short numbers stay
    assert audit.mask_numbers(masked) == masked
    assert audit.mask_numbers("") == ""


ids = st.builds(make_id, st.dates(dt.date(1900, 1, 1), dt.date(2025, 12, 31)),
                st.integers(0, 999))
mobiles = st.from_regex(r"\A1[3-9][0-9]{9}\Z")
secrets = st.one_of(ids, mobiles)


@given(st.lists(st.tuples(st.text(max_size=12), secrets), min_size=1, max_size=5),
       st.text(max_size=12))
def test_no_full_id_number_or_mobile_survives(pieces, tail):
    text = "".join(before + secret for before, secret in pieces) + tail
    masked = audit.mask_numbers(text)
    for _before, secret in pieces:
        assert secret not in masked
        assert secret.upper() not in masked.upper()
    assert not re.search(r"\d{11}", masked)
    assert audit.mask_numbers(masked) == masked


# --- export -------------------------------------------------------------------------------
def test_the_export_is_masked_read_back_and_itself_recorded(log, db, tmp_path):
    target = tmp_path / "审计日志.xlsx"
    service = AuditService(db, "admin")
    where = AuditFilter(since="2026-12-02")
    steps = []
    written = service.export_entries(audit.iter_entries(log, where), target,
                                     total=audit.count(log, where),
                                     progress=lambda d, t: steps.append((d, t)) or True)
    assert written == 7 and steps[-1] == (7, 7)
    sheet = load_workbook(target, read_only=True).active
    cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == ["序号", "时间", "操作人", "操作", "对象", "详情"]
    assert [row[3] for row in cells[1:4]] == ["made_up_action", "从 Excel 导入", "查看完整证件号码"]
    assert cells[1][1] == "2026-12-03 00:00:00"
    # the ID number typed as a login name, masked; why the sign-in failed, in words
    assert cells[-1][3:] == ["登录失败", ID_X[:6] + "********" + ID_X[-4:], "无此登录名"]
    text = "\n".join(str(c) for row in cells for c in row if c is not None)
    assert ID_X not in text and ID_DIGITS not in text and MOBILE not in text
    assert f"{ID_X[:6]}********{ID_X[-4:]}" in text and "138****5678" in text
    [entry] = audit.entries(log, target="审计日志")
    assert (entry.operator, entry.action, entry.detail) == ("admin", "export", str(target))
    assert audit.chain_error(log) is None


def test_a_cancelled_export_writes_nothing_and_records_nothing(log, db, tmp_path):
    from gridoffice.errors import Cancelled

    target = tmp_path / "out.xlsx"
    with pytest.raises(Cancelled):
        AuditService(db, "admin").export_entries(audit.iter_entries(log), target,
                                                 progress=lambda d, t: False)
    assert not target.exists()
    assert audit.entries(log, action="export") == []
