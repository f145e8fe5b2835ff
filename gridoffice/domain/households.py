"""Grids, houses, households and residents (DOMAIN.md, "Grid and households").

Pure rules for the 实有人口 registers: addresses as grid workers say and type them,
grid codes and sizes, the one-head rule of a household, care tags and the ages they
depend on, residence dates, and the key that finds possible duplicate residents.

Ages follow :func:`identity.age_on` (民法典 art. 202: someone born on 29 February
has a birthday on 28 February in a common year).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gridoffice.domain.codes import (
    CARE_TAGS,
    DISABILITY_GRADES,
    DISABILITY_TYPES,
    POPULATION_TYPES,
    RELATION_HEAD,
    RELATION_TO_HEAD,
    RESIDENCE_STATUS,
)
from gridoffice.domain.identity import PROVINCE_CODES, add_years, age_on
from gridoffice.domain.party import RuleWarning
from gridoffice.errors import Term, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP

# --- messages ---------------------------------------------------------------------
MSG_ADDRESS_EMPTY = QT_TRANSLATE_NOOP("errors", "Address: enter the address.")
MSG_ADDRESS_UNREADABLE = QT_TRANSLATE_NOOP(
    "errors",
    "Address: cannot read {value}; write building, unit and room like 3-2-301 or "
    "3号楼2单元301, with the estate name in front if needed.",
)
MSG_GRID_CODE_EMPTY = QT_TRANSLATE_NOOP("errors", "Grid code: enter the code.")
MSG_GRID_CODE_CHARACTER = QT_TRANSLATE_NOOP(
    "errors", "Grid code: {char} at position {position} is not allowed; only digits."
)
MSG_GRID_CODE_LENGTH = QT_TRANSLATE_NOOP(
    "errors",
    "Grid code: {length} digits given; a grid code has 15: the 12-digit statistical code "
    "of the community and a 3-digit serial number.",
)
MSG_GRID_CODE_PROVINCE = QT_TRANSLATE_NOOP(
    "errors", "Grid code: it starts with {code}, which is not a province code."
)
MSG_GRID_CODE_SERIAL = QT_TRANSLATE_NOOP(
    "errors", "Grid code: the serial number (the last 3 digits) must be 001 to 999, not 000."
)
MSG_RELATION_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "Relation to head: {code} is not a relation code."
)
MSG_NO_HEAD = QT_TRANSLATE_NOOP(
    "errors", "Relation to head: the household has no head; mark one member as head."
)
MSG_MANY_HEADS = QT_TRANSLATE_NOOP(
    "errors",
    "Relation to head: {count} members are marked as head; a household has exactly one.",
)
MSG_CARE_TAG_UNKNOWN = QT_TRANSLATE_NOOP("errors", "Care tag: {code} is not a care tag.")
MSG_CARE_TAG_DERIVED = QT_TRANSLATE_NOOP(
    "errors",
    "Care tag: {tag} is set from the birth date (age 80 or over); enter the birth date instead.",
)
MSG_CHILD_TAG_AGE = QT_TRANSLATE_NOOP(
    "errors", "Care tag: {tag} is for children under 16; this resident is {age}."
)
MSG_CHILD_TAG_NO_BIRTH = QT_TRANSLATE_NOOP(
    "errors", "Care tag: {tag} is for children under 16; enter the birth date first."
)
MSG_DISABILITY_TYPE_MISSING = QT_TRANSLATE_NOOP(
    "errors", "Disability type: choose the type of disability."
)
MSG_DISABILITY_TYPE_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "Disability type: {code} is not a disability type."
)
MSG_DISABILITY_GRADE_MISSING = QT_TRANSLATE_NOOP(
    "errors", "Disability grade: choose the grade, 1 to 4."
)
MSG_DISABILITY_GRADE_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "Disability grade: {code} is not a grade; grades go from 1 to 4."
)
MSG_DISABILITY_TYPE_NOT_DISABLED = QT_TRANSLATE_NOOP(
    "errors", "Disability type: only the tag {disabled} has a type of disability."
)
MSG_DISABILITY_GRADE_NOT_DISABLED = QT_TRANSLATE_NOOP(
    "errors", "Disability grade: only the tag {disabled} has a grade of disability."
)
MSG_GUARDIAN_NOTE = QT_TRANSLATE_NOOP(
    "errors",
    "Guardian note: the resident is under 14; record the guardian's consent (who gave it, "
    "and when) before adding care data.",
)
MSG_MOVE_IN_FUTURE = QT_TRANSLATE_NOOP("errors", "Move-in date: {date} is in the future.")
MSG_MOVE_OUT_FUTURE = QT_TRANSLATE_NOOP("errors", "Move-out date: {date} is in the future.")
MSG_DEATH_FUTURE = QT_TRANSLATE_NOOP("errors", "Date of death: {date} is in the future.")
MSG_MOVE_IN_BEFORE_BIRTH = QT_TRANSLATE_NOOP(
    "errors", "Move-in date: {date} is before the birth date ({birth})."
)
MSG_MOVE_OUT_BEFORE_BIRTH = QT_TRANSLATE_NOOP(
    "errors", "Move-out date: {date} is before the birth date ({birth})."
)
MSG_DEATH_BEFORE_BIRTH = QT_TRANSLATE_NOOP(
    "errors", "Date of death: {date} is before the birth date ({birth})."
)
MSG_MOVE_OUT_BEFORE_IN = QT_TRANSLATE_NOOP(
    "errors", "Move-out date: {date} is before the move-in date ({move_in})."
)
MSG_DEATH_BEFORE_IN = QT_TRANSLATE_NOOP(
    "errors", "Date of death: {date} is before the move-in date ({move_in})."
)
MSG_MOVE_OUT_AFTER_DEATH = QT_TRANSLATE_NOOP(
    "errors", "Move-out date: {date} is after the date of death ({died})."
)

W_GRID_SMALL = QT_TRANSLATE_NOOP(
    "warnings",
    "The grid has {count} households; a grid generally has {low} to {high}. Consider merging "
    "it with a neighbouring grid.",
)
W_GRID_LARGE = QT_TRANSLATE_NOOP(
    "warnings",
    "The grid has {count} households; a grid generally has {low} to {high}. Consider "
    "dividing it.",
)
W_HUKOU_ONLY_NOT_REGISTERED = QT_TRANSLATE_NOOP(
    "warnings",
    "{name} is marked as registered here but living elsewhere, yet the population type is "
    "{population}; a household registration here makes the person registered population.",
)
W_TOGETHER_FLOATING = QT_TRANSLATE_NOOP(
    "warnings",
    "{name} is marked as living where registered, yet the population type is {population}; "
    "floating population lives here with the registration elsewhere.",
)


# --- addresses ----------------------------------------------------------------------
@dataclass(frozen=True)
class AddressParts:
    """An address split as the registers store it (Building.estate, Building.number,
    House.unit, House.room). Numbers are kept as text without leading zeros; a letter
    in them is upper-case (``3A``, ``B座``)."""

    estate: str | None
    building: str
    unit: str | None
    room: str | None


# Dashes people type between numbers; NFKC already turns the full-width ones
# (U+FF0D, U+FE63) into "-".
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u30fc\uff70~～_]")
_DIGIT_SPACE_DIGIT = re.compile(r"(?<=[0-9])\s+(?=[0-9A-Za-z])")
_NUMBER = re.compile(r"([A-Za-z]?)([0-9]+)([A-Za-z]?)")
_SPACES = re.compile(r"\s+")
# After a dash the building number is followed by no 号: "东1-1号" is estate 东1,
# building 1 (as format_address writes "东1 1号"), not building 1, room 1.
_BUILDING_MARK = r"(?:(?P<dash>-)|(?P<word>号楼|号院|栋|幢|座|号|楼|#))"
_LETTER_BUILDING_MARK = r"(?:号楼|栋|幢|座|#)"
_UNIT_MARK = r"(?:单元|门|-)"
_ROOM_MARK = r"(?(dash)(?:室|户)|(?:室|号|户))"
_ADDRESS = re.compile(
    r"(?P<estate>.*?)"
    r"(?:(?P<letter>[A-Za-z])(?=" + _LETTER_BUILDING_MARK + r")"
    r"|(?<![0-9])(?P<building>[0-9]+[A-Za-z]?))"
    r"(?:" + _BUILDING_MARK +
    r"(?:(?P<unit>[0-9]+)(?P<umark>" + _UNIT_MARK + r"))?"
    r"(?:(?P<room>[A-Za-z]?[0-9]+[A-Za-z]?)(?P<rmark>" + _ROOM_MARK + r")?)?)?"
)
_ESTATE_TRIM = "-#,，、.。:：;；/"
_NOT_AN_ESTATE = re.compile(r"[0-9\-#]*")
_ESTATE_BAD_END = re.compile(r"(?:单元|号楼|栋|幢)$")
_COURTYARD = "courtyard"


def _normalise(text: str) -> str:
    """NFKC (full-width digits, letters, － and ＃), one kind of dash, no spaces.

    A space after a number and before another (or a building letter) separates
    them like a dash: ``3 2 301`` is ``3-2-301``, and ``阳光100 3号楼`` and
    ``阳光100 B座`` keep the estate's number apart from the building.
    """
    folded = _DASHES.sub("-", unicodedata.normalize("NFKC", text))
    return _SPACES.sub("", _DIGIT_SPACE_DIGIT.sub("-", folded.strip()))


def _number(text: str) -> str:
    """Leading zeros dropped (``03`` is building 3, ``0301`` room 301), letters
    upper-cased."""
    match = _NUMBER.fullmatch(text)
    if match is None:  # pragma: no cover - the address pattern only passes numbers
        return text.upper()
    prefix, digits, suffix = match.groups()
    return f"{prefix}{digits.lstrip('0') or '0'}{suffix}".upper()


def parse_address(text: str) -> AddressParts:
    """Split an address as grid workers write it into estate, building, unit and room.

    Accepted, with spaces anywhere and full-width digits and dashes: ``3-2-301``,
    ``3－2－301``, ``3号楼2单元301``, ``3号楼2单元301室``, ``3栋2单元301``,
    ``3幢2单元301``, ``3#2-301``, ``3楼2门301`` (Beijing), ``B座1205``, the same with
    an estate in front (``幸福里3号楼2单元301``, ``幸福里3-2-301``), and a building or
    courtyard alone (``平房院落 5号``, ``东四三条5号院3号``).

    Decisions:

    * Unreadable text raises :class:`ValidationError` on the field ``address`` (an
      address is required wherever it is parsed; a search box uses
      :func:`address_search_key`, which never raises).
    * The estate is everything before the building number, so an estate name that
      ends in a digit needs a space or a dash before the building (``阳光100 3-2-301``);
      :func:`format_address` writes that space.
    * Two numbers joined by a dash or ``#`` (``5-1201``) are building and room when
      the second has three or more digits (rooms are 101 and up), otherwise
      building and unit (``3-2``).
    * An estate is more than numbers and dashes: ``3-2-301-5`` is unreadable, not
      estate ``3``.
    * Chinese numerals (三号楼二单元) are not read; such text is refused, because
      an estate name never ends in 单元, 号楼, 栋 or 幢.
    """
    if not text or not text.strip():
        raise ValidationError("address", MSG_ADDRESS_EMPTY)
    normalised = _normalise(text)
    match = _ADDRESS.fullmatch(normalised)
    if match is None:
        raise ValidationError("address", MSG_ADDRESS_UNREADABLE, value=text.strip())
    if match["estate"] and (
        _NOT_AN_ESTATE.fullmatch(match["estate"]) or _ESTATE_BAD_END.search(match["estate"])
    ):
        # "3-2-301-5": numbers left over; "三号楼二单元301": a building or unit
        # in words. Neither is an estate name: refuse rather than misread.
        raise ValidationError("address", MSG_ADDRESS_UNREADABLE, value=text.strip())
    estate = match["estate"].strip(_ESTATE_TRIM) or None
    building = match["letter"].upper() if match["letter"] else _number(match["building"])
    unit = _number(match["unit"]) if match["unit"] else None
    room = _number(match["room"]) if match["room"] else None
    if (
        unit is None
        and room is not None
        and (match["dash"] or match["word"] == "#")
        and match["rmark"] is None
        and len(room) <= 2
    ):
        unit, room = room, None
    return AddressParts(estate, building, unit, room)


def format_address(
    estate: str | None,
    building: str,
    unit: str | None = None,
    room: str | None = None,
    *,
    building_kind: str | None = None,
) -> str:
    """The address as printed on ledgers: ``幸福里3号楼2单元301``.

    A lettered building is a 座 (``B座1205``); a single-storey courtyard
    (``building_kind="courtyard"`` of codes.BUILDING_KINDS) is ``5号`` on its own and
    ``5号院3号`` with a room. An estate ending in a digit is followed by a space so
    the address parses back (``阳光100 3号楼``, ``阳光100 B座``). Empty parts are left out.
    """
    estate = (estate or "").strip()
    building = building.strip()
    unit = (unit or "").strip()
    room = (room or "").strip()
    courtyard = building_kind == _COURTYARD
    if building.isalpha():
        head = f"{building}座"
    elif courtyard:
        head = f"{building}号院" if room else f"{building}号"
    else:
        head = f"{building}号楼"
    if estate and estate[-1].isdigit():
        estate += " "
    parts = [estate, head]
    if unit:
        parts.append(f"{unit}单元")
    if room:
        parts.append(f"{room}号" if courtyard else room)
    return "".join(parts)


def address_key(parts: AddressParts) -> str:
    """``building-unit-room`` of parsed parts, empty parts kept as empty fields and
    trailing ones dropped: ``3-2-301``, ``5--1201``, ``3-2``, ``5``."""
    fields = [parts.building, parts.unit or "", parts.room or ""]
    while fields and not fields[-1]:
        fields.pop()
    return "-".join(fields)


def address_search_key(text: str) -> str:
    """One comparable key for both ways of writing a flat: ``3号楼2单元301``,
    ``3-2-301`` and ``幸福里3#2-301室`` all give ``3-2-301``.

    The estate is not part of the key (an estate is a column of the building and is
    filtered on its own). Never raises: text that is not an address comes back
    NFKC-normalised, without spaces and upper-cased, so a search still runs; empty
    text gives ``""``.
    """
    if not text or not text.strip():
        return ""
    try:
        return address_key(parse_address(text))
    except ValidationError:
        return _normalise(text).upper()


# --- grids --------------------------------------------------------------------------
GRID_CODE_LENGTH = 15  # 12-digit statistical code of the community + 3-digit serial
_GRID_CODE_IGNORED = re.compile(r"[\s\-]")


@dataclass(frozen=True)
class GridRules:
    """Local practice (a setting): the number of households a grid should have."""

    min_households: int = 300
    max_households: int = 500


DEFAULT_GRID_RULES = GridRules()


def validate_grid_code(code: str) -> str:
    """A grid code in stored form: 15 ASCII digits.

    Full-width digits are normalised; spaces and dashes between groups
    (``110105001001-001``) are dropped. The first two digits must be a province
    code (the community statistical code starts with the area code) and the serial
    number cannot be 000.
    """
    value = _GRID_CODE_IGNORED.sub("", unicodedata.normalize("NFKC", code or ""))
    if not value:
        raise ValidationError("code", MSG_GRID_CODE_EMPTY)
    for position, char in enumerate(value, start=1):
        if not ("0" <= char <= "9"):
            raise ValidationError("code", MSG_GRID_CODE_CHARACTER, char=char,
                                  position=position)
    if len(value) != GRID_CODE_LENGTH:
        raise ValidationError("code", MSG_GRID_CODE_LENGTH, length=len(value))
    if value[:2] not in PROVINCE_CODES:
        raise ValidationError("code", MSG_GRID_CODE_PROVINCE, code=value[:2])
    if value.endswith("000"):
        raise ValidationError("code", MSG_GRID_CODE_SERIAL)
    return value


def grid_size_warning(
    households: int, rules: GridRules = DEFAULT_GRID_RULES
) -> RuleWarning | None:
    """Advice when a grid's household count falls outside 300-500 (both allowed).

    An empty grid (0 households: one being set up) gets no warning.
    """
    values: dict[str, Any] = {
        "count": households, "low": rules.min_households, "high": rules.max_households,
    }
    if 0 < households < rules.min_households:
        return RuleWarning("grid_too_small", W_GRID_SMALL, values)
    if households > rules.max_households:
        return RuleWarning("grid_too_large", W_GRID_LARGE, values)
    return None


# --- households ---------------------------------------------------------------------
def check_heads(relations: Sequence[str]) -> None:
    """A household has exactly one head (户主, code 02 of codes.RELATION_TO_HEAD).

    ``relations`` are the relation codes of the *current* members (moved-out and
    deceased members left out). An empty household (everyone moved out or died)
    passes: it has no members to be head, and recording the last departure must
    not be blocked.
    """
    for code in relations:
        if code not in RELATION_TO_HEAD:
            raise ValidationError("relation", MSG_RELATION_UNKNOWN, code=code)
    if not relations:
        return
    heads = sum(1 for code in relations if code == RELATION_HEAD)
    if heads == 0:
        raise ValidationError("relation", MSG_NO_HEAD)
    if heads > 1:
        raise ValidationError("relation", MSG_MANY_HEADS, count=heads)


# --- ages and care tags -------------------------------------------------------------
VERY_OLD_AGE = 80
CHILD_TAG_MAX_AGE = 16  # 留守儿童 / 困境儿童: under 16
SENSITIVE_MINOR_AGE = 14  # PIPL art. 28: personal information of children under 14
TAG_VERY_OLD = "very_old"
TAG_DISABLED = "disabled"
CHILD_TAGS = frozenset({"left_behind_child", "child_in_difficulty"})
AGE_BANDS = ((14, "0-13"), (18, "14-17"), (60, "18-59"), (80, "60-79"))
AGE_BAND_OLDEST = "80+"


def _age(birth: dt.date, today: dt.date) -> int:
    if birth > today:
        raise ValueError(f"birth date {birth.isoformat()} is after {today.isoformat()}")
    return age_on(birth, today)


def very_old_born_by(today: dt.date) -> dt.date:
    """Anyone born on or before this day is 80 or older on ``today`` (for set-based
    filtering; the same rule as :func:`derived_care_tags`, a property test checks)."""
    return add_years(today, -VERY_OLD_AGE)


def derived_care_tags(birth: dt.date | None, today: dt.date) -> set[str]:
    """Care tags that follow from the birth date alone: ``very_old`` (高龄老人) from
    the 80th birthday on. An unknown or future birth date derives nothing."""
    if birth is None or birth > today:
        return set()
    return {TAG_VERY_OLD} if age_on(birth, today) >= VERY_OLD_AGE else set()


def age_band(birth: dt.date, today: dt.date) -> str:
    """``"0-13"``, ``"14-17"``, ``"18-59"``, ``"60-79"`` or ``"80+"`` (for statistics
    and for lists that must not show the birth date). A birth date after ``today`` is
    a caller's bug: ValueError."""
    age = _age(birth, today)
    for limit, band in AGE_BANDS:
        if age < limit:
            return band
    return AGE_BAND_OLDEST


