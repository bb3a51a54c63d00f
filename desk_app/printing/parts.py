"""Parts paperwork: the requisition (配件领用单) and the returned-part slip (旧件返还登记单)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desk_app.printing.barcodes import check_barcode_value
from desk_app.printing.blocks import SHADE, Styles, info_grid, styles_for, table
from desk_app.printing.data import CompanyHeader, RequisitionData, ReturnedPartSlipData
from desk_app.printing.document import FormDocument, FormPage, Output
from desk_app.printing.fonts import load_fonts
from desk_app.printing.formatting import colon, fmt_datetime, money
from desk_app.printing.labels import check_language

REQUISITION_PAPER = "A4"
RETURNED_SLIP_PAPER = "A5"


def render_requisition(
    data: RequisitionData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = REQUISITION_PAPER,
    font_path: str | None = None,
) -> None:
    """Write a parts requisition (lines, totals, signatures) as a PDF to ``out``."""
    check_language(data.language)
    check_barcode_value(data.requisition_no)
    fonts = load_fonts(font_path)
    page = FormPage("rq_title", "rq_no", data.requisition_no, data.language)
    compact = paper.startswith("A5")
    doc = FormDocument(out, header, [page], paper=paper, fonts=fonts, compact=compact)
    s = styles_for(fonts, data.language)
    doc.build_forms([_requisition_story(data, s, doc.body_width)])


def _requisition_story(d: RequisitionData, s: Styles, width: float) -> list[Flowable]:
    label_w = (17 if s.language == "zh_CN" else 24) * mm
    grid = info_grid(
        s,
        [
            [("rq_date", fmt_datetime(d.created_at)), ("rq_requested_by", d.requested_by)],
            [("rq_issued_by", d.issued_by), ("rq_warehouse", d.warehouse)],
        ],
        width,
        label_w,
        pairs_per_row=2,
    )
    narrow = width < 150 * mm  # A5 portrait: code, name and spec share one column
    rows, widths = (_narrow_lines if narrow else _wide_lines)(d, s, width)
    n = len(rows)
    qty_col = 2 if narrow else 5
    cmds: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("BACKGROUND", (0, n - 1), (-1, n - 1), SHADE),
        ("SPAN", (0, n - 1), (qty_col - 1, n - 1)),
    ]
    if not d.lines:
        cmds.append(("SPAN", (0, 1), (-1, 1)))
    lines = table(s, rows, widths, cmds, repeat_rows=1)
    story: list[Flowable] = [grid, Spacer(1, 3 * mm), lines]
    if d.notes:
        story += [Spacer(1, 3 * mm), _notes(s, d.notes, width, label_w)]
    story += [
        Spacer(1, 4 * mm),
        KeepTogether(
            _signatures(s, width, ("rq_sign_requested", "rq_sign_issued", "rq_sign_approved"))
        ),
    ]
    return story


def _wide_lines(d: RequisitionData, s: Styles, width: float) -> tuple[list[list[Any]], list[float]]:
    # seq, code, name, spec, unit, qty, unit price, amount, ticket
    fixed = [9 * mm, 20 * mm, 0.0, 28 * mm, 9 * mm, 11 * mm, 20 * mm, 24 * mm, 29 * mm]
    fixed[2] = width - sum(fixed)
    keys = (
        "seq",
        "part_code",
        "part_name",
        "part_spec",
        "unit",
        "qty",
        "unit_price",
        "amount",
        "ticket_no",
    )
    rows: list[list[Any]] = [[s.lp(k, s.cell_head) for k in keys]]
    for i, line in enumerate(d.lines, start=1):
        rows.append(
            [
                Paragraph(str(i), s.cell_center),
                s.p(line.part_code),
                s.p(line.name),
                s.p(line.spec),
                s.p(line.unit, s.cell_center),
                Paragraph(str(line.qty), s.cell_right),
                Paragraph(money(line.unit_price_cents), s.cell_right),
                Paragraph(money(line.qty * line.unit_price_cents), s.cell_right),
                s.p(line.ticket_no),
            ]
        )
    _add_totals(d, s, rows, qty_col=5, columns=len(keys))
    return rows, fixed


def _narrow_lines(
    d: RequisitionData, s: Styles, width: float
) -> tuple[list[list[Any]], list[float]]:
    # seq, part (code / name / spec / ticket on separate lines), qty + unit, unit price, amount
    fixed = [9 * mm, 0.0, 13 * mm, 21 * mm, 24 * mm]
    fixed[1] = width - sum(fixed)
    head = " / ".join(s.t(k) for k in ("part_code", "part_name", "part_spec", "ticket_no"))
    rows: list[list[Any]] = [
        [
            s.lp("seq", s.cell_head),
            s.p(head, s.cell_head),
            *[s.lp(k, s.cell_head) for k in ("qty", "unit_price", "amount")],
        ]
    ]
    for i, line in enumerate(d.lines, start=1):
        ticket = f"{s.t('ticket_no')}{colon(s.language)}{line.ticket_no}" if line.ticket_no else ""
        part = "\n".join(v for v in (line.part_code, line.name, line.spec, ticket) if v)
        rows.append(
            [
                Paragraph(str(i), s.cell_center),
                s.p(part),
                s.p(f"{line.qty} {line.unit}".strip(), s.cell_right),
                Paragraph(money(line.unit_price_cents), s.cell_right),
                Paragraph(money(line.qty * line.unit_price_cents), s.cell_right),
            ]
        )
    _add_totals(d, s, rows, qty_col=2, columns=5)
    return rows, fixed


def _add_totals(
    d: RequisitionData, s: Styles, rows: list[list[Any]], qty_col: int, columns: int
) -> None:
    if not d.lines:
        rows.append([s.lp("no_items", s.cell)] + [""] * (columns - 1))
    total_qty = sum(line.qty for line in d.lines)
    total_cents = sum(line.qty * line.unit_price_cents for line in d.lines)
    total: list[Any] = [s.lp("rq_total", s.cell)] + [""] * (columns - 1)
    total[qty_col] = Paragraph(str(total_qty), s.cell_right)
    total[qty_col + 2] = Paragraph(money(total_cents), s.cell_right)
    rows.append(total)


def render_returned_part_slip(
    data: ReturnedPartSlipData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = RETURNED_SLIP_PAPER,
    font_path: str | None = None,
) -> None:
    """Write a returned-part slip (faulty parts brought back for a ticket) to ``out``."""
    check_language(data.language)
    check_barcode_value(data.slip_no)
    fonts = load_fonts(font_path)
    page = FormPage("rp_title", "rp_no", data.slip_no, data.language)
    compact = paper.startswith("A5")
    doc = FormDocument(out, header, [page], paper=paper, fonts=fonts, compact=compact)
    s = styles_for(fonts, data.language)
    doc.build_forms([_slip_story(data, s, doc.body_width)])


def _slip_story(d: ReturnedPartSlipData, s: Styles, width: float) -> list[Flowable]:
    label_w = (17 if s.language == "zh_CN" else 24) * mm
    grid = info_grid(
        s,
        [
            [("ticket_no", d.ticket_no), ("customer", d.customer_name)],
            [("rp_returned_by", d.returned_by), ("rp_received_by", d.received_by)],
            [("rp_returned_at", fmt_datetime(d.returned_at))],
        ],
        width,
        label_w,
        pairs_per_row=2,
    )
    # seq, part (code / name / spec), qty, damage; the two text columns share the rest
    rest = width - 9 * mm - 11 * mm
    widths = [9 * mm, rest * 0.5, 11 * mm, rest * 0.5]
    head = f"{s.t('part_code')} / {s.t('part_name')} / {s.t('part_spec')}"
    rows: list[list[Any]] = [
        [
            s.lp("seq", s.cell_head),
            s.p(head, s.cell_head),
            s.lp("qty", s.cell_head),
            s.lp("rp_reason", s.cell_head),
        ]
    ]
    for i, line in enumerate(d.lines, start=1):
        part = "\n".join(v for v in (line.part_code, line.name, line.spec) if v)
        rows.append(
            [
                Paragraph(str(i), s.cell_center),
                s.p(part),
                Paragraph(str(line.qty), s.cell_right),
                s.p(line.reason),
            ]
        )
    cmds: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), SHADE)]
    if not d.lines:
        rows.append([s.lp("no_items", s.cell)] + [""] * 3)
        cmds.append(("SPAN", (0, 1), (-1, 1)))
    story: list[Flowable] = [grid, Spacer(1, 3 * mm), table(s, rows, widths, cmds, repeat_rows=1)]
    if d.notes:
        story += [Spacer(1, 3 * mm), _notes(s, d.notes, width, label_w)]
    story += [
        Spacer(1, 4 * mm),
        KeepTogether(_signatures(s, width, ("rp_sign_returned", "rp_sign_received"))),
    ]
    return story


def _notes(s: Styles, notes: str, width: float, label_w: float) -> Flowable:
    return table(
        s,
        [[s.lp("notes"), s.p(notes)]],
        [label_w, width - label_w],
        [("BACKGROUND", (0, 0), (0, 0), SHADE)],
    )


def _signatures(s: Styles, width: float, keys: tuple[str, ...]) -> list[Flowable]:
    """One signature box per key, each with a date line under it."""
    w = width / len(keys)
    return [
        table(
            s,
            [
                [s.lp(k) for k in keys],
                [""] * len(keys),
                [
                    s.p(
                        f"{s.t('date')}{':' if s.language == 'en' else '：'} {s.t('fill_date')}",
                        s.small,
                    )
                    for _ in keys
                ],
            ],
            [w] * len(keys),
            [("BACKGROUND", (0, 0), (-1, 0), SHADE)],
            row_heights=[None, 12 * mm, None],
        )
    ]
