"""A technician's route sheet (路线单): the day's visits in order, with what to take.

Printed first when a technician's day is printed (``render_technician_day``), before
the work orders of the same visits. Times are the shop's wall-clock time, as all
print data (see ``printing.data``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desk_app.printing import work_order
from desk_app.printing.blocks import SHADE, Styles, info_grid, styles_for, table
from desk_app.printing.data import (
    CompanyHeader,
    LikelyPart,
    RouteSheetData,
    RouteStop,
    TechnicianDayData,
)
from desk_app.printing.document import FormDocument, FormPage, Output
from desk_app.printing.fonts import PrintFonts, load_fonts
from desk_app.printing.formatting import colon, fmt_date, shorten
from desk_app.printing.labels import (
    TICKET_KINDS,
    TICKET_STATUSES,
    URGENCIES,
    check_language,
    code_label,
)

DEFAULT_PAPER = "A4"
# the statuses of a visit going ahead as booked; any other (waiting, completed) is printed
_PLAIN = frozenset({"new", "dispatched", "appointed", "in_service"})
_FAULT_CHARS = 80  # the route sheet gives the gist; the work order has it all


def render_route_sheet(
    data: RouteSheetData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = DEFAULT_PAPER,
    font_path: str | None = None,
) -> None:
    """Write the route sheet alone as a PDF to ``out``."""
    render_technician_day(
        TechnicianDayData(route=data), header, out, paper=paper, font_path=font_path
    )


def render_technician_day(
    data: TechnicianDayData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = DEFAULT_PAPER,
    font_path: str | None = None,
) -> None:
    """Write a technician's day as one PDF: the route sheet first, then each work order
    from a fresh page. Page numbers count within each (the route sheet's own, then
    each order's)."""
    route = data.route
    check_language(route.language)
    fonts = load_fonts(font_path)
    forms = [route_form_page(route)] + [work_order.form_page(o) for o in data.work_orders]
    compact = paper.startswith("A5")
    doc = FormDocument(
        out,
        header,
        forms,
        paper=paper,
        fonts=fonts,
        margin=work_order.page_margin(paper),
        compact=compact,
    )
    width = doc.body_width
    stories = [_story(route, fonts, width, compact)]
    stories += work_order.stories(data.work_orders, fonts, width, paper)
    doc.build_forms(stories)


def route_form_page(route: RouteSheetData) -> FormPage:
    """The letterhead of a route sheet: its title and the day (no barcode: nothing to scan)."""
    return FormPage("rs_title", "rs_day", route.day.isoformat(), route.language, barcode=False)


def fmt_time_window(start: datetime | None, end: datetime | None) -> str:
    """09:00–11:00 (the day is the sheet's); '' without a start."""
    if start is None:
        return ""
    if start.tzinfo is not None or (end is not None and end.tzinfo is not None):
        raise TypeError("print data takes the shop's wall-clock time")
    if end is None:
        return f"{start:%H:%M}"
    if end.date() != start.date():
        return f"{start:%H:%M}–{end:%m-%d %H:%M}"
    return f"{start:%H:%M}–{end:%H:%M}"


def _story(r: RouteSheetData, fonts: PrintFonts, width: float, compact: bool) -> list[Flowable]:
    s = styles_for(fonts, r.language, 0.84 if compact else 1.0)
    lang = r.language
    pad = 1.6 if compact else 2.5
    technician = r.technician + (f"  {r.technician_phone}" if r.technician_phone else "")
    label_w = (15 if lang == "zh_CN" else 17.5) * mm * (1 if compact else 1.1)
    grid = info_grid(
        s,
        [
            [
                ("technician", technician),
                ("rs_day", s.one(fmt_date(r.day))),
                ("rs_visits", s.t("rs_visits_n").format(n=len(r.stops))),
            ]
        ],
        width,
        label_w,
        padding=pad,
    )
    gap = Spacer(1, (1.5 if compact else 2.5) * mm)
    story: list[Flowable] = [grid]
    if r.left_out:
        story += [Spacer(1, 1 * mm), Paragraph(s.fonts.markup(_left_out(s, r.left_out)), s.small)]
    story += [gap, _stops(s, r.stops, width, compact, pad)]
    parts = _parts_total(r.stops)
    if parts:
        story += [gap, KeepTogether(_parts_table(s, parts, width, compact, pad))]
    return story


def _left_out(s: Styles, n: int) -> str:
    return s.t("rs_left_out").format(n=n)


def _stops(
    s: Styles, stops: Sequence[RouteStop], width: float, compact: bool, pad: float
) -> Flowable:
    lang = s.language
    widths = [w * mm for w in ((6.5, 24, 24, 0, 30, 29) if compact else (9, 27, 31, 0, 43, 41))]
    widths[3] = width - sum(widths)
    keys = ("seq", "rs_time", "rs_customer", "service_address", "rs_job", "rs_parts")
    rows: list[list[Any]] = [[s.lp(k, s.cell_head) for k in keys]]
    cmds: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), SHADE)]
    for i, stop in enumerate(stops, start=1):
        when = fmt_time_window(stop.start, stop.end) or s.t("rs_no_time")
        time_cell: list[Flowable] = [s.one(when, s.section), s.one(stop.ticket_no, s.small)]
        if stop.urgency in ("urgent", "critical"):
            time_cell.append(s.p(code_label(URGENCIES, lang, stop.urgency), s.alert))
        customer: list[Flowable] = [s.p(stop.customer_name)]
        customer += [s.one(phone) for phone in stop.phones]
        address: list[Flowable] = [s.p(stop.address)]
        if stop.area:
            address.append(s.p(stop.area, s.small))
        job_head = code_label(TICKET_KINDS, lang, stop.kind)
        if stop.product:
            job_head += f" · {stop.product}"
        job: list[Flowable] = [s.p(job_head)]
        if stop.status not in _PLAIN:
            job.append(s.p(code_label(TICKET_STATUSES, lang, stop.status), s.alert))
        if stop.fault_description:
            job.append(s.p(shorten(stop.fault_description, _FAULT_CHARS), s.small))
        if stop.notes:
            job.append(
                s.p(f"{s.t('notes')}{colon(lang)}{shorten(stop.notes, _FAULT_CHARS)}", s.small)
            )
        parts: list[Flowable] = [_part_line(s, p) for p in stop.parts] or [
            s.p(s.t("no_items"), s.small)
        ]
        rows.append([Paragraph(str(i), s.cell_center), time_cell, customer, address, job, parts])
    if not stops:
        rows.append([s.lp("no_items", s.cell)] + [""] * 5)
        cmds.append(("SPAN", (0, 1), (-1, 1)))
    return table(s, rows, widths, cmds, repeat_rows=1, padding=pad)


