"""Identity inputs: ID numbers (GB 11643), phones, personal names and loose dates.

Everything a person types about someone's identity passes through here before it
is stored: the functions normalise what was typed and raise
:class:`~gridoffice.errors.ValidationError` with a message that says exactly what
is wrong (DOMAIN.md, "Identity numbers and other inputs").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from gridoffice.domain.codes import FIELD_LABELS, ID_TYPES, SEX
from gridoffice.errors import Term, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP

# --- messages ---------------------------------------------------------------------
# Fixed fields name themselves; messages about a field chosen by the caller start
# with "{field}", filled with a Term so the label is translated with the message.
MSG_ID_EMPTY = QT_TRANSLATE_NOOP("errors", "ID number: enter the number.")
MSG_ID_LENGTH = QT_TRANSLATE_NOOP(
    "errors",
    "ID number: {length} characters given; an ID number has 18 (old cards: 15).",
)
MSG_ID_CHARACTER = QT_TRANSLATE_NOOP(
    "errors",
    "ID number: {char} at position {position} is not allowed; only digits, and X as the "
    "last character of an 18-character number.",
)
MSG_ID_PROVINCE = QT_TRANSLATE_NOOP(
    "errors", "ID number: it starts with {code}, which is not a province code."
)
MSG_ID_DATE = QT_TRANSLATE_NOOP(
    "errors", "ID number: the birth date in it, {date}, does not exist."
)
MSG_ID_DATE_EARLY = QT_TRANSLATE_NOOP(
    "errors", "ID number: the birth date in it, {date}, is before 1900."
)
MSG_ID_DATE_FUTURE = QT_TRANSLATE_NOOP(
    "errors", "ID number: the birth date in it, {date}, is in the future."
)
MSG_ID_CHECK = QT_TRANSLATE_NOOP(
    "errors", "ID number: the check character should be {expected}, not {found}."
)
MSG_ID_TYPE = QT_TRANSLATE_NOOP(
    "errors", "ID number: {value} is the number of a {kind}, not of a {id_type}."
)
MSG_BIRTH_DISAGREES = QT_TRANSLATE_NOOP(
    "errors", "Birth date: {date} does not agree with the ID number, which gives {id_date}."
)
MSG_SEX_DISAGREES = QT_TRANSLATE_NOOP(
    "errors", "Sex: {sex} does not agree with the ID number, which gives {id_sex}."
)
MSG_PHONE_CHARACTER = QT_TRANSLATE_NOOP(
    "errors", "{field}: {char} is not allowed in a phone number."
)
MSG_PHONE_SHORT = QT_TRANSLATE_NOOP(
    "errors", "{field}: {value} is too short; a mobile number has 11 digits."
)
MSG_PHONE_LONG = QT_TRANSLATE_NOOP(
    "errors", "{field}: {value} is too long; a mobile number has 11 digits."
)
MSG_PHONE_MOBILE = QT_TRANSLATE_NOOP(
    "errors", "{field}: {value} is not a mobile number; the second digit must be 3 to 9."
)
MSG_PHONE_LANDLINE = QT_TRANSLATE_NOOP(
    "errors",
    "{field}: {value} is not a landline number; write the area code and 7 or 8 digits, "
    "like 010-12345678.",
)
MSG_PHONE_NEITHER = QT_TRANSLATE_NOOP(
    "errors",
    "{field}: {value} is neither a mobile number (11 digits starting with 1) nor a landline "
    "number (starting with 0); if there is no phone, enter 无.",
)
MSG_NAME_EMPTY = QT_TRANSLATE_NOOP("errors", "{field}: enter a name.")
MSG_NAME_LONG = QT_TRANSLATE_NOOP(
    "errors", "{field}: at most {limit} characters, not {length}."
)
MSG_NAME_DIGIT = QT_TRANSLATE_NOOP("errors", "{field}: a name cannot contain the digit {char}.")
MSG_NAME_CHARACTER = QT_TRANSLATE_NOOP(
    "errors", "{field}: the character {char} ({code}) is not allowed in a name."
)
MSG_NAME_DOT = QT_TRANSLATE_NOOP(
    "errors",
    "{field}: the middle dot · separates the parts of a name; it cannot stand at the start or "
    "the end, or twice in a row.",
)
MSG_DATE_UNREADABLE = QT_TRANSLATE_NOOP(
    "errors", "{field}: cannot read {value} as a date; write it like 1990-07-01 or 1990-07."
)
MSG_DATE_MISSING_DAY = QT_TRANSLATE_NOOP("errors", "{field}: the date {value} does not exist.")
MSG_DATE_MONTH = QT_TRANSLATE_NOOP(
    "errors", "{field}: {value} has month {month}; months go from 1 to 12."
)
MSG_DATE_RANGE = QT_TRANSLATE_NOOP(
    "errors", "{field}: the year in {value} must be between {first} and {last}."
)

# --- identity numbers ---------------------------------------------------------------
# Province-level codes of GB/T 2260 that start a resident ID number, plus the
# residence permits of Hong Kong (81), Macau (82) and Taiwan (83) residents. Only
# these two digits are checked: the other four digits of the area code are those
# of the *issuing* county, which may have been created after the holder's birth.
PROVINCE_CODES: frozenset[str] = frozenset(
    [str(n) for n in range(11, 16)]  # 北京 天津 河北 山西 内蒙古
    + [str(n) for n in range(21, 24)]  # 辽宁 吉林 黑龙江
    + [str(n) for n in range(31, 38)]  # 上海 江苏 浙江 安徽 福建 江西 山东
    + [str(n) for n in range(41, 47)]  # 河南 湖北 湖南 广东 广西 海南
    + [str(n) for n in range(50, 55)]  # 重庆 四川 贵州 云南 西藏
    + [str(n) for n in range(61, 66)]  # 陕西 甘肃 青海 宁夏 新疆
    + ["71"]  # 台湾 (mainland-issued numbers for Taiwan-registered residents)
    + ["81", "82", "83"]  # 港澳台居民居住证
)
# The foreigners' permanent residence card of December 2023 uses the same 18-character
# scheme with "9" as its first digit (the next digits encode the issuing province and
# the nationality), so any 9x start is accepted.
FOREIGNER_PREFIX = "9"
HMT_CODES = frozenset({"81", "82", "83"})

# Kinds of number, derived from the number itself.
KIND_RESIDENT = "resident"
KIND_HMT = "hmt_permit"
KIND_FOREIGNER = "foreigner"

# ID types (codes of codes.ID_TYPES) whose numbers follow GB 11643, with the kind
# of number each must be: the codes are the kinds. The old (2017) foreigners' card
# has 15 characters starting with letters: like passports and travel permits it is
# stored as typed.
CHECKED_ID_TYPES: dict[str, str] = {
    KIND_RESIDENT: KIND_RESIDENT,
    KIND_HMT: KIND_HMT,
    KIND_FOREIGNER: KIND_FOREIGNER,
}

EARLIEST_BIRTH_YEAR = 1900

_WHITESPACE = re.compile(r"\s+")


def normalize_input(text: str) -> str:
    """What was typed, as the ASCII an ID-like code is stored in.

    NFKC turns full-width digits and letters (typed with a Chinese input method)
    into ASCII and U+3000 into a space; then all whitespace goes and letters are
    upper-cased (a lower-case x check character is common).
    """
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).upper()


def check_character(first17: str) -> str:
    """The GB 11643 check character (``0``-``9`` or ``X``) of 17 digits.

    python-stdnum computes the DOMAIN.md formula (ISO 7064 MOD 11-2) in closed
    form, but its ``calc_check_digit`` expects the *whole* number and ignores the
    last character, so a placeholder is appended. It is imported here, not at
    the top: ``stdnum.util`` pulls in ``ssl`` and ``socket`` for its online
    checks, some 30 ms that start-up should not pay.
    """
    from stdnum.cn import ric

    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"17 ASCII digits expected, got {first17!r}")
    return ric.calc_check_digit(first17 + "0")


@dataclass(frozen=True)
class IdNumber:
    """A checked 18-character ID number and what it says about its holder."""

    value: str  # the 18-character form, upper-case X; what is stored and de-duplicated
    original: str  # as entered after normalisation: 15 or 18 characters
    birth_date: dt.date
    sex: str  # GB/T 2261.1: "1" male (odd sequence number), "2" female (even)
    province: str  # the first two digits (for a foreigner's card: "9" and one more digit)
    kind: str  # KIND_RESIDENT | KIND_HMT | KIND_FOREIGNER

    @property
    def upgraded(self) -> bool:
        """Whether the number was entered in the old 15-digit form."""
        return len(self.original) == 15


def _id_date_text(digits: str) -> str:
    """``19900230`` -> ``1990-02-30``: the date as written, even when impossible."""
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def _kind_of(number: str) -> str:
    if number.startswith(FOREIGNER_PREFIX):
        return KIND_FOREIGNER
    if number[:2] in HMT_CODES:
        return KIND_HMT
    return KIND_RESIDENT


def id_type_of(text: str) -> str | None:
    """The ID type (a code of ``codes.ID_TYPES``) the form of a number gives, or None.

    An 18-character GB 11643 number says what it is: 81, 82 or 83 at the start is a
    residence permit of a Hong Kong, Macau or Taiwan resident, 9 a foreigner's
    permanent residence card (since December 2023), anything else a resident ID card,
    as is an old 15-digit number. Whether the number is valid is not checked here.
    Other numbers (passports, travel permits, the old foreigners' card) give None:
    only a 证件类型 column can say what they are.
    """
    number = normalize_input(text)
    if len(number) == 18 and number[:17].isdigit() and number[17] in "0123456789X":
        return CHECKED_ID_TYPES[_kind_of(number)]
    if len(number) == 15 and number.isdigit():
        return CHECKED_ID_TYPES[KIND_RESIDENT]
    return None


def parse_id_number(text: str, *, today: dt.date | None = None) -> IdNumber:
    """Check an 18- or old 15-digit ID number and return its 18-character form.

    The checks run from the outside in, so the message names the first problem a
    person can see: length, characters, province, birth date, check character.
    """
    today = today or dt.date.today()
    number = normalize_input(text)
    if not number:
        raise ValidationError("id_number", MSG_ID_EMPTY)
    if len(number) not in (15, 18):
        raise ValidationError("id_number", MSG_ID_LENGTH, length=len(number))
    for position, char in enumerate(number, start=1):
        allowed = "0123456789X" if position == 18 else "0123456789"
        if char not in allowed:
            raise ValidationError("id_number", MSG_ID_CHARACTER, char=char, position=position)
    province = number[:2]
    if province not in PROVINCE_CODES and not (
        len(number) == 18 and number.startswith(FOREIGNER_PREFIX)
    ):
        raise ValidationError("id_number", MSG_ID_PROVINCE, code=province)
    # Old cards (issued until 1999) have a two-digit year of the 1900s and no
    # check character: insert "19" after the area code, then compute it.
    stem = number[:17] if len(number) == 18 else number[:6] + "19" + number[6:]
    date_digits = stem[6:14]
    try:
        birth = dt.date(int(date_digits[:4]), int(date_digits[4:6]), int(date_digits[6:]))
    except ValueError:
        raise ValidationError(
            "id_number", MSG_ID_DATE, date=_id_date_text(date_digits)
        ) from None
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise ValidationError("id_number", MSG_ID_DATE_EARLY, date=birth.isoformat())
    if birth > today:
        raise ValidationError("id_number", MSG_ID_DATE_FUTURE, date=birth.isoformat())
    expected = check_character(stem)
    if len(number) == 18 and number[17] != expected:
        raise ValidationError("id_number", MSG_ID_CHECK, expected=expected, found=number[17])
    return IdNumber(
        value=stem + expected,
        original=number,
        birth_date=birth,
        sex="1" if int(stem[16]) % 2 else "2",
        province=province,
        kind=_kind_of(number),
    )


def parse_id_for_type(
    id_type: str, text: str, *, today: dt.date | None = None
) -> IdNumber | None:
    """Check ``text`` as a number of ``id_type`` (a code of ``codes.ID_TYPES``).

    Returns the parsed number for types that follow GB 11643, or ``None`` for the
    others (passports, travel permits, old foreigners' cards: stored as typed,
    after :func:`normalize_input`). A checkable number of the wrong kind, say a
    Hong Kong residence permit entered as a resident ID card, is refused.
    """
    kind = CHECKED_ID_TYPES.get(id_type)
    if kind is None:
        return None
    if kind == KIND_FOREIGNER:
        number = normalize_input(text)
        if len(number) != 18:
            return None  # the 15-character card of 2017, still valid until it expires
    parsed = parse_id_number(text, today=today)
    if parsed.kind != kind:
        raise ValidationError(
            "id_number", MSG_ID_TYPE, value=parsed.original,
            kind=Term(ID_TYPES.label(parsed.kind)),
            id_type=Term(ID_TYPES.label(id_type)),
        )
    return parsed


def check_agrees(id_number: IdNumber, birth_date: dt.date | None, sex: str | None) -> None:
    """Refuse a stored birth date or sex that contradicts the ID number.

    Sex codes 0 (unknown) and 9 (unspecified) contradict nothing.
    """
    if birth_date is not None and birth_date != id_number.birth_date:
        raise ValidationError(
            "birth_date", MSG_BIRTH_DISAGREES,
            date=birth_date.isoformat(), id_date=id_number.birth_date.isoformat(),
        )
    if sex in ("1", "2") and sex != id_number.sex:
        raise ValidationError(
            "sex", MSG_SEX_DISAGREES,
            sex=Term(SEX.label(sex)), id_sex=Term(SEX.label(id_number.sex)),
        )


def id_dedupe_key(text: str, *, today: dt.date | None = None) -> str | None:
    """The 18-character form of a valid 15- or 18-character number, else ``None``.

    Both forms of one person's number give the same key, so an old record typed
    from a 15-digit card collides with a new one.
    """
    try:
        return parse_id_number(text, today=today).value
    except ValidationError:
        return None


# --- phones -------------------------------------------------------------------------
NO_PHONE = "无"  # forms allow no blanks, so "none" is written out
_MOBILE = re.compile(r"1[3-9]\d{9}")
_MOBILE_PREFIX = re.compile(r"(?:\+86|0086|86)(1\d{10})")
_LANDLINE = re.compile(r"(0\d{2,3})(-?)(\d{7,8})(?:-(\d{1,6}))?")
_LANDLINE_BARE = re.compile(r"(0\d{9,11})(?:-(\d{1,6}))?")
_PHONE_SEPARATORS = re.compile(r"[\s\-()]")


def _label(field: str) -> Term:
    return Term(FIELD_LABELS.label(field))


def _area_code_length(digits: str) -> int:
    """Length of the area code that starts ``digits`` (with its 0).

    Mainland area codes are 010 and 020-029 (three digits); all others have four.
    """
    return 3 if digits[:2] in ("01", "02") else 4


def parse_phone(text: str, field: str = "mobile") -> str:
    """A mobile or landline number in stored form, ``无``, or ``""`` for none.

    Mobiles lose spaces, dashes and a +86 / 0086 / 86 prefix: ``13812345678``.
    Landlines become ``0AA-NNNNNNNN[-EXT]``: with the dash the user typed after
    the area code, or, without one, split where the area code ends.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return ""
    if value == NO_PHONE:
        return NO_PHONE
    # "(010)12345678" is a common way of writing the area code
    value = re.sub(r"^\((0\d{2,3})\)\s*", r"\1-", value)
    for char in value:
        if char == NO_PHONE:
            continue  # "无。" or "无无": the message below says to write just 无
        if not (char.isascii() and (char.isdigit() or char in "+-() ")) and not char.isspace():
            raise ValidationError(field, MSG_PHONE_CHARACTER, field=_label(field), char=char)
    compact = _PHONE_SEPARATORS.sub("", value)
    prefixed = _MOBILE_PREFIX.fullmatch(compact)
    if prefixed:
        compact = prefixed.group(1)
    if "+" in compact:
        raise ValidationError(field, MSG_PHONE_NEITHER, field=_label(field), value=value)
    if compact.startswith("1"):
        if len(compact) < 11:
            raise ValidationError(field, MSG_PHONE_SHORT, field=_label(field), value=value)
        if len(compact) > 11:
            raise ValidationError(field, MSG_PHONE_LONG, field=_label(field), value=value)
        if not _MOBILE.fullmatch(compact):
            raise ValidationError(field, MSG_PHONE_MOBILE, field=_label(field), value=value)
        return compact
    if compact.startswith("0"):
        landline = _landline(_WHITESPACE.sub("", value))
        if landline is None:
            raise ValidationError(field, MSG_PHONE_LANDLINE, field=_label(field), value=value)
        return landline
    raise ValidationError(field, MSG_PHONE_NEITHER, field=_label(field), value=value)


def _landline(value: str) -> str | None:
    """``0AA-NNNNNNNN[-EXT]`` from a landline number without spaces, or ``None``."""
    typed = _LANDLINE.fullmatch(value)
    if typed and typed.group(2):  # the user put a dash after the area code: keep it there
        area, local, ext = typed.group(1), typed.group(3), typed.group(4)
    else:
        bare = _LANDLINE_BARE.fullmatch(value)
        if not bare:
            return None
        digits, ext = bare.group(1), bare.group(2)
        # Split where the area code ends; if that leaves no 7-8 digit local
        # number, the other split is the only reading the pattern allows.
        for size in (_area_code_length(digits), 7 - _area_code_length(digits)):
            if 7 <= len(digits) - size <= 8:
                area, local = digits[:size], digits[size:]
                break
        else:
            return None
    return f"{area}-{local}" + (f"-{ext}" if ext else "")


def phone_kind(value: str) -> str | None:
    """``"mobile"``, ``"landline"``, ``"none"`` (``无``) for a stored phone, else ``None``."""
    if value == NO_PHONE:
        return "none"
    if _MOBILE.fullmatch(value):
        return "mobile"
    if _LANDLINE.fullmatch(value):
        return "landline"
    return None


# --- names --------------------------------------------------------------------------
MIDDLE_DOT = "\u00b7"
# Look-alikes of the middle dot that input methods and copied documents produce.
DOT_LOOKALIKES = frozenset(
    "\u00b7"  # · middle dot itself
    "\u2022"  # • bullet
    "\u30fb"  # ・ katakana middle dot
    "\uff0e"  # ． full-width full stop
    "\u2027"  # ‧ hyphenation point
    "\uff65"  # ･ half-width katakana middle dot
    "\u22c5"  # ⋅ dot operator
    "\u2219"  # ∙ bullet operator
    "\u0387"  # · Greek ano teleia (canonically equal to U+00B7)
    "\u2e31"  # ⸱ word separator middle dot
    "\ua78f"  # ꞏ Latin letter sinological dot
)
NAME_MAX_LENGTH = 30  # minority and foreign names can be long


def is_ideograph(char: str) -> bool:
    """A CJK ideograph of any block, including ones newer than Python's Unicode data."""
    cp = ord(char)
    return (
        0x3400 <= cp <= 0x4DBF  # Extension A (䶮 U+4DAE)
        or 0x4E00 <= cp <= 0x9FFF  # unified ideographs
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs, kept as typed
        or 0x20000 <= cp <= 0x3FFFF  # planes 2 and 3: Extensions B-I (𠮷 U+20BB7)
    )


def _is_latin(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def _prepare_char(char: str) -> str:
    """Fold only what is never right in a name; see :func:`normalize_name`."""
    cp = ord(char)
    if char in DOT_LOOKALIKES:
        return MIDDLE_DOT
    if 0xFF01 <= cp <= 0xFF5E or 0x2F00 <= cp <= 0x2FDF or char == "\u3000":
        # full-width ASCII and Kangxi radicals (copied from PDFs, they look like
        # ideographs but are not): their NFKC forms are what was meant
        return unicodedata.normalize("NFKC", char)
    return char


def normalize_name(text: str, field: str = "name") -> str:
    """A personal name as stored, or a ValidationError naming the bad character.

    No NFKC for the whole name: it would replace compatibility ideographs, which
    some registered names use, by their unified twins. Only look-alike dots,
    full-width Latin letters and Kangxi radicals are folded. Spaces are removed
    around ideographs and dots (``张 伟`` typed to align columns) and collapsed
    between Latin words. Length is counted in code points, so 𠮷 counts as one.
    """
    chars = "".join(_prepare_char(c) for c in text).strip()
    chars = _WHITESPACE.sub(" ", chars)
    # keep a space only between two Latin letters (or marks and apostrophes of them)
    kept: list[str] = []
    for index, char in enumerate(chars):
        if char == " ":
            before = kept[-1] if kept else ""
            after = chars[index + 1] if index + 1 < len(chars) else ""
            if not (before and after and _latin_side(before) and _latin_side(after)):
                continue
        kept.append(char)
    name = "".join(kept)
    # an ASCII full stop between two ideographs is a middle dot typed the easy way
    name = re.sub(r"(?<=[^\x00-\x7f])\.(?=[^\x00-\x7f])", MIDDLE_DOT, name)
    if not name:
        raise ValidationError(field, MSG_NAME_EMPTY, field=_label(field))
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(field, MSG_NAME_LONG, field=_label(field),
                              limit=NAME_MAX_LENGTH, length=len(name))
    for index, char in enumerate(name):
        if is_ideograph(char) or _is_latin(char) or char in (MIDDLE_DOT, " "):
            continue
        if unicodedata.category(char).startswith("M") and index and _latin_side(name[index - 1]):
            continue  # a combining accent on a Latin letter
        if char in "-'" and 0 < index < len(name) - 1 and _is_latin(name[index - 1]) \
                and _is_latin(name[index + 1]):
            continue  # Jean-Pierre, O'Brien
        if char.isdigit():
            raise ValidationError(field, MSG_NAME_DIGIT, field=_label(field), char=char)
        raise ValidationError(field, MSG_NAME_CHARACTER, field=_label(field), char=char,
                              code=f"U+{ord(char):04X}")
    if name.startswith(MIDDLE_DOT) or name.endswith(MIDDLE_DOT) or MIDDLE_DOT * 2 in name:
        raise ValidationError(field, MSG_NAME_DOT, field=_label(field))
    return name


def _latin_side(char: str) -> bool:
    return _is_latin(char) or unicodedata.category(char).startswith("M") or char in "-'"


def name_length(text: str) -> int:
    """Length in code points (Python's ``len``), so 𠮷 outside the BMP counts once."""
    return len(text)


# --- loose dates --------------------------------------------------------------------
PRECISION_DAY = "day"
PRECISION_MONTH = "month"
PRECISION_YEAR = "year"
FIRST_YEAR = 1900
LAST_YEAR = 2100


@dataclass(frozen=True)
class LooseDate:
    """A date typed with day, month or year precision (1990-07 means "July 1990").

    ``date`` is the first day of what is known. ``ambiguous`` is set for a
    spreadsheet number like 1990.1, which is read as January but may have been
    October typed as 1990.10: the import reports such values for checking.
    """

    date: dt.date
    precision: str  # PRECISION_DAY | PRECISION_MONTH | PRECISION_YEAR
    ambiguous: bool = False

    def text(self) -> str:
        """``1990-07-01``, ``1990-07`` or ``1990``."""
        if self.precision == PRECISION_DAY:
            return self.date.isoformat()
        if self.precision == PRECISION_MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return f"{self.date.year:04d}"


# A midnight time that spreadsheets add to dates ("1990-07-01 00:00:00") is dropped.
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})"),
    re.compile(r"(?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?)?"),
)


