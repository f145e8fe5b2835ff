"""The in-service members tab (在职党员到社区报到): a member not on file registered
through the form, reviewed, a post claimed until full, an activity with a record
entered afterwards, the points of the period and a correction; a member on file
registered by picking them; undo of review, claims and leaving."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from gridoffice.domain import inservice as rules
from gridoffice.services.inservice import (
    ActivityDraft,
    InServiceService,
    PostDraft,
    RegistrationDraft,
    WorkUnitDraft,
)
from gridoffice.ui.models.inservice_tables import (
    ACT_IN,
    POST_CLAIMED,
    POST_STATUS,
    PTS_GRADE,
    PTS_HOURS,
    PTS_NAME,
    PTS_PERIOD,
    PTS_YEAR,
    REG_MOBILE,
    REG_NAME,
    REG_POSTS,
    REG_STATUS,
    REG_UNIT,
)
from gridoffice.ui.tabs.inservice import PAGE_ACTIVITIES, PAGE_POINTS, PAGE_POSTS

NOW = dt.datetime(2026, 11, 21, 9, 0)
YES = QMessageBox.StandardButton.Yes


@pytest.fixture
def tab(window):
    return window.inservice


@pytest.fixture
def inservice(window, tab) -> InServiceService:
    """The tab on a service with a fixed clock and the default rules."""
    service = InServiceService(window.db, "王芳", now=NOW, point_rules=rules.PointRules())
    tab.attach(window.services.replace(inservice=service))
    return service


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def column(model, col: int) -> list[str]:
    return [cell(model, r, col) for r in range(model.rowCount())]


def register_by_form(dialogs, ui, tab, *, name="李明", id_number="110105195803120213",
                     mobile="13812345678", unit="区教育局") -> str:
    def fill_unit(dialog):
        ui.type_into(dialog.name_edit, unit)
        ui.type_into(dialog.party_edit, "区教育局机关党委")
        ui.click_ok(dialog)

    def fill(dialog):
        assert not dialog.name_edit.isEnabled()  # nothing typed before the choice
        dialog.free_check.setChecked(True)
        assert dialog.name_edit.isEnabled()
        ui.type_into(dialog.name_edit, name)
        ui.type_into(dialog.id_edit, id_number)
        ui.type_into(dialog.mobile_edit, mobile)
        ui.type_into(dialog.job_edit, "科员")
        dialog.category_checks["legal"].setChecked(True)
        ui.click_ok(dialog)
        assert dialog.error_text() != ""  # no work unit yet: said inline, nothing stored
        ui.click(dialog.new_unit_button)  # added on the spot and chosen
        ui.click_ok(dialog)

    dialogs.expect(fill)
    dialogs.expect(fill_unit)
    registration_id = tab.new_registration()
    assert registration_id is not None
    return registration_id


def test_registration_to_points(qtbot, ui, dialogs, message_log, window, tab, inservice):
    registration_id = register_by_form(dialogs, ui, tab)
    model = tab.model
    assert column(model, REG_NAME) == ["李明"]
    assert cell(model, 0, REG_UNIT) == "区教育局"
    assert cell(model, 0, REG_MOBILE) == "138****5678"  # masked on screen
    assert cell(model, 0, REG_STATUS) == "Awaiting review"
    assert inservice.registration(registration_id).wished_categories == ("legal",)

    # returned with a reason, then approved; undo goes back to "returned"
    dialogs.expect(lambda d: (ui.type_into(d.reason_edit, "工作单位证明未附"), ui.click_ok(d)))
    assert tab.return_registration() == "工作单位证明未附"
    assert cell(model, 0, REG_STATUS) == "Returned"
    assert tab.approve()
    assert cell(model, 0, REG_STATUS) == "Approved"
    window.undo_stack.undo()
    assert cell(model, 0, REG_STATUS) == "Returned"
    window.undo_stack.redo()
    assert cell(model, 0, REG_STATUS) == "Approved"
    assert [e.item for e in inservice.entries(registration_id)] == [rules.FIRST_REGISTRATION]

    # a post with one place: the first claim takes it, the next one is refused
    posts = tab.page(PAGE_POSTS)

    def fill_post(dialog):
        ui.type_into(dialog.name_edit, "法律咨询岗")
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("legal"))
        dialog.quota_spin.setValue(1)
        ui.click_ok(dialog)

    dialogs.expect(fill_post)
    assert posts.new_post() is not None

    def pick(registration):
        def fill(dialog):
            assert dialog.choose(registration)
            ui.click_ok(dialog)
        return fill

    dialogs.expect(pick(registration_id))
    assert posts.claim() is not None
    assert cell(posts.model, 0, POST_CLAIMED) == "1"
    assert cell(posts.model, 0, POST_STATUS) == "Full"
    tab.reload()
    assert cell(model, 0, REG_POSTS) == "1"

    other = inservice.register(RegistrationDraft(
        inservice.find_work_unit("区教育局"), dt.date(2026, 5, 1), name="赵磊",
        id_number="510107199005142034", mobile="13900001111"))
    inservice.review(other, True)
    tab.refresh()
    dialogs.expect(pick(other))
    assert posts.claim() is None
    assert message_log.warnings()[-1] == (
        "The post 法律咨询岗 is full: 1 of 1 places are taken.")

    window.undo_stack.undo()  # the claim taken back
    assert cell(posts.model, 0, POST_CLAIMED) == "0"
    window.undo_stack.redo()
    assert cell(posts.model, 0, POST_CLAIMED) == "1"

    # an activity, and a record entered afterwards from the paper sheet
    activities = tab.page(PAGE_ACTIVITIES)

    def fill_activity(dialog):
        ui.type_into(dialog.name_edit, "社区普法宣传")
        dialog.date_edit.set_date(dt.date(2026, 11, 15))
        ui.type_into(dialog.place_edit, "社区广场")
        ui.click_ok(dialog)

    dialogs.expect(fill_activity)
    assert activities.new_activity() is not None
    assert column(activities.model, 1) == ["社区普法宣传"]

    def fill_record(dialog):
        dialog.member_combo.setCurrentIndex(dialog.member_combo.findData(registration_id))
        dialog.hours_spin.setValue(3)
        ui.click_ok(dialog)

    dialogs.expect(fill_record)
    assert activities.add_record() is not None
    assert column(activities.records_model, 0) == ["李明"]
    assert cell(activities.records_model, 0, 4) == "3"
    assert cell(activities.records_model, 0, 6) == "王芳"  # confirmed by the operator
    assert cell(activities.model, 0, ACT_IN) == "1"

    # the points of the quarter: for registering and for the activity
    points = tab.page(PAGE_POINTS)
    assert points.period.text == "2026Q4"
    names = column(points.model, PTS_NAME)
    row = names.index("李明")
    earned = inservice.rules.first_registration + inservice.rules.activity
    assert cell(points.model, row, PTS_PERIOD) == str(earned)
    assert cell(points.model, row, PTS_YEAR) == str(earned)
    assert cell(points.model, row, PTS_HOURS) == "3"
    assert cell(points.model, row, PTS_GRADE) == "Fail"
    assert points.units_model.rowCount() == 1
    points.period_edit.setText("2026Q3")
    assert points.typed_period()
    assert column(points.model, PTS_NAME) == ["赵磊"]  # 李明 reported in November
    points.period_edit.setText("2026Q5")
    assert not points.typed_period()  # said in a box; the period stays
    assert points.period.text == "2026Q3"
    assert "2026Q5" in message_log.warnings()[-1]
    points.set_period(rules.parse_period("2026Q4"))

    # a correction is a new entry; the original stays
    tab.select_registration(registration_id)
    tab.detail_tabs.setCurrentIndex(2)
    first = next(i for i, e in enumerate(tab.entries_model.rows())
                 if e.item == rules.FIRST_REGISTRATION)
    tab.entries_view.setCurrentIndex(tab.entries_model.index(first, 0))
    assert tab.correct_action.isEnabled()

    def fill_correction(dialog):
        dialog.points_spin.setValue(-4)
        ui.click_ok(dialog)
        assert not dialog.ok_button().isEnabled() or dialog.error_text()  # a reason first
        ui.type_into(dialog.reason_edit, "首次报到分值录入有误")
        ui.click_ok(dialog)

    dialogs.expect(fill_correction)
    assert tab.correct_entry() is not None
    items = [(e.item, e.points) for e in inservice.entries(registration_id)]
    assert (rules.FIRST_REGISTRATION, 10) in items and (rules.CORRECTION, -4) in items
    row = column(points.model, PTS_NAME).index("李明")
    assert cell(points.model, row, PTS_PERIOD) == str(earned - 4)


def test_linked_registration_takes_the_person_on_file(ui, dialogs, tab, inservice, members,
                                                     branches):
    from gridoffice.domain.party import full_membership_date
    from gridoffice.services.roster import MemberDraft

    join = dt.date(1983, 7, 1)
    member_id = members.add(MemberDraft(
        name="张伟", id_number="110105195803120213", mobile="13812345678", join_date=join,
        status="full", full_date=full_membership_date(join), category="in_service",
        education="20", ethnicity="01", org_id=branches.first))
    unit = inservice.add_work_unit(WorkUnitDraft("市卫健委", "government"))
    tab.refresh()
    seen = {}

    def fill(dialog):
        ui.type_into(dialog.search_edit, "张伟")
        dialog.search()
        seen["found"] = [p.kind for p in dialog.people_found()]
        assert dialog.choose(member_id)
        seen["name"] = dialog.name_edit.text()
        seen["editable"] = dialog.name_edit.isEnabled() or dialog.id_edit.isEnabled()
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(unit))
        ui.click_ok(dialog)

    dialogs.expect(fill)
    registration_id = tab.new_registration()
    assert registration_id is not None
    assert seen == {"found": ["member"], "name": "张伟", "editable": False}
    assert column(tab.model, REG_NAME) == ["张伟"]
    assert cell(tab.model, 0, REG_MOBILE) == "138****5678"  # the member's, masked
    draft = inservice.registration_draft(registration_id)
    assert draft.member_id == member_id
    assert (draft.id_number, draft.mobile) == ("", "")  # no second copy of the numbers
    assert "party member record" in tab.header_label.text()

    # the same person a second time: refused inline, nothing stored
    def again(dialog):
        ui.type_into(dialog.search_edit, "zw")
        dialog.search()
        assert dialog.choose(member_id)
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(unit))
        ui.click_ok(dialog)
        seen["error"] = dialog.error_text()

    dialogs.expect(again)
    assert tab.new_registration() is None
    assert "already registered" in seen["error"]
    assert len(inservice.registrations()) == 1

    # editing keeps the person; the personal fields stay closed
    def edit(dialog):
        seen["edit"] = (dialog.name_edit.text(), dialog.name_edit.isEnabled(),
                        dialog.search_edit.isEnabled())
        ui.type_into(dialog.job_edit, "副处长")
        ui.click_ok(dialog)

    dialogs.expect(edit)
    tab.edit_registration()
    assert seen["edit"] == ("张伟", False, False)
    assert inservice.registration(registration_id).job == "副处长"


def test_leave_rejoin_reveal_and_filters(ui, dialogs, message_log, window, tab, inservice):
    unit = inservice.add_work_unit(WorkUnitDraft("区教育局", "government"))
    first = inservice.register(RegistrationDraft(unit, dt.date(2026, 3, 1), name="李明",
                                                 id_number="110105195803120213",
                                                 mobile="13812345678"))
    inservice.review(first, True)
    second = inservice.register(RegistrationDraft(unit, dt.date(2026, 10, 1), name="刘芳",
                                                  mobile="13900001111"))
    post = inservice.add_post(PostDraft("文明劝导岗", "governance", 3))
    inservice.claim(first, post)
    tab.refresh()
    assert column(tab.model, REG_NAME) == ["李明", "刘芳"]
    tab.status_combo.setCurrentIndex(tab.status_combo.findData(rules.PENDING))
    assert column(tab.model, REG_NAME) == ["刘芳"]
    tab.status_combo.setCurrentIndex(0)
    tab.due_check.setChecked(True)  # approved 2026-03-01: due 2026-09-01, overdue
    assert column(tab.model, REG_NAME) == ["李明"]
    assert cell(tab.model, 0, 8) == "2026-09-01 (due)"
    tab.due_check.setChecked(False)
    tab.search_edit.setText("lf")
    tab.reload()
    assert column(tab.model, REG_NAME) == ["刘芳"]
    tab.search_edit.setText("")
    tab.reload()

    tab.select_registration(first)
    message_log.answers.append(YES)
    assert tab.reveal() == ("110105195803120213", "13812345678")
    assert "110105195803120213" in message_log.texts[-1]

    dialogs.expect(lambda d: (ui.type_into(d.note_edit, "调往外区工作"), ui.click_ok(d)))
    tab.leave()
    assert inservice.registration(first).left_on == NOW.date()
    assert inservice.claims(registration_id=first) == []  # open claims withdrawn
    assert column(tab.model, REG_NAME) == ["刘芳"]
    window.undo_stack.undo()
    assert inservice.registration(first).left_on is None
    assert [c.status for c in inservice.claims(registration_id=first)] == [rules.CLAIMED]

    tab.select_registration(first)
    dialogs.expect(lambda d: ui.click_ok(d))
    tab.reregister()
    assert inservice.registration(first).last_registered_on == NOW.date()
    window.undo_stack.undo()
    assert inservice.registration(first).last_registered_on == dt.date(2026, 3, 1)
    del second


def test_check_in_mode_opens_the_check_in_window(monkeypatch, tab, inservice):
    inservice.add_activity(ActivityDraft("周末义务巡逻", NOW.date()))
    activities = tab.page(PAGE_ACTIVITIES)
    opened = []

    def run(dialog):
        opened.append(type(dialog).__name__)
        return 0

    monkeypatch.setattr(type(tab), "run_dialog", staticmethod(run))
    activities.check_in_mode()
    assert opened == ["CheckInDialog"]


def test_work_units_dialog_and_point_rules(ui, dialogs, tab, inservice):
    def add_unit(dialog):
        ui.type_into(dialog.name_edit, "市税务局")
        ui.click_ok(dialog)

    def units(dialog):
        ui.click(dialog.new_button)
        assert dialog.model.rowCount() == 1
        ui.click_ok(dialog)

    dialogs.expect(units)
    dialogs.expect(add_unit)
    tab.edit_work_units()
    assert [u.name for u in inservice.work_units()] == ["市税务局"]
    assert tab.unit_combo.findData(inservice.find_work_unit("市税务局")) > 0

    points = tab.page(PAGE_POINTS)

    def fill_rules(dialog):
        assert "keep the rule" in dialog.intro.text()
        dialog.spins["pass_mark"].setValue(90)  # above excellent: refused inline
        ui.click_ok(dialog)
        assert dialog.error_text()
        dialog.spins["pass_mark"].setValue(65)
        ui.click_ok(dialog)

    dialogs.expect(fill_rules)
    points.edit_rules()
    assert inservice.rules.pass_mark == 65
    assert "Pass mark 65" in points.banner.text()


def test_printing_the_ledgers(qtbot, monkeypatch, tmp_path, tab, inservice):
    pytest.importorskip("gridoffice.ledgers.inservice_ledger")
    unit = inservice.add_work_unit(WorkUnitDraft("区教育局", "government"))
    registration = inservice.register(RegistrationDraft(
        unit, dt.date(2026, 3, 1), name="李明", id_number="110105195803120213",
        mobile="13812345678"))
    inservice.review(registration, True)
    tab.refresh()
    tab.select_registration(registration)
    for action, name in ((tab.register_print_action, "在职党员报到一览表.pdf"),
                         (tab.form_print_action, "在职党员报到登记表_ZB0001.pdf"),
                         (tab.unit_notice_action, "在职党员积分公示表_2026Q4_区教育局.pdf"),
                         (tab.checkin_card_action, "报到卡_ZB0001.pdf")):
        assert action.isEnabled()
        with qtbot.waitSignal(tab.ledgers.opened, timeout=30_000) as blocker:
            action.trigger()
        preview = blocker.args[0]
        assert preview.suggested_name == name
        with qtbot.waitSignal(preview.destroyed):
            preview.close()
        preview = blocker = None

    monkeypatch.setattr(tab, "ask_folder", lambda: str(tmp_path))
    job = tab.print_letters()
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["区教育局_2026Q4.pdf"]


def test_withdraw_is_undone_by_claiming_again_and_models_are_sound(
        qtmodeltester, message_log, window, tab, inservice):
    unit = inservice.add_work_unit(WorkUnitDraft("区教育局", "government"))
    registration = inservice.register(RegistrationDraft(unit, dt.date(2026, 3, 1), name="李明"))
    inservice.review(registration, True)
    post = inservice.add_post(PostDraft("文明劝导岗", "governance", 2))
    inservice.claim(registration, post)
    posts = tab.page(PAGE_POSTS)
    assert posts.claims_model.rowCount() == 1
    message_log.answers.append(YES)
    posts.withdraw()
    assert inservice.claims(post_id=post) == []
    window.undo_stack.undo()
    assert [c.status for c in inservice.claims(post_id=post)] == [rules.CLAIMED]
    points = tab.page(PAGE_POINTS)
    for model in (tab.model, tab.entries_model, posts.model, posts.claims_model,
                  points.model, points.units_model):
        qtmodeltester.check(model)


def test_a_search_fills_the_detail_once(monkeypatch, tab, inservice):
    """A keystroke that moves the selection fills the detail (claims, records, points:
    three reads) once, not once for the move and again after the reload."""
    unit = inservice.add_work_unit(WorkUnitDraft("区教育局", "government"))
    for name, mobile in (("李明", "13812345678"), ("刘芳", "13900001111")):
        inservice.review(inservice.register(RegistrationDraft(
            unit, dt.date(2026, 3, 1), name=name, mobile=mobile)), True)
    tab.refresh()
    assert column(tab.model, REG_NAME) == ["李明", "刘芳"]
    shown = []
    original = tab.detail.show_registration
    monkeypatch.setattr(tab.detail, "show_registration",
                        lambda row, service: (shown.append(row.name), original(row, service)))
    tab.search_edit.setText("lf")  # from 李明 to 刘芳
    tab.search_edit.returnPressed.emit()
    assert column(tab.model, REG_NAME) == ["刘芳"]
    assert shown == ["刘芳"]
    tab.search_edit.setText("")  # the same row stays selected: its detail read again
    tab.search_edit.returnPressed.emit()
    assert shown == ["刘芳", "刘芳"]
