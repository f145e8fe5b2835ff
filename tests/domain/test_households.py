"""Grid and household rules: addresses, grid codes, heads, care tags, residence, duplicates."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridoffice.domain import codes
from gridoffice.domain.households import (
    AddressParts,
    GridRules,
    address_search_key,
    age_band,
    care_tag_checks,
    check_heads,
    child_tag_allowed,
    derived_care_tags,
    format_address,
    grid_size_warning,
    is_minor_sensitive,
    parse_address,
    person_key,
    residence_warning,
    validate_grid_code,
    validate_move,
)
from gridoffice.errors import ValidationError

TODAY = dt.date(2025, 6, 15)
D = dt.date
MODULE = Path(__file__).resolve().parents[2] / "gridoffice" / "domain" / "households.py"


# --- code tables --------------------------------------------------------------------
TABLES = ("GRID_TYPES", "DEDICATED_KINDS", "GRID_ROLES", "BUILDING_KINDS", "HOUSE_USES",
          "HOUSEHOLD_KINDS", "RELATION_TO_HEAD", "MARITAL_STATUS", "POPULATION_TYPES",
          "RESIDENCE_STATUS", "MOVE_IN_REASONS", "CARE_TAGS", "DISABILITY_TYPES",
          "DISABILITY_GRADES", "CONTROL_TAGS")


@pytest.mark.parametrize("name", TABLES)
def test_tables_have_unique_codes_and_labels(name):
    table = getattr(codes, name)
    stored = [c.code for c in table]
    labels = [c.label for c in table]
    assert stored and len(stored) == len(set(stored))
    assert len(labels) == len(set(labels)) and all(labels)
    assert all(re.fullmatch(r"[a-z0-9_]+", code) for code in stored)


def test_standard_codes():
    assert [c.code for c in codes.MARITAL_STATUS] == ["10", "20", "21", "22", "23", "30",
                                                      "40", "90"]
    relation = {c.code for c in codes.RELATION_TO_HEAD}
    assert codes.RELATION_HEAD == "02" and "02" in relation
    assert {"10", "20", "30", "40", "50", "60", "70", "80", "97", "99"} <= relation
    assert "01" not in relation  # 本人: relative to the head, the head is 户主
    assert all(len(code) == 2 and code.isdigit() for code in relation)
    assert [c.code for c in codes.DISABILITY_TYPES] == [str(n) for n in range(1, 8)]
    assert [c.code for c in codes.DISABILITY_GRADES] == ["1", "2", "3", "4"]
    assert [c.code for c in codes.GRID_ROLES] == [
        "leader", "full_time", "direct_member", "part_time", "building_head", "in_service",
        "volunteer"]


def test_control_tags_are_not_a_general_table():
    assert not isinstance(codes.CONTROL_TAGS, codes.CodeTable)
    assert codes.CONTROL_TAGS.restricted
    general = [v for v in vars(codes).values() if isinstance(v, codes.CodeTable)]
    control = {c.code for c in codes.CONTROL_TAGS}
    assert len(control) == 6
    for table in general:
        assert not control & {c.code for c in table}
    assert "drug_user" in codes.CONTROL_TAGS
    assert codes.CONTROL_TAGS.label("drug_user") == "Drug user"


def _marked(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP":
            context, text = node.args
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant)
            found.append((context.value, text.value))
    return found


def test_messages_are_well_formed():
    messages = _marked(MODULE)
    assert len(messages) > 20
    for context, text in messages:
        assert context in ("errors", "warnings")
        assert all(re.fullmatch(r"[a-z_]+", name)
                   for name in re.findall(r"\{([^}]*)\}", text)), text
        if context == "errors":
            assert re.match(r"[A-Z][A-Za-z' -]*: ", text), text


def test_every_new_label_has_chinese():
    path = Path("/tmp/zh/households_domain.json")
    if not path.exists():
        pytest.skip("translation input not present")
    zh = json.loads(path.read_text("utf-8"))
    source = (Path(codes.__file__)).read_text("utf-8")
    mine = source[source.index("# --- Grids and households"):]
    labels = re.findall(r'QT_TRANSLATE_NOOP\(\s*"codes",\s*"([^"]*)"\)', mine)
    for label in labels:
        assert f"codes|{label}" in zh or label in zh, label
    for _context, text in _marked(MODULE):
        assert text in zh, text


# --- addresses ----------------------------------------------------------------------
FLAT = AddressParts(None, "3", "2", "301")
FLAT_IN_ESTATE = AddressParts("幸福里", "3", "2", "301")


@pytest.mark.parametrize("text, expected", [
    ("3-2-301", FLAT),
    ("3－2－301", FLAT),
    ("３－２－３０１", FLAT),
    ("3—2—301", FLAT),
    ("3号楼2单元301", FLAT),
    ("3号楼2单元301室", FLAT),
    ("3栋2单元301", FLAT),
    ("3幢2单元301", FLAT),
    ("3#2-301", FLAT),
    ("3＃2-301", FLAT),
    ("3楼2门301", FLAT),
    (" 3 号楼 2 单元 301 室 ", FLAT),
    ("3 2 301", FLAT),
    ("03-02-0301", FLAT),
    ("幸福里3号楼2单元301", FLAT_IN_ESTATE),
    ("幸福里3-2-301", FLAT_IN_ESTATE),
    ("幸福里 3 - 2 - 301", FLAT_IN_ESTATE),
    ("幸福里　3号楼2单元301", FLAT_IN_ESTATE),  # ideographic space
    ("平房院落 5号", AddressParts("平房院落", "5", None, None)),
    ("东四三条5号院3号", AddressParts("东四三条", "5", None, "3")),
    ("阳光100 3-2-301", AddressParts("阳光100", "3", "2", "301")),
    ("阳光100 B座1205", AddressParts("阳光100", "B", None, "1205")),
    ("东1 1号", AddressParts("东1", "1", None, None)),
    ("金地1号院3号楼2单元301", AddressParts("金地1号院", "3", "2", "301")),
    ("B座1205", AddressParts(None, "B", None, "1205")),
    ("SOHO b座1205", AddressParts("SOHO", "B", None, "1205")),
    ("12A号楼1单元101", AddressParts(None, "12A", "1", "101")),
    ("5-1201", AddressParts(None, "5", None, "1201")),
    ("3-2", AddressParts(None, "3", "2", None)),
    ("3号楼2单元", AddressParts(None, "3", "2", None)),
    ("7", AddressParts(None, "7", None, None)),
])
def test_parse_address(text, expected):
    assert parse_address(text) == expected


@pytest.mark.parametrize("text", ["幸福里", "3-2-301-5", "三号楼二单元301", "号楼"])
def test_unreadable_address(text):
    with pytest.raises(ValidationError) as caught:
        parse_address(text)
    assert caught.value.field == "address"
    assert caught.value.english().startswith("Address: cannot read ")


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty_address(text):
    with pytest.raises(ValidationError) as caught:
        parse_address(text)
    assert caught.value.field == "address"
    assert caught.value.english() == "Address: enter the address."


def test_format_address():
    assert format_address("幸福里", "3", "2", "301") == "幸福里3号楼2单元301"
    assert format_address(None, "3", "2", "301") == "3号楼2单元301"
    assert format_address("幸福里", "5", None, "1201") == "幸福里5号楼1201"
    assert format_address("阳光100", "3", "2", "301") == "阳光100 3号楼2单元301"
    assert format_address("SOHO", "B", None, "1205") == "SOHOB座1205"
    assert format_address("阳光100", "B", None, "1205") == "阳光100 B座1205"
    assert format_address("东四三条", "5", building_kind="courtyard") == "东四三条5号"
    assert format_address("东四三条", "5", None, "3", building_kind="courtyard") \
        == "东四三条5号院3号"


def test_search_key():
    key = address_search_key("3-2-301")
    assert key == "3-2-301"
    for text in ("3号楼2单元301", "幸福里3号楼2单元301室", "3#2-301", "３－２－３０１",
                 "3栋2单元301"):
        assert address_search_key(text) == key
    assert address_search_key("5号楼1201") == address_search_key("5-1201") == "5--1201"
    assert address_search_key("3-2-302") != key
    assert address_search_key("") == ""
    assert address_search_key("幸福 里") == "幸福里"  # not an address: still searchable


_ESTATE_CHARS = "幸福里阳光花园小区东城新村家园苑金地"
estates = st.one_of(
    st.none(),
    st.text(alphabet=_ESTATE_CHARS, min_size=1, max_size=6),
    st.builds(lambda name, n: f"{name}{n}", st.text(alphabet=_ESTATE_CHARS, min_size=1,
                                                   max_size=4),
              st.integers(1, 999)),
)
numbers = st.integers(1, 99).map(str)
rooms = st.integers(101, 3299).map(str)


buildings = st.one_of(numbers, st.sampled_from(["A", "B", "3A", "12C"]))


@given(estates, buildings, st.one_of(st.none(), numbers), st.one_of(st.none(), rooms))
def test_formatted_address_parses_back(estate, building, unit, room):
    text = format_address(estate, building, unit, room)
    assert parse_address(text) == AddressParts(estate, building, unit, room)


@given(estates, numbers, st.one_of(st.none(), numbers), st.one_of(st.none(), rooms))
def test_courtyard_address_parses_back(estate, building, unit, room):
    text = format_address(estate, building, unit, room, building_kind="courtyard")
    assert parse_address(text) == AddressParts(estate, building, unit, room)


@given(st.integers(1, 999), st.integers(1, 99), st.integers(1, 9999), estates)
def test_dashed_and_spoken_forms_share_a_key(building, unit, room, estate):
    dashed = f"{building}-{unit}-{room}"
    spoken = format_address(estate, str(building), str(unit), str(room))
    assert address_search_key(dashed) == address_search_key(spoken) == dashed
    assert address_search_key(f"{building}号楼{unit}单元{room}室") == dashed


_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


@given(st.integers(1, 999), st.integers(1, 99), st.integers(1, 9999))
def test_full_width_digits(building, unit, room):
    dashed = f"{building}-{unit}-{room}"
    assert parse_address(dashed.translate(_FULL_WIDTH)) == parse_address(dashed)
    spoken = f"{building}号楼{unit}单元{room}".translate(_FULL_WIDTH)
    assert address_search_key(spoken) == dashed


# --- grids --------------------------------------------------------------------------
def test_grid_code():
    assert validate_grid_code("110105001001001") == "110105001001001"
    assert validate_grid_code("１１０１０５００１００１００２") == "110105001001002"
    assert validate_grid_code(" 110105001001-003 ") == "110105001001003"


@pytest.mark.parametrize("code, start", [
    ("", "Grid code: enter the code."),
    ("11010500100100", "Grid code: 14 digits given; a grid code has 15"),
    ("1101050010010011", "Grid code: 16 digits given"),
    ("11010500100100A", "Grid code: A at position 15 is not allowed"),
    ("990105001001001", "Grid code: it starts with 99"),
    ("110105001001000", "Grid code: the serial number"),
])
def test_bad_grid_codes(code, start):
    with pytest.raises(ValidationError) as caught:
        validate_grid_code(code)
    assert caught.value.field == "code"
    assert caught.value.english().startswith(start)


def test_grid_size_warning():
    assert grid_size_warning(0) is None  # a grid being set up
    assert grid_size_warning(300) is None and grid_size_warning(500) is None
    small = grid_size_warning(299)
    assert small is not None and small.code == "grid_too_small"
    assert "299 households" in small.english() and "300 to 500" in small.english()
    large = grid_size_warning(501)
    assert large is not None and large.code == "grid_too_large"
    assert grid_size_warning(250, GridRules(200, 400)) is None
    assert grid_size_warning(450, GridRules(200, 400)) is not None


# --- household head -------------------------------------------------------------------
def test_check_heads():
    check_heads(["02"])
    check_heads(["02", "10", "20", "30", "99"])
    check_heads([])  # everyone moved out or died: nothing to check
    with pytest.raises(ValidationError) as caught:
        check_heads(["10", "20"])
    assert caught.value.field == "relation" and "no head" in caught.value.english()
    with pytest.raises(ValidationError) as caught:
        check_heads(["02", "02", "20"])
    assert caught.value.field == "relation" and caught.value.values["count"] == 2
    with pytest.raises(ValidationError) as caught:
        check_heads(["02", "01"])
    assert "01 is not a relation code" in caught.value.english()


# --- ages and care tags -------------------------------------------------------------
def test_very_old_is_derived_at_80():
    assert derived_care_tags(D(1945, 6, 15), TODAY) == {"very_old"}
    assert derived_care_tags(D(1945, 6, 16), TODAY) == set()
    assert derived_care_tags(None, TODAY) == set()


def test_february_29_birthday_at_80():
    born = D(1944, 2, 29)
    assert derived_care_tags(born, D(2024, 2, 28)) == set()
    assert derived_care_tags(born, D(2024, 2, 29)) == {"very_old"}
    # a common year: the birthday is 28 February (民法典 art. 202)
    assert age_band(born, D(2025, 2, 27)) == "80+"
    born_1940 = D(1940, 2, 29)
    assert derived_care_tags(born_1940, D(2020, 2, 28)) == set()
    assert derived_care_tags(born_1940, D(2020, 2, 29)) == {"very_old"}


@pytest.mark.parametrize("birth, band", [
    (D(2025, 6, 15), "0-13"), (D(2011, 6, 16), "0-13"), (D(2011, 6, 15), "14-17"),
    (D(2007, 6, 16), "14-17"), (D(2007, 6, 15), "18-59"), (D(1965, 6, 16), "18-59"),
    (D(1965, 6, 15), "60-79"), (D(1945, 6, 16), "60-79"), (D(1945, 6, 15), "80+"),
    (D(1920, 1, 1), "80+"),
])
def test_age_band(birth, band):
    assert age_band(birth, TODAY) == band


def test_age_band_future_birth_is_a_bug():
    with pytest.raises(ValueError):
        age_band(D(2026, 1, 1), TODAY)


def test_minor_sensitive():
    assert is_minor_sensitive(D(2011, 6, 16), TODAY)
    assert not is_minor_sensitive(D(2011, 6, 15), TODAY)
    assert not is_minor_sensitive(None, TODAY)


def test_child_tags_under_16_only():
    assert child_tag_allowed("left_behind_child", D(2009, 6, 16), TODAY)
    assert not child_tag_allowed("left_behind_child", D(2009, 6, 15), TODAY)
    assert not child_tag_allowed("child_in_difficulty", D(1990, 1, 1), TODAY)
    assert not child_tag_allowed("left_behind_child", None, TODAY)
    assert child_tag_allowed("subsistence", D(1990, 1, 1), TODAY)
    # never automatic
    assert derived_care_tags(D(2015, 1, 1), TODAY) == set()


ADULT = D(1970, 1, 1)


def _check(tag, kind=None, grade=None, birth=ADULT, note=None):
    care_tag_checks(tag, kind, grade, birth, TODAY, note)


def _field(**kwargs) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        _check(**kwargs)
    return caught.value.field, caught.value.english()


def test_care_tag_checks():
    _check("disabled", "4", "2")
    _check("subsistence")
    _check("left_behind_child", birth=D(2010, 1, 1), note="母亲王芳同意，2025-06-01")
    assert _field(tag="disabled")[0] == "disability_type"
    assert _field(tag="disabled", kind="4")[0] == "disability_grade"
    assert _field(tag="disabled", kind="8", grade="1")[0] == "disability_type"
    assert _field(tag="disabled", kind="4", grade="5")[0] == "disability_grade"
    field, text = _field(tag="veteran", kind="4")
    assert field == "disability_type" and "Person with disability" in text
    assert _field(tag="veteran", grade="1")[0] == "disability_grade"
    field, text = _field(tag="very_old", birth=D(1930, 1, 1))
    assert field == "care_tag" and "birth date" in text
    assert _field(tag="drug_user")[0] == "care_tag"  # a control tag is not a care tag
    field, text = _field(tag="left_behind_child", birth=D(2005, 1, 1))
    assert field == "care_tag" and "this resident is 20" in text
    assert _field(tag="child_in_difficulty", birth=None)[0] == "care_tag"


def test_guardian_note_under_14():
    young = D(2015, 3, 1)
    field, text = _field(tag="left_behind_child", birth=young)
    assert field == "guardian_note" and text.startswith("Guardian note: ")
    assert _field(tag="disabled", kind="5", grade="1", birth=young, note="  ")[0] \
        == "guardian_note"
    _check("disabled", "5", "1", birth=young, note="父亲张强同意")
    _check("left_behind_child", birth=D(2011, 6, 15))  # 14 today: no note needed


def test_messages_translate_terms():
    with pytest.raises(ValidationError) as caught:
        _check("veteran", kind="1")
    assert "Person with disability" in caught.value.english()


# --- residence ----------------------------------------------------------------------
def test_validate_move_ok():
    validate_move(None, None, None, None, TODAY)
    validate_move(D(2010, 1, 1), D(2020, 1, 1), None, D(1980, 1, 1), TODAY)
    validate_move(D(2010, 1, 1), None, D(2024, 1, 1), D(1940, 1, 1), TODAY)
    validate_move(D(2010, 1, 1), D(2010, 1, 1), D(2010, 1, 1), D(2010, 1, 1), TODAY)
    validate_move(D(2010, 1, 1), D(2015, 1, 1), D(2024, 1, 1), None, TODAY)  # died elsewhere
    validate_move(TODAY, None, None, None, TODAY)


@pytest.mark.parametrize("args, field, start", [
    ((D(2025, 6, 16), None, None, None), "move_in_date", "Move-in date: 2025-06-16 is in"),
    ((None, D(2025, 7, 1), None, None), "move_out_date", "Move-out date: "),
    ((None, None, D(2026, 1, 1), None), "death_date", "Date of death: "),
    ((D(1979, 1, 1), None, None, D(1980, 1, 1)), "move_in_date", "Move-in date: 1979-01-01 is"
                                                                  " before the birth date"),
    ((None, D(1979, 1, 1), None, D(1980, 1, 1)), "move_out_date", "Move-out date: "),
    ((None, None, D(1979, 1, 1), D(1980, 1, 1)), "death_date", "Date of death: "),
    ((D(2010, 1, 1), D(2009, 1, 1), None, None), "move_out_date",
     "Move-out date: 2009-01-01 is before the move-in date (2010-01-01)"),
    ((D(2010, 1, 1), None, D(2009, 1, 1), None), "death_date", "Date of death: "),
    ((D(2010, 1, 1), D(2021, 1, 1), D(2020, 1, 1), None), "move_out_date",
     "Move-out date: 2021-01-01 is after the date of death"),
])
def test_validate_move_errors(args, field, start):
    with pytest.raises(ValidationError) as caught:
        validate_move(*args, TODAY)
    assert caught.value.field == field
    assert caught.value.english().startswith(start)


def test_separated_residence_statuses():
    # 人户分离 both ways are ordinary states, not errors
    assert residence_warning("张伟", "person_only", "floating") is None
    assert residence_warning("张伟", "person_only", "registered") is None
    assert residence_warning("张伟", "person_only", "overseas") is None
    assert residence_warning("张伟", "hukou_only", "registered") is None
    assert residence_warning("张伟", "together", "registered") is None
    away = residence_warning("张伟", "hukou_only", "floating")
    assert away is not None and away.code == "hukou_here_not_registered"
    assert "Floating population" in away.english()
    same = residence_warning("张伟", "together", "floating")
    assert same is not None and same.code == "together_but_floating"
    assert residence_warning("张伟", None, "floating") is None


# --- duplicates ---------------------------------------------------------------------
def test_person_key_is_pinyin_insensitive():
    born = D(1990, 5, 14)
    assert person_key("张伟", born) == person_key("章伟", born) == "zhangwei|1990-05-14"
    assert person_key("张伟", born) != person_key("张伟", D(1990, 5, 15))
    assert person_key(" 张 伟 ", born) == person_key("张伟", born)
    assert person_key("买买提·吐尔逊", born) == person_key("买买提•吐尔逊", born)


def test_person_key_rare_characters():
    born = D(2000, 2, 29)
    key = person_key("𠮷祥", born)
    assert key == person_key("吉祥", born) == "jixiang|2000-02-29"
    assert person_key("刘䶮", born) == "liuyan|2000-02-29"
    assert person_key("刘䶮", born) == person_key("刘岩", born)


def test_person_key_needs_a_name():
    with pytest.raises(ValueError):
        person_key("  ", D(1990, 1, 1))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_very_old_cutoff_agrees_with_the_age_rule(birth, today):
    from gridoffice.domain.households import derived_care_tags, very_old_born_by

    if birth > today:
        return
    assert (birth <= very_old_born_by(today)) == ("very_old" in derived_care_tags(birth, today))
