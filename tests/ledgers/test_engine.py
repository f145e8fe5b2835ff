"""The shared ledger engine, checked through real PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
import random
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from gridoffice.errors import Cancelled, StorageError
from gridoffice.ledgers import fonts
from gridoffice.ledgers.engine import (
    EMPTY_CELL,
    Column,
    LedgerResult,
    TableDrawer,
    TableLedger,
    open_ledger,
    render_table_ledger,
    wrap_text,
)

DATE = dt.date(2026, 11, 21)
UNIT = "中共幸福里社区委员会第三网格党支部"
ROSTER = [
    Column("序号", 4, "center"),
    Column("姓名", 5),
    Column("性别", 3, "center"),
    Column("民族", 4, "center"),
    Column("出生年月", 5, "center"),
    Column("年龄", 3, "right"),
    Column("籍贯", 7),
    Column("学历", 5),
    Column("入党时间", 5, "center"),
    Column("转正时间", 5, "center"),
    Column("党员类别", 5),
    Column("正式/预备", 4, "center"),
    Column("党内职务", 5),
    Column("工作单位及职务", 11),
    Column("居住地址", 14),
    Column("联系电话", 7),
    Column("备注", 5),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红建国志海燕淑珍春梅德文博"


def roster_row(i: int, rnd: random.Random) -> list[str | None]:
    """One realistic 17-cell 党员花名册 row (phone already masked)."""
    born = rnd.randint(1935, 2004)
    joined = min(born + rnd.randint(18, 50), 2025)
    return [
        str(i),
        rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2))),
        rnd.choice("男女"),
        rnd.choice(["汉族"] * 8 + ["回族", "满族", "维吾尔族"]),
        f"{born}.{rnd.randint(1, 12):02d}",
        str(2026 - born),
        rnd.choice(["北京市朝阳区", "河北省保定市", "黑龙江省哈尔滨市", "四川省成都市"]),
        rnd.choice(["研究生", "大学本科", "大学专科", "高中", "初中", "小学及以下"]),
        f"{joined}.{rnd.randint(1, 12):02d}",
        f"{joined + 1}.{rnd.randint(1, 12):02d}",
        rnd.choice(["直管党员", "在职党员", "流动党员", "离退休党员"]),
        rnd.choice(["正式", "正式", "预备"]),
        rnd.choice([None, None, "支部书记", "组织委员", "党小组长"]),
        rnd.choice(["朝阳区人民政府 科员", "北京京东世纪贸易有限公司 Senior Engineer", "", None]),
        f"北京市朝阳区望京西园{rnd.randint(1, 300)}号院{rnd.randint(1, 30)}号楼"
        f"{rnd.randint(1, 6)}单元{rnd.randint(1, 28)}0{rnd.randint(1, 4)}室",
        f"1{rnd.randint(3, 9)}{rnd.randint(0, 9)}****{rnd.randint(0, 9999):04d}",
        rnd.choice([None, "", "困难党员"]),
    ]


def roster_rows(n: int, seed: int = 7) -> list[list[str | None]]:
    rnd = random.Random(seed)
    return [roster_row(i + 1, rnd) for i in range(n)]


def ledger(columns: list[Column], rows, **kw) -> TableLedger:
    kw.setdefault("signatures", ("支部书记", "填表人"))
    return TableLedger(title="党员花名册", unit=UNIT, date=DATE, columns=columns, rows=rows, **kw)


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def compact(text: str) -> str:
    """Text without whitespace: pypdf puts spaces or newlines between cells
    and wrapped lines, which the assertions do not care about."""
    return re.sub(r"\s+", "", text)


def page_of(pages: list[str], needle: str) -> int:
    hits = [i for i, text in enumerate(pages) if needle in compact(text)]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


# -- fonts --------------------------------------------------------------------


def test_register_fonts_is_idempotent_and_thread_safe():
    names: list[str] = []
    threads = [threading.Thread(target=lambda: names.append(fonts.register_fonts()))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(names) == {fonts.FONT_NAME}
    assert pdfmetrics.getFont(fonts.FONT_NAME) is fonts.ledger_font()


def test_font_coverage_of_rare_characters():
    # WenQuanYi Micro Hei has the BMP CJK block but neither CJK Extension A
    # (䶮 U+4DAE) nor anything beyond the BMP (𠮷 U+20BB7).
    assert fonts.missing_chars("张伟·买买提 吉祥 —（）：") == set()
    assert fonts.missing_chars("𠮷") == {"𠮷"}
    assert fonts.missing_chars("䶮") == {"䶮"}
    # Spaces, control and format characters, variation selectors: never "missing".
    assert fonts.missing_chars(" \t\n\r\u3000\u200b\ufe0f\U000e0100") == set()


def test_safe_text_marks_missing_characters():
    assert fonts.safe_text("王𠮷祥") == ("王[U+20BB7]祥", {"𠮷"})
    assert fonts.safe_text("刘䶮") == ("刘[U+4DAE]", {"䶮"})
    assert fonts.safe_text("张三") == ("张三", set())


# -- line breaking ------------------------------------------------------------


def width(text: str, size: float) -> float:
    return fonts.ledger_font().stringWidth(text, size)


def test_wrap_cjk_breaks_anywhere_within_width():
    text = "北京市朝阳区望京街道花家地社区第三网格党支部" * 3
    lines = wrap_text(text, 60, 9)
    assert "".join(lines) == text
    assert len(lines) > 3
    assert all(width(line, 9) <= 60.01 for line in lines)


def test_wrap_keeps_latin_words_and_numbers_whole():
    lines = wrap_text("工作单位 Beijing Jingdong Century Trading 12345678", 70, 9)
    assert all(width(line, 9) <= 70.01 for line in lines)
    words = " ".join(lines).split()
    for word in ("Beijing", "Jingdong", "Century", "Trading", "12345678"):
        assert word in words


def test_wrap_splits_a_word_longer_than_the_line():
    lines = wrap_text("X" * 80, 40, 9)
    assert "".join(lines) == "X" * 80
    assert all(width(line, 9) <= 40.01 for line in lines)


def test_wrap_punctuation_never_starts_a_line():
    text = "一二三四五，六七八九十。甲乙丙丁戊、己庚辛壬癸；"
    for limit in range(20, 120, 3):
        for line in wrap_text(text, limit, 9)[1:]:
            assert line[0] not in "，。、；", (limit, line)


def test_wrap_honours_newlines():
    assert wrap_text("第一行\n第二行", 200, 9) == ["第一行", "第二行"]


# -- the table ledger ---------------------------------------------------------


def test_first_page_has_title_heading_header_and_footer(tmp_path):
    cols = [Column("序号", 1, "center"), Column("姓名", 2), Column("职务", 2),
            Column("联系电话", 2, "right")]
    rows = [["1", "张伟", "支部书记", "138****5678"], ["2", "李娜", None, ""]]
    out = tmp_path / "roster.pdf"
    result = render_table_ledger(
        ledger(cols, rows, subtitle="（截至 2026年11月21日）", notes=("注：电话已脱敏。",)),
        out,
    )
    assert result == LedgerResult(path=out.absolute(), pages=1, rows=2, missing_chars=[])
    (text,) = pages_text(out)
    flat = compact(text)
    assert flat.startswith("党员花名册")
    for needle in ("（截至2026年11月21日）", f"填报单位：{UNIT}", "填报日期：2026年11月21日",
                   "序号", "姓名", "职务", "联系电话", "张伟", "支部书记", "138****5678",
                   "注：电话已脱敏。", "第1页共1页", "内部资料注意保密",
                   "支部书记：", "填表人：", "日期：", "年", "月", "日"):
        assert needle in flat, needle
    assert "第 1 页 共 1 页" in text and "内部资料 注意保密" in text
    # 李娜's two empty cells print "—" (the header and rows carry no other dash).
    assert flat.count(EMPTY_CELL) == 2


def test_metadata(tmp_path):
    out = tmp_path / "m.pdf"
    render_table_ledger(ledger([Column("姓名", 1)], [["张伟"]]), out)
    meta = PdfReader(out).metadata
    assert meta.title == "党员花名册"
    assert meta.author == "GridOffice" and meta.creator == "GridOffice"


def test_multi_page_header_repeated_and_numbered(tmp_path):
    out = tmp_path / "roster.pdf"
    rows = roster_rows(120)
    result = render_table_ledger(ledger(ROSTER, rows), out)
    pages = pages_text(out)
    n = len(pages)
    assert n >= 3 and result.pages == n and result.rows == 120
    for number, text in enumerate(pages, 1):
        assert f"第 {number} 页 共 {n} 页" in text
        assert "内部资料 注意保密" in text
        flat = compact(text)
        for col in ROSTER:  # the header row on every page, the last one included
            assert compact(col.title) in flat, (number, col.title)
    assert "党员花名册" in pages[0] and "党员花名册" not in pages[-1]
    assert "支部书记：" in compact(pages[-1])
    # Every row is printed once, in order (a row's cells come out one after
    # another, so its first five cells make a unique key).
    where = [page_of(pages, "".join(cell or EMPTY_CELL for cell in row[:5])) for row in rows]
    assert where == sorted(where) and where[0] == 0 and where[-1] >= n - 2


def test_rows_are_never_split_across_pages(tmp_path):
    # Narrow text column: each row wraps to several lines; the first and the
    # last marker of a row must be on the same page.
    rows = [[str(i), f"甲{i:03d}" + "社区网格化管理服务工作记录" * 3 + f"乙{i:03d}"]
            for i in range(90)]
    out = tmp_path / "wrap.pdf"
    result = render_table_ledger(
        ledger([Column("序号", 3, "center"), Column("内容", 1)], rows), out
    )
    pages = pages_text(out)
    assert result.pages == len(pages) > 2
    for i in range(90):
        assert page_of(pages, f"甲{i:03d}") == page_of(pages, f"乙{i:03d}"), i


def test_a_row_taller_than_a_page_is_continued_not_lost(tmp_path):
    huge = "".join(f"段{i:04d}" for i in range(1500))
    out = tmp_path / "huge.pdf"
    result = render_table_ledger(
        ledger([Column("序号", 1), Column("内容", 1)], [["1", huge], ["2", "尾行"]]), out
    )
    pages = pages_text(out)
    assert result.pages == len(pages) >= 3
    # Join the pages without their footers and repeated headers: a line may
    # end with "段" on one page and go on with "0464" on the next.
    flat = "".join(
        re.sub(r"第\d+页共\d+页|内部资料注意保密|序号内容", "", compact(p)) for p in pages
    )
    assert all(f"段{i:04d}" in flat for i in range(1500))
    assert "尾行" in compact(pages[-1])


@pytest.mark.parametrize(("ncols", "landscape"), [(10, True), (9, False), (17, True), (1, False)])
def test_orientation_follows_column_count(tmp_path, ncols, landscape):
    out = tmp_path / "o.pdf"
    cols = [Column(f"列{i}", 1) for i in range(ncols)]
    render_table_ledger(ledger(cols, [["x"] * ncols]), out)
    box = PdfReader(out).pages[0].mediabox
    assert (box.width > box.height) is landscape
    assert {round(float(box.width)), round(float(box.height))} == {595, 842}  # A4


def test_explicit_orientation_wins(tmp_path):
    out = tmp_path / "o.pdf"
    cols = [Column(f"列{i}", 1) for i in range(12)]
    render_table_ledger(ledger(cols, [], landscape=False), out)
    box = PdfReader(out).pages[0].mediabox
    assert box.width < box.height


def test_font_is_embedded_as_subset_and_is_the_only_font(tmp_path):
    out = tmp_path / "f.pdf"
    render_table_ledger(ledger(ROSTER, roster_rows(30)), out)
    for page in PdfReader(out).pages:
        page_fonts = page["/Resources"]["/Font"]
        assert page_fonts
        for ref in page_fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            # No unembedded Helvetica sneaks in: every font is our subset.
            assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei.*", str(target["/BaseFont"]))
            assert "/FontFile2" in target["/FontDescriptor"].get_object()
            assert "/ToUnicode" in font  # what makes the text extractable


def test_missing_character_is_marked_and_reported(tmp_path):
    out = tmp_path / "m.pdf"
    rows = [["1", "王𠮷祥", "北京"], ["2", "刘\u200b敏", "上海\tdistrict"]]
    result = render_table_ledger(
        ledger([Column("序号", 1), Column("姓名", 2), Column("地址", 3)], rows), out
    )
    assert result.missing_chars == ["𠮷"]
    text = pages_text(out)[0]
    assert "[U+20BB7]" in text and "𠮷" not in text
    assert "刘敏" in compact(text) and "上海 district" in text


def test_empty_ledger_prints_header_and_dash_row(tmp_path):
    out = tmp_path / "e.pdf"
    result = render_table_ledger(ledger([Column("姓名", 1), Column("电话", 1)], iter(())), out)
    assert result.rows == 0 and result.pages == 1
    flat = compact(pages_text(out)[0])
    assert "姓名" in flat and "电话" in flat and flat.count(EMPTY_CELL) == 2


def test_short_rows_are_padded_and_long_rows_rejected(tmp_path):
    out = tmp_path / "r.pdf"
    render_table_ledger(ledger([Column("a", 1), Column("b", 1), Column("c", 1)], [["x"]]), out)
    assert compact(pages_text(out)[0]).count(EMPTY_CELL) == 2
    bad = tmp_path / "bad.pdf"
    with pytest.raises(ValueError, match="row 1"):
        render_table_ledger(ledger([Column("a", 1)], [["x", "y"]]), bad)
    assert list(tmp_path.iterdir()) == [out]


def test_blank_column_and_tall_rows_for_signing_by_hand(tmp_path):
    out = tmp_path / "sign.pdf"
    with open_ledger(out, title="签到表") as writer:
        table = TableDrawer(writer, [Column("姓名", 1), Column("签名", 1, empty="")],
                            row_height=40)
        top = writer.y
        table.add_row(["张伟"])
        table.add_row(["李娜", None])
        table.finish()
    assert top - writer.y >= 2 * 40  # the header keeps its own height
    assert top - writer.y < 2 * 40 + 30
    flat = compact(pages_text(out)[0])
    assert "张伟" in flat and "李娜" in flat and EMPTY_CELL not in flat


def test_signatures_move_to_a_new_page_when_they_do_not_fit(tmp_path):
    out = tmp_path / "s.pdf"
    with open_ledger(out, title="网格户情登记表") as writer:
        writer.draw_heading("网格户情登记表", unit=UNIT, date=DATE)
        writer.y = writer.bottom + 12  # almost full
        writer.draw_signatures(["户主", "网格员"])
    assert writer.pages == 2
    first, second = pages_text(out)
    assert "户主" not in first
    assert "户主：" in compact(second) and "网格员：" in compact(second)
    assert "第 2 页 共 2 页" in second


def test_signatures_never_stand_alone_on_the_last_page(tmp_path):
    """Whatever the number of rows, the last page holds the table's last rows
    with the total line and the signatures, never those alone."""
    columns = [Column("序号", 1, "center"), Column("党组织名称", 6), Column("书记", 2)]
    for n in range(20, 60):
        out = tmp_path / f"orgs{n}.pdf"
        rows = [(str(i), f"中共幸福里社区第{i}党支部委员会", f"张伟{i}") for i in range(1, n + 1)]
        render_table_ledger(ledger(columns, rows, notes=(f"共 {n} 个党组织。",),
                                   signatures=("党组织书记", "填表人")), out)
        pages = pages_text(out)
        last = compact(pages[-1])
        assert f"共{n}个党组织。" in last and "填表人：" in last, n
        assert f"第{n}党支部" in last, (n, last[:80])  # the last row is there too
        if len(pages) > 1:
            assert "党组织名称" in last  # the rows carried over keep their header


def test_heights_measured_before_drawing_are_the_heights_drawn(tmp_path):
    """What keeps the end of a table with its notes and signatures: the heights
    measured beforehand are those the drawing then takes."""
    with open_ledger(tmp_path / "h.pdf", title="测量") as writer:
        writer.y -= 40
        note = "共 929 人。本表为网格员本网格工作台账，地址列至门牌号；" * 4
        for space in (0.0, 6.0):
            top = writer.y
            expected = writer.paragraph_height(note, space_before=space)
            writer.draw_paragraph(note, space_before=space)
            assert top - writer.y == pytest.approx(expected)
        for labels in (("支部书记", "填表人"), ("审核人", "盖章", "社区党组织书记", "填表人")):
            top = writer.y
            expected = writer.signatures_height(labels)
            writer.draw_signatures(labels)
            assert top - writer.y == pytest.approx(expected)


def test_a_form_table_keeps_its_last_rows_with_what_follows(tmp_path):
    out = tmp_path / "card.pdf"
    with open_ledger(out, title="服务记录卡") as writer:
        writer.y = writer.bottom + 60  # little room left on the page
        table = TableDrawer(writer, [Column("序号", 1), Column("服务内容", 5)])
        table.add_row(["1", "义诊进社区"])
        table.add_row(["合计", "1 次"])
        table.finish(keep_with=writer.signatures_height(["本人签字", "社区确认人"]))
        writer.draw_signatures(["本人签字", "社区确认人"])
    first, second = (compact(text) for text in pages_text(out))
    assert "义诊进社区" not in first and "合计" not in first
    assert "服务内容" in second and "义诊进社区" in second and "合计1次" in second
    assert "本人签字：" in second




# -- progress, cancel and storage errors ---------------------------------------


def test_progress_reports_and_cancel_leaves_the_old_file(tmp_path):
    out = tmp_path / "roster.pdf"
    out.write_bytes(b"%PDF-1.4 the old ledger")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 500

    with pytest.raises(Cancelled):
        render_table_ledger(ledger(ROSTER, roster_rows(2000)), out, progress=progress)
    assert out.read_bytes() == b"%PDF-1.4 the old ledger"
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind
    assert seen[0] == (0, 2000) and seen[-1] == (500, 2000)
    assert all(total == 2000 for _, total in seen)


def test_cancel_of_a_new_file_leaves_nothing(tmp_path):
    with pytest.raises(Cancelled):
        render_table_ledger(ledger(ROSTER, roster_rows(10)), tmp_path / "x.pdf",
                            progress=lambda done, total: False)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_raises_storage_error_and_writes_nothing(tmp_path):
    target = tmp_path / "no such folder" / "roster.pdf"
    with pytest.raises(StorageError):
        render_table_ledger(ledger(ROSTER, roster_rows(3)), target)
    assert list(tmp_path.iterdir()) == []


def test_five_thousand_rows_from_a_generator(tmp_path):
    out = tmp_path / "big.pdf"
    rnd = random.Random(11)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    result = render_table_ledger(
        ledger(ROSTER, (roster_row(i + 1, rnd) for i in range(5000)), row_count_hint=5000),
        out,
        progress=progress,
    )
    reader = PdfReader(out)
    n = len(reader.pages)
    assert result.rows == 5000 and result.pages == n > 100
    assert seen[0] == (0, 5000) and seen[-1] == (5000, 5000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) >= 20
    for number in (1, n // 2, n):
        text = reader.pages[number - 1].extract_text()
        assert f"第 {number} 页 共 {n} 页" in text
        assert "工作单位及职务" in compact(text)
    last = compact(reader.pages[-1].extract_text())
    assert "5000" in last and "填表人：" in last


def test_no_qt_in_the_ledger_package():
    code = (
        "import sys, gridoffice.ledgers.engine, gridoffice.ledgers.fonts;"
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0


# -- speed ------------------------------------------------------------------------


@pytest.mark.benchmark
def test_speed_against_bare_drawstring(tmp_path):
    """20,000 × 17 roster vs. reportlab drawString of the same cells (no
    wrapping, no rules): the engine must stay within 3× of it."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    rows = roster_rows(20_000)
    fonts.register_fonts()
    start = time.perf_counter()
    canvas = Canvas(str(tmp_path / "bare.pdf"), pagesize=landscape(A4))
    canvas.setFont(fonts.FONT_NAME, 8)
    y = 555.0
    for row in rows:
        for i, cell in enumerate(row):
            canvas.drawString(30 + i * 46, y, cell or EMPTY_CELL)
        y -= 12
        if y < 40:
            canvas.showPage()
            canvas.setFont(fonts.FONT_NAME, 8)
            y = 555.0
    canvas.save()
    bare = time.perf_counter() - start

    start = time.perf_counter()
    result = render_table_ledger(ledger(ROSTER, rows), tmp_path / "engine.pdf")
    engine = time.perf_counter() - start
    print(f"\nbare drawString {bare:.2f}s, engine {engine:.2f}s ({result.pages} pages), "
          f"ratio {engine / bare:.2f}")
    assert engine <= 3 * bare


def test_finished_pages_are_held_as_one_text_until_saved(tmp_path):
    # a ledger of 5,000 pages keeps every page until save() draws the footers: each
    # is held as one text, not reportlab's list of operator strings, and handed to
    # reportlab compressed
    from reportlab.lib.pagesizes import A4

    from gridoffice.ledgers.engine import LedgerCanvas

    out = tmp_path / "pages.pdf"
    canvas = LedgerCanvas(out, pagesize=A4, title="台账")
    for page in range(3):
        canvas.setFont(fonts.FONT_NAME, 8)
        for n in range(60):
            canvas.drawString(40, 60 + n * 12, f"第{page + 1}页第{n + 1}行 幸福里社区")
        canvas.showPage()
    assert all(isinstance(state["_code"], str) for state in canvas._page_states)
    canvas.save()
    assert all(page.stream is None and page.Contents is not None
               for page in canvas._doc.Pages.pages)
    texts = pages_text(out)
    assert len(texts) == 3
    assert "第3页第60行" in compact(texts[2]) and "第 3 页 共 3 页" in texts[2]
