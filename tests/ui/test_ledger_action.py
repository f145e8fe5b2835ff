"""File → Ledger of party organisations…: made in the background, then previewed."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("gridoffice.ledgers.org_ledger")


def test_ledger_is_made_in_the_background_and_previewed(qtbot, window, roster, service):
    from gridoffice.services.orgs import OrgDraft

    committee = service.create(OrgDraft("中共幸福里社区委员会", "committee"))
    service.create(OrgDraft("第一网格党支部", "branch", committee.id))
    service.appoint(committee.id, "secretary", "李建国", dt.date(2021, 6, 30))
    roster.reload()
    with qtbot.waitSignal(roster.ledger_opened, timeout=30_000) as blocker:
        window.ledger_action.trigger()
    preview = blocker.args[0]
    assert preview.isVisible()
    assert preview.page_count() >= 1
    assert preview.suggested_name == f"党组织设置一览表_{dt.date.today().isoformat()}.pdf"
    temporary = preview.pdf_path
    assert temporary.is_file()
    with qtbot.waitSignal(preview.destroyed):
        preview.close()
    assert not temporary.exists()
    assert roster.preview is None
