"""The recovery key as people read, write and type it.

A recovery key is 20 random bytes (160 bits). On paper and at the keyboard it is
32 characters of Crockford's base32 (``0-9`` and the letters without I, L, O and
U) in 8 groups of 4, followed by one Crockford check symbol (the key's value
modulo 37) in a ninth group: ``7K3M-Q9PD-…-W4ZB-5``. 37 is prime and larger
than the alphabet, so the check symbol catches any one mistyped character and
any two neighbours swapped before the key is tried (a wrong key costs a slow key
derivation and says nothing about where the typo is).

Typing is forgiving: lower case, spaces, missing or extra dashes, full-width
characters, and the usual confusions O → 0 and I, L → 1 are accepted.

No Qt, no cryptography: this only converts between bytes and text.
"""

from __future__ import annotations

import unicodedata

from gridoffice.errors import ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "ALPHABET",
    "CHECK_ALPHABET",
    "CODE_LENGTH",
    "FIELD",
    "KEY_BYTES",
    "check_symbol",
    "format_code",
    "normalise",
    "parse_code",
]

#: Crockford's base32 digits, value 0 to 31
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: the check symbols, value 0 to 36: the digits and five more
CHECK_ALPHABET = ALPHABET + "*~$=U"
KEY_BYTES = 20
GROUP = 4
DATA_LENGTH = KEY_BYTES * 8 // 5  # 32 characters
CODE_LENGTH = DATA_LENGTH + 1  # with the check symbol
FIELD = "recovery_key"

#: what a person may type for a digit: Crockford's decoding rules
_CONFUSIONS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_"
_DROP = str.maketrans({c: None for c in _DASHES})

MSG_EMPTY = QT_TRANSLATE_NOOP(
    "errors", "Recovery key: enter the key printed on the recovery-key sheet.")
MSG_LENGTH = QT_TRANSLATE_NOOP(
    "errors", "Recovery key: it has {length} characters; a recovery key has {expected} "
    "(8 groups of 4 and a check character).")
MSG_CHARACTER = QT_TRANSLATE_NOOP(
    "errors", "Recovery key: the character {char} (group {group}, character {index}) does "
    "not occur in a recovery key.")
MSG_CHECK = QT_TRANSLATE_NOOP(
    "errors", "Recovery key: the check character does not match, so a character is "
    "mistyped. Compare the key with the printed sheet group by group.")


def check_symbol(value: int) -> str:
    """The Crockford check symbol of ``value`` (``value`` modulo 37)."""
    return CHECK_ALPHABET[value % 37]


def format_code(raw: bytes) -> str:
    """20 bytes as ``XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-C``: 32 Crockford
    base32 characters in 8 groups of 4 and the check symbol."""
    if len(raw) != KEY_BYTES:
        raise ValueError(f"a recovery key is {KEY_BYTES} bytes, not {len(raw)}")
    value = int.from_bytes(raw, "big")
    digits = "".join(ALPHABET[(value >> shift) & 31]
                     for shift in range(5 * (DATA_LENGTH - 1), -1, -5))
    groups = [digits[i:i + GROUP] for i in range(0, DATA_LENGTH, GROUP)]
    return "-".join([*groups, check_symbol(value)])


def normalise(text: str) -> str:
    """What a person typed, as the 33 canonical characters would read: NFKC, upper
    case, without spaces and dashes, O read as 0 and I, L as 1. Not checked."""
    value = unicodedata.normalize("NFKC", text).upper()
    value = "".join(value.split()).translate(_DROP)
    return value.translate(_CONFUSIONS)


def parse_code(text: str) -> bytes:
    """The 20 bytes of a typed recovery key; :class:`ValidationError` (field
    ``recovery_key``) for an empty key, a character that cannot occur, a wrong
    length or a check symbol that does not match."""
    value = normalise(text)
    if not value:
        raise ValidationError(FIELD, MSG_EMPTY)
    for i, char in enumerate(value):
        allowed = CHECK_ALPHABET if i == len(value) - 1 else ALPHABET
        if char not in allowed:
            raise ValidationError(FIELD, MSG_CHARACTER, char=char, group=i // GROUP + 1,
                                  index=i % GROUP + 1)
    if len(value) != CODE_LENGTH:
        raise ValidationError(FIELD, MSG_LENGTH, length=len(value), expected=CODE_LENGTH)
    number = 0
    for char in value[:DATA_LENGTH]:
        number = number * 32 + ALPHABET.index(char)
    if check_symbol(number) != value[-1]:
        raise ValidationError(FIELD, MSG_CHECK)
    return number.to_bytes(KEY_BYTES, "big")
