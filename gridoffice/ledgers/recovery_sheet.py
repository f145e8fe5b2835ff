"""The printed recovery-key sheet (数据恢复密钥), A4 portrait.

The database key of an office is also wrapped under a recovery key that is
printed once, on this sheet, and kept in the safe: it opens the data when every
administrator password is forgotten or the PC is replaced. The sheet shows the
key large, in a fixed-width face (groups well apart, every character its own
shape), and as a QR code of the same text; says plainly what the key does, how
to keep it and how to use it; names the office, data folder and key
fingerprint; and has lines for the keeper to sign.

Pure rendering: no database, no cryptography. The texts are English source
strings translated into the sheet's language, Chinese (context
``recovery_sheet``), like every printed form.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog
from gridoffice.ledgers import fonts
from gridoffice.ledgers.engine import (
    INFO_SIZE,
    Column,
    PageWriter,
    TableDrawer,
    draw_qr,
    format_date,
    open_ledger,
    qr_size,
)

__all__ = ["CONTEXT", "QR_SYMBOL", "TITLE", "code_lines", "render_recovery_sheet"]

CONTEXT = "recovery_sheet"
#: the printed QR symbol, without its quiet zone: scanned from paper, not a screen
QR_SYMBOL = 42 * mm
QR_LEVEL = "Q"  # a folded, handled sheet: a quarter of the code may be lost
CODE_SIZE = 26.0  # points, the key's characters
GROUPS_PER_LINE = 3
SEPARATOR = " - "

TITLE = QT_TRANSLATE_NOOP("recovery_sheet", "Data recovery key")
_SAFE = QT_TRANSLATE_NOOP(
    "recovery_sheet", "Keep this sheet locked in the safe. Never photograph it or copy it.")
_KEY = QT_TRANSLATE_NOOP("recovery_sheet", "Recovery key")
_CHECK = QT_TRANSLATE_NOOP("recovery_sheet", "check character")
_LETTERS = QT_TRANSLATE_NOOP(
    "recovery_sheet", "(no letters I, L, O or U: 0 is the digit zero, 1 the digit one)")
_QR = QT_TRANSLATE_NOOP("recovery_sheet", "The same key as a QR code")
_OFFICE = QT_TRANSLATE_NOOP("recovery_sheet", "Office")
_FOLDER = QT_TRANSLATE_NOOP("recovery_sheet", "Data folder")
_FINGERPRINT = QT_TRANSLATE_NOOP("recovery_sheet", "Key fingerprint")
_CREATED = QT_TRANSLATE_NOOP("recovery_sheet", "Created")
_PRINTED_BY = QT_TRANSLATE_NOOP("recovery_sheet", "Printed by")
_KEEPER = QT_TRANSLATE_NOOP("recovery_sheet", "Keeper")

_WHAT = QT_TRANSLATE_NOOP("recovery_sheet", "What this key is for")
_WHAT_TEXT = QT_TRANSLATE_NOOP(
    "recovery_sheet", "The data of {office} is stored encrypted. This key opens it when every "
    "administrator password has been forgotten, or when the data moves to a new computer "
    "with the backup files. Whoever has this key can read the personal data of every "
    "resident.")
_KEEP = QT_TRANSLATE_NOOP("recovery_sheet", "How to keep it")
_KEEP_SAFE = QT_TRANSLATE_NOOP(
    "recovery_sheet",
    "Keep the sheet locked in the safe; only the keeper named below takes it out.")
_KEEP_NO_COPY = QT_TRANSLATE_NOOP(
    "recovery_sheet", "Never photograph, scan or copy it, and never keep the key on the computer, "
    "a phone or a USB stick. Delete the PDF file once the sheet is printed.")
_KEEP_ONCE = QT_TRANSLATE_NOOP(
    "recovery_sheet", "The key is printed once. Printing a new key replaces it: this sheet then no "
    "longer works and is shredded.")
_USE = QT_TRANSLATE_NOOP("recovery_sheet", "How to use it")
_USE_LOGIN = QT_TRANSLATE_NOOP(
    "recovery_sheet", "In the login window, click \u201cForgot password / use recovery key\u201d, "
    "type the key and set a new administrator password.")
_USE_CLI = QT_TRANSLATE_NOOP(
    "recovery_sheet", "Or at the command line: {command} (it also sets a new administrator "
    "password).")
_USE_TYPING = QT_TRANSLATE_NOOP(
    "recovery_sheet", "Type all {count} characters, the check character last; upper or lower case, "
    "spaces and dashes do not matter.")
_KEY_PLACEHOLDER = QT_TRANSLATE_NOOP("recovery_sheet", "KEY")

_LABEL_COLUMNS = (Column("", 1.0, "center"), Column("", 4.2))
_DETAIL_ROW = 20.0  # points
_BOX_PAD = 5 * mm
_BOX_RULE = 1.2


def _tr(text: str) -> str:
    """``text`` in the sheet's language (the printed forms are Chinese)."""
    return catalog("zh_CN").translate(CONTEXT, text)


