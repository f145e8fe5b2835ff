"""In-service ledgers (报到登记表, 一览表, 服务记录卡, 积分公示表, 反馈函, 报到卡 and
post posters), checked through the PDFs' text; the public notice is scanned page
by page for anything that looks like a person's number."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from gridoffice.domain import inservice as rules
from gridoffice.errors import Cancelled, UserError, ValidationError
from gridoffice.ledgers.inservice_ledger import (
    POSTER_HOW_TO,
    find_registration,
    find_work_unit,
    notice_window,
    period_label,
    post_payload,
    poster_qr_text,
    render_checkin_cards,
    render_checkin_forms,
    render_checkin_register,
    render_points_notice,
    render_post_posters,
    render_service_cards,
    render_unit_letter,
    render_unit_letters,
    safe_file_name,
)
from gridoffice.services.households import GridDraft, HouseholdService
from gridoffice.services.inservice import (
    ActivityDraft,
    InServiceService,
    PostDraft,
    RegistrationDraft,
    WorkUnitDraft,
    save_point_rules,
)
from tests.conftest import TODAY

UNIT = "幸福里社区"
NOW = dt.datetime(2026, 11, 21, 9, 0)
Q3 = rules.parse_period("2026Q3")
Q4 = rules.parse_period("2026Q4")
# Explicit points rules: each entry keeps the points it was made with.
RULES = rules.PointRules(first_registration=10, activity=2, duty_per_hour=1, wish=5)

PEOPLE = (  # name, id number, mobile, unit key, job
    ("李明", "110105195803120213", "13812345678", "edu", "科长"),
    ("王红", "110105196307080421", "13912345670", "edu", "教师"),
    ("赵强", "310104197502190357", "13712345671", "bank", "客户经理"),
    ("买买提·吐尔逊", "650102198001010012", "15012345672", "bank", None),
)
PENDING = ("陈静", "110101199003070046", "18612345673", "bank", "职员")


@dataclass
class Office:
    service: InServiceService
    units: dict[str, str]
    people: dict[str, str]  # name -> registration id
    posts: dict[str, str]
    grid: str


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


class _Flat(str):
    """Extracted text without whitespace; ``needle in flat`` ignores the needle's spaces."""

    def __contains__(self, needle: object) -> bool:
        return re.sub(r"\s+", "", str(needle)) in str(self)


def _flat(text: str) -> _Flat:
    return _Flat(re.sub(r"\s+", "", text))


def build_office(db) -> Office:
    """Two work units, four approved members and one pending, two posts, service in
    2026Q3 and 2026Q4, a small-wish bonus."""
    grid = HouseholdService(db, operator="王芳").create_grid(
        GridDraft("110105001001001", "幸福里第一网格"))
    service = InServiceService(db, operator="王芳", now=NOW, point_rules=RULES)
    units = {
        "edu": service.add_work_unit(WorkUnitDraft("区教育局", "government",
                                                   "中共区教育局机关委员会", "张主任",
                                                   "01068881234")),
        "bank": service.add_work_unit(WorkUnitDraft("工商银行幸福支行", "state_enterprise",
                                                    "工商银行幸福支行党支部")),
    }
    people = {}
    for name, id_number, mobile, unit, job in PEOPLE:
        rid = service.register(RegistrationDraft(
            units[unit], dt.date(2026, 3, 1), name=name, id_number=id_number, mobile=mobile,
            home_address="幸福里小区3号楼2单元501室", grid_id=grid, job=job,
            skills="法律咨询" if name == "李明" else "", wished_categories=("legal",)))
        service.review(rid, True)
        people[name] = rid
    name, id_number, mobile, unit, job = PENDING
    people[name] = service.register(RegistrationDraft(
        units[unit], dt.date(2026, 11, 1), name=name, id_number=id_number, mobile=mobile,
        job=job))
    posts = {"patrol": service.add_post(PostDraft("治安巡逻", "safety", 5, grid)),
             "legal": service.add_post(PostDraft("法律咨询服务岗", "legal", 2,
                                                 description="每月第一个周六上午"))}
    service.claim(people["李明"], posts["legal"])
    service.claim(people["李明"], posts["patrol"])
    service.claim(people["赵强"], posts["patrol"])
    service.claim(people["王红"], posts["patrol"], accept=False)
    service.add_record(people["李明"], dt.date(2026, 7, 12), 3.0, "小区夜间巡逻",
                       post_id=posts["patrol"])
    service.add_record(people["李明"], dt.date(2026, 8, 2), 2.5, "为居民提供法律咨询",
                       post_id=posts["legal"])
    service.add_record(people["赵强"], dt.date(2026, 9, 5), 2.0, "垃圾分类宣传")
    activity = service.add_activity(ActivityDraft("敬老院慰问", dt.date(2026, 11, 21)))
    service.check_in(activity, people["李明"], NOW)
    service.check_out(activity, people["李明"], NOW + dt.timedelta(hours=1, minutes=30))
    service.add_points(people["王红"], rules.WISH, dt.date(2026, 8, 20), "帮助孤寡老人买药")
    return Office(service, units, people, posts, grid)