def parse_loose_date(value: object, field: str) -> LooseDate:
    """Read a date from a form or a spreadsheet cell, keeping its precision.

    Accepts ``date``/``datetime`` objects; text like 1990-07-01, 1990/7/1,
    1990.7.1, 1990.07, 1990-7, 199007, 19900701, 1990年7月1日, 1990年7月, 1990年
    (full-width digits too); integers 19900701, 199007, 1990; and numbers such
    as 1990.07 that spreadsheets make of "1990.07" (month precision). A float
    cannot tell 1990.1 from 1990.10, so 1990.1 is January, flagged ``ambiguous``.
    """
    if isinstance(value, dt.datetime):
        return _checked(field, value.date().isoformat(), value.year, value.month, value.day,
                        PRECISION_DAY)
    if isinstance(value, dt.date):
        return _checked(field, value.isoformat(), value.year, value.month, value.day,
                        PRECISION_DAY)
    if isinstance(value, bool):
        raise ValidationError(field, MSG_DATE_UNREADABLE, field=_label(field), value=str(value))
    if isinstance(value, float):
        if value.is_integer():
            return parse_loose_date(int(value), field)
        # repr() gives the shortest text that reads back as the same float, which
        # is what the cell showed: 1990.07 -> "1990.07"
        text = repr(value)
        match = re.fullmatch(r"(\d{4})\.(\d{1,2})", text)
        if not match:
            raise ValidationError(field, MSG_DATE_UNREADABLE, field=_label(field), value=text)
        loose = _checked(field, text, int(match.group(1)), int(match.group(2)), 1,
                         PRECISION_MONTH)
        if match.group(2) == "1":
            return LooseDate(loose.date, loose.precision, ambiguous=True)
        return loose
    if isinstance(value, int):
        return parse_loose_date(str(value), field)
    if not isinstance(value, str):
        raise ValidationError(field, MSG_DATE_UNREADABLE, field=_label(field), value=str(value))
    text = _TIME_SUFFIX.sub("", unicodedata.normalize("NFKC", value).strip())
    text = _WHITESPACE.sub("", text)
    shown = value.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["y"])
        month = int(parts["m"]) if parts.get("m") else None
        day = int(parts["d"]) if parts.get("d") else None
        if month is None:
            return _checked(field, shown, year, 1, 1, PRECISION_YEAR)
        if day is None:
            return _checked(field, shown, year, month, 1, PRECISION_MONTH)
        return _checked(field, shown, year, month, day, PRECISION_DAY)
    raise ValidationError(field, MSG_DATE_UNREADABLE, field=_label(field), value=shown)


