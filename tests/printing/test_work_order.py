"""The work order PDF: every field printed, fonts embedded, long text flows, barcodes scan."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest

from desk_app.printing import PrintingError, render_work_order, render_work_orders
from tests.printing.pdf_tools import barcodes, fonts, page_count, page_size_mm, page_texts, squeeze
from tests.printing.print_samples import HEADER, LONG_ZH, long_work_order, work_order

Render = Callable[..., bytes]


def test_chinese_work_order_prints_every_field(to_pdf: Render) -> None:
    data = work_order()
    text = squeeze("".join(page_texts(to_pdf(render_work_order, data, HEADER))))
    for expected in (
        "服务派工单",
        HEADER.name,
        HEADER.hotline,
        data.ticket_no,
        "维修",
        "紧急",
        "已派工",  # kind, urgency, status translated from codes
        data.customer_name,
        "13812345678",
        "010-65881234",
        data.address,
        data.area,
        data.product_type,
        data.brand,
        data.model,
        data.serial_no,
        "2022-06-18",
        "保内",
        data.fault_description,
        "2024-05-0214:00–16:00",
        data.technician,
        "排水泵",
        "DP-12V",
        "温度传感器",
        data.tools,
        data.charge_standard,
        data.notes,
        "2024-05-0109:30",
        "2024-05-0209:30",
        "2024-05-0309:30",
        "2024-05-0409:30",
        "检测结果",
        "处理措施",
        "使用配件",
        "人工费",
        "合计",
        "到达时间",
        "完工时间",
        "工程师签字",
        "客户签字",
        "第1页共1页",
    ):
        assert squeeze(expected) in text, expected


def test_english_work_order_uses_english_captions(to_pdf: Render) -> None:
    data = work_order(language="en")
    text = " ".join(page_texts(to_pdf(render_work_order, data, HEADER)))
    for expected in (
        "Work Order",
        "Repair",
        "Urgent",
        "Dispatched",
        "In warranty",
        "Findings / cause",
        "Customer's",
        "Page 1 of 1",
        data.ticket_no,
    ):
        assert expected in text, expected
    assert "张伟" in text  # customer data stays as entered


def test_ordinary_work_order_fits_one_a4_page(to_pdf: Render) -> None:
    pdf = to_pdf(render_work_order, work_order(), HEADER)
    assert page_count(pdf) == 1
    assert page_size_mm(pdf) == (210.0, 297.0)


def test_fonts_are_embedded_subsets_and_nothing_else(to_pdf: Render) -> None:
    for language in ("zh_CN", "en"):
        rows = fonts(to_pdf(render_work_order, work_order(language=language), HEADER))
        assert rows, "no fonts listed"
        for row in rows:
            assert row["emb"] == "yes" and row["sub"] == "yes", row
            assert row["type"].startswith("TrueType"), row


def test_long_fault_flows_to_more_pages_with_the_header_repeated(to_pdf: Render) -> None:
    # numbered sentences prove that nothing is clipped or overprinted away
    fault = "".join(f"【第{i}段】{LONG_ZH}" for i in range(1, 31))
    data = work_order(fault_description=fault)
    pdf = to_pdf(render_work_order, data, HEADER)
    pages = page_texts(pdf)
    n = len(pages)
    assert n >= 2
    for k, page in enumerate(pages, start=1):
        flat = squeeze(page)
        assert "服务派工单" in flat and HEADER.name in flat and data.ticket_no in flat
        assert f"第{k}页共{n}页" in flat
        if k > 1:
            assert "服务派工单（续）" in flat
    everything = squeeze("".join(pages))
    for i in range(1, 31):
        assert f"【第{i}段】" in everything, i
    assert "故障现象（客户描述）" in squeeze(pages[1])  # the box caption repeats
    assert "工程师签字" in squeeze(pages[-1])


def test_overlong_everything_still_prints_in_english_too(to_pdf: Render) -> None:
    data = long_work_order(language="en")
    pages = page_texts(to_pdf(render_work_order, data, HEADER))
    assert len(pages) >= 2
    flat = squeeze("".join(pages))
    assert squeeze(data.customer_name) in flat
    for part in data.likely_parts:
        assert part.code in flat


def test_ticket_number_scans_as_code128_and_qr(to_pdf: Render) -> None:
    data = work_order("WX20240501-0042")
    found = barcodes(to_pdf(render_work_order, data, HEADER))
    assert "CODE-128:WX20240501-0042" in found
    assert "QR-Code:WX20240501-0042" in found


def test_barcode_on_continuation_pages_too(to_pdf: Render) -> None:
    data = work_order("WX20240501-0043", fault_description=LONG_ZH * 40)
    pdf = to_pdf(render_work_order, data, HEADER)
    assert page_count(pdf) >= 2
    assert "CODE-128:WX20240501-0043" in barcodes(pdf, page=2)


def test_batch_gives_each_order_its_own_pages(to_pdf: Render) -> None:
    orders = [
        work_order("WX20240501-0001"),
        work_order("WX20240501-0002", fault_description=LONG_ZH * 40),  # two pages or more
        work_order("WX20240501-0003", language="en"),
    ]
    pdf = to_pdf(render_work_orders, orders, HEADER)
    pages = page_texts(pdf)
    owners = []
    for page in pages:
        on_page = set(re.findall(r"WX20240501-000\d", page))
        assert len(on_page) == 1, on_page  # never two orders on one page
        owners.append(on_page.pop())
    assert owners[0] == "WX20240501-0001" and owners[-1] == "WX20240501-0003"
    middle = owners.count("WX20240501-0002")
    assert middle >= 2 and len(pages) == middle + 2
    # page numbers count within each order
    assert "第1页共1页" in squeeze(pages[0])
    assert f"第{middle}页共{middle}页" in squeeze(pages[middle])
    assert "Page 1 of 1" in pages[-1]


def test_empty_batch_is_refused() -> None:
    with pytest.raises(ValueError):
        render_work_orders([], HEADER, "unused.pdf")


def test_ticket_number_that_cannot_be_a_barcode_is_refused() -> None:
    import io

    with pytest.raises(PrintingError, match="barcode"):
        render_work_order(work_order("工单001"), HEADER, io.BytesIO())


def test_writes_to_a_path(tmp_path, to_pdf: Render) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "wo.pdf"
    render_work_order(work_order(), HEADER, out)
    assert out.read_bytes().startswith(b"%PDF")
    render_work_order(work_order(), HEADER, str(out))
    assert page_count(out.read_bytes()) == 1


def test_a5_paper_and_logo(tmp_path, to_pdf: Render) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 100), (200, 30, 30)).save(logo)
    header = dataclasses.replace(HEADER, logo_path=str(logo))
    pdf = to_pdf(render_work_order, work_order(), header, paper="A5")
    assert page_size_mm(pdf) == (148.0, 210.0)
    assert work_order().ticket_no in page_texts(pdf)[0]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_ordinary_work_order_fits_one_a5_sheet(to_pdf: Render, language: str) -> None:
    pdf = to_pdf(render_work_order, work_order(language=language), HEADER, paper="A5")
    assert page_size_mm(pdf) == (148.0, 210.0)
    assert page_count(pdf) == 1
    flat = squeeze(page_texts(pdf)[0])
    for caption in ("工程师签字", "客户签字") if language == "zh_CN" else ("Technician's",):
        assert caption in flat


def _lines(pdf: bytes) -> list[str]:
    return [line for page in page_texts(pdf) for line in page.splitlines()]


@pytest.mark.parametrize("paper", ["A5", "A4"])
def test_blanks_dates_and_serials_never_wrap(to_pdf: Render, paper: str) -> None:
    data = work_order()
    lines = _lines(to_pdf(render_work_order, data, HEADER, paper=paper))
    # arrival and completion: each date-and-time blank whole on a line, 时 and 分 together
    blanks = sum(len(re.findall(r"_+年_+月_+日\s*_+时_+分", line)) for line in lines)
    assert blanks == 2, lines
    for value in (
        "2024-05-01 09:30",
        "2024-05-02 14:00–16:00",
        "2024-05-04 09:30",
        "2022-06-18",
        data.serial_no,
        data.model,
    ):
        assert any(value in line for line in lines), (value, lines)


def test_english_blanks_stay_on_one_line_on_a5(to_pdf: Render) -> None:
    lines = _lines(to_pdf(render_work_order, work_order(language="en"), HEADER, paper="A5"))
    assert sum(len(re.findall(r"_+-_+-_+\s+_+:_+", line)) for line in lines) == 2, lines
    assert any("2024-05-02 14:00–16:00" in line for line in lines)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_long_a5_work_order_flows_over_pages_with_headers(to_pdf: Render, language: str) -> None:
    # numbered sentences prove that nothing is clipped or overprinted away
    fault = "".join(f"【第{i}段】{LONG_ZH}" for i in range(1, 13))
    data = dataclasses.replace(long_work_order(language=language), fault_description=fault)
    pages = page_texts(to_pdf(render_work_order, data, HEADER, paper="A5"))
    n = len(pages)
    assert n >= 2
    for k, page in enumerate(pages, start=1):
        flat = squeeze(page)
        assert data.ticket_no in flat and HEADER.name in flat
        assert (f"第{k}页共{n}页" if language == "zh_CN" else f"Page{k}of{n}") in flat
    everything = squeeze("".join(pages))
    for i in range(1, 13):
        assert f"【第{i}段】" in everything, i
    for part in data.likely_parts:
        assert part.code in everything and squeeze(part.name) in everything
    assert squeeze(data.customer_name) in everything
    last = squeeze(pages[-1])
    assert ("工程师签字" if language == "zh_CN" else "Technician's") in last


@pytest.mark.parametrize(
    "language, mark", [("zh_CN", "期望 05-02 14:00–16:00"), ("en", "wish 05-02 14:00–16:00")]
)
def test_an_unbooked_work_order_prints_the_time_the_customer_asked_for(
    to_pdf: Render, language: str, mark: str
) -> None:
    from datetime import datetime

    data = dataclasses.replace(
        work_order(language=language),
        appointment_start=None,
        appointment_end=None,
        preferred_start=datetime(2026, 5, 2, 14, 0),
        preferred_end=datetime(2026, 5, 2, 16, 0),
    )
    pdf = to_pdf(render_work_order, data, HEADER, paper="A5")
    assert page_count(pdf) == 1
    assert squeeze(mark) in squeeze(page_texts(pdf)[0])
    booked = to_pdf(render_work_order, work_order(language=language), HEADER)
    assert squeeze(mark[:5]) not in squeeze(page_texts(booked)[0])  # a booked visit wins
    assert mark in _lines(pdf) or any(mark in line for line in _lines(pdf))  # on one line
