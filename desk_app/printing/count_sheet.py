"""The stocktake count sheet (库存盘点表): many pages of lines to count, numbered, with totals."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desk_app.printing.barcodes import check_barcode_value
from desk_app.printing.blocks import CELL_PADDING, SHADE, Styles, info_grid, styles_for, table
from desk_app.printing.data import CompanyHeader, CountSheetData
from desk_app.printing.document import FormDocument, FormPage, Output
from desk_app.printing.fonts import load_fonts
from desk_app.printing.formatting import fmt_date
from desk_app.printing.labels import check_language

DEFAULT_PAPER = "A4"
ROW_HEIGHT = 7 * mm  # room to write a counted quantity by hand
CODE_MIN = 0.6  # a 40-character code is set this much smaller rather than broken


def render_count_sheet(
    data: CountSheetData,
    header: CompanyHeader,
    out: Output,
    *,
    paper: str = DEFAULT_PAPER,
    font_path: str | None = None,
) -> None:
    """Write a count sheet to ``out``: every page numbered "page k of N" under the header.

    The column headings repeat on every page; the last page carries the totals and
    the signatures. With ``blind`` the book quantities (and the difference column)
    are left off, whatever the lines hold.
    """
    check_language(data.language)
    check_barcode_value(data.count_no)
    fonts = load_fonts(font_path)
    page = FormPage("cs_title", "cs_no", data.count_no, data.language)
    doc = FormDocument(
        out, header, [page], paper=paper, fonts=fonts, compact=paper.startswith("A5")
    )
    s = styles_for(fonts, data.language)
    doc.build_forms([_story(data, s, doc.body_width)])


def _fit_width(s: Styles, values: list[str], least: float, most: float) -> float:
    """A column just wide enough for the widest of ``values`` on one line, in [least, most]
    (beyond ``most`` the text is set smaller; see ``Styles.one``)."""
    widest = max((stringWidth(v, s.cell.fontName, s.cell.fontSize) for v in values), default=0)
    return min(most, max(least, widest + 2 * CELL_PADDING + 1))


def _story(d: CountSheetData, s: Styles, width: float) -> list[Flowable]:
    label_w = (17 if s.language == "zh_CN" else 20) * mm
    mode = s.t("cs_blind") if d.blind else s.t("cs_open")
    grid = info_grid(
        s,
        [
            [("cs_warehouse", d.warehouse), ("cs_date", fmt_date(d.count_date))],
            [("cs_mode", mode), ("cs_items_label", s.t("cs_items").format(n=len(d.lines)))],
        ],
        width,
        label_w,
        pairs_per_row=2,
    )
    show_book = not d.blind
    # bins and part codes are read off the shelf letter by letter: their columns are
    # as wide as the longest one (within reason) and a code never breaks mid-code
    bin_w = _fit_width(s, [line.bin for line in d.lines], 17 * mm, 26 * mm)
    code_w = _fit_width(s, [line.part_code for line in d.lines], 19 * mm, 54 * mm)
    # (caption key, width; 0 = share what is left)
    columns: list[tuple[str, float]] = [
        ("seq", 8 * mm),
        ("cs_bin", bin_w),
        ("part_code", code_w),
        ("part_name", 0.0),
        ("part_spec", 0.0),
        ("unit", 9 * mm),
    ]
    if show_book:
        columns.append(("cs_system_qty", 14 * mm))
    columns.append(("cs_counted_qty", 17 * mm))
    if show_book:
        columns.append(("cs_difference", 12 * mm))
    columns.append(("notes", 15 * mm))
    flex = sum(1 for _, w in columns if w == 0.0)
    rest = (width - sum(w for _, w in columns)) / flex
    widths = [rest * (1.1 if k == "part_name" else 0.9) if w == 0.0 else w for k, w in columns]
    ncols = len(columns)
    rows: list[list[Any]] = [[s.lp(k, s.cell_head) for k, _ in columns]]
    book_total = 0
    any_book = False
    for i, line in enumerate(d.lines, start=1):
        row: list[Any] = [
            Paragraph(str(i), s.cell_center),
            s.one(line.bin),
            s.one(line.part_code, min_ratio=CODE_MIN),
            s.p(line.name),
            s.p(line.spec),
            s.p(line.unit, s.cell_center),
        ]
        if show_book:
            qty = "" if line.system_qty is None else str(line.system_qty)
            if line.system_qty is not None:
                book_total += line.system_qty
                any_book = True
            row.append(Paragraph(qty, s.cell_right))
        row += [""] * (ncols - len(row))
        rows.append(row)
    if not d.lines:
        rows.append([s.lp("no_items", s.cell)] + [""] * (ncols - 1))
    lines = table(
        s,
        rows,
        widths,
        [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            *([("SPAN", (0, 1), (-1, 1))] if not d.lines else []),
        ],
        repeat_rows=1,
        min_row_heights=[0] + [ROW_HEIGHT] * (len(rows) - 1),
    )
    n = len(d.lines)
    totals_text = (
        s.t("cs_totals_qty").format(n=n, q=book_total)
        if show_book and any_book
        else s.t("cs_totals").format(n=n)
    )
    totals = table(
        s,
        [[s.p(totals_text, s.section), s.p(s.t("cs_counted_total"), s.cell)]],
        [width * 0.6, width * 0.4],
        [("BACKGROUND", (0, 0), (-1, -1), SHADE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
        row_heights=[9 * mm],
    )
    keys = ("cs_sign_counter", "cs_sign_checker", "cs_sign_supervisor")
    w = width / len(keys)
    date_line = f"{s.t('date')}{'：' if s.language == 'zh_CN' else ': '}{s.t('fill_date')}"
    signatures = table(
        s,
        [[s.lp(k) for k in keys], [""] * 3, [s.p(date_line, s.small) for _ in keys]],
        [w] * 3,
        [("BACKGROUND", (0, 0), (-1, 0), SHADE)],
        row_heights=[None, 12 * mm, None],
    )
    story: list[Flowable] = [grid, Spacer(1, 3 * mm), lines]
    tail: list[Flowable] = [totals]
    if d.notes:
        tail += [
            Spacer(1, 3 * mm),
            table(
                s,
                [[s.lp("notes"), s.p(d.notes)]],
                [label_w, width - label_w],
                [("BACKGROUND", (0, 0), (0, 0), SHADE)],
            ),
        ]
    tail += [Spacer(1, 4 * mm), signatures]
    story += [Spacer(1, 3 * mm), KeepTogether(tail)]
    return story