@pytest.fixture
def office(db) -> Office:
    return build_office(db)


NUMBER_LIKE = (
    re.compile(r"\d{11,}"),  # a full mobile or ID number
    re.compile(r"\d{3,6}\*{2,}\d{2,4}"),  # masked: 138****5678, 110105********0213
    re.compile(r"1[3-9]\d\D{0,3}\d{4}\D{0,3}\d{4}"),  # a mobile split by spaces or dashes
)


def _assert_no_numbers(texts: list[str]) -> None:
    for number, text in enumerate(texts, start=1):
        flat = re.sub(r"\s+", "", text)
        for pattern in NUMBER_LIKE:
            assert not pattern.search(flat), (number, pattern.pattern, pattern.search(flat))
        for _name, id_number, mobile, *_rest in (*PEOPLE, PENDING):
            assert mobile not in flat and id_number not in flat


def test_checkin_forms_one_page_per_person_masked(db, office, tmp_path):
    out = tmp_path / "forms.pdf"
    result = render_checkin_forms(db, out, unit=UNIT, today=TODAY)
    pages = _texts(out)
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.height > reader.pages[0].mediabox.width  # portrait
    assert result.rows == 4 and result.pages == len(pages) == 4  # approved only
    first = _flat(pages[0])
    for label in ("在职党员到社区报到登记表", "填报单位：幸福里社区", "填报日期：2026年11月21日",
                  "姓名", "性别", "出生年月", "身份证号", "联系电话", "政治面貌", "居住地址",
                  "所在网格", "工作单位", "单位性质", "职务", "单位党组织", "报到类型", "报到日期",
                  "特长", "意向岗位", "审核状态", "认领岗位", "本人签字", "社区党组织审核意见",
                  "盖章", "第1页共4页", "内部资料注意保密"):
        assert label in first, label
    for value in ("李明", "男", "1958.03", "110105********0213", "138****5678", "正式党员",
                  "幸福里小区3号楼2单元", "幸福里第一网格", "区教育局", "党政机关", "科长",
                  "中共区教育局机关委员会", "个人报到", "2026年3月1日", "法律咨询",
                  "法律咨询与援助", "已通过", "治安巡逻、法律咨询服务岗", "ZB0001"):
        assert value in first, value
    assert "501" not in first  # the address stops at building/unit
    assert "13812345678" not in first and "110105195803120213" not in first
    assert "治安巡逻（申请中）" in _flat(pages[1])  # 王红 applied only
    assert "买买提·吐尔逊" in _flat(pages[3]) and "国有企业" in _flat(pages[3])

    one = tmp_path / "one.pdf"
    result = render_checkin_forms(db, one, unit=UNIT, today=TODAY,
                                  registration_id=office.people["陈静"])
    text = _flat("".join(_texts(one)))
    assert result.pages == 1 and "陈静" in text and "待审核" in text