def is_minor_sensitive(birth: dt.date | None, today: dt.date) -> bool:
    """Whether the resident is under 14, whose data is sensitive personal information
    (PIPL art. 28). An unknown birth date gives False: there is no age to go by (the
    ID number, when there is one, carries the birth date)."""
    if birth is None:
        return False
    return birth > today or age_on(birth, today) < SENSITIVE_MINOR_AGE


def child_tag_allowed(tag: str, birth: dt.date | None, today: dt.date) -> bool:
    """Whether ``tag`` may be given to someone born on ``birth``.

    留守儿童 and 困境儿童 need a known birth date and an age under 16; they are never
    given automatically. Every other tag is allowed here (see :func:`care_tag_checks`).
    """
    if tag not in CHILD_TAGS:
        return True
    return birth is not None and birth <= today and age_on(birth, today) < CHILD_TAG_MAX_AGE


def care_tag_checks(
    tag: str,
    disability_type: str | None,
    disability_grade: str | None,
    birth: dt.date | None,
    today: dt.date,
    guardian_note: str | None,
) -> None:
    """Check one care tag of a resident before it is stored.

    Raises :class:`ValidationError` naming the field at fault:

    * ``care_tag``: an unknown code; ``very_old``, which is derived
      (:func:`derived_care_tags`); a child tag for someone 16 or older or without a
      birth date;
    * ``disability_type`` / ``disability_grade``: 残疾人 needs both (GB/T 26341 codes),
      every other tag must have neither;
    * ``guardian_note``: a resident under 14 with care data needs a guardian note.
    """
    if tag not in CARE_TAGS:
        raise ValidationError("care_tag", MSG_CARE_TAG_UNKNOWN, code=tag)
    label = Term(CARE_TAGS.label(tag))
    if tag == TAG_VERY_OLD:
        raise ValidationError("care_tag", MSG_CARE_TAG_DERIVED, tag=label)
    if tag in CHILD_TAGS and not child_tag_allowed(tag, birth, today):
        if birth is None or birth > today:
            raise ValidationError("care_tag", MSG_CHILD_TAG_NO_BIRTH, tag=label)
        raise ValidationError("care_tag", MSG_CHILD_TAG_AGE, tag=label,
                              age=age_on(birth, today))
    kind = (disability_type or "").strip()
    grade = (disability_grade or "").strip()
    if tag == TAG_DISABLED:
        if not kind:
            raise ValidationError("disability_type", MSG_DISABILITY_TYPE_MISSING)
        if kind not in DISABILITY_TYPES:
            raise ValidationError("disability_type", MSG_DISABILITY_TYPE_UNKNOWN, code=kind)
        if not grade:
            raise ValidationError("disability_grade", MSG_DISABILITY_GRADE_MISSING)
        if grade not in DISABILITY_GRADES:
            raise ValidationError("disability_grade", MSG_DISABILITY_GRADE_UNKNOWN,
                                  code=grade)
    else:
        disabled = Term(CARE_TAGS.label(TAG_DISABLED))
        if kind:
            raise ValidationError("disability_type", MSG_DISABILITY_TYPE_NOT_DISABLED,
                                  disabled=disabled)
        if grade:
            raise ValidationError("disability_grade", MSG_DISABILITY_GRADE_NOT_DISABLED,
                                  disabled=disabled)
    if is_minor_sensitive(birth, today) and not (guardian_note or "").strip():
        raise ValidationError("guardian_note", MSG_GUARDIAN_NOTE)


