"""A technician's day: the route sheet first (visits in order, times, addresses, phones,
parts to take), then the work orders."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from desk_app.printing import (
    document_kind,
    render_pdf,
    render_route_sheet,
    render_technician_day,
)
from tests.printing.pdf_tools import page_count, page_size_mm, page_texts, squeeze
from tests.printing.print_samples import HEADER, route_sheet, route_stop, technician_day

Render = Callable[..., bytes]


def test_the_route_sheet_comes_first_then_each_work_order(to_pdf: Render) -> None:
    day = technician_day(3)
    pages = page_texts(to_pdf(render_technician_day, day, HEADER))
    first = squeeze(pages[0])
    assert "工程师路线单" in first and "服务派工单" not in first
    assert "李强" in first and "2024-05-02" in first and "共3单" in first
    # the visits in their order, each with its time, address, phones and parts
    numbers = re.findall(r"WX20240502-000\d", pages[0])
    assert list(dict.fromkeys(numbers)) == [s.ticket_no for s in day.route.stops]
    for stop in day.route.stops:
        assert f"{stop.start:%H:%M}–{stop.end:%H:%M}" in pages[0]
        assert squeeze(stop.address) in first
    assert "13812345678" in first and "010-65881234" in first
    assert "需带配件" in first and "P-20451温度传感器×2" in first
    assert "需带配件汇总" in first
    assert "紧急" in first  # the urgent visit says so
    # then one work order per visit, each numbered on its own
    assert "第1页共1页" in first
    rest = pages[1:]
    assert len(rest) == 3
    for page, stop in zip(rest, day.route.stops, strict=True):
        flat = squeeze(page)
        assert "服务派工单" in flat and stop.ticket_no in flat and "第1页共1页" in flat


def test_english_route_sheet(to_pdf: Render) -> None:
    pages = page_texts(to_pdf(render_technician_day, technician_day(2, "en"), HEADER))
    first = pages[0]
    for caption in ("Route Sheet", "Time / ticket", "Customer / phone", "Parts to take", "Job"):
        assert caption in first, caption
    assert "Li Qiang" in first and "Page 1 of 1" in first
    assert "Work Order" in pages[1]


def test_the_route_sheet_says_how_many_completed_visits_it_left_out(to_pdf: Render) -> None:
    zh = squeeze(page_texts(to_pdf(render_route_sheet, route_sheet(2, left_out=2), HEADER))[0])
    assert "另有2单已完工，未列入本单。" in zh
    none = squeeze(page_texts(to_pdf(render_route_sheet, route_sheet(2), HEADER))[0])
    assert "已完工" not in none
    en = page_texts(to_pdf(render_route_sheet, route_sheet(2, "en", left_out=1), HEADER))[0]
    assert "1 completed visit(s) left out." in en


def test_a_completed_visit_that_was_asked_for_is_marked(to_pdf: Render) -> None:
    data = route_sheet(2)
    done = dataclasses.replace(data.stops[0], status="completed")
    data = dataclasses.replace(data, stops=(done, data.stops[1]))
    assert "已完工" in squeeze(page_texts(to_pdf(render_route_sheet, data, HEADER))[0])


def test_times_are_printed_as_given_and_an_aware_time_is_refused(to_pdf: Render) -> None:
    data = route_sheet(1)
    stop = dataclasses.replace(data.stops[0], start=datetime(2024, 5, 2, 8, 5), end=None)
    text = page_texts(to_pdf(render_route_sheet, dataclasses.replace(data, stops=(stop,)), HEADER))
    assert "08:05" in text[0]
    aware = dataclasses.replace(stop, start=datetime(2024, 5, 2, 0, 5, tzinfo=UTC))
    with pytest.raises(TypeError):
        to_pdf(render_route_sheet, dataclasses.replace(data, stops=(aware,)), HEADER)
    no_time = dataclasses.replace(stop, start=None)
    text = page_texts(
        to_pdf(render_route_sheet, dataclasses.replace(data, stops=(no_time,)), HEADER)
    )
    assert "时间未定" in squeeze(text[0])


def test_a_long_day_flows_over_pages_with_the_headings_repeated(to_pdf: Render) -> None:
    data = route_sheet(20)
    pdf = to_pdf(render_route_sheet, data, HEADER)
    pages = page_texts(pdf)
    n = len(pages)
    assert n >= 2
    for k, page in enumerate(pages, start=1):
        flat = squeeze(page)
        assert "工程师路线单" in flat and f"第{k}页共{n}页" in flat
        assert "时间/工单号" in flat and "需带配件" in flat
    everything = squeeze("".join(pages))
    for stop in data.stops:
        assert everything.count(stop.ticket_no) >= 1, stop.ticket_no
    assert "需带配件汇总" in squeeze(pages[-1])


def test_a5_day_prints_on_a5(to_pdf: Render) -> None:
    pdf = to_pdf(render_technician_day, technician_day(2), HEADER, paper="A5")
    assert page_size_mm(pdf) == (148.0, 210.0)
    assert page_count(pdf) == 3  # the route sheet and two one-sheet work orders


def test_a_day_prints_through_render_pdf_with_the_work_orders(to_pdf: Render) -> None:
    day = technician_day(1)
    assert document_kind(day) == "work_order" and document_kind(day.route) == "work_order"
    pdf = render_pdf(day, HEADER)
    assert page_count(pdf) == 2
    assert "工程师路线单" in squeeze(page_texts(pdf)[0])


def test_a_day_without_parts_has_no_parts_total(to_pdf: Render) -> None:
    stop = route_stop("WX20240502-0001", 9, parts=())
    data = dataclasses.replace(route_sheet(1), stops=(stop,))
    flat = squeeze(page_texts(to_pdf(render_route_sheet, data, HEADER))[0])
    assert "需带配件汇总" not in flat and "（无）" in flat
