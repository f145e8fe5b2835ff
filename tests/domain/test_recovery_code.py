"""The recovery key's text form: 8 groups of 4 Crockford base32 characters and a
check symbol; typing is forgiving, a typo is caught by the check symbol."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridoffice.domain import recovery_code
from gridoffice.domain.recovery_code import (
    ALPHABET,
    CHECK_ALPHABET,
    format_code,
    normalise,
    parse_code,
)
from gridoffice.errors import ValidationError

keys = st.binary(min_size=20, max_size=20)
SHAPE = re.compile(r"^(?:[0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z*~$=U]$")


def _zh(exc: ValidationError) -> str:
    return exc.localized("zh_CN")


def test_known_values():
    assert format_code(bytes(20)) == "0000-0000-0000-0000-0000-0000-0000-0000-0"
    assert format_code(b"\xff" * 20) == "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-" + \
        CHECK_ALPHABET[(2**160 - 1) % 37]
    one = (1).to_bytes(20, "big")
    assert format_code(one) == "0000-0000-0000-0000-0000-0000-0000-0001-1"
    # 36 is the largest check value, printed U
    assert format_code((36).to_bytes(20, "big")).endswith("-0014-U")


def test_wrong_byte_count_is_a_bug():
    with pytest.raises(ValueError):
        format_code(bytes(16))


@given(keys)
def test_round_trip_and_shape(raw):
    code = format_code(raw)
    assert SHAPE.match(code), code
    assert len(code.replace("-", "")) == 33
    assert parse_code(code) == raw


@given(keys, st.data())
def test_typing_is_forgiving(raw, data):
    code = format_code(raw)
    plain = code.replace("-", "")
    variants = [
        code.lower(),
        plain,
        " ".join(code.split("-")),
        "  " + plain.lower() + "\n",
        code.replace("0", "O").replace("1", data.draw(st.sampled_from("IiLl"))),
        "".join(chr(ord(c) + 0xFEE0) for c in code),  # typed full-width
    ]
    for text in variants:
        assert parse_code(text) == raw, text


@given(keys, st.integers(min_value=0, max_value=32), st.data())
def test_any_single_character_change_is_caught(raw, position, data):
    chars = list(format_code(raw).replace("-", ""))
    allowed = CHECK_ALPHABET if position == 32 else ALPHABET
    chars[position] = data.draw(st.sampled_from([c for c in allowed if c != chars[position]]))
    with pytest.raises(ValidationError) as caught:
        parse_code("".join(chars))
    assert caught.value.field == "recovery_key"
    assert caught.value.message == recovery_code.MSG_CHECK


@given(keys, st.integers(min_value=0, max_value=31))
def test_two_neighbours_swapped_are_caught(raw, position):
    chars = list(format_code(raw).replace("-", ""))
    if chars[position] == chars[position + 1]:
        return
    chars[position], chars[position + 1] = chars[position + 1], chars[position]
    with pytest.raises(ValidationError):
        parse_code("".join(chars))


def test_empty_key():
    with pytest.raises(ValidationError) as caught:
        parse_code(" - - ")
    assert caught.value.field == "recovery_key"
    assert "恢复密钥" in _zh(caught.value)


@pytest.mark.parametrize("drop", [1, 5])
def test_wrong_length_names_the_field_and_counts(drop):
    code = format_code(bytes(range(20))).replace("-", "")
    with pytest.raises(ValidationError) as caught:
        parse_code(code[drop:])
    text = _zh(caught.value)
    assert caught.value.field == "recovery_key"
    assert "恢复密钥" in text and str(33 - drop) in text and "33" in text


def test_a_character_that_cannot_occur_is_named_with_its_place():
    code = format_code(bytes(range(20)))
    bad = code[:5] + "U" + code[6:]  # group 2, character 1: U is only a check symbol
    with pytest.raises(ValidationError) as caught:
        parse_code(bad)
    text = _zh(caught.value)
    assert "U" in text and "2" in text and "恢复密钥" in text
    with pytest.raises(ValidationError) as caught:
        parse_code(code[:-1] + "#")
    assert "#" in _zh(caught.value)


def test_the_check_mismatch_message_is_chinese():
    code = format_code(bytes(range(20)))
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(ValidationError) as caught:
        parse_code(wrong)
    assert "恢复密钥" in _zh(caught.value) and "校验" in _zh(caught.value)


def test_normalise():
    assert normalise(" ab-cd oil ") == "ABCD011"
