"""Parts requisition and returned-part slip: lines, money in yuan, totals, paper sizes."""

from __future__ import annotations

from collections.abc import Callable

from desk_app.printing import (
    RequisitionData,
    money,
    render_requisition,
    render_returned_part_slip,
)
from tests.printing.pdf_tools import barcodes, page_count, page_size_mm, page_texts, squeeze
from tests.printing.print_samples import HEADER, requisition, returned_slip

Render = Callable[..., bytes]


def test_requisition_lines_amounts_and_totals(to_pdf: Render) -> None:
    data = requisition(3)
    pdf = to_pdf(render_requisition, data, HEADER)
    assert page_count(pdf) == 1
    text = squeeze(page_texts(pdf)[0])
    for line in data.lines:
        for value in (
            line.part_code,
            line.name,
            line.spec,
            line.ticket_no,
            money(line.unit_price_cents),
            money(line.qty * line.unit_price_cents),
        ):
            assert squeeze(value) in text, value
    total = sum(line.qty * line.unit_price_cents for line in data.lines)
    assert money(total) == "¥1,728.30"  # 1×123.45 + 2×246.90 + 3×370.35
    assert "合计" in text and "¥1,728.30" in text
    for caption in ("配件领用单", "领用人签字", "发料人签字", "审核人签字", data.requisition_no):
        assert caption in text
    assert "CODE-128:LY20240501-007" in barcodes(pdf)


def test_long_requisition_flows_with_heading_row_repeated(to_pdf: Render) -> None:
    data = requisition(40, long=True)
    for paper in ("A4", "A5"):
        pdf = to_pdf(render_requisition, data, HEADER, paper=paper)
        pages = page_texts(pdf)
        assert len(pages) >= 2
        for k, page in enumerate(pages, start=1):
            flat = squeeze(page)
            assert "配件领用单" in flat and f"第{k}页共{len(pages)}页" in flat
            assert "单价" in flat  # the column headings repeat
        flat = squeeze("".join(pages))
        for line in data.lines:
            assert line.part_code in flat
        total = sum(line.qty * line.unit_price_cents for line in data.lines)
        assert money(total) in squeeze(pages[-1])


def test_empty_requisition_still_prints(to_pdf: Render) -> None:
    data = RequisitionData(requisition_no="LY-EMPTY", language="en")
    text = page_texts(to_pdf(render_requisition, data, HEADER))[0]
    assert "(none)" in text and "¥0.00" in text


def test_returned_slip_is_a5_with_reasons(to_pdf: Render) -> None:
    data = returned_slip(2)
    pdf = to_pdf(render_returned_part_slip, data, HEADER)
    assert page_size_mm(pdf) == (148.0, 210.0)
    text = squeeze(page_texts(pdf)[0])
    for value in (
        "旧件返还登记单",
        data.slip_no,
        data.ticket_no,
        data.returned_by,
        data.received_by,
        "电机烧毁，线圈短路",
        "返还人签字",
        "接收人签字",
    ):
        assert squeeze(value) in text, value


def test_returned_slip_in_english(to_pdf: Render) -> None:
    text = page_texts(to_pdf(render_returned_part_slip, returned_slip(1, "en"), HEADER))[0]
    assert "Returned Part Slip" in text and "Damage / fault" in text
