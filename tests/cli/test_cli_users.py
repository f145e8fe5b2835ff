"""Accounts at the command line: ``user`` commands, the global ``--user`` sign-in, and
the role rules every command follows. In-process ``main([...])`` on real data folders
(a demo folder made once, copied for each test); every refusal leaves the data, the
accounts and the output folder as they were."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gridoffice import cli
from tests import sql
from tests.conftest import cli_demo

ADMIN_PW, STAFF_PW, GRID_PW, VIEWER_PW = ("admin-pass-1", "staff-pass-1", "grid-pass-1",
                                          "viewer-pass-1")
GRID_ONE, GRID_TWO = "110105001001001", "110105001001002"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return cli_demo(tmp_path_factory.mktemp("users") / "office", 5)


class Cli:
    """``gridoffice-cli --data-dir DATA …`` in this process, with passwords in the
    environment as a script would give them."""

    def __init__(self, data: Path, monkeypatch, capsys) -> None:
        self.data, self.monkeypatch, self.capsys = data, monkeypatch, capsys
        for name in ("GRIDOFFICE_PASSWORD", "GRIDOFFICE_NEW_PASSWORD",
                     "GRIDOFFICE_OLD_PASSWORD"):
            monkeypatch.delenv(name, raising=False)

    def __call__(self, *argv: str, password: str | None = None, new: str | None = None,
                 old: str | None = None) -> tuple[int, str, str]:
        for name, value in (("GRIDOFFICE_PASSWORD", password),
                            ("GRIDOFFICE_NEW_PASSWORD", new),
                            ("GRIDOFFICE_OLD_PASSWORD", old)):
            if value is None:
                self.monkeypatch.delenv(name, raising=False)
            else:
                self.monkeypatch.setenv(name, value)
        code = cli.main(["--data-dir", str(self.data), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *argv: str, **passwords: str) -> str:
        code, out, err = self(*argv, **passwords)
        assert code == cli.EXIT_OK, err
        return out

    def admin(self, *argv: str, **passwords: str) -> str:
        return self.ok("--user", "admin", *argv, password=ADMIN_PW, **passwords)

    def state(self) -> tuple[dict, list]:
        """The data's digests and every account (hash included), as stored."""
        digests = json.loads(self.ok("info", "--json"))["digests"]
        with sql.connect(self.data / "gridoffice.sqlite3") as conn:
            accounts = conn.execute("SELECT login, real_name, role, grids, disabled, "
                                    "password_hash FROM account ORDER BY login").fetchall()
        return digests, accounts

    def audit(self, *argv: str) -> list[dict]:
        return json.loads(self.admin("audit", "list", "--json", *argv))


@pytest.fixture
def run(template, tmp_path, monkeypatch, capsys) -> Cli:
    data = tmp_path / "office"
    shutil.copytree(template, data)
    return Cli(data, monkeypatch, capsys)


@pytest.fixture
def signed(run) -> Cli:
    """The demo folder with an administrator, a staff member (li), a grid worker of the
    first grid (zhao) and a read-only account (qian)."""
    run.ok("user", "add", "admin", "--role", "admin", "--real-name", "王芳",
           password=ADMIN_PW)
    run.admin("user", "add", "li", "--role", "staff", "--real-name", "李明", new=STAFF_PW)
    run.admin("user", "add", "zhao", "--role", "grid", "--grid", GRID_ONE, new=GRID_PW)
    run.admin("user", "add", "qian", "--role", "viewer", new=VIEWER_PW)
    return run


def test_the_first_administrator_needs_no_user_and_later_accounts_need_one(run):
    out = run.ok("user", "add", "admin", "--role", "admin", password=ADMIN_PW)
    assert "admin" in out and "管理员" in out
    before = run.state()
    code, _out, err = run("user", "add", "li", "--role", "staff", password=STAFF_PW)
    assert code == cli.EXIT_FAILED
    assert "--user" in err and "账户" in err  # Chinese first, on one line
    assert len(err.strip().splitlines()) == 1
    assert run.state() == before
    run.admin("user", "add", "li", "--role", "staff", new=STAFF_PW)
    # a staff member may not add accounts: refused before anything is asked or written
    before = run.state()
    code, _out, err = run("--user", "li", "user", "add", "wang", "--role", "viewer",
                          password=STAFF_PW, new="viewer-pass-1")
    assert code == cli.EXIT_FAILED and "Manage accounts" in err
    assert run.state() == before
    listed = json.loads(run.admin("user", "list", "--json"))
    assert [(a["login"], a["role"], a["disabled"], a["locked"]) for a in listed] == [
        ("admin", "admin", False, False), ("li", "staff", False, False)]


