"""The feedback form: five ratings on five levels as boxes, signature, and a code to scan in."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from desk_app.printing import render_feedback_form, render_feedback_forms
from tests.printing.pdf_tools import barcodes, fonts, page_count, page_size_mm, page_texts, squeeze
from tests.printing.print_samples import HEADER, LONG_HEADER, feedback_form, long_feedback_form

Render = Callable[..., bytes]


def test_chinese_form_has_ratings_levels_and_ticket(to_pdf: Render) -> None:
    data = feedback_form()
    pdf = to_pdf(render_feedback_form, data, HEADER)
    assert page_count(pdf) == 1
    text = squeeze(page_texts(pdf)[0])
    for expected in (
        "服务反馈单",
        data.ticket_no,
        data.customer_name,
        data.technician,
        "2024-05-02",
        "服务态度",
        "专业水平",
        "及时性",
        "维修效果",
        "总体评价",
        "非常满意",
        "满意",
        "一般",
        "不满意",
        "非常不满意",
        "意见与建议",
        "客户签字",
        "日期",
        "您的问题是否已经解决",
    ):
        assert expected in text, expected


def test_english_form(to_pdf: Render) -> None:
    text = page_texts(to_pdf(render_feedback_form, feedback_form(language="en"), HEADER))[0]
    for expected in (
        "Service Feedback Form",
        "Attitude",
        "Professionalism",
        "Timeliness",
        "Effectiveness",
        "Overall",
        "Very satisfied",
        "Very dissatisfied",
        "Comments and suggestions",
        "Customer's",
    ):
        assert expected in text, expected


def test_ticket_code_scans_back_in(to_pdf: Render) -> None:
    found = barcodes(to_pdf(render_feedback_form, feedback_form("WX20240601-0077"), HEADER))
    assert {"CODE-128:WX20240601-0077", "QR-Code:WX20240601-0077"} <= found


def test_a5_form_fits_one_page_and_scans(to_pdf: Render) -> None:
    pdf = to_pdf(render_feedback_form, feedback_form(language="en"), HEADER, paper="A5")
    assert page_size_mm(pdf) == (148.0, 210.0)
    assert page_count(pdf) == 1
    assert "CODE-128:WX20240501-0001" in barcodes(pdf)


def test_long_names_and_addresses_wrap_without_loss(to_pdf: Render) -> None:
    data = long_feedback_form()
    pdf = to_pdf(render_feedback_form, data, LONG_HEADER)
    flat = squeeze("".join(page_texts(pdf)))
    for value in (
        data.customer_name,
        data.address,
        data.model,
        data.serial_no,
        LONG_HEADER.name,
        LONG_HEADER.address,
    ):
        assert squeeze(value) in flat
    assert all(row["emb"] == "yes" and row["sub"] == "yes" for row in fonts(pdf))


def test_batch_of_forms(to_pdf: Render) -> None:
    forms = [feedback_form(f"WX20240501-{i:04d}") for i in range(1, 4)]
    pages = page_texts(to_pdf(render_feedback_forms, forms, HEADER))
    assert len(pages) == 3
    for i, page in enumerate(pages, start=1):
        assert f"WX20240501-{i:04d}" in page


def _page_of(pages: list[str], needle: str) -> list[int]:
    return [k for k, page in enumerate(pages, start=1) if needle in squeeze(page)]


@pytest.mark.parametrize("paper", ["A5", "A4"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_signature_row_stays_on_the_page_of_the_ratings(
    to_pdf: Render, paper: str, language: str
) -> None:
    # a long customer block pushes the answers down until they no longer fit page 1
    data = dataclasses.replace(
        long_feedback_form(language=language),
        address=LONG_HEADER.address * (2 if paper == "A5" else 6),
    )
    pages = page_texts(to_pdf(render_feedback_form, data, LONG_HEADER, paper=paper))
    zh = language == "zh_CN"
    ratings = _page_of(pages, "服务态度" if zh else "Attitude")
    overall = _page_of(pages, "总体评价" if zh else "Overall")
    signature = _page_of(pages, "客户签字" if zh else "Customer's")
    assert len(pages) >= 2 or paper == "A4"
    assert ratings == overall == signature, (ratings, overall, signature)
    assert squeeze(data.address) in squeeze("".join(pages))