def _checked(field: str, shown: str, year: int, month: int, day: int,
             precision: str) -> LooseDate:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(field, MSG_DATE_RANGE, field=_label(field), value=shown,
                              first=FIRST_YEAR, last=LAST_YEAR)
    if not 1 <= month <= 12:
        raise ValidationError(field, MSG_DATE_MONTH, field=_label(field), value=shown,
                              month=month)
    try:
        return LooseDate(dt.date(year, month, day), precision)
    except ValueError:
        raise ValidationError(field, MSG_DATE_MISSING_DAY, field=_label(field),
                              value=shown) from None


# --- ages ---------------------------------------------------------------------------
# Anniversaries follow the Civil Code (民法典) art. 202: a period counted in years
# ends on the corresponding day of the final month, and where that month has no
# such day, on its last day. So someone born on 29 February turns 18 on 28 February
# of a common year, not on 1 March. (The day-after rule for criminal-law ages
# applies to every birthday alike and is not what office ledgers use.) The same
# rule is used for committee terms in orgs.default_term_end.


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the end of a shorter month (民法典 art. 202)."""
    year, month0 = divmod(day.year * 12 + (day.month - 1) + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years (周岁) from ``birth`` to ``day``; see :func:`add_years` for 29 February.

    The birthday itself counts: on it the person is a year older.
    """
    years = day.year - birth.year
    if add_years(birth, years) > day:
        years -= 1
    return years