# --- residence ----------------------------------------------------------------------
def validate_move(
    move_in: dt.date | None,
    move_out: dt.date | None,
    died: dt.date | None,
    birth: dt.date | None,
    today: dt.date,
) -> None:
    """Residence dates of one resident, each optional.

    None lies in the future or before the birth date; move-out and death are not
    before move-in; a move-out is not after the death (death ends the residence).
    Fields: ``move_in_date``, ``move_out_date``, ``death_date``.
    """
    dated = (
        ("move_in_date", move_in, MSG_MOVE_IN_FUTURE, MSG_MOVE_IN_BEFORE_BIRTH),
        ("move_out_date", move_out, MSG_MOVE_OUT_FUTURE, MSG_MOVE_OUT_BEFORE_BIRTH),
        ("death_date", died, MSG_DEATH_FUTURE, MSG_DEATH_BEFORE_BIRTH),
    )
    for field, day, future, before_birth in dated:
        if day is None:
            continue
        if day > today:
            raise ValidationError(field, future, date=day.isoformat())
        if birth is not None and day < birth:
            raise ValidationError(field, before_birth, date=day.isoformat(),
                                  birth=birth.isoformat())
    if move_in is not None:
        if move_out is not None and move_out < move_in:
            raise ValidationError("move_out_date", MSG_MOVE_OUT_BEFORE_IN,
                                  date=move_out.isoformat(), move_in=move_in.isoformat())
        if died is not None and died < move_in:
            raise ValidationError("death_date", MSG_DEATH_BEFORE_IN,
                                  date=died.isoformat(), move_in=move_in.isoformat())
    if move_out is not None and died is not None and move_out > died:
        raise ValidationError("move_out_date", MSG_MOVE_OUT_AFTER_DEATH,
                              date=move_out.isoformat(), died=died.isoformat())


