"""ID numbers, phones, names, loose dates and ages (gridoffice.domain.identity)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from gridoffice.domain import identity
from gridoffice.domain.identity import (
    IdNumber,
    LooseDate,
    add_months,
    add_years,
    age_on,
    check_agrees,
    check_character,
    id_dedupe_key,
    name_length,
    normalize_input,
    normalize_name,
    parse_id_for_type,
    parse_id_number,
    parse_loose_date,
    parse_phone,
    phone_kind,
)
from gridoffice.errors import ValidationError

TODAY = dt.date(2026, 11, 21)
DOMAIN_SAMPLES = [
    "110105195803120213",
    "110105196307080421",
    "310104197502190357",
    "510107199005142034",
    "11010519870412006X",
    "420106199306150224",
    "110105194410010123",
    "11010520150301031X",
]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
FULL_WIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")


def domain_check(first17: str) -> str:
    """The algorithm exactly as DOMAIN.md writes it."""
    return CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def parse(text: str) -> IdNumber:
    return parse_id_number(text, today=TODAY)


def error_of(call, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return info.value


# --- strategies -----------------------------------------------------------------------
resident_provinces = sorted(identity.PROVINCE_CODES - identity.HMT_CODES)
all_provinces = st.sampled_from(sorted(identity.PROVINCE_CODES))
birth_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)


@st.composite
def id_stems(draw, provinces=all_provinces, dates=birth_dates) -> str:
    """17 digits: a real province, any 4 further area digits, a date, a sequence."""
    head = draw(provinces)
    area = draw(st.text("0123456789", min_size=4, max_size=4))
    birth = draw(dates)
    sequence = draw(st.integers(0, 999))
    return f"{head}{area}{birth:%Y%m%d}{sequence:03d}"


def full_id(stem: str) -> str:
    return stem + check_character(stem)


valid_ids = id_stems().map(full_id)


# --- check character --------------------------------------------------------------------
@given(st.text("0123456789", min_size=17, max_size=17))
def test_stdnum_check_character_is_the_domain_algorithm(stem):
    assert check_character(stem) == domain_check(stem)


def test_check_character_rejects_anything_but_17_digits():
    for bad in ("1234", "1101051958031202X", "１１０１０５１９５８０３１２０２１"):
        with pytest.raises(ValueError):
            check_character(bad)


# --- DOMAIN samples -------------------------------------------------------------------
@pytest.mark.parametrize("number", DOMAIN_SAMPLES)
def test_domain_samples_are_valid(number):
    parsed = parse(number)
    assert parsed.value == number
    assert parsed.original == number
    assert not parsed.upgraded
    assert parsed.kind == "resident"
    assert parsed.province == number[:2]
    assert parsed.birth_date == dt.date(int(number[6:10]), int(number[10:12]),
                                        int(number[12:14]))
    assert parsed.sex == ("1" if int(number[16]) % 2 else "2")


def test_sample_details():
    man = parse("110105195803120213")
    assert (man.birth_date, man.sex, man.province) == (dt.date(1958, 3, 12), "1", "11")
    woman = parse("110105196307080421")
    assert woman.sex == "2"


@pytest.mark.parametrize("typed", ["11010519870412006x", "11010519870412006X",
                                   " 110105 19870412 006x ", "１１０１０５１９８７０４１２００６ｘ",
                                   "110105\u300019870412006X"])
def test_lower_case_x_full_width_and_spaces(typed):
    assert parse(typed).value == "11010519870412006X"


def test_fifteen_digit_number_upgrades():
    parsed = parse("110105580312021")
    assert parsed.value == "110105195803120213"
    assert parsed.original == "110105580312021"
    assert parsed.upgraded
    assert parsed.birth_date == dt.date(1958, 3, 12)
    assert parsed.sex == "1"
    assert id_dedupe_key("110105580312021") == id_dedupe_key("110105195803120213")


def test_impossible_birth_date_is_named():
    stem = "11010519900230021"
    error = error_of(parse, stem + domain_check(stem))
    assert error.field == "id_number"
    assert "1990-02-30" in error.english()
    assert error.english().startswith("ID number: ")


def test_wrong_check_character_names_the_expected_one():
    error = error_of(parse, "110105195803120214")
    assert error.values == {"expected": "3", "found": "4"}
    assert error.english() == "ID number: the check character should be 3, not 4."
    error = error_of(parse, "110105198704120060")
    assert error.values["expected"] == "X"


@pytest.mark.parametrize(("typed", "key", "fragment"), [
    ("", None, "enter the number"),
    ("11010519580312021", "length", "17 characters"),
    ("1101051958031202133", "length", "19 characters"),
    ("11010519580312021A", "char", "A at position 18"),
    ("110105X95803120213", "char", "X at position 7"),
    ("11010558031202X", "char", "X at position 15"),
    ("001051958031202130", "code", "starts with 00"),
    ("190105195803120213", "code", "starts with 19"),
    ("720105195803120213", "code", "starts with 72"),
])
def test_shape_errors(typed, key, fragment):
    error = error_of(parse, typed)
    assert error.field == "id_number"
    assert fragment in error.english()
    if key:
        assert key in error.values


def test_birth_date_in_the_future_and_before_1900():
    stem = "11010520261122001"
    error = error_of(parse, stem + domain_check(stem))
    assert "2026-11-22" in error.english() and "future" in error.english()
    assert parse_id_number(stem + domain_check(stem), today=dt.date(2026, 11, 22))
    stem = "11010518991231001"
    assert "before 1900" in error_of(parse, stem + domain_check(stem)).english()


def test_area_code_created_after_birth_is_accepted():
    # 310115 (Pudong New Area) exists since 1993; an elderly resident's card carries
    # it anyway. python-stdnum's ric.validate() rejects such numbers, we do not.
    from stdnum.cn import ric

    number = full_id("31011519400101001")
    assert not ric.is_valid(number)
    assert parse(number).birth_date == dt.date(1940, 1, 1)


def test_residence_permits_and_foreigners_cards():
    for head, kind in (("81", "hmt_permit"), ("82", "hmt_permit"), ("83", "hmt_permit"),
                       ("91", "foreigner"), ("93", "foreigner")):
        number = full_id(head + "000019800101001")
        parsed = parse(number)
        assert parsed.kind == kind
        assert parsed.sex == "1"
    # a 15-digit number is always an old resident card: 9 is no province
    assert "starts with 91" in error_of(parse, "910000800101001").english()


def test_parse_for_id_type():
    assert parse_id_for_type("resident", "110105195803120213", today=TODAY).kind == "resident"
    assert parse_id_for_type("passport", "E12345678") is None
    assert parse_id_for_type("other", "whatever") is None
    assert parse_id_for_type("travel_permit", "C12345678") is None
    # the foreigners' card of 2017 (letters) is not checked; the 2023 one is
    assert parse_id_for_type("foreigner", "USA110075061201") is None
    card = full_id("91000019800101001")
    assert parse_id_for_type("foreigner", card, today=TODAY).kind == "foreigner"
    error = error_of(parse_id_for_type, "foreigner", "110105195803120213", today=TODAY)
    assert "Resident ID card" in error.english()
    permit = full_id("81000019800101001")
    error = error_of(parse_id_for_type, "resident", permit, today=TODAY)
    assert error.field == "id_number"
    assert "Residence permit for Hong Kong" in error.english()
    assert "Resident ID card" in error.english()


def test_dedupe_key():
    assert id_dedupe_key("11010519870412006x") == "11010519870412006X"
    assert id_dedupe_key("110105195803120214") is None
    assert id_dedupe_key("") is None


def test_check_agrees():
    man = parse("110105195803120213")
    check_agrees(man, dt.date(1958, 3, 12), "1")
    check_agrees(man, None, None)
    check_agrees(man, None, "0")  # unknown sex contradicts nothing
    check_agrees(man, None, "9")
    error = error_of(check_agrees, man, dt.date(1958, 3, 21), "1")
    assert error.field == "birth_date"
    assert "1958-03-21" in error.english() and "1958-03-12" in error.english()
    error = error_of(check_agrees, man, None, "2")
    assert error.field == "sex"
    assert error.english() == "Sex: Female does not agree with the ID number, which gives Male."


# --- properties -------------------------------------------------------------------------
@given(id_stems())
@example("11010519580312021")
def test_generated_ids_parse_and_round_trip(stem):
    number = full_id(stem)
    parsed = parse(number)
    assert parsed.value == number
    assert parse(parsed.value) == parsed
    assert parsed.birth_date.strftime("%Y%m%d") == stem[6:14]
    assert parsed.sex == ("1" if int(stem[16]) % 2 else "2")
    assert id_dedupe_key(number.lower()) == number


@given(valid_ids, st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_character_change_is_rejected(number, position, char):
    assume(number[position] != char)
    changed = number[:position] + char + number[position + 1:]
    with pytest.raises(ValidationError):
        parse(changed)


@given(valid_ids, st.integers(0, 16))
def test_any_adjacent_transposition_is_rejected(number, position):
    # MOD 11-2 gives neighbouring positions different weights modulo the prime 11,
    # so every swap of two different characters changes the checksum: there is
    # no transposition that slips through (a swap of equal digits changes nothing).
    a, b = number[position], number[position + 1]
    assume(a != b)
    swapped = number[:position] + b + a + number[position + 2:]
    with pytest.raises(ValidationError):
        parse(swapped)


@given(id_stems(provinces=st.sampled_from(resident_provinces),
                dates=st.dates(dt.date(1900, 1, 1), dt.date(1999, 12, 31))))
def test_fifteen_digit_form_upgrades_to_the_same_number(stem):
    number = full_id(stem)
    old = number[:6] + number[8:17]
    parsed = parse(old)
    assert parsed.value == number
    assert parsed.upgraded and parsed.original == old
    assert id_dedupe_key(old) == id_dedupe_key(number) == number


@given(valid_ids)
def test_full_width_variants_parse(number):
    assert parse(number.translate(FULL_WIDTH)).value == number
    assert parse(" ".join(number)).value == number


def test_normalize_input():
    assert normalize_input(" １１０ １０５\u3000x\t") == "110105X"
    assert normalize_input("") == ""


# --- phones -------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "stored"), [
    ("+86 138 1234 5678", "13812345678"),
    ("0086-13812345678", "13812345678"),
    ("8613812345678", "13812345678"),
    ("+86-138-1234-5678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("１３８１２３４５６７８", "13812345678"),
    ("19912345678", "19912345678"),
    ("010-12345678-123", "010-12345678-123"),
    ("010-12345678", "010-12345678"),
    ("01012345678", "010-12345678"),
    ("010 1234 5678", "010-12345678"),
    ("(010)12345678", "010-12345678"),
    ("0311-1234567", "0311-1234567"),
    ("03111234567", "0311-1234567"),
    ("031112345678", "0311-12345678"),
    ("020-87654321", "020-87654321"),
    ("01012345678-8001", "010-12345678-8001"),
    ("无", "无"),
    (" 无 ", "无"),
    ("", ""),
    ("  ", ""),
])
def test_phone_accepted(typed, stored):
    assert parse_phone(typed) == stored
    assert parse_phone(stored) == stored  # stored forms read back unchanged


@pytest.mark.parametrize(("typed", "fragment"), [
    ("1381234567", "too short"),
    ("138123456789", "too long"),
    ("12012345678", "second digit"),
    ("0101234", "not a landline"),
    ("010-123456789", "not a landline"),
    ("12345", "too short"),
    ("55512345", "neither"),
    ("+1 555 1234567", "neither"),
    ("138-1234-567a", "a is not allowed"),
    ("none", "n is not allowed"),
    ("无。", "。 is not allowed"),
    ("无无", "enter 无"),
    ("138.1234.5678", ". is not allowed"),
])
def test_phone_rejected(typed, fragment):
    error = error_of(parse_phone, typed)
    assert error.field == "mobile"
    assert fragment in error.english()
    assert error.english().startswith("Phone: ")


def test_phone_field_is_the_callers():
    error = error_of(parse_phone, "123", "contact_phone")
    assert error.field == "contact_phone"
    assert error.english().startswith("Contact phone: ")


def test_phone_kind():
    assert phone_kind("13812345678") == "mobile"
    assert phone_kind("010-12345678-1") == "landline"
    assert phone_kind("无") == "none"
    assert phone_kind("") is None


# --- names --------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "stored"), [
    ("张伟", "张伟"),
    (" 张  伟 ", "张伟"),
    ("\u3000王芳\u3000", "王芳"),
    ("𠮷祥", "𠮷祥"),
    ("䶮", "䶮"),
    ("刘䶮", "刘䶮"),
    ("买买提·吐尔逊", "买买提·吐尔逊"),
    ("买买提•吐尔逊", "买买提·吐尔逊"),
    ("买买提・吐尔逊", "买买提·吐尔逊"),
    ("买买提．吐尔逊", "买买提·吐尔逊"),
    ("买买提‧吐尔逊", "买买提·吐尔逊"),
    ("买买提･吐尔逊", "买买提·吐尔逊"),
    ("买买提⋅吐尔逊", "买买提·吐尔逊"),
    ("买买提∙吐尔逊", "买买提·吐尔逊"),
    ("买买提.吐尔逊", "买买提·吐尔逊"),
    ("买买提 · 吐尔逊", "买买提·吐尔逊"),
    ("阿依古丽·买买提·艾山", "阿依古丽·买买提·艾山"),
    ("John  Smith", "John Smith"),
    ("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith"),
    ("Jean-Pierre O'Brien", "Jean-Pierre O'Brien"),
    ("José", "José"),
    ("\u2f00\u5fc3", "一心"),  # Kangxi radical ⼀ copied from a PDF
    ("\uf900", "\uf900"),  # a compatibility ideograph is kept, not folded by NFKC
])
def test_names_accepted(typed, stored):
    assert normalize_name(typed) == stored
    assert normalize_name(stored) == stored


@pytest.mark.parametrize(("typed", "fragment"), [
    ("张伟1", "the digit 1"),
    ("张伟１", "the digit 1"),
    ("", "enter a name"),
    ("   ", "enter a name"),
    ("张伟!", "! (U+0021)"),
    ("张伟（女）", "( (U+0028)"),  # full-width ASCII is folded first
    ("·张伟", "middle dot"),
    ("张伟·", "middle dot"),
    ("买买提··吐尔逊", "middle dot"),
    ("买买提•・吐尔逊", "middle dot"),
    ("김철수", "U+AE40"),
    ("\ue000", "U+E000"),
    ("张" * 31, "at most 30 characters, not 31"),
])
def test_names_rejected(typed, fragment):
    error = error_of(normalize_name, typed)
    assert error.field == "name"
    assert fragment in error.english()
    assert error.english().startswith("Full name: ")


def test_name_length_counts_code_points():
    assert name_length("𠮷祥") == 2
    assert len("𠮷".encode("utf-16-le")) == 4  # two UTF-16 units, one character
    assert normalize_name("𠮷" * 30) == "𠮷" * 30
    assert error_of(normalize_name, "𠮷" * 31, "former_name").field == "former_name"


name_chars = st.sampled_from("张王李伟芳𠮷䶮买提·• 　.abcXYZé'-1!")


@given(st.text(name_chars, max_size=12))
def test_normalize_name_is_idempotent_or_refuses(text):
    try:
        once = normalize_name(text)
    except ValidationError:
        return
    assert normalize_name(once) == once
    assert 1 <= name_length(once) <= 30


# --- loose dates --------------------------------------------------------------------
@pytest.mark.parametrize(("value", "day", "precision"), [
    ("1990-07-01", dt.date(1990, 7, 1), "day"),
    ("1990/7/1", dt.date(1990, 7, 1), "day"),
    ("1990.7.1", dt.date(1990, 7, 1), "day"),
    ("1990.07", dt.date(1990, 7, 1), "month"),
    ("1990.7", dt.date(1990, 7, 1), "month"),
    ("1990.10", dt.date(1990, 10, 1), "month"),
    ("199007", dt.date(1990, 7, 1), "month"),
    ("19900701", dt.date(1990, 7, 1), "day"),
    ("1990年7月1日", dt.date(1990, 7, 1), "day"),
    ("1990年07月01号", dt.date(1990, 7, 1), "day"),
    ("1990年7月", dt.date(1990, 7, 1), "month"),
    ("1990年", dt.date(1990, 1, 1), "year"),
    ("1990", dt.date(1990, 1, 1), "year"),
    ("1990-7", dt.date(1990, 7, 1), "month"),
    ("１９９０－０７－０１", dt.date(1990, 7, 1), "day"),
    ("１９９０年７月", dt.date(1990, 7, 1), "month"),
    (" 1990-07-01 00:00:00 ", dt.date(1990, 7, 1), "day"),
    ("2000-02-29", dt.date(2000, 2, 29), "day"),
    (19900701, dt.date(1990, 7, 1), "day"),
    (199007, dt.date(1990, 7, 1), "month"),
    (1990, dt.date(1990, 1, 1), "year"),
    (1990.07, dt.date(1990, 7, 1), "month"),
    (1990.12, dt.date(1990, 12, 1), "month"),
    (19900701.0, dt.date(1990, 7, 1), "day"),
    (dt.date(1990, 7, 1), dt.date(1990, 7, 1), "day"),
    (dt.datetime(1990, 7, 1, 8, 30), dt.date(1990, 7, 1), "day"),
])
def test_loose_dates(value, day, precision):
    assert parse_loose_date(value, "birth_date") == LooseDate(day, precision)


def test_float_one_decimal_is_january_and_flagged():
    loose = parse_loose_date(1990.1, "join_date")
    assert loose.date == dt.date(1990, 1, 1) and loose.precision == "month"
    assert loose.ambiguous
    assert not parse_loose_date("1990.1", "join_date").ambiguous  # text says what it means


def test_loose_date_text():
    assert parse_loose_date("1990年7月", "birth_date").text() == "1990-07"
    assert parse_loose_date("1990", "birth_date").text() == "1990"
    assert parse_loose_date("1990/7/1", "birth_date").text() == "1990-07-01"


@pytest.mark.parametrize(("value", "fragment"), [
    ("1990-02-30", "the date 1990-02-30 does not exist"),
    ("2001-02-29", "2001-02-29 does not exist"),
    ("19900230", "19900230 does not exist"),
    ("1990-13", "month 13"),
    ("199013", "month 13"),
    ("1990-00-10", "month 0"),
    ("1899-12-31", "between 1900 and 2100"),
    ("2101", "between 1900 and 2100"),
    (1990.13, "month 13"),
    ("昨天", "cannot read 昨天"),
    ("1990-7/1", "cannot read"),
    ("", "cannot read"),
    (32690, "cannot read 32690"),
    (1990.071, "cannot read 1990.071"),
    (True, "cannot read True"),
    (None, "cannot read None"),
])
def test_loose_dates_rejected(value, fragment):
    error = error_of(parse_loose_date, value, "join_date")
    assert error.field == "join_date"
    assert error.english().startswith("Join date: ")
    assert fragment in error.english()


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_loose_date_forms_agree(day):
    for text in (day.isoformat(), f"{day.year}/{day.month}/{day.day}", f"{day:%Y%m%d}",
                 f"{day.year}年{day.month}月{day.day}日"):
        assert parse_loose_date(text, "birth_date") == LooseDate(day, "day")
    month = LooseDate(day.replace(day=1), "month")
    assert parse_loose_date(f"{day:%Y.%m}", "birth_date") == month
    assert parse_loose_date(f"{day.year}-{day.month}", "birth_date") == month


# --- ages ---------------------------------------------------------------------------
def test_age_on():
    birth = dt.date(1958, 3, 12)
    assert age_on(birth, dt.date(2026, 3, 11)) == 67
    assert age_on(birth, dt.date(2026, 3, 12)) == 68
    assert age_on(birth, birth) == 0


def test_february_29_birthday_is_february_28_in_common_years():
    birth = dt.date(2000, 2, 29)
    assert add_years(birth, 18) == dt.date(2018, 2, 28)
    assert age_on(birth, dt.date(2018, 2, 27)) == 17
    assert age_on(birth, dt.date(2018, 2, 28)) == 18
    assert age_on(birth, dt.date(2020, 2, 28)) == 19  # a leap year: the real day counts
    assert age_on(birth, dt.date(2020, 2, 29)) == 20
    assert add_years(birth, 4) == dt.date(2004, 2, 29)


def test_add_months():
    assert add_months(dt.date(2020, 1, 31), 1) == dt.date(2020, 2, 29)
    assert add_months(dt.date(2021, 1, 31), 1) == dt.date(2021, 2, 28)
    assert add_months(dt.date(2020, 8, 31), 18) == dt.date(2022, 2, 28)
    assert add_months(dt.date(2020, 12, 15), 1) == dt.date(2021, 1, 15)
    assert add_months(dt.date(2021, 1, 15), -1) == dt.date(2020, 12, 15)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2050, 12, 31)), st.integers(1, 50))
def test_age_turns_on_the_anniversary(birth, years):
    anniversary = add_years(birth, years)
    assert age_on(birth, anniversary) == years
    assert age_on(birth, anniversary - dt.timedelta(days=1)) == years - 1