def _part_line(s: Styles, part: LikelyPart) -> Flowable:
    name = f"{part.name} ×{part.qty}"
    return s.p(f"{part.code}  {name}" if part.code else name)


def _parts_total(stops: Sequence[RouteStop]) -> list[tuple[LikelyPart, list[str]]]:
    """Each part of the day once, its quantities added up, with the tickets it is for."""
    total: dict[tuple[str, str, str], tuple[int, list[str]]] = {}
    for stop in stops:
        for part in stop.parts:
            key = (part.code, part.name, part.model)
            qty, tickets = total.get(key, (0, []))
            if stop.ticket_no not in tickets:
                tickets = [*tickets, stop.ticket_no]
            total[key] = (qty + part.qty, tickets)
    return [
        (LikelyPart(code=code, name=name, model=model, qty=qty), tickets)
        for (code, name, model), (qty, tickets) in total.items()
    ]


def _parts_table(
    s: Styles,
    parts: list[tuple[LikelyPart, list[str]]],
    width: float,
    compact: bool,
    pad: float,
) -> list[Flowable]:
    widths = [w * mm for w in ((26, 0, 28, 10, 34) if compact else (34, 0, 40, 13, 48))]
    widths[1] = width - sum(widths)
    keys = ("part_code", "part_name", "part_spec", "qty", "rs_for_tickets")
    rows: list[list[Any]] = [
        [s.lp("rs_parts_total", s.section), "", "", "", ""],
        [s.lp(k, s.cell_head) for k in keys],
    ]
    # ticket numbers wrap between numbers, never inside one
    numbers = ParagraphStyle("rs_numbers", parent=s.small, wordWrap=None, splitLongWords=0)
    for part, tickets in parts:
        rows.append(
            [
                s.one(part.code),
                s.p(part.name),
                s.p(part.model),
                Paragraph(str(part.qty), s.cell_center),
                Paragraph(s.fonts.markup(" ".join(tickets)), numbers),
            ]
        )
    return [
        table(
            s,
            rows,
            widths,
            [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 1), SHADE)],
            repeat_rows=2,
            padding=pad,
        )
    ]