def code_lines(code: str) -> list[str]:
    """The key's groups, :data:`GROUPS_PER_LINE` a line, joined by :data:`SEPARATOR`."""
    groups = [g for g in code.split("-") if g]
    return [SEPARATOR.join(groups[i:i + GROUPS_PER_LINE])
            for i in range(0, len(groups), GROUPS_PER_LINE)]


def _created_text(created: datetime.datetime) -> str:
    return f"{format_date(created.date())} {created:%H:%M}"


def _draw_banner(writer: PageWriter, text: str) -> None:
    """The safe warning: bold, in a ruled box across the page."""
    size = 13.0
    height = size * 2.2
    writer.ensure_space(height + 6)
    c = writer.canvas
    top = writer.y
    c.saveState()
    c.setFillGray(0.9)
    c.setLineWidth(_BOX_RULE)
    c.rect(writer.left, top - height, writer.content_width, height, stroke=1, fill=1)
    c.restoreState()
    baseline = top - height / 2 - writer.baseline_offset(size, size) + size / 2
    writer.draw_text((writer.left + writer.right) / 2, baseline, text, size, align="center",
                     bold=True)
    writer.y = top - height - 6


def _draw_key_box(writer: PageWriter, code: str) -> None:
    """The key in large fixed-width characters on the left, its QR code on the right,
    in one ruled box."""
    c = writer.canvas
    mono = fonts.register_mono_font()
    qr = qr_size(code, QR_SYMBOL, QR_LEVEL)
    caption = 9.0
    height = qr + caption * 1.6 + 2 * _BOX_PAD
    writer.ensure_space(height + 8)
    top, left, right = writer.y, writer.left, writer.right
    c.saveState()
    c.setLineWidth(_BOX_RULE)
    c.roundRect(left, top - height, right - left, height, 3 * mm, stroke=1, fill=0)
    c.restoreState()

    qr_x = right - _BOX_PAD - qr
    qr_y = top - _BOX_PAD - qr
    draw_qr(writer, code, qr_x, qr_y, qr, level=QR_LEVEL)
    writer.draw_text(qr_x + qr / 2, qr_y - caption * 1.2, _tr(_QR), caption, align="center")

    text_left = left + _BOX_PAD
    text_right = qr_x - 3 * mm
    label = INFO_SIZE
    label_w = writer.draw_text(text_left, top - _BOX_PAD - label, _tr(_KEY), label, bold=True)
    writer.draw_text(text_left + label_w + 2, top - _BOX_PAD - label, _tr(_LETTERS), caption)
    lines = code_lines(code)
    size = CODE_SIZE
    widest = max(lines, key=len)
    while size > 12 and c.stringWidth(widest, mono, size) > text_right - text_left:
        size -= 1
    leading = size * 1.75  # rows well apart: copied by hand, group by group
    block = leading * len(lines)
    room_top = top - _BOX_PAD - label * 1.8
    room_bottom = top - height + _BOX_PAD + caption * 1.6
    baseline = room_top - (room_top - room_bottom - block) / 2 - leading + (leading - size) / 2
    x = text_left + (text_right - text_left - c.stringWidth(widest, mono, size)) / 2
    advance = c.stringWidth("0", mono, size)  # fixed width: every character the same
    zero_middle = pdfmetrics.getFont(mono).face.capHeight / 1000 * size / 2
    c.saveState()
    c.setFillGray(0)
    for line in lines:
        c.setFont(mono, size)
        c.drawString(x, baseline, line)
        # The face draws 0 as a plain oval: a dot in it tells it from a letter.
        for i, char in enumerate(line):
            if char == "0":
                c.circle(x + (i + 0.5) * advance, baseline + zero_middle, size * 0.07,
                         stroke=0, fill=1)
        last_baseline = baseline
        baseline -= leading
    c.restoreState()
    # Under the last group when it is the single check character: name it.
    last = lines[-1].rsplit(SEPARATOR, 1)[-1]
    if len(last) == 1:
        char_x = x + c.stringWidth(lines[-1][:-1], mono, size)
        char_w = c.stringWidth(last, mono, size)
        writer.draw_text(char_x + char_w / 2, last_baseline - caption * 1.5, _tr(_CHECK),
                         caption, align="center")
    writer.y = top - height - 8


