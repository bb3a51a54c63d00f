"""The technician's work order (派工单), one ticket or a day's batch in one PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desk_app.printing.barcodes import check_barcode_value
from desk_app.printing.blocks import (
    SHADE,
    Styles,
    TickOptions,
    info_grid,
    section_bar,
    styles_for,
    table,
    text_box,
)
from desk_app.printing.data import CompanyHeader, WorkOrderData
from desk_app.printing.document import FormDocument, FormPage, Output
from desk_app.printing.fonts import PrintFonts, load_fonts
from desk_app.printing.formatting import fmt_date, fmt_datetime, fmt_window
from desk_app.printing.labels import (
    TICKET_KINDS,
    TICKET_STATUSES,
    URGENCIES,
    WARRANTY,
    check_language,
    code_label,
    text,
)

DEFAULT_PAPER = "A4"


@dataclass(frozen=True)
class _Layout:
    """Sizes of one paper's work order: an ordinary ticket fits one A5 sheet."""

    scale: float  # of the type
    padding: float  # above and below the text of a cell
    gap: float  # between blocks
    label_zh: float
    label_en: float
    fault_min: float  # the fault box's least height
    boxes: float  # findings / work done, to write in
    used_rows: int  # blank lines of parts used
    used_row: float
    charges_row: float
    sign_row: float
    sections: bool  # the grid's section rows (工单信息 / 客户信息 / 产品信息)
    side_captions: bool  # fault and parts captioned beside their rows, not above


A4_LAYOUT = _Layout(
    scale=1.0,
    padding=2.5,
    gap=1.8 * mm,
    label_zh=17 * mm,
    label_en=20 * mm,
    fault_min=10 * mm,
    boxes=21 * mm,
    used_rows=3,
    used_row=6.5 * mm,
    charges_row=7.5 * mm,
    sign_row=12 * mm,
    sections=True,
    side_captions=False,
)
A5_LAYOUT = _Layout(
    scale=0.84,
    padding=1.4,
    gap=1.2 * mm,
    label_zh=15 * mm,
    label_en=17.5 * mm,
    fault_min=7 * mm,
    boxes=14 * mm,
    used_rows=2,
    used_row=5.5 * mm,
    charges_row=6 * mm,
    sign_row=8.5 * mm,
    sections=False,  # the captions say what each cell is; the sheet is one page
    side_captions=True,
)


def render_work_order(
    data: WorkOrderData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = DEFAULT_PAPER,
    font_path: str | None = None,
) -> None:
    """Write the work order of one ticket as a PDF to ``out`` (path or binary file)."""
    render_work_orders([data], header, out, paper=paper, font_path=font_path)


def render_work_orders(
    orders: Sequence[WorkOrderData],
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = DEFAULT_PAPER,
    font_path: str | None = None,
) -> None:
    """Write several work orders into one PDF, each starting on its own page.

    Page numbers ("page k of N") count within each order. Raises ValueError for
    an empty list.
    """
    if not orders:
        raise ValueError("no work orders to print")
    fonts = load_fonts(font_path)
    forms = [form_page(o) for o in orders]
    doc = FormDocument(
        out,
        header,
        forms,
        paper=paper,
        fonts=fonts,
        margin=page_margin(paper),
        compact=paper.startswith("A5"),
    )
    doc.build_forms(stories(orders, fonts, doc.body_width, paper))


def page_margin(paper: str) -> float:
    """The margin of work-order pages on ``paper`` (narrower on A5)."""
    return (7 if paper.startswith("A5") else 10) * mm


def stories(
    orders: Sequence[WorkOrderData], fonts: PrintFonts, width: float, paper: str
) -> list[list[Flowable]]:
    """The flowables of each work order, for a FormDocument (also the technician's day)."""
    layout = A5_LAYOUT if paper.startswith("A5") else A4_LAYOUT
    return [_story(o, fonts, width, layout) for o in orders]


def form_page(o: WorkOrderData) -> FormPage:
    """The letterhead of a work order: its title, ticket number, barcode and QR code."""
    check_language(o.language)
    check_barcode_value(o.ticket_no)
    return FormPage("wo_title", "ticket_no", o.ticket_no, o.language, barcode=True, qr=True)