def residence_warning(
    name: str, residence: str | None, population_type: str | None
) -> RuleWarning | None:
    """Advice when the residence status (人户一致 / 人在户不在 / 户在人不在) and the
    population type contradict each other; not a block, since either may be the
    one to correct.

    * 户在人不在 (registered here) but not 户籍人口;
    * 人户一致 but 流动人口 (whose registration is elsewhere by definition).

    人在户不在 goes with any type (a 户籍人口 of another community in the city, a
    floating resident, someone from outside the mainland).
    """
    if residence not in RESIDENCE_STATUS or population_type not in POPULATION_TYPES:
        return None
    population = Term(POPULATION_TYPES.label(population_type))
    if residence == "hukou_only" and population_type != "registered":
        return RuleWarning("hukou_here_not_registered", W_HUKOU_ONLY_NOT_REGISTERED,
                           {"name": name, "population": population})
    if residence == "together" and population_type == "floating":
        return RuleWarning("together_but_floating", W_TOGETHER_FLOATING,
                           {"name": name, "population": population})
    return None


# --- duplicates ---------------------------------------------------------------------
# Rare characters typed as the common character they are a variant of, so that a
# record typed without the rare character still meets the one with it.
_NAME_VARIANTS = str.maketrans({"𠮷": "吉"})


def person_key(name: str, birth_date: dt.date) -> str:
    """The second duplicate test after the ID number: full pinyin of the name and the
    ISO birth date, ``zhangwei|1990-05-14``.

    Pinyin-insensitive by design: 张伟 and 章伟 born the same day share a key and are
    offered for review, never merged automatically. Middle dots and spaces do not
    count (买买提·吐尔逊); 𠮷 is read as 吉. A blank name has no key (ValueError).
    """
    from gridoffice.domain.search_keys import name_keys

    folded = unicodedata.normalize("NFKC", name).strip().translate(_NAME_VARIANTS)
    full, _initials = name_keys(folded)
    if not full:
        raise ValueError("a person key needs a name")
    return f"{full}|{birth_date.isoformat()}"
