"""The printed recovery-key sheet (数据恢复密钥): what is on the paper, the embedded
fonts, and the QR code read back from a rendered page."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from gridoffice.domain.recovery_code import format_code, parse_code
from gridoffice.errors import StorageError
from gridoffice.ledgers.recovery_sheet import code_lines, render_recovery_sheet

RAW = bytes.fromhex("8f3a9c2e71b04d5a6e0f1c2d3b4a59687706a5b4")
CODE = format_code(RAW)
OFFICE = "幸福街道幸福里社区居民委员会"
FINGERPRINT = "3f9a1c7e"
CREATED = dt.datetime(2026, 11, 21, 14, 30)
DATA_DIR = r"D:\网格通数据\幸福里社区"


def _render(tmp_path, **changes):
    values = dict(office=OFFICE, code=CODE, fingerprint=FINGERPRINT, created=CREATED,
                  data_dir=DATA_DIR, printed_by="王晓梅")
    values.update(changes)
    return render_recovery_sheet(tmp_path / "recovery.pdf", **values)


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_sheet_shows_the_key_the_office_and_the_warnings(tmp_path):
    out = _render(tmp_path)
    assert out == tmp_path / "recovery.pdf" and out.is_file()
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait
    text = _text(out)
    for expected in ("数据恢复密钥", OFFICE, FINGERPRINT, DATA_DIR, "王晓梅",
                     "2026年11月21日 14:30", "请锁在保险柜中", "保管人", "日期",
                     "gridoffice-cli unlock --recovery-key", "忘记密码", "作废",
                     "校验字符", "第 1 页 共 1 页", "内部资料 注意保密"):
        assert expected in text, expected
    # The key in three lines of three groups, which read back as the key.
    lines = code_lines(CODE)
    assert len(lines) == 3
    for line in lines:
        assert line in text
    assert parse_code("".join(lines)) == RAW
    assert reader.metadata.title == "数据恢复密钥"


def test_every_text_on_the_sheet_is_chinese(tmp_path):
    text = _text(_render(tmp_path))
    allowed = r"gridoffice-cli|unlock|--recovery-key|PDF|I、L、O、U"
    words = re.findall(r"[A-Za-z]{2,}", re.sub(allowed, "", text.replace(CODE, "")))
    # the key's groups are letters and digits; everything else is translated
    assert [w for w in words if not any(w in line for line in code_lines(CODE))] == []


def test_the_fonts_are_embedded_subsets(tmp_path):
    out = _render(tmp_path)
    seen = set()
    for page in PdfReader(out).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            target = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
                else font
            name = str(target["/BaseFont"])
            found = re.fullmatch(r"/[A-Z]{6}\+(WenQuanYiMicroHei(?:Mono)?)-\d+", name)
            assert found, name
            assert "/FontFile2" in target["/FontDescriptor"].get_object()
            seen.add(found[1])
    # the key is in the fixed-width face, everything else in the ledger face
    assert seen == {"WenQuanYiMicroHei", "WenQuanYiMicroHeiMono"}


def test_long_names_wrap_and_stay_on_one_page(tmp_path):
    office = "幸福街道" + "幸福里第一第二第三联合" * 4 + "社区居民委员会"
    folder = "C:\\Users\\Administrator\\AppData\\Local\\GridOffice\\" + "子文件夹\\" * 12
    out = _render(tmp_path, office=office, data_dir=folder, printed_by="欧阳娜娜")
    assert len(PdfReader(out).pages) == 1
    flat = "".join(_text(out).split())
    assert office in flat and folder in flat


def test_a_folder_that_does_not_exist_is_a_storage_error(tmp_path):
    with pytest.raises(StorageError):
        render_recovery_sheet(tmp_path / "missing" / "recovery.pdf", office=OFFICE, code=CODE,
                              fingerprint=FINGERPRINT, created=CREATED, data_dir=DATA_DIR,
                              printed_by="王晓梅")
    assert not (tmp_path / "missing").exists()


def _qr_symbol_mm(image_path, dpi: int) -> tuple[float, float]:
    """Width and height of the QR symbol on the page image: the tallest block of
    dark rows in the right third of the page (the key's text is left of it)."""
    from PIL import Image

    image = Image.open(image_path).convert("L")
    w, h = image.size
    x0, x1 = int(w * 0.65), int(w - 17 * dpi / 25.4)  # left of the box's right edge
    pixels = image.load()
    dark_rows = [y for y in range(h // 2)
                 if any(pixels[x, y] < 128 for x in range(x0, x1))]
    bands: list[list[int]] = []
    for y in dark_rows:
        if bands and y - bands[-1][-1] <= 8:  # a QR's light modules are thinner than this
            bands[-1].append(y)
        else:
            bands.append([y])
    band = max(bands, key=lambda b: b[-1] - b[0])
    xs = [x for y in band for x in range(x0, x1) if pixels[x, y] < 128]
    to_mm = 25.4 / dpi
    return (max(xs) - min(xs) + 1) * to_mm, (band[-1] - band[0] + 1) * to_mm


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")),
                    reason="reading the QR code back needs zbarimg (zbar-tools) and pdftoppm "
                           "(poppler-utils)")
def test_the_qr_code_reads_back_as_the_key_and_is_large_enough(tmp_path):
    out = _render(tmp_path)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "page")],
                   check=True)
    (image,) = tmp_path.glob("page*.png")
    read = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True,
                          text=True, check=False)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == CODE
    width, height = _qr_symbol_mm(image, 150)
    assert 40 <= width <= 50 and 40 <= height <= 50, (width, height)