def _story(o: WorkOrderData, fonts: PrintFonts, width: float, lay: _Layout) -> list[Flowable]:
    s = styles_for(fonts, o.language, lay.scale)
    lang = o.language
    urgency = code_label(URGENCIES, lang, o.urgency)
    urgent = o.urgency in ("urgent", "critical")
    technician = o.technician + (f"  {o.technician_phone}" if o.technician_phone else "")
    phones = ("、" if lang == "zh_CN" else ", ").join(o.phones)
    label_w = lay.label_zh if lang == "zh_CN" else lay.label_en
    one = s.one  # dates, times, serials and codes never break mid-value
    rows: list[str | list[Any]] = [
        "wo_section_ticket",
        [
            ("kind", code_label(TICKET_KINDS, lang, o.kind)),
            ("urgency", s.p(urgency, s.alert if urgent else s.cell)),
            ("status", code_label(TICKET_STATUSES, lang, o.status)),
        ],
        [
            ("created_at", one(fmt_datetime(o.created_at))),
            ("appointment", one(_appointment(o, lang))),
            ("technician", technician),
        ],
        [
            ("respond_by", one(fmt_datetime(o.respond_by))),
            ("visit_by", one(fmt_datetime(o.visit_by))),
            ("repair_by", one(fmt_datetime(o.repair_by))),
        ],
        "wo_section_customer",
        [("customer", o.customer_name), ("phone", phones)],
        [("service_address", o.address, 2), ("area", o.area)],
        "wo_section_product",
        [("product_type", o.product_type), ("brand", o.brand), ("model", one(o.model))],
        [
            ("serial_no", one(o.serial_no)),
            ("purchase_date", one(fmt_date(o.purchase_date))),
            ("warranty", code_label(WARRANTY, lang, o.warranty)),
        ],
    ]
    if not lay.sections:
        rows = [row for row in rows if not isinstance(row, str)]
    grid = info_grid(s, rows, width, label_w, padding=lay.padding)
    gap = lay.gap
    story: list[Flowable] = [grid, Spacer(1, gap)]
    if lay.side_captions:
        fault: Flowable = table(
            s,
            [[s.lp("fault"), s.p(o.fault_description or " ", s.body)]],
            [label_w, width - label_w],
            [("BACKGROUND", (0, 0), (0, 0), SHADE)],
            min_row_heights=[lay.fault_min],
            padding=lay.padding,
        )
    else:
        fault = text_box(
            s, "fault", o.fault_description, width, min_height=lay.fault_min, padding=lay.padding
        )
    story.append(fault)
    story.append(Spacer(1, gap))
    story.append(_likely_parts(s, o, width, label_w, lay))
    remarks = [(k, v) for k, v in (("charge_standard", o.charge_standard), ("notes", o.notes)) if v]
    if remarks:
        story += [Spacer(1, gap), _remarks(s, remarks, width, label_w, lay)]
    story.append(Spacer(1, gap * 1.4))
    story.append(KeepTogether(_technician_part(s, width, label_w, lay)))
    return story


def _remarks(
    s: Styles, rows: list[tuple[str, str]], width: float, label_w: float, lay: _Layout
) -> Flowable:
    return table(
        s,
        [[s.lp(key), s.p(value)] for key, value in rows],
        [label_w, width - label_w],
        [("BACKGROUND", (0, 0), (0, -1), SHADE)],
        padding=lay.padding,
    )


def _likely_parts(
    s: Styles, o: WorkOrderData, width: float, label_w: float, lay: _Layout
) -> Flowable:
    k = lay.scale
    side = lay.side_captions
    widths = [32 * mm * k, 0.0, 48 * mm * k, 14 * mm * k]
    if side:
        widths.insert(0, label_w)
    widths[-3] = width - sum(widths)
    first = 1 if side else 0  # the first column of the part lines
    heading = [s.lp(key, s.cell_head) for key in ("part_code", "part_name", "part_spec", "qty")]
    caption = s.lp("likely_parts", s.section if not side else s.label)
    rows: list[list[Any]] = [[caption, *heading]] if side else [[caption, "", "", ""], heading]
    pad = [""] * first
    for part in o.likely_parts:
        rows.append(
            [
                *pad,
                s.one(part.code),
                s.p(part.name),
                s.p(part.model),
                Paragraph(str(part.qty), s.cell_center),
            ]
        )
    head_rows = len(rows)
    cmds: list[tuple[Any, ...]] = [("BACKGROUND", (first, 0), (-1, head_rows - 1), SHADE)]
    if not side:
        cmds.append(("SPAN", (0, 0), (-1, 0)))
    if not o.likely_parts:
        rows.append([*pad, s.lp("no_items", s.cell), "", "", ""])
        cmds.append(("SPAN", (first, len(rows) - 1), (-1, len(rows) - 1)))
    if o.tools:
        sep = "：" if o.language == "zh_CN" else ": "
        rows.append([*pad, s.p(f"{s.t('tools')}{sep}{o.tools}"), "", "", ""])
        cmds.append(("SPAN", (first, len(rows) - 1), (-1, len(rows) - 1)))
    return table(
        s,
        rows,
        widths,
        cmds,
        repeat_rows=1 if side else 2,
        padding=lay.padding,
        side_caption=side,
    )


