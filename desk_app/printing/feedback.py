"""The customer's service feedback form (服务反馈单), scanned back in by its ticket barcode."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desk_app.printing.barcodes import check_barcode_value
from desk_app.printing.blocks import (
    SHADE,
    Styles,
    TickBox,
    TickOptions,
    info_grid,
    styles_for,
    table,
)
from desk_app.printing.data import CompanyHeader, FeedbackFormData
from desk_app.printing.document import FormDocument, FormPage, Output
from desk_app.printing.fonts import load_fonts
from desk_app.printing.formatting import fmt_date
from desk_app.printing.labels import RATING_CRITERIA, RATING_LEVELS, TICKET_KINDS, code_label

DEFAULT_PAPER = "A4"


def render_feedback_form(
    data: FeedbackFormData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = DEFAULT_PAPER,
    font_path: str | None = None,
) -> None:
    """Write the feedback form of one ticket as a PDF to ``out`` (path or binary file)."""
    render_feedback_forms([data], header, out, paper=paper, font_path=font_path)


def render_feedback_forms(
    forms: list[FeedbackFormData],
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = DEFAULT_PAPER,
    font_path: str | None = None,
) -> None:
    """Write several feedback forms into one PDF, each on its own page(s)."""
    if not forms:
        raise ValueError("no feedback forms to print")
    fonts = load_fonts(font_path)
    pages = []
    for f in forms:
        check_barcode_value(f.ticket_no)
        pages.append(FormPage("fb_title", "ticket_no", f.ticket_no, f.language, qr=True))
    compact = paper.startswith("A5")
    doc = FormDocument(
        out,
        header,
        pages,
        paper=paper,
        fonts=fonts,
        compact=compact,
        margin=(8 if compact else 12) * mm,
    )
    stories = [_story(f, styles_for(fonts, f.language), doc.body_width, compact) for f in forms]
    doc.build_forms(stories)


def _story(f: FeedbackFormData, s: Styles, width: float, compact: bool) -> list[Flowable]:
    lang = f.language
    phones = ("、" if lang == "zh_CN" else ", ").join(f.phones)
    pairs = 2 if compact else 3
    label_w = (17 if lang == "zh_CN" else 20) * mm
    kind = ("kind", code_label(TICKET_KINDS, lang, f.kind))
    date_pair = ("fb_service_date", fmt_date(f.service_date))
    rows: list[Any]
    if compact:  # A5: five rows instead of six
        product = " ".join(v for v in (f.brand, f.product_type) if v)
        rows = [
            [kind, date_pair],
            [("customer", f.customer_name), ("phone", phones)],
            [("technician", f.technician), ("serial_no", f.serial_no)],
            [("service_address", f.address)],
            [("tag_product", product), ("model", f.model)],
        ]
    else:
        rows = [
            [kind, ("technician", f.technician), date_pair],
            [("customer", f.customer_name), ("phone", phones)],
            [("service_address", f.address)],
            [("product_type", f.product_type), ("brand", f.brand), ("model", f.model)],
            [("serial_no", f.serial_no)],
        ]
    grid = info_grid(s, rows, width, label_w, pairs_per_row=pairs)
    row_h = (7 if compact else 10) * mm
    gap = Spacer(1, (2 if compact else 4) * mm)
    # what the customer fills in is one block: the signature never lands on a page
    # apart from the ratings it signs (a long address moves the block, whole, on)
    answers = [
        _ratings(s, width, row_h),
        gap,
        _solved(s, width),
        gap,
        _comments(s, width, (20 if compact else 45) * mm),
        gap,
        *_signature(s, width, compact),
    ]
    return [
        Paragraph(s.fonts.markup(s.t("fb_intro")), s.body),
        gap,
        grid,
        gap,
        KeepTogether(answers),
    ]


def _ratings(s: Styles, width: float, row_h: float) -> Flowable:
    item_w = (26 if s.language == "zh_CN" else 30) * mm
    level_w = (width - item_w) / len(RATING_LEVELS)
    rows: list[list[Any]] = [
        [s.lp("fb_item", s.cell_head)] + [s.lp(f"level_{lv}", s.cell_head) for lv in RATING_LEVELS]
    ]
    for criterion in RATING_CRITERIA:
        rows.append([s.lp(f"rating_{criterion}", s.cell)] + [TickBox() for _ in RATING_LEVELS])
    return table(
        s,
        rows,
        [item_w] + [level_w] * len(RATING_LEVELS),
        [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
        row_heights=[None] + [row_h] * len(RATING_CRITERIA),
    )


def _solved(s: Styles, width: float) -> Flowable:
    answer = TickOptions(s, ("yes", "no"))
    label_w = width * 0.45
    return table(
        s,
        [[s.lp("fb_problem_solved", s.cell), answer]],
        [label_w, width - label_w],
        [("BACKGROUND", (0, 0), (0, 0), SHADE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
    )


def _comments(s: Styles, width: float, height: float) -> Flowable:
    return table(
        s,
        [[s.lp("fb_comments", s.section)], [""]],
        [width],
        [("BACKGROUND", (0, 0), (0, 0), SHADE)],
        row_heights=[None, height],
    )


def _signature(s: Styles, width: float, compact: bool) -> list[Flowable]:
    lw = (20 if s.language == "zh_CN" else 28) * mm
    vw = width / 2 - lw
    sign = table(
        s,
        [[s.lp("customer_sign"), "", s.lp("date"), s.p(s.t("fill_date"))]],
        [lw, vw, lw, vw],
        [
            ("BACKGROUND", (0, 0), (0, 0), SHADE),
            ("BACKGROUND", (2, 0), (2, 0), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
        row_heights=[(11 if compact else 13) * mm],
    )
    return [
        sign,
        Spacer(1, (1.5 if compact else 3) * mm),
        Paragraph(s.fonts.markup(s.t("fb_return_note")), s.small),
        Spacer(1, 1 * mm),
        Paragraph(s.fonts.markup(s.t("fb_office")), s.small),
    ]
