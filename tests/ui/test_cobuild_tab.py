"""The co-building tab (共驻共建), driven as a worker would on real demo folders: a
need recorded, assigned to a matching unit, claimed, completed and rated; a bad
need refused with the field named and nothing stored; a resource edited and the
edit undone; a unit's agreement kept when the in-service tab edits the unit; the
review entered; the street's page of orders sent up and its dispatch; a grid
worker's reach; and a ledger printed from the tab."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from gridoffice.domain import access, cobuild
from gridoffice.domain.access import Actor
from gridoffice.services.cobuild import CobuildService, OrderQuery
from gridoffice.store.database import Database
from tests.conftest import copy_demo
from tests.sql import digest
from tests.street_fixture import make_street
from tests.ui.windows import open_window


@pytest.fixture
def folder(tmp_path, demo_templates) -> Path:
    return copy_demo(demo_templates(1), tmp_path)


@pytest.fixture
def window(qtbot, folder):
    main = open_window(qtbot, folder)
    yield main
    main.close()


def tab_of(window):
    tab = window.tab("cobuild")
    window.tabs.setCurrentWidget(tab)
    return tab


def select_code(page, code: str) -> None:
    row = next(i for i, r in enumerate(page.model.rows()) if r.code == code)
    page.view.selectRow(row)


def test_a_need_recorded_assigned_claimed_completed_and_rated(qtbot, window, dialogs, ui):
    tab = tab_of(window)
    page = tab.orders_page
    assert tab._stale == set(tab.built) - {0}  # the first load read the page shown only
    assert page.model.rowCount() == 40
    assert "40 orders" in page.count_label.text()
    service = CobuildService(window.db)

    def fill(dialog) -> None:
        ui.type_into(dialog.person_edit, "张桂兰")
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("health"))
        dialog.description_edit.setPlainText("独居老人需要每周上门测血压")
        dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("visit"))
        ui.type_into(dialog.phone_edit, "13912345678")
        dialog.consent_check.setChecked(True)
        ui.click_ok(dialog)

    dialogs.expect(fill)
    order_id = page.new_order()
    assert order_id is not None and page.current().id == order_id
    row = page.current()
    assert (row.person, row.state, row.category) == ("张桂兰", cobuild.NEW, "health")
    assert "138" not in page.info_label.text() and "139****5678" in page.info_label.text()
    matches = page.matches_model.rows()
    assert matches and all(m.resource.category == "health" for m in matches)
    best = matches[0].resource

    def assign(dialog) -> None:  # the best match is chosen already
        assert dialog.who_combo.currentData() in (best.unit_id, best.registration_id)
        ui.click_ok(dialog)

    dialogs.expect(assign)
    assert page.record(cobuild.ASSIGN) is not None
    assert page.current().state == cobuild.COMMUNITY
    assert page.current().assignee_name == best.provider_name
    for kind, text in ((cobuild.CLAIM, ""), (cobuild.COMPLETE, "已安排家庭医生每周上门")):
        dialogs.expect(lambda d, t=text: (d.text_edit.setPlainText(t), ui.click_ok(d)))
        assert page.record(kind) is not None

    def rate(dialog) -> None:
        dialog.rating_combo.setCurrentIndex(dialog.rating_combo.findData(4))
        ui.click_ok(dialog)

    dialogs.expect(rate)
    page.record(cobuild.RATE)
    stored = service.order(order_id)
    assert stored.row.state == cobuild.RATED and stored.row.rating == 4
    assert [s.kind for s in stored.steps] == ["assign", "claim", "complete", "rate"]
    assert page.steps_model.rowCount() == 4
    assert not page.rate_action.isEnabled()  # rated once


def test_a_need_without_a_description_is_refused_and_nothing_stored(qtbot, window, dialogs,
                                                                     ui, folder):
    page = tab_of(window).orders_page
    before = digest(window.db.path)
    errors = []

    def fill(dialog) -> None:
        ui.type_into(dialog.person_edit, "李秀英")
        ui.click_ok(dialog)  # the need left empty
        errors.append(dialog.error_text())
        assert dialog.isVisible()
        dialog.reject()

    dialogs.expect(fill)
    assert page.new_order() is None
    assert "Need" in errors[0] and "say what the resident needs" in errors[0]
    assert digest(window.db.path) == before


def test_a_resource_edit_is_undone_and_a_unit_keeps_its_agreement(qtbot, window, dialogs, ui):
    tab = tab_of(window)
    tab.pages.setCurrentIndex(1)
    page = tab.page(1)
    page.view.selectRow(0)
    before = page.current()

    def edit(dialog) -> None:
        ui.type_into(dialog.capacity_edit, "每次 99 人")
        ui.click_ok(dialog)

    dialogs.expect(edit)
    page.edit_resource()
    assert page.current().capacity == "每次 99 人"
    window.undo_stack.undo()
    assert {r.id: r for r in page.model.rows()}[before.id].capacity == before.capacity
    # The in-service tab edits a unit: its agreement is kept.
    units = tab.page(3)
    signed = next(u for u in units.model.rows() if u.agreement_signed)
    inservice = window.inservice
    from gridoffice.ui.dialogs.inservice_dialogs import WorkUnitDialog

    dialogs.expect(lambda d: (ui.type_into(d.contact_edit, "党办李主任"), ui.click_ok(d)))
    draft = inservice.service.work_unit(signed.id)
    WorkUnitDialog(inservice, draft=draft, save=lambda d: inservice.service.update_work_unit(
        signed.id, d) or d).ask_result()
    kept = inservice.service.work_unit(signed.id)
    assert kept.contact == "党办李主任"
    assert (kept.agreement_signed, kept.agreement_content) == (signed.agreement_signed,
                                                               signed.agreement_content)


def test_the_review_is_entered_from_its_suggestions(qtbot, window, dialogs, ui):
    tab = tab_of(window)
    page = tab.page(4)
    tab.pages.setCurrentIndex(4)
    page.view.selectRow(0)
    basis = page.current()
    seen = []

    def score(dialog) -> None:
        seen.append([s.value() for s in dialog.spins])
        dialog.spins[0].setValue(24)
        ui.click_ok(dialog)

    dialogs.expect(score)
    assert page.rate_unit() is not None
    assert seen[0] == list(basis.suggested) or seen[0] == list(
        page.model.results[basis.unit_id].of_unit or ())
    result = page.model.results[basis.unit_id]
    assert result.of_unit is not None and result.of_unit[0] == 24
    assert "units reviewed" in page.summary_label.text()


def test_a_ledger_printed_from_the_tab(qtbot, window, tmp_path):
    from gridoffice.ledgers import catalogue

    tab = tab_of(window)
    job = tab.print_ledger(catalogue.by_name("needs"))
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    preview = tab.ledgers.preview
    assert preview is not None
    text = "".join(p.extract_text() for p in PdfReader(preview.pdf_path).pages)
    assert "居民需求清单" in text and "2026-0001" in text


@pytest.fixture(scope="module")
def street_template(tmp_path_factory) -> Path:
    return Path(make_street(tmp_path_factory.mktemp("street"),
                            communities=("幸福里社区", "和平里社区")))


def test_the_street_dispatches_what_its_communities_sent_up(qtbot, tmp_path, street_template,
                                                             dialogs, ui):
    folder = tmp_path / "street"
    shutil.copytree(street_template, folder)
    window = open_window(qtbot, folder)
    try:
        tab = tab_of(window)
        page = tab.orders_page
        rows = page.model.rows()
        assert rows and all(r.sent_up for r in rows) and len(rows) == 12  # six each
        assert page.model.community_column() >= 0
        assert all("*" in r.person for r in rows if r.person)  # masked at the street
        assert not page.new_action.isVisible() or not page.new_action.isEnabled()
        departments = tab.page(6)
        dialogs.expect(lambda d: (ui.type_into(d.name_edit, "街道城管科"), ui.click_ok(d)))
        departments.new_department()
        waiting = next(r for r in page.model.rows() if r.state == cobuild.SENT_UP)
        page.view.selectRow(page.model.row_of(waiting.id))
        assert page.dispatch_action.isEnabled() and page.return_action.isEnabled()

        def dispatch(dialog) -> None:
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(cobuild.DEPARTMENT))
            dialog.who_combo.setCurrentIndex(dialog.who_combo.findText("街道城管科"))
            ui.click_ok(dialog)

        dialogs.expect(dispatch)
        assert page.record(cobuild.DISPATCH) is not None
        db = Database(window.context.opened.path)
        try:
            street = CobuildService(db)
            row = {r.id: r for r in street.orders(OrderQuery(sent_up=True))}[waiting.id]
            assert (row.state, row.assignee_name) == (cobuild.DISPATCHED, "街道城管科")
            step = db.path and street.order(waiting.id).steps[-1]
            assert step.office == "street"
        finally:
            db.close()
        rates = tab.page(5)
        assert rates.by_combo.currentData() == "community"
        assert {r.label for r in rates.model.rows() if r.key} == {"幸福里社区", "和平里社区"}
    finally:
        window.close()


def test_a_grid_worker_sees_the_needs_of_their_grid_and_records_them(qtbot, folder):
    db = Database(open_window.__globals__["open_database"](
        open_window.__globals__["paths"].resolve(folder)).path)
    try:
        grid = CobuildService(db).orders()[0].grid_id
    finally:
        db.close()
    worker = Actor("grid1", "赵网格", access.GRID, grids=frozenset({grid}))
    window = open_window(qtbot, folder, actor=worker)
    try:
        page = tab_of(window).orders_page
        assert page.model.rowCount() > 0
        assert {r.grid_id for r in page.model.rows()} == {grid}
        assert page.new_action.isVisible() and page.claim_action.isVisible()
        assert not page.assign_action.isVisible() and not page.close_action.isVisible()
        assert not tab_of(window).page(1).new_action.isVisible()
    finally:
        window.close()


def test_a_need_heard_at_a_council_links_back_to_its_agenda_item(qtbot, window, dialogs, ui):
    page = tab_of(window).orders_page
    offered = []

    def fill(dialog) -> None:
        dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("council"))
        offered.extend(dialog.link_combo.itemText(i) for i in range(dialog.link_combo.count()))
        dialog.link_combo.setCurrentIndex(1)
        dialog.description_edit.setPlainText("议事会提出：小区南门加装无障碍坡道")
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("disability"))
        ui.click_ok(dialog)

    dialogs.expect(fill)
    order_id = page.new_order()
    assert len(offered) > 2 and offered[0] == "(not linked)"
    detail = CobuildService(window.db).order(order_id)
    assert detail.source_table == "agenda_item" and detail.source_text
    assert detail.source_text in offered[1]
    assert detail.source_text in page.info_label.text()
    raised = CobuildService(window.db).orders_raised_from("agenda_item", detail.source_id)
    assert order_id in [r.id for r in raised]


def test_a_joint_meeting_offers_the_units_for_their_representatives(qtbot, window, dialogs,
                                                                   ui):
    from gridoffice.domain import meetings
    from gridoffice.ui.dialogs.meeting_dialogs import AttendeePickerDialog

    assert meetings.MEETING_TYPES.zh("joint") == "党建联席会议"
    service = window.meetings.service
    units = service.unit_names()
    assert "幸福物业服务有限公司" in units and "区人民医院" in units
    saved = []

    def fill(dialog) -> None:
        completer = dialog.unit_edit.completer()
        completer.setCompletionPrefix("物业")
        assert completer.currentCompletion() == "幸福物业服务有限公司"
        ui.type_into(dialog.name_edit, "物业经理刘强")
        ui.type_into(dialog.unit_edit, "幸福物业服务有限公司")
        dialog.identity_combo.setCurrentIndex(dialog.identity_combo.findData("unit"))
        ui.click_ok(dialog)

    dialogs.expect(fill)
    AttendeePickerDialog(window, people=service.people, save=saved.extend,
                         units=units).ask_result()
    assert [(d.name, d.identity, d.unit) for d in saved] == [
        ("物业经理刘强", "unit", "幸福物业服务有限公司")]


def test_evidence_attached_to_an_order_and_saved_back(qtbot, window, tmp_path, message_log,
                                                     monkeypatch):
    tab = tab_of(window)
    page = tab.orders_page
    page.view.selectRow(0)
    scan = tmp_path / "现场照片.jpg"
    scan.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    monkeypatch.setattr(tab, "ask_open_path", lambda _title: str(scan))
    assert page.attach() is not None
    assert page.files_list.count() == 1 and "现场照片.jpg" in page.files_list.item(0).text()
    page.files_list.setCurrentRow(0)
    copy = tmp_path / "copy.jpg"
    monkeypatch.setattr(tab, "ask_save_path", lambda _name: str(copy))
    assert page.save_file() == copy and copy.read_bytes() == scan.read_bytes()
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    monkeypatch.setattr(tab, "ask_open_path", lambda _title: str(empty))
    before = digest(window.db.path)
    assert page.attach() is None
    assert "empty.pdf" in message_log.texts[-1]
    assert digest(window.db.path) == before
