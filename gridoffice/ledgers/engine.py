"""The shared page template of every ledger and the fast table ledger.

Page conventions (DOMAIN.md, "Paper ledgers"): title, 填报单位 and 填报日期 on the
first page; the table header repeated on every page; "第 x 页 共 y 页" and
"内部资料 注意保密" in the footer of every page; empty cells print "—";
signature lines at the end, never alone on a page (the table's last rows go with
them); 10 or more columns go on A4 landscape; the CJK font
is embedded (as subsets).

The pieces, from the bottom up, so that ledgers which are not plain tables (a
per-household form, meeting minutes) reuse them:

* :class:`LedgerCanvas` - a reportlab canvas that keeps every page until
  ``save()`` and then draws the footers, because "共 y 页" needs the total;
* :class:`PageWriter` - knows the page geometry, the current ``y`` and starts
  new pages; draws headings, wrapped paragraphs and signature lines and
  records characters the font lacks;
* :class:`TableDrawer` - a ruled table flowing across pages, header repeated;
* :func:`open_ledger` - a context manager that writes the PDF atomically;
* :func:`render_table_ledger` - a whole table ledger from plain data.

Speed: a 20,000-row roster is 340,000 cells. reportlab's ``drawString`` builds
a text object per call and spends most of its time there, and platypus
``Table`` is slower still, so table cells are written as raw PDF text
operators (one ``BT``..``ET`` per row, subset-encoded strings cached per
document) through ``Canvas.addLiteral``. Everything else uses ordinary canvas
calls.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFBase85Encode,
    PDFName,
    PDFStream,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas

from gridoffice.errors import Cancelled
from gridoffice.fileio import atomic_output
from gridoffice.ledgers import fonts
from gridoffice.ledgers.fonts import FONT_NAME
from gridoffice.paths import storage_error

__all__ = [
    "BODY_SIZE",
    "CONFIDENTIAL",
    "EMPTY_CELL",
    "FONT_NAME",
    "FOOTER_SIZE",
    "FORM_ROW_HEIGHT",
    "INFO_SIZE",
    "KEEP_LAST_ROWS",
    "LANDSCAPE_FROM_COLUMNS",
    "MARGINS",
    "SUBTITLE_SIZE",
    "TITLE_SIZE",
    "Column",
    "LedgerCanvas",
    "LedgerResult",
    "Margins",
    "PageWriter",
    "TableDrawer",
    "TableLedger",
    "draw_form_rows",
    "draw_qr",
    "format_date",
    "open_ledger",
    "qr_size",
    "page_size",
    "render_table_ledger",
    "wrap_text",
]

# --------------------------------------------------------------------------
# Page template constants
# --------------------------------------------------------------------------

TITLE_SIZE = 18.0
SUBTITLE_SIZE = 11.0
INFO_SIZE = 10.5  # 填报单位 / 填报日期, notes and signature lines
BODY_SIZE = 9.0  # table cells up to 12 columns
SMALL_BODY_SIZE = 8.0  # table cells from 13 columns on (the 17-column roster)
FOOTER_SIZE = 9.0

CONFIDENTIAL = "内部资料 注意保密"
EMPTY_CELL = "—"
LANDSCAPE_FROM_COLUMNS = 10
PROGRESS_EVERY = 250  # rows between progress calls
KEEP_LAST_ROWS = 2  # table rows kept on one page with the notes and signatures after them

_LINE_FACTOR = 1.3  # leading / font size
_CELL_PAD_X = 3.0
_CELL_PAD_Y = 2.5
_HEADER_GREY = 0.9
_INNER_RULE = 0.4
_OUTER_RULE = 0.9
_SIGNATURE_LINE = 2.6  # signature line height / font size: tall enough to sign on
_FAKE_BOLD_STROKE = 0.035  # stroke width per point of font size for the "bold" look


@dataclass(frozen=True)
class Margins:
    """Page margins in points; ``footer`` is the footer baseline above the page edge."""

    left: float
    right: float
    top: float
    bottom: float
    footer: float


MARGINS = Margins(left=15 * mm, right=15 * mm, top=14 * mm, bottom=17 * mm, footer=8 * mm)


def page_size(landscape: bool) -> tuple[float, float]:
    """A4 portrait or landscape, in points."""
    return _landscape(A4) if landscape else A4


def format_date(date: datetime.date) -> str:
    """``2026年11月21日`` (no leading zeros, as on printed forms)."""
    return f"{date.year}年{date.month}月{date.day}日"


def _num(value: float) -> str:
    return f"{value:.2f}"


# --------------------------------------------------------------------------
# Line breaking
# --------------------------------------------------------------------------

# Characters that take a full em and may break anywhere (CJK, kana, Hangul,
# full-width forms, the supplementary ideograph planes). Runs of other
# non-space characters are "words" (Latin, digits, markers like [U+20BB7])
# and are kept together when they fit on a line.
_WIDE = (
    "\u1100-\u11ff\u2e80-\u303f\u3040-\ua4cf\uac00-\ud7af\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff"
)
_TOKEN = re.compile(f"[ ]+|[^ {_WIDE}]+|.", re.S)
# Simple kinsoku: these never start a line ...
_NO_LINE_START = frozenset("，。、；：？！）》」』】〉〕〗”’…%,.;:?!)]}·・")
# ... and these never end one.
_NO_LINE_END = frozenset("（《「『【〈〔〖“‘([")


def _tokens(paragraph: str) -> list[str]:
    out: list[str] = []
    glue_next = False
    for tok in _TOKEN.findall(paragraph):
        if tok[0] == " ":
            out.append(tok)
            glue_next = False
            continue
        if out and out[-1][0] != " " and (glue_next or tok[0] in _NO_LINE_START):
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = tok[-1] in _NO_LINE_END
    return out


_unit_widths: dict[str, float] = {}  # token -> width at 1 pt; tokens repeat a lot


def _unit_width(token: str) -> float:
    w = _unit_widths.get(token)
    if w is None:
        if len(_unit_widths) > 100_000:
            _unit_widths.clear()
        w = _unit_widths[token] = fonts.ledger_font().stringWidth(token, 1.0)
    return w


def wrap_text(text: str, max_width: float, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` at ``size`` points.

    CJK text breaks between any two characters (with simple kinsoku for
    punctuation); Latin words and numbers stay whole unless a single word is
    wider than the line. ``"\\n"`` forces a break. Always returns at least one
    line. The text should already be cleaned (see :meth:`PageWriter.clean`).
    """
    # Compare in 1-pt units; the small allowance keeps float noise from
    # pushing an exact fit onto the next line.
    limit = max_width / size + 0.001
    lines: list[str] = []
    for paragraph in text.split("\n"):
        cur = ""
        cur_w = 0.0
        for tok in _tokens(paragraph):
            w = _unit_width(tok)
            if cur_w + w <= limit:
                if cur or tok[0] != " ":  # no leading spaces on a line
                    cur += tok
                    cur_w += w
                continue
            if tok[0] == " ":  # the line ends at this space
                lines.append(cur.rstrip(" "))
                cur, cur_w = "", 0.0
                continue
            if cur.strip(" "):
                lines.append(cur.rstrip(" "))
                cur, cur_w = "", 0.0
            if w <= limit:
                cur, cur_w = tok, w
                continue
            # A word wider than the whole line: break it between characters.
            for ch in tok:
                cw = _unit_width(ch)
                if cur and cur_w + cw > limit:
                    lines.append(cur)
                    cur, cur_w = "", 0.0
                cur += ch
                cur_w += cw
        lines.append(cur.rstrip(" "))
    return lines