def test_checkin_register_landscape(db, office, tmp_path):
    out = tmp_path / "register.pdf"
    result = render_checkin_register(db, out, unit=UNIT, today=TODAY)
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    assert result.rows == 5
    text = _flat("".join(_texts(out)))
    for header in ("序号", "编号", "姓名", "性别", "工作单位", "单位性质", "职务", "联系电话",
                   "所在网格", "报到日期", "审核状态", "认领岗位", "备注"):
        assert header in text, header
    for value in ("在职党员到社区报到一览表", "ZB0005", "陈静", "待审核", "186****5673",
                  "工商银行幸福支行", "国有企业", "2026.03.01", "共5人，其中已通过审核4人"):
        assert value in text, value
    assert not re.search(r"\d{11,}", text)


def test_service_cards(db, office, tmp_path):
    out = tmp_path / "cards.pdf"
    result = render_service_cards(db, out, unit=UNIT, today=TODAY, period="2026Q3",
                                  registration_id=office.people["李明"])
    text = _flat("".join(_texts(out)))
    assert result.rows == 1 and result.pages == 1
    for value in ("在职党员服务记录卡", "（2026年第三季度）", "李明", "ZB0001", "区教育局", "日期",
                  "服务内容", "时长（小时）", "确认人", "积分", "2026.07.12", "小区夜间巡逻",
                  "为居民提供法律咨询", "王芳", "合计服务2次，服务时长5.5小时，服务积分5分",
                  "本人签字", "社区确认人"):
        assert value in text, value
    assert "敬老院慰问" not in text  # 2026Q4

    everyone = tmp_path / "all.pdf"
    result = render_service_cards(db, everyone, unit=UNIT, today=TODAY)
    pages = _texts(everyone)
    assert result.rows == 4 and len(pages) == 4
    assert "敬老院慰问" in _flat(pages[0]) and "合计服务3次" in _flat(pages[0])
    assert "合计服务0次" in _flat(pages[1])  # 王红: nothing served, still a card


def test_points_notice_has_no_numbers(db, office, tmp_path):
    save_point_rules(db.path, rules.PointRules(supervision_phone="010-68881234"))
    out = tmp_path / "points.pdf"
    result = render_points_notice(db, out, unit=UNIT, period="2026Q3", today=TODAY)
    pages = _texts(out)
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    assert result.rows == 4
    _assert_no_numbers(pages)
    text = _flat("".join(pages))
    for header in ("序号", "姓名", "工作单位", "网格", "认领岗位", "活动次数", "服务时长",
                   "本期积分", "累计积分", "等次", "备注"):
        assert header in text, header
    for value in ("在职党员积分公示表", "（2026年第三季度）", "李明", "王红", "赵强",
                  "买买提·吐尔逊", "幸福里第一网格", "治安巡逻、法律咨询服务岗", "不合格",
                  "公示期5个工作日：2026年11月23日至2026年11月27日", "监督电话：010-68881234"):
        assert value in text, value
    assert "陈静" not in text  # not approved
    assert "ZB0001" not in text
    # 李明 in Q3: 2 records, 5.5 hours, 3 + 2 points; with the first registration the
    # year to Q3's end has 15
    assert "李明区教育局幸福里第一网格治安巡逻、法律咨询服务岗25.5515不合格" in text


def test_points_notice_of_one_unit(db, office, tmp_path):
    out = tmp_path / "bank.pdf"
    result = render_points_notice(db, out, unit=UNIT, period=Q3, today=TODAY,
                                  work_unit_id=office.units["bank"])
    pages = _texts(out)
    _assert_no_numbers(pages)
    text = _flat("".join(pages))
    assert result.rows == 2
    assert "工商银行幸福支行·2026年第三季度" in text
    assert "赵强" in text and "买买提·吐尔逊" in text
    assert "李明" not in text and "王红" not in text and "区教育局" not in text
    assert "监督电话：____" in text  # no phone set: a line to fill in


