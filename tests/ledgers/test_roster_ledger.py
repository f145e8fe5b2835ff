"""党员花名册 from a real database, checked through the PDF's text."""

from __future__ import annotations

import datetime as dt
import random
import re

from pypdf import PdfReader

from gridoffice.domain.identity import check_character
from gridoffice.ledgers.roster_ledger import render_roster_ledger
from gridoffice.services.orgs import OrgDraft
from gridoffice.services.roster import MemberDraft, MemberQuery, RosterService
from gridoffice.store.tables import Member
from tests.conftest import TODAY

HEADERS = ("序号", "姓名", "性别", "民族", "出生年月", "年龄", "籍贯", "学历", "入党时间",
           "转正时间", "党员类别", "党内职务", "工作单位及职务", "居住地址", "联系电话", "备注")


def _branch(orgs):
    founded = dt.date(2015, 1, 1)
    root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee", established=founded))
    return orgs.create(OrgDraft("第一网格党支部", "branch", root.id, established=founded))


def _bulk_members(db, org_id, count):
    """``count`` members straight into the table (the ledger is what is tested)."""
    rng = random.Random(5)
    rows = []
    for i in range(count):
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(15_000))
        stem = f"11010{i // 1000}{birth:%Y%m%d}{i % 1000:03d}"  # unique: area digit + sequence
        rows.append({"name": f"党员{i:04d}", "sex": "1" if i % 3 else "2", "ethnicity": "01",
                     "birth_date": birth, "id_number": stem + check_character(stem),
                     "mobile": f"139{i:08d}", "join_date": dt.date(2010, 7, 1),
                     "status": "full", "full_date": dt.date(2011, 7, 1), "category": "direct",
                     "org_id": org_id, "education": "20",
                     "address": f"幸福里{i % 9 + 1}号楼2单元301",
                     "name_pinyin": f"dangyuan{i:04d}", "name_initials": "dy"})
    with db.write() as session:
        db.bulk_insert(session, Member, rows)
    return rows


def test_two_thousand_members(db, orgs, tmp_path):
    branch = _branch(orgs)
    rows = _bulk_members(db, branch.id, 2000)
    out = tmp_path / "roster.pdf"
    result = render_roster_ledger(db, out, unit="幸福里社区", org_id=branch.id,
                                  org_name=branch.name)
    reader = PdfReader(out)
    pages = [page.extract_text() for page in reader.pages]
    assert result.rows == 2000 and result.pages == len(pages) > 40
    for text in (pages[0], pages[-1]):  # the header row repeats on every page
        assert all(header in text for header in HEADERS[:4])
        assert f"共 {len(pages)} 页" in text and "内部资料" in text
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    everything = "".join(pages)
    assert "党员0000" in everything and "党员1999" in everything
    assert "支部书记" in pages[-1] and "填表人" in pages[-1]
    for row in rows[:50]:  # no full ID number, phone or door number on paper
        assert row["id_number"] not in everything and row["mobile"] not in everything
    assert "139****0000" in everything
    assert "幸福里1号楼2单元301" not in everything and "幸福里1号楼2单元" in everything


def test_as_of_date_and_statuses(db, orgs, tmp_path):
    branch = _branch(orgs)
    roster = RosterService(db, "王芳", today=TODAY)
    base = dict(mobile="无", category="direct", org_id=branch.id, ethnicity="01")
    stays = roster.add(MemberDraft(name="李建国", id_number="110105195803120213",
                                   join_date=dt.date(1985, 7, 1), full_date=dt.date(1986, 7, 1),
                                   **base), since=dt.date(2015, 1, 1))
    leaves = roster.add(MemberDraft(name="王芳", id_number="110105196307080421",
                                    join_date=dt.date(1990, 7, 1), full_date=dt.date(1991, 7, 1),
                                    **base), since=dt.date(2015, 1, 1))
    roster.add(MemberDraft(name="赵磊", id_number="510107199005142034",
                           join_date=dt.date(2025, 6, 1), status="probationary", **base))
    roster.set_relation_status(leaves, "deceased", dt.date(2026, 3, 1))
    assert stays
    then = tmp_path / "then.pdf"
    render_roster_ledger(db, then, unit="幸福里社区", org_id=branch.id, as_of=dt.date(2026, 1, 1))
    text = "".join(p.extract_text() for p in PdfReader(then).pages)
    assert "李建国" in text and "王芳" in text and "赵磊" in text
    assert "2026年1月1日" in text
    now = tmp_path / "now.pdf"
    render_roster_ledger(db, now, unit="幸福里社区", org_id=branch.id)
    text = "".join(p.extract_text() for p in PdfReader(now).pages)
    assert "王芳" not in text.split("填报单位")[1]  # deceased: not on today's roster
    assert re.search(r"预备期已满\s*待转正", text)  # 赵磊's probation ended 2026-06-01
    assert len(roster.list_members(MemberQuery(org_id=branch.id))) == 2
