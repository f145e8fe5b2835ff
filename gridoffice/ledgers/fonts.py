"""The embedded CJK font of every ledger and the check for characters it lacks.

WenQuanYi Micro Hei (face 0 of the TTC) covers GB 2312, GBK and most of the BMP
CJK block, but not CJK Extension A (e.g. 䶮 U+4DAE) or anything outside the BMP
(e.g. 𠮷 U+20BB7). reportlab would draw such a character as the empty .notdef
glyph, so a rare character in a name would vanish from the paper without a
trace; :func:`safe_text` turns it into a visible ``[U+20BB7]`` marker instead
and reports it, so the caller can tell the user which names need a pen.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from gridoffice.paths import font_path

#: The reportlab name of the ledger font (face 0 of the TTC, the proportional one).
FONT_NAME = "WQYMicroHei"
#: Face 1 of the same TTC: fixed width, 0 and O, 1 and I told apart (codes to type).
MONO_FONT_NAME = "WQYMicroHeiMono"

_lock = threading.Lock()


@dataclass(frozen=True)
class _FontInfo:
    font: TTFont
    cmap: frozenset[int]
    # Matches any character that is not plainly drawable: not in the font,
    # or a control/format character, or whitespace other than U+0020/U+3000.
    # One C-level regex search per cell keeps the common case (nothing to fix)
    # cheap on a 20,000-row ledger.
    needs_care: re.Pattern[str]


_info: _FontInfo | None = None
_mono: TTFont | None = None


def _char_class_escape(code: int) -> str:
    return f"\\U{code:08x}"


def _needs_care_pattern(cmap: frozenset[int]) -> re.Pattern[str]:
    plain = sorted(
        code
        for code in cmap
        if code in (0x20, 0x3000)
        or not (0xD800 <= code <= 0xDFFF or _is_invisible(chr(code)))
    )
    ranges: list[str] = []
    start = prev = plain[0]
    for code in plain[1:] + [-1]:
        if code == prev + 1:
            prev = code
            continue
        ranges.append(
            _char_class_escape(start)
            if start == prev
            else f"{_char_class_escape(start)}-{_char_class_escape(prev)}"
        )
        start = prev = code
    return re.compile("[^" + "".join(ranges) + "]")


def _load() -> _FontInfo:
    global _info
    info = _info
    if info is not None:
        return info
    with _lock:
        if _info is None:
            path = font_path()
            if not path.is_file():
                # A packaging bug (the font is listed in build.spec), not a user error.
                raise RuntimeError(f"The ledger font is missing: {path}")
            font = TTFont(FONT_NAME, str(path), subfontIndex=0)
            # Subset embedding is reportlab's default for TTFont; keep it, the
            # full TTC is 5 MB and every ledger would carry it.
            pdfmetrics.registerFont(font)
            cmap = frozenset(font.face.charToGlyph)
            _info = _FontInfo(font, cmap, _needs_care_pattern(cmap))
        return _info


def register_fonts() -> str:
    """Register the ledger font with reportlab (once; thread-safe) and return its name."""
    return _load().font.fontName


def register_mono_font() -> str:
    """Register the fixed-width face of the ledger font (once; thread-safe) and
    return its name: for codes a person copies by hand. Embedded as a subset."""
    global _mono
    with _lock:
        if _mono is None:
            path = font_path()
            if not path.is_file():
                raise RuntimeError(f"The ledger font is missing: {path}")
            font = TTFont(MONO_FONT_NAME, str(path), subfontIndex=1)
            pdfmetrics.registerFont(font)
            _mono = font
        return _mono.fontName


def ledger_font() -> TTFont:
    """The registered reportlab font object (for fast width measurements)."""
    return _load().font


def needs_care_pattern() -> re.Pattern[str]:
    """A regex that finds the first character :func:`safe_text` or line
    breaking would have to deal with; ``None`` from ``search`` means the text
    can be drawn as it is."""
    return _load().needs_care


def _is_invisible(char: str) -> bool:
    """Whitespace, control and format characters, and variation selectors.

    They print nothing by themselves, so a font without a glyph for them loses
    nothing: they are never reported as missing.
    """
    if char.isspace():
        return True
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return unicodedata.category(char) in ("Cc", "Cf")


def is_invisible(char: str) -> bool:
    """True for whitespace, control/format characters and variation selectors."""
    return _is_invisible(char)


def marker(char: str) -> str:
    """The visible stand-in for a character the font lacks, e.g. ``[U+20BB7]``."""
    return f"[U+{ord(char):04X}]"


def missing_chars(text: str) -> set[str]:
    """The characters of ``text`` the ledger font has no glyph for.

    Spaces, control and format characters and variation selectors are never
    counted: they print nothing anyway.
    """
    info = _load()
    if info.needs_care.search(text) is None:
        return set()
    cmap = info.cmap
    return {c for c in set(text) if ord(c) not in cmap and not _is_invisible(c)}


def safe_text(text: str) -> tuple[str, set[str]]:
    """``text`` with every character the font lacks replaced by ``[U+XXXX]``.

    Returns the new text and the set of replaced characters, so nothing
    disappears from the paper silently. Invisible characters are left alone.
    """
    missing = missing_chars(text)
    if not missing:
        return text, missing
    return "".join(marker(c) if c in missing else c for c in text), missing
