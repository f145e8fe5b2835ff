"""党组织设置一览表 from a real database, checked through the PDF's text."""

from __future__ import annotations

import datetime as dt
import re

from pypdf import PdfReader

from gridoffice.ledgers.org_ledger import render_org_ledger
from gridoffice.services import demo
from gridoffice.services.orgs import OrgDraft
from tests.conftest import TODAY


def pdf_text(path):
    reader = PdfReader(path)
    return reader, [page.extract_text() for page in reader.pages]


def test_demo_ledger_has_header_rows_and_footer(db, tmp_path):
    summary = demo.fill(db, seed=3, today=TODAY)
    out = tmp_path / "orgs.pdf"
    result = render_org_ledger(db, out, unit="幸福里社区", as_of=TODAY)
    reader, pages = pdf_text(out)
    assert result.pages == len(pages) and result.rows == summary.orgs - 1  # one is retired
    first = pages[0]
    for text in ("党组织设置一览表", "填报单位", "幸福里社区", "序号", "党组织名称", "上级党组织",
                 "书记", "中共幸福里社区委员会", "党委", "党小组"):
        assert text in first, text
    assert f"第 1 页 共 {len(pages)} 页" in first
    assert "内部资料" in first and "注意保密" in first
    last = pages[-1]
    assert "党组织书记" in last and "填表人" in last
    assert "老旧小区改造临时党支部" not in "".join(pages)  # retired before TODAY
    box = reader.pages[0].mediabox
    assert box.width > box.height  # 11 columns: A4 landscape


def test_font_is_embedded_as_a_subset(db, orgs, tmp_path):
    orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    out = tmp_path / "orgs.pdf"
    render_org_ledger(db, out, unit="幸福里社区")
    fonts = PdfReader(out).pages[0]["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font = ref.get_object()
        descendants = font.get("/DescendantFonts")
        target = descendants[0].get_object() if descendants else font
        descriptor = target.get("/FontDescriptor")
        if descriptor is not None and "/FontFile2" in descriptor.get_object():
            embedded.append(str(target["/BaseFont"]))
    assert embedded and all("+" in name for name in embedded)


def test_as_of_shows_the_tree_and_seats_of_that_day(db, orgs, tmp_path):
    root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee",
                                established=dt.date(2021, 6, 18)))
    branch = orgs.create(OrgDraft("第九网格党支部", "branch", root.id,
                                  established=dt.date(2021, 7, 1)))
    orgs.appoint(root.id, "secretary", "李建国", dt.date(2021, 6, 18))
    orgs.appoint(root.id, "secretary", "张伟", dt.date(2024, 5, 1))
    orgs.retire(branch.id, dt.date(2025, 1, 1))
    then, now = tmp_path / "then.pdf", tmp_path / "now.pdf"
    render_org_ledger(db, then, unit="幸福里社区", as_of=dt.date(2023, 1, 1))
    render_org_ledger(db, now, unit="幸福里社区", as_of=TODAY)
    then_text, now_text = "".join(pdf_text(then)[1]), "".join(pdf_text(now)[1])
    assert "李建国" in then_text and "张伟" not in then_text and "第九网格党支部" in then_text
    assert "张伟" in now_text and "李建国" not in now_text and "第九网格党支部" not in now_text
    assert "2023年1月1日" in then_text


def test_character_outside_the_font_is_marked_not_lost(db, orgs, tmp_path):
    root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    orgs.appoint(root.id, "secretary", "𠮷祥")
    result = render_org_ledger(db, tmp_path / "orgs.pdf", unit="幸福里社区")
    assert result.missing_chars == ["𠮷"]
    text = "".join(pdf_text(tmp_path / "orgs.pdf")[1])
    assert re.search(r"\[U\+20BB7\]\s*祥", text)
