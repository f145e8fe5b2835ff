"""Pinyin search keys (gridoffice.domain.search_keys)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice.domain.search_keys import name_key_variants, name_keys, query_key

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("name", "keys"), [
    ("张伟", ("zhangwei", "zw")),
    ("王芳", ("wangfang", "wf")),
    ("曾伟", ("zengwei", "zw")),
    ("曾经", ("zengjing", "zj")),  # a name, not the word 曾经 (ceng jing)
    ("单田芳", ("shantianfang", "stf")),
    ("仇英", ("qiuying", "qy")),
    ("解缙", ("xiejin", "xj")),
    ("查良镛", ("zhaliangyong", "zly")),
    ("区志强", ("ouzhiqiang", "ozq")),
    ("朴槿惠", ("piaojinhui", "pjh")),
    ("乐嘉", ("yuejia", "yj")),
    ("盖聂", ("genie", "gn")),
    ("万俟卨", ("moqixie", "mqx")),
    ("尉迟恭", ("yuchigong", "ycg")),
    ("长孙无忌", ("zhangsunwuji", "zswj")),
    ("翟天临", ("zhaitianlin", "ztl")),
    ("𠮷祥", ("𠮷xiang", "𠮷x")),
    ("䶮", ("yan", "y")),
    ("刘䶮", ("liuyan", "ly")),
    ("买买提·吐尔逊", ("maimaitituerxun", "mmttex")),
    ("吕布", ("lvbu", "lb")),
    ("John Smith", ("johnsmith", "js")),
    ("José", ("jose", "j")),
    ("", ("", "")),
])
def test_name_keys(name, keys):
    assert name_keys(name) == keys


def test_keys_are_lower_case_ascii_except_unknown_ideographs():
    for name in ("张伟", "欧阳娜娜", "买买提·吐尔逊", "John Smith"):
        full, initials = name_keys(name)
        assert full.isascii() and full == full.lower()
        assert initials.isascii() and initials == initials.lower()


def test_variants():
    assert name_key_variants("张伟") == ["zhangwei", "zw"]
    assert name_key_variants("曾伟") == ["zengwei", "zw", "cengwei", "cw"]
    assert name_key_variants("单田芳")[:4] == ["shantianfang", "stf", "dantianfang", "dtf"]
    assert "lubu" in name_key_variants("吕布")
    assert "wansixie" in name_key_variants("万俟卨")
    assert name_key_variants("") == []


@pytest.mark.parametrize(("typed", "key"), [
    ("zw", "zw"),
    (" Zhang Wei ", "zhangwei"),
    ("ＺＨＡＮＧ", "zhang"),
    ("xi'an", "xian"),
    ("mai·mai ti", "maimaiti"),
    ("lü", "lv"),
    ("张伟", "张伟"),
])
def test_query_key(typed, key):
    assert query_key(typed) == key


def test_a_query_finds_the_name():
    pairs = (("zw", "张伟"), ("zhangw", "张伟"), ("cengw", "曾伟"), ("mmt", "买买提·吐尔逊"))
    for query, name in pairs:
        assert any(key.startswith(query_key(query)) for key in name_key_variants(name))


def test_pypinyin_is_not_imported_at_start_up():
    code = ("import sys, gridoffice.domain.search_keys, gridoffice.domain.identity, "
            "gridoffice.domain.masking, gridoffice.domain.party; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pypinyin', 'stdnum')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True, timeout=60)
    assert result.stdout.strip() == "[]"
