"""Counter paperwork for an appliance left at the desk: the check-in receipt and its tag."""

from __future__ import annotations

import os
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, KeepTogether, Paragraph, Spacer

from desk_app.domain.contacts import mask_phone
from desk_app.printing.barcodes import code128
from desk_app.printing.blocks import INK, SHADE, Styles, info_grid, styles_for, table, text_box
from desk_app.printing.data import ApplianceTagData, CheckInReceiptData, CompanyHeader
from desk_app.printing.document import FormDocument, FormPage, Output, paper_size
from desk_app.printing.fonts import load_fonts
from desk_app.printing.formatting import colon, fmt_date, fmt_datetime, shorten
from desk_app.printing.labels import TICKET_KINDS, WARRANTY, check_language, code_label

RECEIPT_PAPER = "A5"
TAG_PAPER = "tag-70x50"


def render_check_in_receipt(
    data: CheckInReceiptData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = RECEIPT_PAPER,
    font_path: str | None = None,
) -> None:
    """Write the customer's receipt for an appliance left at the counter to ``out``."""
    check_language(data.language)
    fonts = load_fonts(font_path)
    page = FormPage("ci_title", "ticket_no", data.ticket_no, data.language, qr=True)
    compact = paper.startswith("A5")
    doc = FormDocument(out, header, [page], paper=paper, fonts=fonts, compact=compact)
    s = styles_for(fonts, data.language)
    doc.build_forms([_receipt_story(data, s, doc.body_width)])


def _receipt_story(d: CheckInReceiptData, s: Styles, width: float) -> list[Flowable]:
    lang = d.language
    label_w = (17 if lang == "zh_CN" else 24) * mm
    sep = "、" if lang == "zh_CN" else ", "
    grid = info_grid(
        s,
        [
            [("ci_received_at", fmt_datetime(d.received_at)), ("ci_received_by", d.received_by)],
            [
                ("kind", code_label(TICKET_KINDS, lang, d.kind)),
                ("ci_expected", fmt_date(d.expected_ready)),
            ],
            [("customer", d.customer_name), ("phone", sep.join(d.phones))],
            [("address", d.address)],
            [("product_type", d.product_type), ("brand", d.brand)],
            [("model", d.model), ("serial_no", d.serial_no)],
            [
                ("purchase_date", fmt_date(d.purchase_date)),
                ("warranty", code_label(WARRANTY, lang, d.warranty)),
            ],
            [("ci_accessories", sep.join(d.accessories) or s.t("no_items"))],
            [("ci_condition", d.condition)],
        ],
        width,
        label_w,
        pairs_per_row=2,
    )
    story: list[Flowable] = [
        grid,
        Spacer(1, 2 * mm),
        text_box(s, "fault", d.fault_description, width, min_height=8 * mm),
    ]
    remarks: list[list[Any]] = []
    if d.charge_standard:
        remarks.append([s.lp("charge_standard"), s.p(d.charge_standard)])
    terms = s.t("ci_default_terms") if d.terms is None else d.terms
    if terms:
        remarks.append([s.lp("ci_terms"), s.p(terms, s.small)])
    if remarks:
        story += [
            Spacer(1, 2 * mm),
            table(s, remarks, [label_w, width - label_w], [("BACKGROUND", (0, 0), (0, -1), SHADE)]),
        ]
    lw = (17 if lang == "zh_CN" else 24) * mm
    vw = width / 2 - lw
    story += [
        Spacer(1, 3 * mm),
        KeepTogether(
            table(
                s,
                [[s.lp("ci_customer_sign"), "", s.lp("ci_clerk_sign"), ""]],
                [lw, vw, lw, vw],
                [
                    ("BACKGROUND", (0, 0), (0, 0), SHADE),
                    ("BACKGROUND", (2, 0), (2, 0), SHADE),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ],
                row_heights=[12 * mm],
            )
        ),
    ]
    return story


def render_appliance_tag(
    data: ApplianceTagData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = TAG_PAPER,
    font_path: str | None = None,
) -> None:
    """Write the small tag tied to the appliance: ticket barcode and the essentials.

    Fits one label whatever the text: long values are shortened with "…" and the
    text block shrinks rather than spill; the phone number is masked.
    """
    check_language(data.language)
    fonts = load_fonts(font_path)
    s = styles_for(fonts, data.language, scale=0.78)
    lang = data.language
    width, height = paper_size(paper)
    target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
    c = Canvas(target, pagesize=(width, height), initialFontName=fonts.regular, pageCompression=1)
    c.setTitle(f"{s.t('tag_title')} {data.ticket_no}")
    c.setAuthor(header.name)
    margin = 2.5 * mm
    inner = width - 2 * margin
    top = height - margin
    # first line: company, and what this is
    c.setFillColor(INK)
    c.setFont(fonts.regular, 6.5)
    title = fonts.plain(s.t("tag_title"))
    title_w = c.stringWidth(title, fonts.regular, 6.5)
    company = fonts.plain(_fit(c, header.name, fonts.regular, 6.5, inner - title_w - 2 * mm))
    c.drawString(margin, top - 6.5, company)
    c.drawRightString(width - margin, top - 6.5, title)
    # the barcode and its number
    bar_h = 8.5 * mm
    code = code128(data.ticket_no, inner, bar_h)
    bar_top = top - 9
    code.drawOn(c, (width - code.width) / 2, bar_top - bar_h)
    c.setFont(fonts.bold, 9)
    c.drawCentredString(width / 2, bar_top - bar_h - 9, fonts.plain(data.ticket_no))
    text_top = bar_top - bar_h - 11
    # the essentials, shrunk to fit what is left
    sep = colon(lang)
    appliance = " ".join(v for v in (data.brand, data.product_type) if v)
    # (caption key, value, longest printed length)
    lines = [
        ("tag_customer", f"{data.customer_name} {mask_phone(data.phone)}".strip(), 30),
        ("tag_product", appliance, 26),
        ("model", data.model, 32),
        ("fault_short", data.fault_description, 44),
        ("ci_accessories", ("、" if lang == "zh_CN" else ", ").join(data.accessories), 30),
        ("tag_received", f"{fmt_datetime(data.received_at)} {data.received_by}".strip(), 40),
    ]
    paras: list[Flowable] = [
        Paragraph(f"{fonts.markup(s.t(key))}{sep}{fonts.markup(shorten(value, limit))}", s.cell)
        for key, value, limit in lines
        if value
    ]
    frame = Frame(margin, margin, inner, text_top - margin, 0, 0, 0, 0, showBoundary=0)
    frame.addFromList([KeepInFrame(inner, text_top - margin, paras, mode="shrink")], c)
    c.showPage()
    c.save()


def _fit(c: Canvas, value: str, font: str, size: float, width: float) -> str:
    """``value`` cut with an ellipsis so it is at most ``width`` wide."""
    if c.stringWidth(value, font, size) <= width:
        return value
    while value and c.stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value + "…"
