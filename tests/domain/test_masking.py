"""Masking before rendering (gridoffice.domain.masking): examples, totality, idempotence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridoffice.domain.masking import (
    mask_address,
    mask_birth,
    mask_id,
    mask_name_public,
    mask_phone,
)


@pytest.mark.parametrize(("value", "masked"), [
    ("110105195803120213", "110105********0213"),
    ("11010519870412006x", "110105********006X"),
    ("110105580312021", "110105******021"),
    ("１１０１０５１９５８０３１２０２１３", "110105********0213"),
    ("E12345678", "E1*****78"),
    ("", ""),
    (None, ""),
    ("AB", "**"),
    ("110105********0213", "110105********0213"),
])
def test_mask_id(value, masked):
    assert mask_id(value) == masked


@pytest.mark.parametrize(("value", "masked"), [
    ("13812345678", "138****5678"),
    ("+86 138 1234 5678", "138****5678"),
    ("010-12345678", "010-****5678"),
    ("010-12345678-123", "010-****5678-123"),
    ("0311-1234567", "0311-***4567"),
    ("无", "无"),
    ("", ""),
    (None, ""),
    ("138****5678", "138****5678"),
    ("555-123-4567", "555-***-4567"),
    ("1234", "****"),
])
def test_mask_phone(value, masked):
    assert mask_phone(value) == masked


@pytest.mark.parametrize(("name", "masked"), [
    ("张伟", "张*"),
    ("张三丰", "张**"),
    ("欧阳娜娜", "欧***"),
    ("𠮷祥", "𠮷*"),
    ("刘䶮", "刘*"),
    ("买买提·吐尔逊", "买**·***"),
    ("阿依古丽·买买提·艾山", "阿***·***·**"),
    ("John Smith", "J*** *****"),
    ("张", "张"),
    ("张*", "张*"),
    ("", ""),
    (None, ""),
])
def test_mask_name_public(name, masked):
    assert mask_name_public(name) == masked


@pytest.mark.parametrize(("value", "masked"), [
    (dt.date(1958, 3, 12), "1958-03"),
    (dt.datetime(1958, 3, 12, 8, 0), "1958-03"),
    ("1958-03-12", "1958-03"),
    ("1958年3月", "1958-03"),
    ("1958-03", "1958-03"),
    ("1958", "1958"),
    ("not a date", ""),
    (None, ""),
])
def test_mask_birth(value, masked):
    assert mask_birth(value) == masked


@pytest.mark.parametrize(("address", "masked"), [
    ("幸福里3号楼2单元301", "幸福里3号楼2单元"),
    ("幸福里3号楼2单元301室", "幸福里3号楼2单元"),
    ("幸福里3号楼301", "幸福里3号楼"),
    ("幸福里3栋2单元1202", "幸福里3栋2单元"),
    ("阳光花园A座1201", "阳光花园A座"),
    ("和平街二单元5号", "和平街二单元"),
    ("3-2-301", "3-2"),
    ("幸福里3-2-301室", "幸福里3-2"),
    ("3-2", "3-2"),
    ("2-3-2-301", "2-3-2-***"),
    ("0-000-0", "0-000-0"),
    ("幸福里3-301", "幸福里3-***"),
    ("柳树胡同12号", "柳树胡同**号"),
    ("幸福里301", "幸福里***"),
    ("栋梁小区", "栋梁小区"),
    ("栋梁小区5号楼3单元101", "栋梁小区5号楼3单元"),
    ("", ""),
    (None, ""),
])
def test_mask_address(address, masked):
    assert mask_address(address) == masked


any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
addressy = st.text(st.sampled_from("幸福里号楼栋幢座单元室胡同-0123456789A二 "), max_size=20)
phoney = st.text(st.sampled_from("+0123456789- ()无*"), max_size=20)


@given(st.one_of(any_text, addressy, phoney, st.none()))
def test_masking_is_total_and_idempotent(value):
    for mask in (mask_id, mask_phone, mask_name_public, mask_address, mask_birth):
        once = mask(value)
        assert isinstance(once, str)
        assert mask(once) == once


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_mask_birth_of_dates_is_idempotent(day):
    assert mask_birth(mask_birth(day)) == mask_birth(day) == f"{day:%Y-%m}"
