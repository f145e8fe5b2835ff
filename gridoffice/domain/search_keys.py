"""Pinyin search keys for names: ``zw`` and ``zhangwei`` both find 张伟.

Keys are stored next to the name and compared with what the user types after
:func:`query_key`. Surnames are read as surnames (曾 is zeng, not ceng); because
people do not always know that, :func:`name_key_variants` adds the other common
readings of a heteronym surname. pypinyin takes about 0.2 s to import, and
start-up time is measured, so it is imported on first use only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gridoffice.domain.identity import is_ideograph

# Surnames whose reading differs from the character's usual one (or that have
# several readings in use). First the surname reading, then other common ones;
# syllables are separated by spaces so initials can be taken per syllable.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    # compound surnames first: they are matched before single characters
    "万俟": ("mo qi", "wan si"),
    "尉迟": ("yu chi", "wei chi"),
    "长孙": ("zhang sun", "chang sun"),
    "澹台": ("tan tai", "dan tai"),
    "令狐": ("ling hu",),
    "曾": ("zeng", "ceng"),
    "单": ("shan", "dan"),
    "仇": ("qiu", "chou"),
    "解": ("xie", "jie"),
    "查": ("zha", "cha"),
    "区": ("ou", "qu"),
    "朴": ("piao", "pu"),
    "乐": ("yue", "le"),
    "盖": ("ge", "gai"),
    "缪": ("miao", "mou", "miu"),
    "覃": ("qin", "tan"),
    "翟": ("zhai", "di"),
    "召": ("shao", "zhao"),
    "种": ("chong", "zhong"),
    "重": ("chong", "zhong"),
    "秘": ("bi", "mi"),
    "折": ("she", "zhe"),
    "句": ("gou", "ju"),
    "员": ("yun", "yuan"),
    "尉": ("wei", "yu"),
    "蔚": ("yu", "wei"),
    "柏": ("bai", "bo"),
    "薄": ("bo", "bao"),
    "繁": ("po", "fan"),
    "隗": ("wei", "kui"),
    "祭": ("zhai", "ji"),
    "莘": ("shen", "xin"),
    "车": ("che", "ju"),
    "宿": ("su", "xiu"),
    "都": ("du", "dou"),
    "藏": ("zang", "cang"),
    "牟": ("mou", "mu"),
    "能": ("nai", "neng"),
    "粘": ("nian", "zhan"),
    "便": ("pian", "bian"),
    "黑": ("he", "hei"),
    "那": ("na", "nuo"),
    "乜": ("nie", "mie"),
    "贲": ("ben", "bi"),
    "蕃": ("pi", "fan"),
    "盛": ("sheng", "cheng"),
    "褚": ("chu", "zhu"),
    "隽": ("juan", "jun"),
    "郇": ("huan", "xun"),
    "朝": ("chao", "zhao"),
    "长": ("chang", "zhang"),
}

# Characters that separate parts of names or that users type between syllables.
_SEPARATORS = re.compile(r"[\s.\u00b7\u2022\u30fb\uff0e\u2027\uff65\u22c5\u2219'\u2019\u2018`-]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")


def _pinyin(text: str) -> list[str]:
    """pypinyin's toneless readings, one item per character; runs of other
    characters come back as they are (imported here, on first use)."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors="default")


def _fold_latin(text: str) -> str:
    """Lower-case ASCII for Latin letters: accents dropped (José -> jose)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65_536)
def _syllables(text: str) -> tuple[str, ...]:
    """The name as syllables: pinyin for known ideographs, lower-case words for Latin,
    unknown ideographs (𠮷) kept as they are; dots and spaces dropped. Cached: given
    names repeat a lot, and an import of 20,000 members asks for every one."""
    result: list[str] = []
    for item in _pinyin(text):
        if item.isascii() and item.isalpha():
            result.append(item.lower())
            continue
        for char_or_word in _split_other(item):
            result.append(char_or_word)
    return tuple(result)


def _split_other(item: str) -> list[str]:
    """Split a run pypinyin did not convert into words and single unknown characters."""
    parts: list[str] = []
    word = ""
    for char in item:
        folded = _fold_latin(char) if not _is_ideograph_like(char) else char
        if folded and _LATIN_WORD.fullmatch(folded):
            word += folded
            continue
        if word:
            parts.append(word)
            word = ""
        if _is_ideograph_like(char):
            parts.append(char)  # pypinyin has no reading for it: keep the character
    if word:
        parts.append(word)
    return parts


def _is_ideograph_like(char: str) -> bool:
    # by range too: ideographs newer than Python's Unicode data have no category yet
    return is_ideograph(char) or unicodedata.category(char) == "Lo"


def _split_surname(name: str) -> tuple[tuple[str, ...], str]:
    """(readings of a known heteronym surname, the rest of the name)."""
    for size in (2, 1):
        head = name[:size]
        if len(head) == size and head in SURNAME_READINGS:
            return SURNAME_READINGS[head], name[size:]
    return (), name


def _keys(syllables: list[str] | tuple[str, ...]) -> tuple[str, str]:
    return "".join(syllables), "".join(s[0] for s in syllables if s)


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, lower-case and without tones or separators.

    ``张伟`` -> ``("zhangwei", "zw")``; ``曾伟`` -> ``("zengwei", "zw")``;
    ``𠮷祥`` -> ``("𠮷xiang", "𠮷x")``.
    """
    name = name.strip()
    if not name:
        return "", ""
    readings, rest = _split_surname(name)
    if readings:
        return _keys(readings[0].split() + (list(_syllables(rest)) if rest else []))
    if is_ideograph(name[0]):
        # The surname on its own, so that a phrase reading of surname + given
        # name does not decide how the surname is read.
        return _keys(_syllables(name[0]) + (_syllables(name[1:]) if len(name) > 1 else ()))
    return _keys(_syllables(name))


def name_key_variants(name: str) -> list[str]:
    """Every key a search should match: :func:`name_keys` first, then the full and
    initial keys for the other common readings of a heteronym surname, and ``u``
    for ``v`` (吕 is typed lv or lu). Join them with ``"|"`` to store in one column.
    """
    full, initials = name_keys(name)
    variants = [full, initials]
    name = name.strip()
    readings, rest = _split_surname(name) if name else ((), "")
    if readings:
        rest_syllables = list(_syllables(rest)) if rest else []
        for reading in readings[1:]:
            variants.extend(_keys(reading.split() + rest_syllables))
    if "v" in full:
        variants.append(full.replace("v", "u"))
    unique: list[str] = []
    for key in variants:
        if key and key not in unique:
            unique.append(key)
    return unique


def query_key(text: str) -> str:
    """What the user typed, in the form of the keys: NFKC (full-width letters),
    lower case, without spaces, dots, apostrophes or hyphens; ü typed as v."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("ü", "v")
    return _SEPARATORS.sub("", folded)