def test_unit_letters_one_file_per_unit(db, office, tmp_path):
    folder = tmp_path / "letters" / "2026Q3"
    results = render_unit_letters(db, folder, unit=UNIT, period=Q3, today=TODAY)
    assert sorted(p.name for p in folder.iterdir()) == sorted(r.path.name for r in results)
    assert [r.path.name for r in results] == ["区教育局_2026Q3.pdf", "工商银行幸福支行_2026Q3.pdf"]
    edu, bank = (_flat("".join(_texts(r.path))) for r in results)
    _assert_no_numbers(_texts(results[0].path) + _texts(results[1].path))
    for value in ("在职党员到社区报到履职情况反馈函", "中共区教育局机关委员会：",
                  "共有2名在职党员在本社区报到", "参加活动和岗位履职2次", "服务时长5.5小时",
                  "本期共获得积分10分", "优秀0人、合格0人、不合格2人", "认领岗位", "本期积分",
                  "李明", "王红", "幸福里社区党委（盖章）", "2026年11月21日"):
        assert value in edu, value
    assert "赵强" not in edu
    assert "工商银行幸福支行党支部：" in bank and "赵强" in bank and "李明" not in bank
    assert results[0].rows == 2 and results[1].rows == 2

    single = render_unit_letter(db, tmp_path / "edu.pdf", unit=UNIT, period="2026Q3",
                                work_unit_id=office.units["edu"], today=TODAY)
    assert _flat("".join(_texts(single.path))) == edu


def test_unit_letter_prints_the_points_each_grade_comes_from(db, office, tmp_path):
    """A grade on paper can be checked: the year's points it comes from, the days
    they were earned in and the marks are printed beside it."""
    letter = render_unit_letter(db, tmp_path / "edu.pdf", unit=UNIT, period=Q3,
                                work_unit_id=office.units["edu"], today=TODAY)
    text = _flat("".join(_texts(letter.path)))
    assert "本期积分年度累计积分等次" in text
    rows = office.service.points(Q3, work_unit_id=office.units["edu"])
    assert rows
    for row in rows:
        graded = rules.grade(row.year_points, office.service.rules)
        assert graded == row.grade
        assert (f"{row.name}" in text and
                f"{row.period_points}{row.year_points}{rules.GRADES.zh(graded)}" in text), row
    assert "年度累计积分（2026年1月1日至2026年9月30日所得积分" in text
    assert "80分及以上为优秀，60分及以上为合格，不足60分为不合格" in text
    assert "年度尚未结束" in text  # a Q3 grade is not yet the year's
    year = render_unit_letter(db, tmp_path / "year.pdf", unit=UNIT, period="2026",
                              work_unit_id=office.units["edu"], today=TODAY)
    text = _flat("".join(_texts(year.path)))
    assert "2026年1月1日至2026年12月31日" in text and "年度尚未结束" not in text


def test_checkin_cards_and_post_posters(db, office, tmp_path):
    out = tmp_path / "cards.pdf"
    result = render_checkin_cards(db, out, unit=UNIT, today=TODAY)
    pages = _texts(out)
    assert result.rows == 4 and len(pages) == 1  # 8 to a page
    text = _flat(pages[0])
    for code, name in (("ZB0001", "李明"), ("ZB0002", "王红"), ("ZB0003", "赵强"),
                       ("ZB0004", "买买提·吐尔逊")):
        assert code in text and name in text
    assert "ZB0005" not in text  # pending
    assert "工商银行幸福支行" in text
    _assert_no_numbers(pages)
    raw = out.read_bytes()
    assert len(raw) > 5000  # the QR modules are drawn

    posters = tmp_path / "posters.pdf"
    result = render_post_posters(db, posters, unit=UNIT, today=TODAY)
    pages = _texts(posters)
    assert result.rows == 2 and len(pages) == 2
    joined = _flat("".join(pages))
    for value in ("治安巡逻", "法律咨询服务岗", "安全宣传与治安巡逻", "法律咨询与援助",
                  "岗位名额：5人（已认领2人）", "每月第一个周六上午", "幸福里第一网格"):
        assert value in joined, value


