"""The zh_CN catalogue in the words of a community office (DOMAIN.md's terms).

A person is 姓名 (名称 names things), code tables use the official terms, one
thing has one name across tabs, and no English or half-width punctuation is
left inside Chinese sentences.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from gridoffice.domain import codes, inservice, meetings
from gridoffice.paths import translations_dir

TS = translations_dir() / "gridoffice_zh_CN.ts"

#: Field labels that only a form or table about people has.
PERSON_FIELDS = {"Sex", "Born", "Birth date", "ID number", "Relation to head", "Identity",
                 "Mobile", "Job", "Checked in"}


def _messages() -> list[tuple[str, str, str]]:
    """(context, source, translation) of every message; numerus forms joined by |."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [n.text or "" for n in translation.iter("numerusform")]
            text = "|".join(forms) if forms else (translation.text or "")
            found.append((name, message.findtext("source") or "", text))
    return found


MESSAGES = _messages()


def test_a_person_is_named_xingming_never_mingcheng():
    contexts: dict[str, dict[str, str]] = {}
    for context, source, text in MESSAGES:
        contexts.setdefault(context, {})[source] = text
    people = sorted(c for c, m in contexts.items() if PERSON_FIELDS & set(m))
    for needed in ("ResidentTableModel", "ResidentDialog", "HouseholdMemberModel",
                   "MemberTableModel", "MemberFormDialog", "RegistrationTableModel"):
        assert needed in people
    wrong = [(c, s, contexts[c][s]) for c in people for s in ("Name", "Full name")
             if s in contexts[c] and contexts[c][s] != "姓名"]
    assert wrong == []
    full_name = [(c, t) for c, s, t in MESSAGES if s == "Full name" and t != "姓名"]
    assert full_name == []


def test_the_grid_team_dialog_speaks_of_a_role_and_a_person():
    team = {s: t for c, s, t in MESSAGES if c == "GridRoleDialog"}
    assert team["Team role"] == "岗位"
    assert team["Full name"] == "姓名"
    assert not any("单位" in t for t in team.values())


@pytest.mark.parametrize(("table", "terms"), [
    (codes.ORG_TYPES, ["党委", "党总支", "党支部", "联合党支部", "临时党支部", "党小组"]),
    (codes.SEATS, ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "党小组长",
                     "兼职委员"]),
    (codes.MEMBER_CATEGORY, ["直管党员", "在职党员", "流动党员", "离退休党员"]),
    (codes.RELATION_STATUS, ["正常", "转出中", "已转出", "停止党籍", "出党", "去世"]),
    (codes.TRANSFER_STATUS, ["草稿", "审核中", "已通过", "已退回", "等待接收", "确认接收"]),
    (codes.GRID_TYPES, ["城市网格", "农村网格", "专属网格"]),
    (codes.POPULATION_TYPES, ["户籍人口", "流动人口", "境外人员", "未落户人员"]),
    (codes.RESIDENCE_STATUS, ["人户一致", "人在户不在", "户在人不在"]),
    (codes.ID_TYPES, ["居民身份证", "港澳台居民居住证", "往来通行证", "护照",
                      "外国人永久居留身份证", "其他"]),
    (codes.HOUSE_USES, ["自住", "出租", "商用", "空置", "其他", "待查房"]),
    (meetings.MEETING_TYPES, ["居民议事会", "支部党员大会", "支委会", "党小组会", "党课",
                              "主题党日", "党建联席会议"]),
    (meetings.PRESENCE, ["出席", "请假", "缺席", "列席"]),
    (meetings.FOLLOW_UP_STATUS, ["待办", "进行中", "已完成", "逾期"]),
    (inservice.UNIT_TYPES, ["党政机关", "事业单位", "国有企业", "非公企业", "社会组织",
                            "物业服务企业", "业委会"]),
    (inservice.REVIEW_STATUS, ["待审核", "已通过", "已退回"]),
    (inservice.CLAIM_STATUS, ["申请中", "已认领", "已退出"]),
])
def test_code_tables_use_the_official_terms(table, terms):
    assert [code.zh() for code in table] == terms


def test_one_thing_has_one_name_across_tabs():
    texts = [t for _c, _s, t in MESSAGES]
    # who did it: 经办人, as on the office's paper forms
    assert not [t for t in texts if "操作员" in t]
    # the population type of a resident: 人口类型 (the form, the filter and the messages)
    assert not [t for t in texts if "人员类别" in t]
    # a grid's code is its 网格编码
    assert not [t for t in texts if "网格代码" in t or "网格编号" in t]
    # every search box and search field says 搜索
    searches = [t for _c, s, t in MESSAGES if s.startswith("Search")]
    assert len(searches) >= 8
    assert [t for t in searches if "搜索" not in t] == []
    # where the form lets one choose the ID type, the number is a 证件号码
    for context in {c for c, s, _t in MESSAGES if s == "ID type"} - {"codes", "errors",
                                                                    "MemberHistory"}:
        labels = {s: t for c, s, t in MESSAGES if c == context}
        if "ID number" in labels:
            assert labels["ID number"] == "证件号码", context


ALLOWED_LATIN = re.compile(
    r"\{[a-z_]+(?::[^}]*)?\}|%n|\(&[A-Z]\)|\*\.\w+|\.(?:xlsx|xlsm|xls|gridsync|gridid)\b"
    r"|--community|gridoffice-cli|sync (?:identity|trust)|Excel(?: 97-2003)?|WPS|PDF|JPEG|PNG|MB"
    r"|Ctrl\+Shift\+[A-Z]|Ctrl\+[A-Z]|Enter|Esc|Ins|F2|zw|\b\d{4}(?:Q\d|H\d)\b|U盘|setup"
    # what is typed at the command line: options, variables, formats, codes
    r"|--[a-z][a-z-]*|\$[A-Z_]+|\.pdf\b|JSON|YYYY|ZB\d{4}")
# The values the command line takes as they are typed (its help names them).
CLI_WORDS = re.compile(r"\b(?:small|large|street|community|keep|take|same_person|different"
                       r"|living_alone|print|export|reveal_identity|unlock|medium)\b")


def test_no_english_is_left_in_a_translation():
    left = [(c, t) for c, _s, t in MESSAGES
            if re.search(r"[A-Za-z]{2,}", ALLOWED_LATIN.sub(
                "", CLI_WORDS.sub("", t) if c == "cli" or "gridoffice-cli" in t else t))]
    assert left == []


def test_chinese_sentences_use_full_width_punctuation():
    half = re.compile(r"[\u4e00-\u9fff][,;!?]|[,;:!?][\u4e00-\u9fff]"
                      r"|[\u4e00-\u9fff]:(?!\s*\{)|[\u4e00-\u9fff]\((?!&|\*)")
    # ;; separates the filters of a file dialog
    wrong = [(c, t) for c, _s, t in MESSAGES if half.search(t.replace(";;", "\n"))]
    assert wrong == []