def _draw_details(writer: PageWriter, rows: list[tuple[str, str]]) -> None:
    table = TableDrawer(writer, _LABEL_COLUMNS, header=False, row_height=_DETAIL_ROW,
                        font_size=INFO_SIZE)
    for label, value in rows:
        table.add_row((_tr(label), value))
    table.finish()


def _draw_section(writer: PageWriter, heading: str, items: list[str]) -> None:
    size = INFO_SIZE
    numbered = len(items) > 1
    indent = size * 1.6 if numbered else 0.0
    first = writer.paragraph_height(items[0], size, indent=indent)
    writer.ensure_space(size * 1.3 * 2 + first)  # a heading never ends a page
    writer.draw_paragraph(_tr(heading), size + 1, bold=True, space_before=size * 0.9)
    for number, text in enumerate(items, start=1):
        if numbered:
            writer.ensure_space(writer.paragraph_height(text, size, indent=indent))
            offset = writer.baseline_offset(size, size * 1.3)
            writer.draw_text(writer.left, writer.y - offset, f"{number}.", size)
        writer.draw_paragraph(text, size, indent=indent)


def render_recovery_sheet(target: Path, *, office: str, code: str, fingerprint: str,
                          created: datetime.datetime, data_dir: str,
                          printed_by: str) -> Path:
    """Write the recovery-key sheet for ``code`` (as :func:`recovery_code.format_code`
    gives it) to ``target`` (atomically: a failure leaves ``target`` as it was) and
    return its path. ``StorageError`` when ``target`` cannot be written."""
    target = Path(target)
    title = _tr(TITLE)
    count = len(code.replace("-", ""))
    command = f"gridoffice-cli unlock --recovery-key {_tr(_KEY_PLACEHOLDER)}"
    with open_ledger(target, title=title, subject=office) as writer:
        writer.draw_heading(title, unit=office, date=created.date())
        _draw_banner(writer, _tr(_SAFE))
        _draw_key_box(writer, code)
        _draw_details(writer, [
            (_OFFICE, office),
            (_FOLDER, data_dir),
            (_FINGERPRINT, fingerprint),
            (_CREATED, _created_text(created)),
            (_PRINTED_BY, printed_by),
        ])
        _draw_section(writer, _WHAT, [_tr(_WHAT_TEXT).format(office=office)])
        _draw_section(writer, _KEEP, [_tr(_KEEP_SAFE), _tr(_KEEP_NO_COPY), _tr(_KEEP_ONCE)])
        _draw_section(writer, _USE, [_tr(_USE_LOGIN), _tr(_USE_CLI).format(command=command),
                                     _tr(_USE_TYPING).format(count=count)])
        writer.draw_signatures((_tr(_KEEPER),))
    return target
