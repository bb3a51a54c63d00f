"""Check-in receipt and appliance tag for an appliance left at the counter."""

from __future__ import annotations

from collections.abc import Callable

from desk_app.printing import render_appliance_tag, render_check_in_receipt
from tests.printing.pdf_tools import barcodes, fonts, page_count, page_size_mm, page_texts, squeeze
from tests.printing.print_samples import HEADER, LONG_HEADER, check_in, tag

Render = Callable[..., bytes]


def test_receipt_prints_the_appliance_and_scans(to_pdf: Render) -> None:
    data = check_in()
    pdf = to_pdf(render_check_in_receipt, data, HEADER)
    assert page_size_mm(pdf) == (148.0, 210.0)
    assert page_count(pdf) == 1
    text = squeeze(page_texts(pdf)[0])
    for value in (
        "送修接机单",
        data.ticket_no,
        data.customer_name,
        data.model,
        data.serial_no,
        "玻璃转盘、转盘支架",
        data.condition,
        data.fault_description,
        "保外",
        "2024-05-10",
        "取机须知",
        "客户签字",
        "接机人签字",
    ):
        assert squeeze(value) in text, value
    assert {"CODE-128:SX20240503-0042", "QR-Code:SX20240503-0042"} <= barcodes(pdf)


def test_long_receipt_flows_and_keeps_everything(to_pdf: Render) -> None:
    data = check_in("en", long=True)
    pdf = to_pdf(render_check_in_receipt, data, LONG_HEADER)
    pages = page_texts(pdf)
    assert len(pages) >= 2
    flat = squeeze("".join(pages))
    assert squeeze(data.fault_description[:200]) in flat
    assert squeeze(data.address) in flat
    assert all(f"Page {k} of {len(pages)}" in p for k, p in enumerate(pages, start=1))


def test_tag_is_one_small_label_that_scans(to_pdf: Render) -> None:
    pdf = to_pdf(render_appliance_tag, tag(), HEADER)
    assert page_count(pdf) == 1
    assert page_size_mm(pdf) == (70.0, 50.0)
    text = page_texts(pdf)[0]
    assert "138****5678" in text and "13812345678" not in text  # masked on the tag
    assert "SX20240503-0042" in text and "维修标签" in text
    assert "CODE-128:SX20240503-0042" in barcodes(pdf, dpi=300)
    assert all(row["emb"] == "yes" and row["sub"] == "yes" for row in fonts(pdf))


def test_tag_with_overlong_text_stays_on_one_label(to_pdf: Render) -> None:
    for language in ("zh_CN", "en"):
        pdf = to_pdf(render_appliance_tag, tag(language, long=True), LONG_HEADER)
        assert page_count(pdf) == 1
        assert "…" in page_texts(pdf)[0]  # shortened on purpose, visibly
