"""The real GridOffice window, started on a data folder, performs one kind of write the
way the user does it and says on stdout how far it got; ``test_gui_kill`` kills it.

    QT_QPA_PLATFORM=offscreen python -m tests.crash.gui_writer KIND DATA_DIR [ARG]

The program starts through its own composition root (``gridoffice.__main__.main``) on
a folder without accounts; once the window has loaded its data and finished its start
check (and daily backup), the write of KIND runs through the code the user's click
runs. Markers, one line each, flushed at once: ``ready`` (window shown, nothing written
yet), ``start`` (the write begins), ``mid`` (half-way: see each write), ``done`` (all
committed; the program then exits 0). A failure prints ``error ...`` and exits 3.

Dialogs never block: a form dialog is filled by the write's own filler, and a message
box is printed as ``box ...`` and answered Yes/OK.

A new kind of write is one function registered with ``@write("name")`` (and, in the
test, one entry saying its allowed states).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORM_MEMBERS = 4  # members added one form at a time
SHEET_ROWS = 800  # rows of the roster workbook imported at once
BACKUPS = 2  # "back up now", this many times
BRANCH = "第一网格党支部"  # a branch of the demo community
SURNAMES = "赵钱孙李周吴郑王冯陈"
GIVEN = "一二三四五六七八九十"

_lock = threading.Lock()


def mark(word: str) -> None:
    """One marker line (from any thread), flushed at once."""
    with _lock:
        sys.stdout.write(word + "\n")
        sys.stdout.flush()


class Once:
    """Mark ``word`` the first time it is called."""

    def __init__(self, word: str) -> None:
        self.word = word
        self.said = False

    def __call__(self) -> None:
        if not self.said:
            self.said = True
            mark(self.word)


# --- the records written (the test knows them too) ------------------------------------------
def _id_number(birth: dt.date, sequence: int) -> str:
    from gridoffice.domain.identity import check_character

    stem = f"110105{birth:%Y%m%d}{sequence:03d}"
    return stem + check_character(stem)


def form_members() -> list[dict[str, str]]:
    """The members the form write adds, in order: name, ID number, mobile, join date."""
    result = []
    for i in range(FORM_MEMBERS):
        birth = dt.date(1971, 1, 1) + dt.timedelta(days=37 * i)
        result.append({"name": SURNAMES[i % 10] + GIVEN[i // 10] + GIVEN[i % 10],
                       "id_number": _id_number(birth, 2 * i + 1),
                       "mobile": f"1390000{i:04d}",
                       "join_date": dt.date(birth.year + 25, 7, 1).isoformat()})
    return result


def sheet_members() -> list[list[str]]:
    """The rows of the roster workbook: 姓名 性别 身份证号 入党时间 转正时间 联系电话 所在支部."""
    rows = []
    for i in range(SHEET_ROWS):
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=5 * i)
        sex = "男" if i % 2 else "女"
        rows.append([SURNAMES[i % 10] + GIVEN[(i // 10) % 10] + GIVEN[(i // 100) % 10]
                     + GIVEN[i % 10], sex, _id_number(birth, 600 + i % 2 + 2 * (i % 150)),
                     f"{birth.year + 25}.7", f"{birth.year + 26}年7月",
                     f"1370000{i:04d}", BRANCH])
    return rows


def stored_ids(path: Path) -> set[str]:
    """The ID numbers on the roster of the database at ``path``."""
    from gridoffice.store.files import connect

    conn = connect(path, read_only=True)
    try:
        return {r[0] for r in conn.execute("SELECT id_number FROM member")}
    finally:
        conn.close()


def write_sheet(path: Path, rows: int = SHEET_ROWS) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "党员"
    sheet.append(["姓名", "性别", "身份证号", "入党时间", "转正时间", "联系电话", "所在支部"])
    for row in sheet_members()[:rows]:
        sheet.append(row)
    book.save(path)
    return path


def fail(text: str) -> None:
    mark(f"error {text}")
    os._exit(3)


# --- the writes ------------------------------------------------------------------------------
Write = Callable[[Any, str, Callable[[], None]], None]
WRITES: dict[str, Write] = {}


def write(name: str) -> Callable[[Write], Write]:
    def register(function: Write) -> Write:
        WRITES[name] = function
        return function

    return register


def _job(window: Any, task: Callable[[Callable[[int, int], bool]], Any],
         finish: Callable[[], None], check: Callable[[Any], None] | None = None) -> None:
    """``task`` in the background, as the window runs its slow work."""
    from gridoffice.ui.workers import BackgroundJob

    def succeeded(result: Any) -> None:
        if check is not None:
            check(result)
        finish()

    def failed(exc: BaseException) -> None:
        fail(f"{type(exc).__name__}: {exc}")

    BackgroundJob(window, task, label="crash test", on_success=succeeded,
                  on_failure=failed).start()


FILLERS: list[Callable[[Any], None]] = []  # what the next form dialogs are filled with


@write("form")
def form_save(window: Any, _arg: str, finish: Callable[[], None]) -> None:
    """新增党员, one form after another: type into the member form, click OK (each save
    is its own transaction); ``mid`` after half of them."""
    roster = window.roster
    org_id = next(o.id for o in roster.service.list_orgs(include_retired=False)
                  if o.short_name == BRANCH)
    members = form_members()
    stored = stored_ids(window.context.opened.path)
    mark("start")
    for index, member in enumerate(members):
        if member["id_number"] in stored:  # saved before the program was killed
            continue
        def fill(dialog: Any, member: dict[str, str] = member) -> None:
            dialog.name_edit.setText(member["name"])
            dialog.id_edit.setText(member["id_number"])
            dialog.mobile_edit.setText(member["mobile"])
            dialog.join_edit.setText(member["join_date"])
            dialog.ok_button().click()
            if dialog.isVisible():
                fail(f"the form stayed open: {dialog.error_text()}")

        FILLERS.append(fill)
        if roster.member_actions.add(org_id) is None:
            fail("the member was not added")
        if index + 1 == len(members) // 2:
            mark("mid")
    finish()


@write("excel")
def excel_import(window: Any, arg: str, finish: Callable[[], None]) -> None:
    """导入党员 from the workbook ``arg``: the wizard's check, then its import in the
    background (one transaction); ``mid`` at its first progress report after rows were
    written (with SHEET_ROWS under one chunk: every row written, not yet committed)."""
    from gridoffice.services import roster_excel

    db, actor = window.db, window.services.roster.actor
    path = Path(arg)
    [sheet] = roster_excel.sheet_names(path)
    mapping = roster_excel.load_mapping(db, path, sheet)
    today = window.services.roster.today()
    plan = roster_excel.dry_run(db, path, sheet, mapping, today=today)
    if plan.problems or len(plan.new) not in (0, SHEET_ROWS):
        fail(f"the check found {len(plan.problems)} problems, {len(plan.new)} new")
    if not plan.new:  # imported before the program was killed: nothing left to do
        mark("start")
        finish()
        return
    mid = Once("mid")

    def task(progress: Callable[[int, int], bool]) -> Any:
        def step(done: int, total: int) -> bool:
            if done > 0:  # the rows are written, the commit is still to come
                mid()
            return progress(done, total)

        return roster_excel.apply(db, plan, actor=actor, today=today, progress=step)

    mark("start")
    _job(window, task, finish)


@write("sync")
def sync_import(window: Any, arg: str, finish: Callable[[], None]) -> None:
    """数据同步 → 导入 the package ``arg`` (the tab's import, in the background); ``mid``
    at the merge's first progress report (the backup before it is written by then)."""
    exchange = window.sync.exchange
    service = exchange.service
    original = service.import_files
    mid = Once("mid")

    def import_files(paths: Any, progress: Any = None) -> Any:
        def step(done: int, total: int) -> bool:
            if 0 < done < total:
                mid()
            return progress is None or progress(done, total)

        return original(paths, step)

    service.import_files = import_files
    mark("start")
    job = exchange.import_packages([Path(arg)])
    if job is None:
        fail("the import did not start")

    def check(results: Any) -> None:
        if [r.status for r in results] not in (["applied"], ["already"]):
            fail(f"not applied: {results}")

    job.succeeded.connect(check)
    job.finished.connect(finish)


@write("backup")
def backup_now(window: Any, _arg: str, finish: Callable[[], None]) -> None:
    """立即备份, BACKUPS times in a row (each in the background as the window runs
    it); ``mid`` once the first copy is written, before it is checked and named."""
    from gridoffice.services import backups

    path, folder = window.context.opened.path, window.context.paths.backup_dir
    original = backups.snapshot
    mid = Once("mid")

    def snapshot(source: Path, target: Path) -> None:
        original(source, target)
        mid()

    backups.snapshot = snapshot
    left = [BACKUPS]

    def one(_result: Any = None) -> None:
        if left[0] == 0:
            finish()
            return
        left[0] -= 1
        _job(window, lambda _progress: backups.create(path, folder, backups.MANUAL),
             lambda: None, one)

    mark("start")
    one()


@write("restore")
def restore_backup(window: Any, arg: str, finish: Callable[[], None]) -> None:
    """恢复 the backup ``arg`` (in the background); ``mid`` once the copy of today's data
    ("before_restore") is written, before the backup is copied into the data file."""
    from gridoffice.services import backups

    path, folder = window.context.opened.path, window.context.paths.backup_dir
    original = backups.create
    mid = Once("mid")

    def create(*args: Any, **kwargs: Any) -> Any:
        made = original(*args, **kwargs)
        mid()
        return made

    backups.create = create
    mark("start")
    _job(window, lambda _progress: backups.restore(path, folder, Path(arg), None), finish)


# --- running ---------------------------------------------------------------------------------
def _dialogs_never_block() -> None:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from gridoffice.ui import messages
    from gridoffice.ui.dialogs.form import FormDialog

    def exec_box(box: QMessageBox) -> int:
        mark("box " + box.text().replace("\n", " "))
        if box.icon() == QMessageBox.Icon.Question:
            return QMessageBox.StandardButton.Yes
        return QMessageBox.StandardButton.Ok

    def run_modal(dialog: QDialog) -> int:
        if not FILLERS:
            fail(f"unexpected dialog: {dialog.windowTitle()}")
        dialog.show()
        FILLERS.pop(0)(dialog)
        if dialog.isVisible():
            dialog.reject()
        return dialog.result()

    messages.exec_box = exec_box
    FormDialog.run_modal = staticmethod(run_modal)


def main(argv: list[str]) -> int:
    kind, folder, arg = argv[0], argv[1], (argv[2] if len(argv) > 2 else "")
    work = WRITES[kind]
    _dialogs_never_block()
    from PySide6.QtCore import QCoreApplication, QTimer

    from gridoffice.__main__ import main as gridoffice_main
    from gridoffice.ui.main_window import MainWindow

    load_data = MainWindow.load_data

    def loaded_then_write(window: MainWindow, *loaded: object) -> None:
        load_data(window, *loaded)
        if not window.loaded:
            fail("the window did not load its data")

        def finish() -> None:
            mark("done")
            QCoreApplication.exit(0)

        def begin() -> None:
            mark("ready")
            work(window, arg, finish)

        job = window.integrity_job  # the start check and daily backup: not part of this write
        if job is not None and job.running:
            job.finished.connect(lambda: QTimer.singleShot(0, begin))
        else:
            QTimer.singleShot(0, begin)

    MainWindow.load_data = loaded_then_write
    return gridoffice_main(["--data-dir", folder, "--language", "en"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