def test_the_first_account_must_be_the_administrator(run):
    before = run.state()
    code, _out, err = run("user", "add", "li", "--role", "staff", password=STAFF_PW)
    assert code == cli.EXIT_FAILED and "administrator" in err
    assert run.state() == before


@pytest.mark.parametrize(("argv", "new", "message"), [
    (("user", "add", "li", "--role", "viewer"), "another-pass", "already taken"),
    (("user", "add", "sun", "--role", "grid", "--grid", "999"), "grid-pass-2",
     "999 is not a grid"),
    (("user", "add", "sun", "--role", "viewer"), "short", "at least 8"),
    (("user", "add", "sun", "--role", "grid"), "grid-pass-2", "at least one grid"),
    (("user", "disable", "admin"), None, "own account"),
    (("user", "disable", "nobody"), None, "no account nobody"),
], ids=["duplicate", "unknown grid", "short password", "grid without grids", "own",
        "unknown"])
def test_bad_account_input_is_refused_and_changes_nothing(signed, argv, new, message):
    before = signed.state()
    code, _out, err = signed("--user", "admin", *argv, password=ADMIN_PW, new=new)
    assert code == cli.EXIT_FAILED, err
    assert message in err
    assert " | " in err  # 中文 | English
    assert signed.state() == before


def test_a_disabled_account_cannot_sign_in_until_enabled(signed, tmp_path):
    signed.admin("user", "disable", "li")
    before = signed.state()
    out = tmp_path / "out.xlsx"
    code, _out, err = signed("--user", "li", "export", "residents", str(out),
                             password=STAFF_PW)
    assert code == cli.EXIT_FAILED and "disabled" in err and "停用" in err
    assert not out.exists() and signed.state() == before
    signed.admin("user", "enable", "li")
    signed.ok("--user", "li", "export", "residents", str(out), password=STAFF_PW)
    assert out.is_file()


def test_wrong_passwords_count_and_five_lock_the_account(signed, tmp_path):
    before = signed.state()
    out = tmp_path / "out.xlsx"
    errors = []
    for _ in range(5):
        code, _out, err = signed("--user", "li", "export", "residents", str(out),
                                 password="wrong-password")
        assert code == cli.EXIT_FAILED
        errors.append(err)
    assert "4 more wrong tries" in errors[0] and "1 more wrong tries" in errors[3]
    assert "locked" in errors[4]
    code, _out, err = signed("--user", "li", "export", "residents", str(out),
                             password=STAFF_PW)  # the right one, too late
    assert code == cli.EXIT_FAILED and "locked" in err
    assert not out.exists() and signed.state() == before
    assert json.loads(signed.admin("user", "list", "--json"))[1]["locked"] is True
    failures = [(e["action"], e["detail"]) for e in signed.audit("--user", "li")]
    assert failures == [("login_failed", "password")] * 5 + [
        ("account_locked", failures[5][1]), ("login_failed", "locked")]
    # an administrator's reset lifts the lock
    signed.admin("user", "passwd", "li", new="staff-pass-2")
    signed.ok("--user", "li", "export", "residents", str(out), password="staff-pass-2")


def test_a_folder_with_accounts_refuses_data_commands_without_user(signed, tmp_path):
    before = signed.state()
    out = tmp_path / "out.xlsx"
    for argv in (("export", "residents", str(out)),
                 ("ledger", "orgs", "-o", str(out.with_suffix(".pdf"))),
                 ("audit", "list"), ("sync", "status")):
        code, _out, err = signed(*argv)
        assert code == cli.EXIT_FAILED, argv
        assert "--user NAME" in err and argv[0] in err
    assert not out.exists() and signed.state() == before
    signed.ok("info")  # needs nobody
    code, _out, err = signed("--user", "ghost", "info", password="whatever-1")
    assert code == cli.EXIT_FAILED and "Wrong login name or password" in err


