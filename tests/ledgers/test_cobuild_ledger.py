"""The ledgers of co-building, made from a community's demo data and read back as
text: the three lists, the units, the 派单单 with its reply slip, the review surveys
and results, and the street's ledger of orders sent up. Residents are masked, and a
phone reaches the unit's paper only with the resident's consent."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from gridoffice import paths
from gridoffice.domain import cobuild
from gridoffice.errors import Cancelled
from gridoffice.ledgers import cobuild_ledger as ledgers
from gridoffice.services.cobuild import CobuildService, OrderQuery
from gridoffice.store.database import Database

TODAY = dt.date(2026, 11, 21)


def _flat(path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def office(demo_templates):
    db = Database(paths.resolve(demo_templates(1)).database)
    yield db, CobuildService(db, today=TODAY)
    db.close()


def test_the_list_of_needs_shows_every_order_of_the_year_masked(office, tmp_path):
    db, service = office
    year = max(r.raised_on.year for r in service.orders())
    rows = service.orders(OrderQuery(year=year))
    result = ledgers.render_needs(db, tmp_path / "needs.pdf", unit="幸福里社区", year=year,
                                  today=TODAY)
    assert result.rows == len(rows) and result.missing_chars == []
    box = PdfReader(result.path).pages[0].mediabox
    assert box.width > box.height
    text = _flat(result.path)
    assert f"{year}年居民需求清单" in text and "填报单位：幸福里社区" in text
    for head in ("编号", "登记日期", "居民", "网格", "类别", "紧急程度", "诉求内容", "来源",
                 "承办", "办结期限", "状态", "评价"):
        assert head in text
    for row in rows:
        assert row.code in text
        if row.person:
            assert row.person not in text or len(row.person) == 1  # 张* on paper
            assert row.person[0] + "*" in text
    taken = [r for r in rows if r.accepted_on]
    done = sum(1 for r in taken if r.state in cobuild.COMPLETED)
    assert f"受理{len(taken)}个，办结{done}个" in text
    assert f"{done / len(taken):.1%}" in text
    overdue = [r for r in rows if r.overdue]
    assert overdue and "（逾期）" in text


def test_resources_services_and_units(office, tmp_path):
    db, service = office
    resources = ledgers.render_resources(db, tmp_path / "r.pdf", unit="幸福里社区", today=TODAY)
    text = _flat(resources.path)
    current = [r for r in service.resources() if r.current(TODAY)]
    assert resources.rows == len(current) and "共驻共建资源清单" in text
    assert "四点半课堂" in text and "退休电工志愿队" in text
    assert not re.search(r"1[3-9]\d{9}", text)  # phones masked
    services = ledgers.render_services(db, tmp_path / "s.pdf", unit="幸福里社区", today=TODAY)
    text = _flat(services.path)
    assert services.rows == 30 and "共驻共建服务清单" in text
    for state in ("筹备中", "进行中", "已结束", "已暂停"):
        assert state in text
    units = ledgers.render_units(db, tmp_path / "u.pdf", unit="幸福里社区", today=TODAY)
    text = _flat(units.path)
    assert units.rows == len(service.units()) and "共驻共建单位一览表" in text
    assert "幸福物业服务有限公司" in text and "物业服务企业" in text and "业委会" in text
    assert "高建华" in text  # a part-time committee member
    assert "签订" in text and "未签订" in text


def test_a_work_order_for_each_order_given_out_with_a_reply_slip(office, tmp_path):
    db, service = office
    result = ledgers.render_work_orders(db, tmp_path / "w.pdf", unit="幸福里社区", today=TODAY)
    reader = PdfReader(result.path)
    assert result.rows == len(reader.pages) > 0
    for page in reader.pages:
        text = re.sub(r"\s+", "", page.extract_text())
        code = re.search(r"编号(\d{4}-\d{4})", text).group(1)
        [row] = [r for r in service.orders() if r.code == code]
        assert row.assignee_name in text and row.description in text
        assert "回执" in text and "承办人签字" in text and "沿此线剪下" in text
        place, phone = service.contact_for_unit(row.id)
        if phone:
            assert phone in text
        else:
            assert "居民未同意提供" in text and not re.search(r"1[3-9]\d{9}", text)
    one = service.orders(OrderQuery(state=cobuild.COMMUNITY))[0]
    single = ledgers.render_work_orders(db, tmp_path / "one.pdf", unit="幸福里社区",
                                        order_id=one.id, today=TODAY)
    assert single.rows == 1 and one.code in _flat(single.path)


def test_the_review_surveys_and_results(office, tmp_path):
    db, service = office
    year = next(y for y in (TODAY.year + 1, TODAY.year, TODAY.year - 1)
                if any(r.of_unit for r in service.review_results(y)))  # the demo's round
    forms = ledgers.render_review_forms(db, tmp_path / "f.pdf", unit="幸福里社区", year=year,
                                        today=TODAY)
    assert forms.rows == len(PdfReader(forms.path).pages) == len(service.review_basis(year))
    text = _flat(forms.path)
    for measure in ("协议履行", "党员服务", "领单办结", "居民满意", "共建活动", "沟通协调",
                    "服务群众", "总体满意"):
        assert measure in text
    results = ledgers.render_review(db, tmp_path / "r.pdf", unit="幸福里社区", year=year,
                                    today=TODAY)
    text = _flat(results.path)
    rows = service.review_results(year)
    assert f"{year}年共驻共建双向评议结果公示" in text and results.rows == len(rows)
    best = rows[0]
    assert best.rank == 1 and f"1{best.unit_name}" in text
    assert text.index(rows[0].unit_name) < text.index(rows[-1].unit_name)
    assert "优秀" in text or "良好" in text


def test_the_ledger_of_orders_sent_up_and_cancel(office, tmp_path):
    db, service = office
    year = TODAY.year
    result = ledgers.render_street_orders(db, tmp_path / "o.pdf", unit="幸福里社区", year=year,
                                          today=TODAY)
    sent = [r for r in service.orders(OrderQuery(sent_up=True))
            if r.accepted_on and r.accepted_on.year == year]
    assert result.rows == len(sent) > 0
    text = _flat(result.path)
    assert f"{year}年街道派单台账" in text
    for row in sent:
        assert row.code in text
    assert "城管执法中队" in text  # the street's dispatch, as it arrived
    target = tmp_path / "stopped.pdf"
    with pytest.raises(Cancelled):
        ledgers.render_needs(db, target, unit="幸福里社区", year=year,
                             progress=lambda done, total: False)
    assert not target.exists()
