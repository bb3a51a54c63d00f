"""The technician's work order (派工单), one ticket or a day's batch in one PDF."""

from __future__ import annotations

from collections.abc import Sequence
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
)

DEFAULT_PAPER = "A4"
GAP = 1.8 * mm


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
    forms = [_form_page(o) for o in orders]
    doc = FormDocument(out, header, forms, paper=paper, fonts=fonts, margin=10 * mm)
    doc.build_forms([_story(o, fonts, doc.body_width) for o in orders])


def _form_page(o: WorkOrderData) -> FormPage:
    check_language(o.language)
    check_barcode_value(o.ticket_no)
    return FormPage("wo_title", "ticket_no", o.ticket_no, o.language, barcode=True, qr=True)


def _story(o: WorkOrderData, fonts: PrintFonts, width: float) -> list[Flowable]:
    s = styles_for(fonts, o.language)
    lang = o.language
    urgency = code_label(URGENCIES, lang, o.urgency)
    urgent = o.urgency in ("urgent", "critical")
    technician = o.technician + (f"  {o.technician_phone}" if o.technician_phone else "")
    phones = ("、" if lang == "zh_CN" else ", ").join(o.phones)
    label_w = (17 if lang == "zh_CN" else 20) * mm
    grid = info_grid(
        s,
        [
            "wo_section_ticket",
            [
                ("kind", code_label(TICKET_KINDS, lang, o.kind)),
                ("urgency", s.p(urgency, s.alert if urgent else s.cell)),
                ("status", code_label(TICKET_STATUSES, lang, o.status)),
            ],
            [
                ("created_at", fmt_datetime(o.created_at)),
                ("appointment", fmt_window(o.appointment_start, o.appointment_end)),
                ("technician", technician),
            ],
            [
                ("respond_by", fmt_datetime(o.respond_by)),
                ("visit_by", fmt_datetime(o.visit_by)),
                ("repair_by", fmt_datetime(o.repair_by)),
            ],
            "wo_section_customer",
            [("customer", o.customer_name), ("phone", phones)],
            [("service_address", o.address, 2), ("area", o.area)],
            "wo_section_product",
            [("product_type", o.product_type), ("brand", o.brand), ("model", o.model)],
            [
                ("serial_no", o.serial_no),
                ("purchase_date", fmt_date(o.purchase_date)),
                ("warranty", code_label(WARRANTY, lang, o.warranty)),
            ],
        ],
        width,
        label_w,
    )
    story: list[Flowable] = [grid, Spacer(1, GAP)]
    story.append(text_box(s, "fault", o.fault_description, width, min_height=10 * mm))
    story.append(Spacer(1, GAP))
    story.append(_likely_parts(s, o, width))
    remarks = [(k, v) for k, v in (("charge_standard", o.charge_standard), ("notes", o.notes)) if v]
    if remarks:
        story += [Spacer(1, GAP), _remarks(s, remarks, width, label_w)]
    story.append(Spacer(1, 2.5 * mm))
    story.append(KeepTogether(_technician_part(s, width)))
    return story


def _remarks(s: Styles, rows: list[tuple[str, str]], width: float, label_w: float) -> Flowable:
    return table(
        s,
        [[s.lp(key), s.p(value)] for key, value in rows],
        [label_w, width - label_w],
        [("BACKGROUND", (0, 0), (0, -1), SHADE)],
    )


def _likely_parts(s: Styles, o: WorkOrderData, width: float) -> Flowable:
    widths = [32 * mm, 0.0, 48 * mm, 16 * mm]
    widths[1] = width - sum(widths)
    rows: list[list[Any]] = [
        [s.lp("likely_parts", s.section), "", "", ""],
        [s.lp(k, s.cell_head) for k in ("part_code", "part_name", "part_spec", "qty")],
    ]
    for part in o.likely_parts:
        rows.append(
            [
                s.p(part.code),
                s.p(part.name),
                s.p(part.model),
                Paragraph(str(part.qty), s.cell_center),
            ]
        )
    if not o.likely_parts:
        rows.append([s.lp("no_items", s.cell), "", "", ""])
    cmds: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 1), SHADE),
    ]
    if not o.likely_parts:
        cmds.append(("SPAN", (0, 2), (-1, 2)))
    if o.tools:
        sep = "：" if o.language == "zh_CN" else ": "
        rows.append([s.p(f"{s.t('tools')}{sep}{o.tools}"), "", "", ""])
        cmds.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    return table(s, rows, widths, cmds, repeat_rows=2)


def _technician_part(s: Styles, width: float) -> list[Flowable]:
    half = width / 2
    boxes = table(
        s,
        [[s.lp("findings", s.section), s.lp("work_done", s.section)], ["", ""]],
        [half, half],
        [("BACKGROUND", (0, 0), (-1, 0), SHADE)],
        row_heights=[None, 21 * mm],
    )
    # parts actually used, priced on site
    pw = [0.0, 44 * mm, 15 * mm, 24 * mm, 26 * mm]
    pw[0] = width - sum(pw)
    used = table(
        s,
        [
            [s.lp("parts_used", s.section), "", "", "", ""],
            [
                s.lp(k, s.cell_head)
                for k in ("part_name", "part_spec", "qty", "unit_price", "amount")
            ],
            *[["", "", "", "", ""] for _ in range(3)],
        ],
        pw,
        [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 1), SHADE)],
        row_heights=[None, None, 6.5 * mm, 6.5 * mm, 6.5 * mm],
    )
    # charges: basis tick boxes, then five amounts
    lw = width / 10
    charge_cells: list[Any] = []
    for key in ("labour_fee", "parts_fee", "travel_fee", "other_fee", "total"):
        charge_cells += [s.lp(key), ""]
    basis = TickOptions(s, ("in_warranty_free", "chargeable", "misuse"))
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
        row_heights=[None, 7.5 * mm],
    )
    tl = (20 if s.language == "zh_CN" else 24) * mm
    tv = width / 2 - tl
    fill = s.t("fill_datetime")
    signatures = table(
        s,
        [
            [s.lp("arrival_time"), s.p(fill), s.lp("completion_time"), s.p(fill)],
            [s.p(s.t("customer_ack"), s.small), "", "", ""],
            [s.lp("technician_sign"), "", s.lp("customer_sign"), ""],
        ],
        [tl, tv, tl, tv],
        [
            ("SPAN", (0, 1), (-1, 1)),
            *[("BACKGROUND", (c, r), (c, r), SHADE) for c in (0, 2) for r in (0, 2)],
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
        row_heights=[None, None, 12 * mm],
    )
    gap = Spacer(1, GAP)
    return [
        section_bar(s, "technician_part", width),
        gap,
        boxes,
        gap,
        used,
        gap,
        charges,
        gap,
        signatures,
    ]