def test_staff_may_export_masked_but_not_full(signed, tmp_path):
    before = signed.state()
    full = tmp_path / "full.xlsx"
    code, _out, err = signed("--user", "li", "export", "residents", str(full), "--full",
                             password=STAFF_PW)
    assert code == cli.EXIT_FAILED and "Export with full numbers" in err
    assert not full.exists() and signed.state() == before
    masked = tmp_path / "masked.xlsx"
    signed.ok("--user", "li", "export", "roster", str(masked), password=STAFF_PW)
    exports = [(e["operator"], e["action"], e["target"])
               for e in signed.audit("--action", "export")]
    assert exports == [("li", "export", "roster")]  # the account, not the profile's name
    # a secretary-level right: the administrator may
    signed.admin("export", "residents", str(full), "--full", "--reason", "上报街道")
    assert full.is_file()


def test_roles_follow_the_matrix(signed, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "out.pdf"
    refusals = [
        ("qian", VIEWER_PW, ("ledger", "orgs", "-o", str(out)), "Print ledgers"),
        ("qian", VIEWER_PW, ("export", "roster", str(folder / "r.xlsx")), "Export"),
        ("zhao", GRID_PW, ("sync", "status"), "Sync with the street office"),
        ("li", STAFF_PW, ("audit", "list"), "Read the audit log"),
        ("zhao", GRID_PW, ("import", "residents", str(folder / "in.xlsx")),
         "Import from Excel"),
    ]
    before = signed.state()
    for login, password, argv, permission in refusals:
        code, _out, err = signed("--user", login, *argv, password=password)
        assert code == cli.EXIT_FAILED, (login, argv)
        assert permission in err and "Nothing was changed" in err
    assert list(folder.iterdir()) == [] and signed.state() == before
    signed.ok("--user", "li", "ledger", "orgs", "-o", str(out), password=STAFF_PW)
    assert out.is_file()


def test_a_grid_worker_names_only_their_own_grid(signed, tmp_path):
    before = signed.state()
    folder = tmp_path / "out"
    folder.mkdir()
    for argv in (("export", "residents", str(folder / "other.xlsx"), "--grid", GRID_TWO),
                 ("ledger", "grid", "--grid", GRID_TWO, "-o", str(folder / "g.pdf"))):
        code, _out, err = signed("--user", "zhao", *argv, password=GRID_PW)
        assert code == cli.EXIT_FAILED and "outside your grids" in err
    assert list(folder.iterdir()) == [] and signed.state() == before
    own = tmp_path / "own.xlsx"
    signed.ok("--user", "zhao", "export", "residents", str(own), "--grid", GRID_ONE,
              password=GRID_PW)
    grids = {row[1] for row in load_workbook(own).active.iter_rows(min_row=2,
                                                                    values_only=True)}
    assert grids == {"第一网格"}


def test_a_grid_workers_export_holds_only_their_grid(signed, tmp_path):
    out = tmp_path / "mine.xlsx"
    signed.ok("--user", "zhao", "export", "residents", str(out), password=GRID_PW)
    rows = list(load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert rows and {row[1] for row in rows} == {"第一网格"}


def test_the_audit_log_records_sign_ins_and_the_user_filter_stays_apart(signed, tmp_path):
    signed("--user", "li", "info", password="wrong-password")
    signed.ok("--user", "li", "info", password=STAFF_PW)
    # the global --user signs admin in; the --user after "audit list" filters
    li = signed.audit("--user", "li")
    assert [(e["operator"], e["action"], e["target"]) for e in li] == [
        ("li", "login_failed", "li"), ("li", "login", "li")]
    assert li[0]["detail"] == "password"
    everyone = signed.audit()
    assert {"admin", "li"} <= {e["operator"] for e in everyone}
    assert everyone[-1]["action"] == "login" and everyone[-1]["operator"] == "admin"
    # the filter alone, in a folder without accounts
    with sql.connect(signed.data / "gridoffice.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM audit_log WHERE operator = 'admin' AND "
                            "action = 'login'").fetchone()[0] >= 4


def test_passwords_are_reset_by_the_administrator_or_changed_with_the_current_one(signed):
    signed.admin("user", "passwd", "li", new="staff-pass-2")
    code, _out, err = signed("--user", "li", "info", password=STAFF_PW)
    assert code == cli.EXIT_FAILED
    signed.ok("--user", "li", "info", password="staff-pass-2")
    # li changes their own password without --user, giving the current one
    code, _out, err = signed("user", "passwd", "li", old="wrong-password",
                             password="staff-pass-3")
    assert code == cli.EXIT_FAILED and "4 more wrong tries" in err  # counts to the lock
    signed.ok("user", "passwd", "li", old="staff-pass-2", password="staff-pass-3")
    signed.ok("--user", "li", "info", password="staff-pass-3")
    # a staff member may not reset another's
    code, _out, err = signed("--user", "li", "user", "passwd", "qian", password="staff-pass-3",
                             new="viewer-pass-2")
    assert code == cli.EXIT_FAILED and "Manage accounts" in err
    signed.ok("--user", "qian", "info", password=VIEWER_PW)


def test_setup_leaves_the_first_administrator_to_add_unless_open(tmp_path, monkeypatch,
                                                                 capsys):
    from gridoffice.services.accounts import NEEDS_ADMIN, OPEN, AccountService

    needs = Cli(tmp_path / "needs", monkeypatch, capsys)
    out = needs.ok("setup", "--role", "community", "--street", "幸福街道", "--community",
                   "幸福里社区")
    assert "user add NAME --role admin" in out
    assert AccountService(needs.data / "gridoffice.sqlite3").mode() == NEEDS_ADMIN
    needs.ok("export", "roster", str(tmp_path / "r.xlsx"))  # works as before accounts
    opened = Cli(tmp_path / "open", monkeypatch, capsys)
    opened.ok("setup", "--role", "community", "--street", "幸福街道", "--community",
              "幸福里社区", "--open")
    assert AccountService(opened.data / "gridoffice.sqlite3").mode() == OPEN
    code, _out, err = opened("--user", "admin", "info", password=ADMIN_PW)
    assert code == cli.EXIT_FAILED and "no accounts" in err


def test_a_demo_folder_is_open(run):
    from gridoffice.services.accounts import OPEN, AccountService

    assert AccountService(run.data / "gridoffice.sqlite3").mode() == OPEN
    assert run.ok("audit", "list", "--json")  # open: allowed without --user


def test_a_street_account_limited_to_a_community(tmp_path, monkeypatch, capsys):
    from tests.street_fixture import make_street

    street = Cli(make_street(tmp_path, ("幸福里社区", "和平社区")), monkeypatch, capsys)
    street.ok("user", "add", "admin", "--role", "admin", password=ADMIN_PW)
    out = street.admin("user", "add", "li", "--role", "staff", "--community", "和平社区",
                       new=STAFF_PW)
    assert "和平社区" in out
    before = street.state()
    code, _out, err = street("--user", "admin", "user", "add", "wu", "--role", "staff",
                             "--community", "长安社区", password=ADMIN_PW, new=STAFF_PW)
    assert code != cli.EXIT_OK and "长安社区" in err and "和平社区" in err
    assert street.state() == before
    rows = {row["login"]: row for row in json.loads(street.admin("user", "list", "--json"))}
    assert rows["li"]["communities"] == ["和平社区"] and rows["admin"]["communities"] == []
    assert "和平社区" in street.admin("user", "list")


def test_an_import_names_the_person_in_records_and_the_login_in_the_audit_log(signed,
                                                                              tmp_path):
    import datetime as dt

    from tests.services.test_residents_excel import FLAT, PEOPLE, flat_row
    from tests.services.test_residents_excel import write_xlsx as write_residents
    from tests.services.test_roster_excel import member_row
    from tests.services.test_roster_excel import write_xlsx as write_roster

    database = signed.data / "gridoffice.sqlite3"
    with sql.connect(database) as conn:
        branch = conn.execute("SELECT short_name FROM org WHERE org_type = 'branch' "
                              "AND retired_on IS NULL ORDER BY short_name LIMIT 1").fetchone()[0]
        grid = conn.execute("SELECT name FROM grid WHERE code = ?", (GRID_ONE,)).fetchone()[0]
    roster = write_roster(tmp_path / "roster.xlsx", [
        member_row("孙丽", dt.date(1970, 4, 2), 931, branch=branch)])
    signed.ok("--user", "li", "import", "roster", str(roster), password=STAFF_PW)
    people = write_residents(tmp_path / "people.xlsx", FLAT,
                             [flat_row(p, grid=grid) for p in PEOPLE[:1]])
    signed.ok("--user", "li", "import", "residents", str(people), "--create-buildings",
              password=STAFF_PW)
    with sql.connect(database) as conn:
        events = conn.execute("SELECT e.kind, e.operator FROM member_event e JOIN member m "
                              "ON m.id = e.member_id WHERE m.name = '孙丽'").fetchall()
    assert events == [("imported", "李明")]  # the person, not the login or the profile
    imports = [(e["operator"], e["target"]) for e in signed.audit("--action", "import")]
    assert imports == [("li", "roster"), ("li", "residents")]
