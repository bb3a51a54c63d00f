"""The stocktake count sheet: many pages, each numbered and headed, totals at the end."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from desk_app.printing import render_count_sheet
from tests.printing.pdf_tools import page_count, page_texts, squeeze
from tests.printing.print_samples import HEADER, count_sheet

Render = Callable[..., bytes]


def test_300_lines_make_numbered_pages_with_headers(to_pdf: Render) -> None:
    data = count_sheet(300)
    pdf = to_pdf(render_count_sheet, data, HEADER)
    pages = page_texts(pdf)
    n = len(pages)
    assert n == page_count(pdf)
    assert n >= 8  # 300 rows tall enough to write in cannot fit fewer pages
    for k, page in enumerate(pages, start=1):
        flat = squeeze(page)
        assert f"第{k}页共{n}页" in flat
        assert "库存盘点表" in flat and data.count_no in flat
        assert "实盘数" in flat and "账面数" in flat  # column headings on every page
    flat = squeeze("".join(pages))
    for line in data.lines:
        assert flat.count(line.part_code) == 1, line.part_code
    book = sum(line.system_qty or 0 for line in data.lines)
    assert f"合计：共300个品项，账面数量合计{book}" in squeeze(pages[-1])
    assert "盘点人" in squeeze(pages[-1]) and "监盘人" in squeeze(pages[-1])


def test_english_page_numbers(to_pdf: Render) -> None:
    pages = page_texts(to_pdf(render_count_sheet, count_sheet(120, "en"), HEADER))
    n = len(pages)
    assert n >= 2
    for k, page in enumerate(pages, start=1):
        assert f"Page {k} of {n}" in page
        assert "Stocktake Count Sheet" in page


def test_blind_count_hides_book_quantities(to_pdf: Render) -> None:
    pages = page_texts(to_pdf(render_count_sheet, count_sheet(30, blind=True), HEADER))
    flat = squeeze("".join(pages))
    assert "盲盘（不显示账面数量）" in flat
    columns = flat.replace("盲盘（不显示账面数量）", "")
    assert "账面数" not in columns and "差异" not in columns
    assert "合计：共30个品项" in flat and "账面数量合计" not in flat


@pytest.mark.parametrize("blind", [False, True])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_long_part_codes_never_break_mid_code(to_pdf: Render, language: str, blind: bool) -> None:
    codes = [
        "HA-KFR35-EVAP-00001",
        "GREE-KFR-72LW/NhAa1BAj-PCB-MAIN",
        "X" * 40,  # the longest code the parts table holds
    ]
    data = count_sheet(30, language=language, blind=blind)
    lines = tuple(
        dataclasses.replace(line, part_code=codes[i % len(codes)] + ("" if i < 3 else f"-{i}"))
        for i, line in enumerate(data.lines)
    )
    data = dataclasses.replace(data, lines=lines[:3] + lines[3:][: 30 - 3])
    pdf = to_pdf(render_count_sheet, data, HEADER)
    text_lines = [line for page in page_texts(pdf) for line in page.splitlines()]
    for line in data.lines:
        assert any(line.part_code in text for text in text_lines), (line.part_code, text_lines)


def test_ordinary_codes_keep_their_size(print_fonts) -> None:  # type: ignore[no-untyped-def]
    from reportlab.lib.units import mm

    from desk_app.printing.blocks import styles_for

    s = styles_for(print_fonts, "zh_CN")
    cell = s.one("P-00001")
    cell.wrap(19 * mm, 1000)
    assert cell._para is not None and cell._para.style.fontSize == s.cell.fontSize
    squeezed = s.one("HA-KFR35-EVAP-00001-LONG")
    _, h = squeezed.wrap(30 * mm, 1000)
    assert squeezed._para is not None and squeezed._para.style.fontSize < s.cell.fontSize
    assert h == s.cell.leading  # one line, smaller type