def _technician_part(s: Styles, width: float, label_w: float, lay: _Layout) -> list[Flowable]:
    k = lay.scale
    pad = lay.padding
    half = width / 2
    boxes = table(
        s,
        [[s.lp("findings", s.section), s.lp("work_done", s.section)], ["", ""]],
        [half, half],
        [("BACKGROUND", (0, 0), (-1, 0), SHADE)],
        row_heights=[None, lay.boxes],
        padding=pad,
    )
    # parts actually used, priced on site
    side = lay.side_captions
    pw = [0.0, 44 * mm * k, 15 * mm * k, 24 * mm * k, 26 * mm * k]
    if side:
        pw.insert(0, label_w)
    pw[-5] = width - sum(pw)
    heading = [
        s.lp(key, s.cell_head) for key in ("part_name", "part_spec", "qty", "unit_price", "amount")
    ]
    blank = [""] * 5
    if side:
        head = [[s.lp("parts_used"), *heading]]
        blank.append("")
        cmds: list[tuple[Any, ...]] = [("BACKGROUND", (1, 0), (-1, 0), SHADE)]
    else:
        head = [[s.lp("parts_used", s.section), "", "", "", ""], heading]
        cmds = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 1), SHADE)]
    used = table(
        s,
        [*head, *[list(blank) for _ in range(lay.used_rows)]],
        pw,
        cmds,
        row_heights=[None] * len(head) + [lay.used_row] * lay.used_rows,
        padding=pad,
        side_caption=side,
    )
    # charges: basis tick boxes, then five amounts
    lw = width / 10
    charge_cells: list[Any] = []
    for key in ("labour_fee", "parts_fee", "travel_fee", "other_fee", "total"):
        charge_cells += [s.lp(key), ""]
    basis = TickOptions(s, ("in_warranty_free", "chargeable", "misuse"), box=3.3 * mm * k)
    charges = table(
        s,
        [
            [s.lp("charges", s.section), basis] + [""] * 8,
            charge_cells,
        ],
        [lw] * 10,
        [
            ("SPAN", (1, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (0, 0), SHADE),
            *[("BACKGROUND", (c, 1), (c, 1), SHADE) for c in range(0, 10, 2)],
        ],
        row_heights=[None, lay.charges_row],
        padding=pad,
    )
    tl = (20 if s.language == "zh_CN" else 24) * mm * k
    tv = width / 2 - tl
    fill = s.t("fill_datetime")
    signatures = table(
        s,
        [
            # the blanks stay on one line: 时 and 分 never wrap apart
            [s.lp("arrival_time"), s.one(fill), s.lp("completion_time"), s.one(fill)],
            [s.p(s.t("customer_ack"), s.small), "", "", ""],
            [s.lp("technician_sign"), "", s.lp("customer_sign"), ""],
        ],
        [tl, tv, tl, tv],
        [
            ("SPAN", (0, 1), (-1, 1)),
            *[("BACKGROUND", (c, r), (c, r), SHADE) for c in (0, 2) for r in (0, 2)],
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
        row_heights=[None, None, lay.sign_row],
        padding=pad,
    )
    gap = Spacer(1, lay.gap)
    return [
        section_bar(s, "technician_part", width, padding=pad),
        gap,
        boxes,
        gap,
        used,
        gap,
        charges,
        gap,
        signatures,
    ]


def _appointment(o: WorkOrderData, lang: str) -> str:
    """The booked visit; while none is booked, the time the customer asked for, marked so
    (without the year, so that it fits the cell on one line)."""
    if o.appointment_start is not None or o.appointment_end is not None:
        return fmt_window(o.appointment_start, o.appointment_end)
    start, end = o.preferred_start, o.preferred_end
    if start is None:
        return ""
    window = f"{start:%m-%d %H:%M}"
    if end is not None:
        window += f"–{end:%H:%M}" if end.date() == start.date() else f"–{end:%m-%d %H:%M}"
    return text(lang, "wo_preferred").replace("%1", window)