def test_post_poster_code_reads_on_a_phone(db, office, tmp_path):
    """The poster's QR code is text a phone shows: the community, the post and how
    to check in (as the check-in window works), then the line for the program."""
    post = next(p for p in office.service.posts() if p.id == office.posts["patrol"])
    text = poster_qr_text(post, unit=UNIT, grid="幸福里第一网格")
    lines = text.split("\n")
    assert lines[0] == "幸福里社区在职党员服务岗位"
    assert "岗位：治安巡逻" in lines and "类别：安全宣传与治安巡逻" in lines
    assert "服务网格：幸福里第一网格" in lines
    assert lines[-2] == POSTER_HOW_TO and "本人报到卡" in POSTER_HOW_TO
    assert "手机号后四位" in POSTER_HOW_TO
    assert lines[-1] == post_payload(post.id) == f"GRIDOFFICE:POST:{post.id}"
    # the card codes and phone tails the how-to names are what the window looks up
    assert office.service.lookup("ZB0001")[0].name == "李明"
    assert office.service.lookup("5678")[0].name == "李明"

    posters = tmp_path / "posters.pdf"
    render_post_posters(db, posters, unit=UNIT, post_id=post.id, today=TODAY)
    printed = _flat("".join(_texts(posters)))
    assert "手机扫描二维码可查看本岗位信息和签到办法。" in printed
    assert POSTER_HOW_TO in printed
    if shutil.which("zbarimg") and shutil.which("pdftoppm"):  # read the code back
        subprocess.run(["pdftoppm", "-png", "-r", "150", str(posters), str(tmp_path / "p")],
                       check=True)
        image = next(tmp_path.glob("p*.png"))
        read = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True,
                              text=True, check=True).stdout
        assert read.rstrip("\n") == text


def test_many_cards_fill_pages(db, tmp_path):
    service = InServiceService(db, operator="王芳", now=NOW, point_rules=RULES)
    unit = service.add_work_unit(WorkUnitDraft("市卫健委", "government"))
    for n, name in enumerate("甲乙丙丁戊己庚辛壬"):
        rid = service.register(RegistrationDraft(unit, dt.date(2026, 3, 1), name=f"党员{name}",
                                                 mobile=f"1391234{n:04d}"))
        service.review(rid, True)
    out = tmp_path / "cards.pdf"
    result = render_checkin_cards(db, out, unit=UNIT, today=TODAY)
    pages = _texts(out)
    assert result.rows == 9 and len(pages) == 2
    assert "ZB0008" in _flat(pages[0]) and "ZB0009" in _flat(pages[1])


def test_lookups_and_helpers(db, office):
    assert find_registration(db, "zb０００２") == office.people["王红"]
    with pytest.raises(UserError):
        find_registration(db, "ZB9999")
    assert find_work_unit(db, " 区教育局 ") == office.units["edu"]
    with pytest.raises(UserError) as raised:
        find_work_unit(db, "市财政局")
    assert "市财政局" in raised.value.one_line()
    with pytest.raises(ValidationError):
        render_points_notice(db, "/nonexistent/x.pdf", unit=UNIT, period="2026Q5")
    assert period_label(Q3) == "2026年第三季度"
    assert period_label(rules.parse_period("2026H1")) == "2026年上半年"
    assert period_label(rules.parse_period("2026-07")) == "2026年7月"
    assert period_label(rules.parse_period("2026")) == "2026年度"
    assert notice_window(dt.date(2026, 11, 21), 5) == (dt.date(2026, 11, 23),
                                                       dt.date(2026, 11, 27))
    assert notice_window(dt.date(2026, 11, 19), 5) == (dt.date(2026, 11, 19),
                                                       dt.date(2026, 11, 25))
    assert safe_file_name('a/b:c*?"<>|') == "a_b_c______"
    assert safe_file_name("CON") == "_CON" and safe_file_name(" .. ") == "单位"


def test_cancel_writes_nothing(db, office, tmp_path):
    out = tmp_path / "forms.pdf"
    with pytest.raises(Cancelled):
        render_checkin_forms(db, out, unit=UNIT, today=TODAY,
                             progress=lambda done, total: done < 2)
    assert not out.exists()


def test_empty_office_prints_empty_ledgers(db, tmp_path):
    for render, kwargs in ((render_checkin_forms, {}), (render_checkin_register, {}),
                           (render_service_cards, {"period": Q4}),
                           (render_points_notice, {"period": Q4}),
                           (render_checkin_cards, {}), (render_post_posters, {})):
        out = tmp_path / f"{render.__name__}.pdf"
        result = render(db, out, unit=UNIT, today=TODAY, **kwargs)
        assert result.rows == 0 and result.pages == 1 and out.exists()
    assert render_unit_letters(db, tmp_path / "letters", unit=UNIT, period=Q4,
                               today=TODAY) == []