# --------------------------------------------------------------------------
# Canvas with "第 x 页 共 y 页" footers
# --------------------------------------------------------------------------


def _pack_page(page: Any) -> None:
    """Compress a finished page's content stream now, as reportlab would at save():
    the same filters, the same bytes, but the document then holds every page packed,
    not as text."""
    if page.Contents or not page.stream or not page.compression:
        return
    filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
    content: Any = page.stream
    for packer in reversed(filters):
        content = packer.encode(content)
    stream = PDFStream(content=content)
    stream.dictionary["Filter"] = PDFArray([PDFName(f.pdfname) for f in filters])
    stream.__Comment__ = "page stream"
    page.Contents = stream
    page.stream = None


class LedgerCanvas(Canvas):
    """A canvas that draws the standard footer on every page at ``save()``.

    The total page count is only known at the end, so ``showPage`` keeps each
    finished page's state and ``save`` replays them, drawing the footer with
    the final total (the "NumberedCanvas" technique).
    """

    def __init__(
        self,
        filename: str | os.PathLike[str],
        *,
        pagesize: tuple[float, float],
        title: str,
        subject: str = "",
        margins: Margins = MARGINS,
        footer_right: str = CONFIDENTIAL,
    ) -> None:
        # Starting with the CJK font keeps reportlab from putting its default
        # Helvetica (not embedded) into the page resources.
        fonts.register_fonts()
        super().__init__(
            os.fspath(filename),
            pagesize=pagesize,
            pageCompression=1,
            initialFontName=FONT_NAME,
            initialFontSize=BODY_SIZE,
        )
        self.setTitle(title)
        self.setAuthor("GridOffice")
        self.setCreator("GridOffice")
        if subject:
            self.setSubject(subject)
        self.margins = margins
        self.footer_right = footer_right
        self.page_count = 0
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._page_states.append(self._page_state())
        self._startPage()

    def _page_state(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["_page_states"]  # the list itself must not be restored by save()
        # A page's drawing waits for save() as one text: as reportlab's list of small
        # operator strings, 5,000 household forms took some 90 MB more (zlib on top
        # saves another 10 MB for 13 % more time).
        state["_code"] = "\n".join(self._code)
        return state

    @property
    def pages_so_far(self) -> int:
        """Finished pages plus the current one."""
        return len(self._page_states) + 1

    def save(self) -> None:
        if self._code or not self._page_states:
            self._page_states.append(self._page_state())
        states, self._page_states = self._page_states, []
        total = len(states)
        for number in range(1, total + 1):
            state = states[number - 1]
            states[number - 1] = {}  # each page's state is dropped once it is drawn
            code = state["_code"]
            self.__dict__.update(state, _code=[code] if code else [])
            self.draw_footer(number, total)
            Canvas.showPage(self)
            _pack_page(self._doc.Pages.pages[-1])
        self.page_count = total
        Canvas.save(self)

    def draw_footer(self, page: int, total: int) -> None:
        """Draw the footer of one page; override for a different footer."""
        width = self._pagesize[0]
        y = self.margins.footer
        self.setFillGray(0)
        self.setFont(FONT_NAME, FOOTER_SIZE)
        self.drawCentredString(width / 2, y, f"第 {page} 页 共 {total} 页")
        if self.footer_right:
            self.drawRightString(width - self.margins.right, y, self.footer_right)


# --------------------------------------------------------------------------
# Page writer
# --------------------------------------------------------------------------

_WHITESPACE = re.compile(r"[^\S\n\u3000]")  # any whitespace but newline and U+3000


class PageWriter:
    """Draws on a :class:`LedgerCanvas`, top to bottom, page after page.

    ``y`` is the top of the free space on the current page; drawing methods
    move it down. Every piece of text passes through :meth:`clean`, which
    marks characters the font lacks as ``[U+XXXX]`` and collects them in
    :attr:`missing`.
    """

    def __init__(
        self,
        canvas: LedgerCanvas,
        pagesize: tuple[float, float],
        margins: Margins = MARGINS,
    ) -> None:
        self.canvas = canvas
        self.page_width, self.page_height = pagesize
        self.margins = margins
        self.left = margins.left
        self.right = self.page_width - margins.right
        self.top = self.page_height - margins.top
        self.bottom = margins.bottom
        self.y = self.top
        self.font = fonts.ledger_font()
        self.font_name = FONT_NAME
        self.missing: set[str] = set()
        self._needs_care = fonts.needs_care_pattern()
        self._encoded: dict[tuple[str, float], str] = {}
        self._ascent = self.font.face.ascent / 1000
        self._descent = self.font.face.descent / 1000

    # -- geometry ----------------------------------------------------------

    @property
    def content_width(self) -> float:
        return self.right - self.left

    @property
    def body_height(self) -> float:
        """Height available for content on an empty page."""
        return self.top - self.bottom

    @property
    def space_left(self) -> float:
        return self.y - self.bottom

    @property
    def at_page_top(self) -> bool:
        return self.y >= self.top - 0.01

    @property
    def pages(self) -> int:
        """Pages in the document: the final count after saving, else so far."""
        return self.canvas.page_count or self.canvas.pages_so_far

    def new_page(self) -> None:
        self.canvas.showPage()
        self.y = self.top

    def ensure_space(self, height: float) -> bool:
        """Start a new page unless ``height`` fits; True if a page was started."""
        if height > self.space_left + 0.01 and not self.at_page_top:
            self.new_page()
            return True
        return False

    def baseline_offset(self, size: float, leading: float) -> float:
        """Distance from the top of a line box of ``leading`` to the baseline,
        centring the font's ascent..descent box in it."""
        glyph_box = (self._ascent - self._descent) * size
        return (leading - glyph_box) / 2 + self._ascent * size

    # -- text ----------------------------------------------------------------

    def clean(self, text: str, *, keep_newlines: bool = True) -> str:
        """Text ready to draw: whitespace normalised, invisible characters
        dropped, characters the font lacks replaced by ``[U+XXXX]`` (and
        remembered in :attr:`missing`), outer spaces stripped."""
        if self._needs_care.search(text) is not None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            if not keep_newlines:
                text = text.replace("\n", " ")
            text = _WHITESPACE.sub(" ", text)
            text = "".join(c for c in text if c in " \n\u3000" or not fonts.is_invisible(c))
            text, missing = fonts.safe_text(text)
            self.missing |= missing
            text = "\n".join(line.strip(" \u3000") for line in text.split("\n"))
        return text.strip(" \n\u3000")

    def width(self, text: str, size: float) -> float:
        return self.font.stringWidth(text, size)

    def wrap(self, text: str, max_width: float, size: float) -> list[str]:
        """Lines of cleaned ``text`` no wider than ``max_width``."""
        return wrap_text(text, max_width, size)

    def encoded(self, text: str, size: float) -> str:
        """PDF operators selecting the font and showing cleaned ``text``.

        Cached per document: once reportlab has assigned a character to a
        subset the assignment never changes, and ledger cells repeat a lot.
        """
        key = (text, size)
        ops = self._encoded.get(key)
        if ops is None:
            # reportlab's documented recipe for dynamic (subset) fonts; it needs
            # the canvas's document, which the canvas keeps in ``_doc``.
            doc = self.canvas._doc
            size_s = _num(size)
            ops = " ".join(
                f"{self.font.getSubsetInternalName(subset, doc)} {size_s} Tf "
                f"({escapePDF(chunk)}) Tj"
                for subset, chunk in self.font.splitString(text, doc)
            )
            if len(self._encoded) > 200_000:  # bound memory on huge, varied ledgers
                self._encoded.clear()
            self._encoded[key] = ops
        return ops

    def draw_text(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        *,
        align: str = "left",
        bold: bool = False,
    ) -> float:
        """Draw one line of text; ``x`` is the left, centre or right edge
        depending on ``align``. Returns the drawn width."""
        text = self.clean(text, keep_newlines=False)
        if not text:
            return 0.0
        w = self.width(text, size)
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        style = f"2 Tr {_num(size * _FAKE_BOLD_STROKE)} w " if bold else ""
        self.canvas.addLiteral(
            f"q 0 g 0 G {style}BT 1 0 0 1 {_num(x)} {_num(baseline)} Tm "
            f"{self.encoded(text, size)} ET Q"
        )
        return w

    def paragraph_height(self, text: str, size: float = INFO_SIZE, *, indent: float = 0.0,
                         space_before: float = 0.0) -> float:
        """The height :meth:`draw_paragraph` takes for ``text`` on an unbroken page."""
        lines = self.wrap(self.clean(text), self.content_width - indent, size)
        return space_before + len(lines) * size * _LINE_FACTOR

    def draw_paragraph(
        self,
        text: str,
        size: float = INFO_SIZE,
        *,
        align: str = "left",
        indent: float = 0.0,
        bold: bool = False,
        space_before: float = 0.0,
    ) -> None:
        """Wrap ``text`` to the content width and draw it, line by line,
        starting new pages as needed."""
        leading = size * _LINE_FACTOR
        lines = self.wrap(self.clean(text), self.content_width - indent, size)
        offset = self.baseline_offset(size, leading)
        if space_before and not self.at_page_top:
            self.y -= space_before
        for line in lines:
            self.ensure_space(leading)
            if line:
                x = {
                    "left": self.left + indent,
                    "center": (self.left + indent + self.right) / 2,
                    "right": self.right,
                }[align]
                self.draw_text(x, self.y - offset, line, size, align=align, bold=bold)
            self.y -= leading

    def draw_heading(
        self,
        title: str,
        *,
        subtitle: str | None = None,
        unit: str | None = None,
        date: datetime.date | None = None,
    ) -> None:
        """The first-page heading: centred title, subtitle, then
        "填报单位：…" on the left and "填报日期：…" on the right."""
        self.draw_paragraph(title, TITLE_SIZE, align="center", bold=True)
        if subtitle:
            self.y += TITLE_SIZE * 0.05  # keep the subtitle close to its title
            self.draw_paragraph(subtitle, SUBTITLE_SIZE, align="center")
        if unit is None and date is None:
            self.y -= 4
            return
        self.y -= 6
        size = INFO_SIZE
        leading = size * _LINE_FACTOR
        offset = self.baseline_offset(size, leading)
        date_text = f"填报日期：{format_date(date)}" if date else ""
        date_w = self.width(date_text, size) if date_text else 0.0
        unit_lines = self.wrap(
            self.clean(f"填报单位：{unit or ''}"),
            self.content_width - date_w - 4 * size,
            size,
        )
        self.ensure_space(leading * len(unit_lines))
        first_baseline = self.y - offset
        for line in unit_lines:
            self.draw_text(self.left, self.y - offset, line, size)
            self.y -= leading
        if date_text:  # drawn after the unit so that copied text reads in order
            self.draw_text(self.right, first_baseline, date_text, size, align="right")
        self.y -= 3

    def _signature_layout(
        self, labels: Sequence[str], with_date: bool, size: float
    ) -> tuple[list[list[tuple[str, float]]], list[float], list[list[int]]]:
        """The label groups, their widths and how they fill the lines."""
        blank = 6.5 * size  # room for a handwritten name
        groups: list[list[tuple[str, float]]] = []  # (text, 0) or ("", blank width)
        for label in labels:
            groups.append([(self.clean(label, keep_newlines=False) + "：", 0.0), ("", blank)])
        if with_date:
            groups.append(
                [("日期：", 0.0), ("", 3.2 * size), ("年", 0.0), ("", 2 * size), ("月", 0.0),
                 ("", 2 * size), ("日", 0.0)]
            )
        widths = [sum(w or self.width(t, size) for t, w in g) for g in groups]
        min_gap = 3 * size
        # Fill lines greedily; groups never split.
        rows: list[list[int]] = [[]]
        used = 0.0
        for i, w in enumerate(widths):
            need = w if not rows[-1] else used + min_gap + w
            if rows[-1] and need > self.content_width:
                rows.append([i])
                used = w
            else:
                rows[-1].append(i)
                used = need
        return groups, widths, rows

    def signatures_height(
        self,
        labels: Sequence[str],
        *,
        with_date: bool = True,
        size: float = INFO_SIZE,
        space_before: float | None = None,
    ) -> float:
        """The height :meth:`draw_signatures` takes with the same arguments."""
        groups, _widths, rows = self._signature_layout(labels, with_date, size)
        if not groups:
            return 0.0
        gap = size * 2.0 if space_before is None else space_before
        return gap + size * _SIGNATURE_LINE * len(rows)

    def draw_signatures(
        self,
        labels: Sequence[str],
        *,
        with_date: bool = True,
        size: float = INFO_SIZE,
        space_before: float | None = None,
    ) -> None:
        """Signature lines, e.g. "支部书记：______  填表人：______  日期：__年__月__日".

        The whole block moves to a new page when it does not fit; to keep it
        with the end of a table, pass :meth:`signatures_height` to
        :meth:`TableDrawer.finish`.
        """
        groups, widths, rows = self._signature_layout(labels, with_date, size)
        if not groups:
            return
        line_h = size * _SIGNATURE_LINE
        gap = size * 2.0 if space_before is None else space_before
        self.ensure_space(gap + line_h * len(rows))
        if not self.at_page_top:
            self.y -= gap
        offset = self.baseline_offset(size, line_h) + size * 0.3
        for row in rows:
            baseline = self.y - offset
            free = self.content_width - sum(widths[i] for i in row)
            # Spread the groups over the line like a printed form, but not so far
            # apart on a wide page that they lose their connection.
            spread = free / (len(row) - 1) if len(row) > 1 else 0.0
            step = min(spread, 8 * size) if len(row) > 1 else 0.0
            x = self.left + (free - step * (len(row) - 1) if len(row) > 1 else 0.0)
            for i in row:
                for text, w in groups[i]:
                    if w:
                        self.canvas.setLineWidth(0.6)
                        self.canvas.line(x + 1, baseline - 2, x + w - 1, baseline - 2)
                        x += w
                    else:
                        x += self.draw_text(x, baseline, text, size)
                x += step
            self.y -= line_h


# --------------------------------------------------------------------------
# QR codes
# --------------------------------------------------------------------------


def _qr_widget(payload: str, level: str) -> QrCodeWidget:
    return QrCodeWidget(payload, barLevel=level)


def qr_size(payload: str, symbol: float, level: str = "M") -> float:
    """The ``size`` to pass to :func:`draw_qr` for a printed symbol ``symbol``
    wide, not counting its quiet zone (what a scanner has to see)."""
    widget = _qr_widget(payload, level)
    widget.draw()  # builds the code: its module count depends on the payload
    modules = widget.qr.getModuleCount()
    return symbol * (modules + 2 * widget.barBorder) / modules


def draw_qr(writer: PageWriter, payload: str, x: float, y: float, size: float,
            level: str = "M") -> None:
    """A QR code of ``payload`` with its lower-left corner at (x, y), ``size`` wide,
    quiet zone included (reportlab's own widget: no extra dependency); ``level``
    is the error correction, L, M, Q or H."""
    widget = _qr_widget(payload, level)
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    # The drawing's initial font is reportlab's Helvetica, which would go into the
    # page resources unembedded; start it with the ledger font instead.
    drawing = Drawing(size, size, transform=[size / width, 0, 0, size / height, 0, 0],
                      initialFontName=FONT_NAME)
    drawing.add(widget)
    renderPDF.draw(drawing, writer.canvas, x, y)


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One table column: header text, relative width and alignment."""

    title: str
    width: float  # relative weight; the engine scales columns to the page width
    align: str = "left"  # "left" | "center" | "right"
    empty: str = EMPTY_CELL  # what an empty cell prints; "" for a column filled in by hand


_ALIGNS = ("left", "center", "right")


# A laid-out cell: its line count and, per line, the x position (formatted)
# and the PDF operators that show it, or None for an empty line. Only the
# baseline changes from row to row, so a repeated value costs one dict lookup.
_CellLayout = tuple[int, list[tuple[str, str] | None]]


class TableDrawer:
    """A ruled table drawn at the writer's ``y``, flowing over pages.

    The header row is drawn at the top of the table on every page (lazily,
    together with the first row of the page, so it is never left alone at
    the bottom of a page). Rows grow to fit their wrapped text and are never
    split across pages, except a row taller than a whole page, which has to
    be continued on the next.
    """

    def __init__(
        self,
        writer: PageWriter,
        columns: Sequence[Column],
        *,
        font_size: float | None = None,
        header: bool = True,
        row_height: float | None = None,
    ) -> None:
        """``row_height`` is the least height of a body row (e.g. room to sign by
        hand); rows still grow to fit their text."""
        if not columns:
            raise ValueError("a table needs at least one column")
        for col in columns:
            if col.align not in _ALIGNS:
                raise ValueError(f"column {col.title!r}: align must be one of {_ALIGNS}")
            if not col.width > 0:
                raise ValueError(f"column {col.title!r}: width must be positive")
        self.writer = writer
        self.columns = list(columns)
        n = len(columns)
        self.size = font_size or (BODY_SIZE if n <= 12 else SMALL_BODY_SIZE)
        self.leading = self.size * _LINE_FACTOR
        self.min_row_height = self.leading + 2 * _CELL_PAD_Y + 2
        self.rows = 0
        scale = writer.content_width / sum(c.width for c in columns)
        edges = [writer.left]
        for col in columns:
            edges.append(edges[-1] + col.width * scale)
        edges[-1] = writer.right
        self.edges = edges
        self._text_width = [
            max(b - a - 2 * _CELL_PAD_X, self.size) for a, b in itertools.pairwise(edges)
        ]
        self._baseline = writer.baseline_offset(self.size, self.leading)
        self._cache: list[dict[str, _CellLayout]] = [{} for _ in columns]
        self._empty = [self._layout(i, c.empty, c.align) for i, c in enumerate(columns)]
        self._header: list[_CellLayout] | None = None
        self._header_height = 0.0
        if header:
            self._header = [
                self._layout(i, writer.clean(c.title), "center") for i, c in enumerate(columns)
            ]
            lines = max(cell[0] for cell in self._header)
            self._header_height = max(
                lines * self.leading + 2 * _CELL_PAD_Y + 3, self.min_row_height
            )
        if row_height is not None:
            self.min_row_height = max(self.min_row_height, row_height)
        # Per-page state: where the table started on this page and the
        # horizontal rules drawn so far (stroked together at the page's end).
        self._page_top: float | None = None
        self._rules: list[str] = []
        self._held: list[tuple[list[_CellLayout], float]] = []

    # -- public ---------------------------------------------------------------

    def add_row(self, cells: Sequence[Any]) -> None:
        """Draw one row; ``None`` or empty cells print "—"."""
        n = len(self.columns)
        if len(cells) > n:
            raise ValueError(f"row {self.rows + 1} has {len(cells)} cells for {n} columns")
        layouts = [self._cell(i, value) for i, value in enumerate(cells)]
        if len(layouts) < n:
            layouts += self._empty[len(layouts):]
        lines = max(cell[0] for cell in layouts)
        height = max(lines * self.leading + 2 * _CELL_PAD_Y, self.min_row_height)
        # The last rows are held back until finish(), which keeps them on one
        # page with what follows the table (totals, notes, signatures).
        self._held.append((layouts, height))
        if len(self._held) > KEEP_LAST_ROWS:
            self._place(*self._held.pop(0))
        self.rows += 1

    def finish(self, keep_with: float = 0.0) -> None:
        """Rule off the table; the writer's ``y`` is left below it.

        ``keep_with`` is the height of what follows the table and must not be
        left alone on a page (a total line, notes, signatures: see
        :meth:`PageWriter.signatures_height`): when the table's last rows and
        it do not fit on this page, those rows start the next page.
        """
        held, self._held = self._held, []
        if held and keep_with > 0:
            writer = self.writer
            rows_h = sum(height for _, height in held)
            header_h = self._header_height if self._page_top is None else 0.0
            need = header_h + rows_h + keep_with
            fits_a_page = self._header_height + rows_h + keep_with <= writer.body_height
            if need > writer.space_left + 0.01 and fits_a_page and not writer.at_page_top:
                self._new_page()
        for layouts, height in held:
            self._place(layouts, height)
        self._flush_page()

    # -- cell layout ------------------------------------------------------------

    def _cell(self, index: int, value: Any) -> _CellLayout:
        if value is None:
            return self._empty[index]
        text = value if type(value) is str else str(value)
        cache = self._cache[index]
        layout = cache.get(text)
        if layout is None:
            clean = self.writer.clean(text)
            if not clean:
                layout = self._empty[index]
            else:
                layout = self._layout(index, clean, self.columns[index].align)
            if len(cache) > 50_000:  # bound memory; unique values gain nothing anyway
                cache.clear()
            cache[text] = layout
        return layout

    def _layout(self, index: int, text: str, align: str) -> _CellLayout:
        writer = self.writer
        size = self.size
        width = writer.font.stringWidth
        avail = self._text_width[index]
        if "\n" not in text and width(text, size) <= avail:
            lines = [text]
        else:
            lines = writer.wrap(text, avail, size)
        left, right = self.edges[index], self.edges[index + 1]
        items: list[tuple[str, str] | None] = []
        for line in lines:
            if not line:
                items.append(None)
                continue
            if align == "left":
                x = left + _CELL_PAD_X
            elif align == "center":
                x = (left + right - width(line, size)) / 2
            else:
                x = right - _CELL_PAD_X - width(line, size)
            items.append((_num(x), writer.encoded(line, size)))
        return len(items), items

    # -- placing rows -------------------------------------------------------

    def _place(self, layouts: list[_CellLayout], height: float) -> None:
        writer = self.writer
        header_h = self._header_height if self._page_top is None else 0.0
        if header_h + height <= writer.space_left + 0.01:
            self._draw_row(layouts, height)
            return
        if self._header_height + height <= writer.body_height:
            self._new_page()
            self._draw_row(layouts, height)
            return
        # Taller than a whole page: continue the row on the following pages.
        rest = [items for _, items in layouts]
        while any(rest):
            header_h = self._header_height if self._page_top is None else 0.0
            fit = int((writer.space_left - header_h - 2 * _CELL_PAD_Y) // self.leading)
            if fit < 1:
                if writer.at_page_top:
                    fit = 1  # absurdly tall header: print anyway rather than loop forever
                else:
                    self._new_page()
                    continue
            part = [(len(items[:fit]), items[:fit]) for items in rest]
            rest = [items[fit:] for items in rest]
            lines = max(n for n, _ in part)
            self._draw_row(part, max(lines * self.leading + 2 * _CELL_PAD_Y, self.min_row_height))
            if any(rest):
                self._new_page()

    def _new_page(self) -> None:
        self._flush_page()
        self.writer.new_page()

    def _draw_row(self, layouts: list[_CellLayout], height: float) -> None:
        writer = self.writer
        if self._page_top is None:
            self._page_top = writer.y
            if self._header is not None:
                h = self._header_height
                writer.canvas.addLiteral(
                    f"q {_HEADER_GREY} g {_num(writer.left)} {_num(writer.y - h)} "
                    f"{_num(writer.content_width)} {_num(h)} re f Q"
                )
                self._draw_cells(self._header, h)
        self._draw_cells(layouts, height)

    def _draw_cells(self, layouts: list[_CellLayout], height: float) -> None:
        writer = self.writer
        top = writer.y
        leading = self.leading
        base = top - height / 2 - self._baseline
        ops = ["q 0 g BT"]
        append = ops.append
        for count, items in layouts:
            # Centre the cell's lines vertically in the row.
            baseline = base + count * leading / 2
            for item in items:
                if item is not None:
                    append(f"1 0 0 1 {item[0]} {baseline:.2f} Tm {item[1]}")
                baseline -= leading
        append("ET Q")
        writer.canvas.addLiteral(" ".join(ops))
        writer.y = y = top - height
        self._rules.append(f"{_num(writer.left)} {y:.2f} m {_num(writer.right)} {y:.2f} l")

    def _flush_page(self) -> None:
        """Stroke the rules of the table part on the current page."""
        if self._page_top is None:
            return
        writer = self.writer
        top, bottom = _num(self._page_top), _num(writer.y)
        verticals = [f"{_num(x)} {top} m {_num(x)} {bottom} l" for x in self.edges[1:-1]]
        height = self._page_top - writer.y
        writer.canvas.addLiteral(
            f"q 0 G {_INNER_RULE} w " + " ".join(self._rules + verticals) + " S "
            f"{_OUTER_RULE} w {_num(writer.left)} {bottom} {_num(writer.content_width)} "
            f"{_num(height)} re S Q"
        )
        self._rules = []
        self._page_top = None


# A form: label/value cells, a pair of fields a row or one wide field.
_LABEL_WIDTH, _VALUE_WIDTH = 1.0, 2.5
_FORM_PAIR = (
    Column("", _LABEL_WIDTH, "center"),
    Column("", _VALUE_WIDTH),
    Column("", _LABEL_WIDTH, "center"),
    Column("", _VALUE_WIDTH),
)
_FORM_WIDE = (
    Column("", _LABEL_WIDTH, "center"),
    Column("", _LABEL_WIDTH + 2 * _VALUE_WIDTH),
)
FORM_ROW_HEIGHT = 24.0  # points: room to correct a value by hand


def draw_form_rows(writer: PageWriter, rows: Sequence[tuple[str | None, ...]],
                   keep_with: float = 0.0, row_height: float = FORM_ROW_HEIGHT,
                   blank: bool = False) -> None:
    """Label/value rows of a form: four cells a pair of fields, two cells a wide
    field. ``keep_with``: see :meth:`TableDrawer.finish`. ``blank``: empty values are
    left blank, to be filled in by hand (else they print "—")."""
    table: TableDrawer | None = None
    kind = 0
    for row in rows:
        if len(row) != kind:
            if table is not None:
                table.finish()
            kind = len(row)
            columns = _FORM_PAIR if kind == 4 else _FORM_WIDE
            if blank:
                columns = tuple(dataclasses.replace(c, empty="") for c in columns)
            table = TableDrawer(writer, columns, header=False, row_height=row_height)
        assert table is not None
        table.add_row(row)
    if table is not None:
        table.finish(keep_with=keep_with)


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------


@contextlib.contextmanager
def open_ledger(
    path: str | os.PathLike[str],
    *,
    title: str,
    landscape: bool = False,
    subject: str = "",
    margins: Margins = MARGINS,
) -> Iterator[PageWriter]:
    """Yield a :class:`PageWriter` for a new ledger PDF at ``path``.

    The PDF is written beside the target and moved into place only when the
    body finishes; if it raises (``Cancelled``, a bug), the target is left as
    it was. A missing folder or an unwritable target raises ``StorageError``
    before anything is drawn. After the block, ``writer.pages`` is final.
    """
    target = Path(path)
    with atomic_output(target) as tmp:
        size = page_size(landscape)
        canvas = LedgerCanvas(tmp, pagesize=size, title=title, subject=subject, margins=margins)
        writer = PageWriter(canvas, size, margins)
        yield writer
        try:
            canvas.save()
        except OSError as exc:
            raise storage_error(target, exc) from exc


@dataclass
class TableLedger:
    """A plain table ledger: heading, one table, notes and signature lines."""

    title: str  # e.g. "党组织设置一览表"
    unit: str  # 填报单位
    date: datetime.date  # 填报日期
    columns: Sequence[Column]
    rows: Iterable[Sequence[str | None]]  # may be a generator; None or "" prints "—"
    signatures: Sequence[str] = ()  # e.g. ("支部书记", "填表人")
    subtitle: str | None = None  # printed under the title
    landscape: bool | None = None  # None: 10 or more columns -> landscape
    notes: Sequence[str] = ()  # lines after the table, before the signatures
    row_count_hint: int | None = None  # for progress when rows is a generator
    font_size: float | None = None  # None: 9 pt, or 8 pt from 13 columns on


@dataclass
class LedgerResult:
    """What was written, for the caller's message to the user."""

    path: Path
    pages: int
    rows: int
    missing_chars: list[str] = field(default_factory=list)  # sorted; marked [U+XXXX]


def ledger_result(path: str | os.PathLike[str], writer: PageWriter, rows: int) -> LedgerResult:
    """What a finished ledger reports: where, how many pages and rows, which
    characters the font lacked."""
    return LedgerResult(path=Path(path).expanduser().absolute(), pages=writer.pages, rows=rows,
                        missing_chars=sorted(writer.missing))


def progress_check(progress: Callable[[int, int], bool] | None,
                   total: int) -> Callable[[int], None]:
    """``check(done)``: reports progress and raises :class:`Cancelled` when
    ``progress`` returns False."""
    def check(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    return check


def render_table_ledger(
    ledger: TableLedger,
    path: str | os.PathLike[str],
    progress: Callable[[int, int], bool] | None = None,
) -> LedgerResult:
    """Render a table ledger to ``path`` (atomically).

    ``progress(done_rows, total_rows_or_0)`` is called every few hundred rows;
    when it returns False the job stops with :class:`Cancelled` and no file is
    written. Raises ``StorageError`` when ``path`` cannot be written.
    """
    columns = list(ledger.columns)
    landscape = (
        ledger.landscape
        if ledger.landscape is not None
        else len(columns) >= LANDSCAPE_FROM_COLUMNS
    )
    rows = ledger.rows
    total = ledger.row_count_hint or (len(rows) if isinstance(rows, Sized) else 0)

    check = progress_check(progress, total)
    check(0)
    done = 0
    with open_ledger(path, title=ledger.title, landscape=landscape, subject=ledger.unit) as writer:
        writer.draw_heading(
            ledger.title, subtitle=ledger.subtitle, unit=ledger.unit, date=ledger.date
        )
        table = TableDrawer(writer, columns, font_size=ledger.font_size)
        for row in rows:
            table.add_row(row)
            done += 1
            if done % PROGRESS_EVERY == 0:
                check(done)
        if done == 0:
            table.add_row(())  # an empty ledger still shows its ruled header and a "—" row
        notes = [(note, 6.0 if i == 0 else 0.0) for i, note in enumerate(ledger.notes)]
        after = sum(writer.paragraph_height(note, INFO_SIZE, space_before=space)
                    for note, space in notes)
        if ledger.signatures:
            after += writer.signatures_height(ledger.signatures)
        table.finish(keep_with=after)
        for note, space in notes:
            writer.draw_paragraph(note, INFO_SIZE, space_before=space)
        if ledger.signatures:
            writer.draw_signatures(ledger.signatures)
        check(done)
    return ledger_result(path, writer, done)
