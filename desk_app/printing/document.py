"""The page machinery: paper sizes, letterhead with barcodes, "page k of N" per form."""

from __future__ import annotations

import functools
import io
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from desk_app.printing.barcodes import QrFlowable, code128
from desk_app.printing.blocks import GREY_TEXT, INK, RULE, styles_for
from desk_app.printing.data import CompanyHeader
from desk_app.printing.fonts import PrintFonts, load_fonts
from desk_app.printing.formatting import colon
from desk_app.printing.labels import text

Output = str | os.PathLike[str] | BinaryIO

# Paper names the settings and the render functions accept, in points.
PAPER_SIZES: dict[str, tuple[float, float]] = {
    "A4": A4,
    "A5": A5,
    "A4-landscape": landscape(A4),
    "A5-landscape": landscape(A5),
    "tag-70x50": (70 * mm, 50 * mm),
}


def paper_size(paper: str) -> tuple[float, float]:
    """The page size of a paper name from PAPER_SIZES; ValueError for others."""
    try:
        return PAPER_SIZES[paper]
    except KeyError:
        raise ValueError(f"unknown paper {paper!r}; use one of {sorted(PAPER_SIZES)}") from None


@dataclass(frozen=True)
class FormPage:
    """What the letterhead of one document shows: its title and its number.

    ``number`` is printed as text and, with ``barcode``, as Code128 on every page;
    with ``qr`` also as a QR code.
    """

    title_key: str
    number_key: str
    number: str
    language: str
    barcode: bool = True
    qr: bool = False


class _PagedCanvas(Canvas):
    """Holds pages back until the end so each can say 'page k of N' of its own document.

    A batch holds several documents; ``_desk_group`` (set by the page callback before
    every showPage) says which one each page belongs to.
    """

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int, int], None], **kw: Any):
        super().__init__(*args, **kw)
        self._desk_footer = footer
        self._desk_pages: list[dict[str, Any]] = []
        self._desk_group = 0

    def showPage(self) -> None:
        self._desk_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(page["_desk_group"] for page in self._desk_pages)
        seen: Counter[int] = Counter()
        for page in self._desk_pages:
            self.__dict__.update(page)
            group = page["_desk_group"]
            seen[group] += 1
            self._desk_footer(self, seen[group], totals[group], group)
            super().showPage()
        super().save()


class _SetForm(ActionFlowable):
    def __init__(self, index: int) -> None:
        super().__init__(("deskForm", index))


class FormDocument(BaseDocTemplate):
    """A PDF of one or more forms, each starting on a new page under the company header.

    Every page gets the letterhead (company, title, number and barcode; "continued"
    after the first page of a form) and a footer "page k of N" counted per form.
    """

    def __init__(
        self,
        out: Output,
        header: CompanyHeader,
        forms: Sequence[FormPage],
        *,
        paper: str,
        fonts: PrintFonts | None = None,
        margin: float = 12 * mm,
        compact: bool = False,
    ) -> None:
        if not forms:
            raise ValueError("nothing to print")
        self.fonts = fonts or load_fonts()
        self.company = header
        self.forms = list(forms)
        self.compact = compact
        self._printed_at = datetime.now(ZoneInfo(header.timezone))
        pagesize = paper_size(paper)
        target = os.fspath(out) if isinstance(out, str | os.PathLike) else out
        first = forms[0]
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            title=f"{text(first.language, first.title_key)} {first.number}",
            author=header.name,
            creator="desk-app",
            initialFontName=self.fonts.regular,
            initialFontSize=9,
            pageCompression=1,  # zlib streams: a fifth of the size, and faster to write
        )
        self._form_index = 0
        self._form_page = 0
        self._logo = _logo(header)
        self._qr_cache: dict[str, QrFlowable] = {}
        self._code_cache: dict[str, Code128] = {}
        self.header_height = max(self._measure_header(f) for f in self.forms)
        self.footer_height = 7 * mm
        frame = Frame(
            self.leftMargin,
            self.bottomMargin + self.footer_height,
            self.width,
            self.height - self.header_height - self.footer_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate(id="form", frames=[frame], onPageEnd=self._page_end)])

    @property
    def body_width(self) -> float:
        """Width of the text frame."""
        return float(self.width)

    @property
    def body_height(self) -> float:
        """Height of the text frame."""
        return float(self.height - self.header_height - self.footer_height)

    def build_forms(self, stories: Sequence[list[Flowable]]) -> None:
        """Lay out one story per form, each from a fresh page, and write the PDF."""
        flow: list[Flowable] = []
        for i, story in enumerate(stories):
            if i:
                flow.append(PageBreak())
            flow.append(_SetForm(i))
            flow.extend(story)
        self.build(flow, canvasmaker=functools.partial(_PagedCanvas, footer=self._footer))

    def handle_deskForm(self, index: int) -> None:
        self._form_index = index
        self._form_page = 0

    # -- letterhead -------------------------------------------------------

    def _right_cap(self, form: FormPage) -> float:
        return self.width * 0.5 - self._qr_size(form)

    def _barcode(self, form: FormPage) -> Code128:
        key = form.number
        code = self._code_cache.get(key)
        if code is None:
            code = self._code_cache[key] = code128(
                form.number, self._right_cap(form), self._barcode_height()
            )
        return code

    def _number_line(self, form: FormPage) -> str:
        return self.fonts.plain(
            f"{text(form.language, form.number_key)}{colon(form.language)}{form.number}"
        )

    def _title(self, form: FormPage, continued: bool) -> tuple[str, float]:
        """The title and the font size that fits it beside the company (never below 10 pt)."""
        title = self.fonts.plain(text(form.language, form.title_key))
        if continued:
            title += self.fonts.plain(text(form.language, "continued"))
        size = self._title_size()
        width = pdfmetrics.stringWidth(title, self.fonts.bold, size)
        cap = self._right_cap(form)
        if form.barcode:
            cap = max(cap, self._barcode(form).width)
        return title, size if width <= cap else max(10.0, size * cap / width)

    def _right_width(self, form: FormPage) -> float:
        """The title block's width: its widest line (title, number or barcode)."""
        title, size = self._title(form, continued=True)
        widths = [
            pdfmetrics.stringWidth(title, self.fonts.bold, size),
            pdfmetrics.stringWidth(self._number_line(form), self.fonts.regular, 9),
        ]
        if form.barcode:  # never squeezed below its narrowest readable bars
            widths.append(self._barcode(form).width)
        return max(widths)

    def _qr_size(self, form: FormPage) -> float:
        return (17 if self.compact else 21) * mm if form.qr else 0.0

    def _company_flowables(self, form: FormPage) -> list[Paragraph]:
        s = styles_for(self.fonts, form.language)
        name_style = ParagraphStyle(
            "company",
            parent=s.body,
            fontName=self.fonts.bold,
            fontSize=11 if self.compact else 13,
            leading=(11 if self.compact else 13) * 1.25,
        )
        lang = form.language
        sep = colon(lang)
        out = [Paragraph(self.fonts.markup(self.company.name), name_style)]
        if self.company.address:
            line = f"{text(lang, 'address')}{sep}{self.company.address}"
            out.append(Paragraph(self.fonts.markup(line), s.small))
        if self.company.hotline:
            line = f"{text(lang, 'hotline')}{sep}{self.company.hotline}"
            out.append(Paragraph(self.fonts.markup(line), s.small))
        return out

    def _company_width(self, form: FormPage) -> float:
        logo_w = self._logo_box()[0]
        return self.width - self._right_width(form) - self._qr_size(form) - logo_w - 5 * mm

    def _logo_box(self) -> tuple[float, float]:
        if self._logo is None:
            return 0.0, 0.0
        w, h = self._logo.getSize()
        box_h = (12 if self.compact else 16) * mm
        box_w = min(30 * mm, box_h * w / h)
        return box_w + 3 * mm, box_w * h / w

    def _title_size(self) -> float:
        return 13.0 if self.compact else 16.0

    def _right_block_height(self, form: FormPage) -> float:
        h = self._title_size() * 1.25 + 11
        if form.barcode:
            h += self._barcode_height() + 2
        return h

    def _barcode_height(self) -> float:
        return (7 if self.compact else 9) * mm

    def _measure_header(self, form: FormPage) -> float:
        cw = self._company_width(form)
        company_h = sum(p.wrap(cw, 1000)[1] for p in self._company_flowables(form))
        content = max(
            company_h, self._logo_box()[1], self._right_block_height(form), self._qr_size(form)
        )
        return content + 4 * mm

    def _page_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        form = self.forms[self._form_index]
        canv._desk_group = self._form_index  # read by _PagedCanvas at save time
        self._form_page += 1
        canv.saveState()
        top = self.pagesize[1] - self.topMargin
        left = self.leftMargin
        right = self.leftMargin + self.width
        # logo and company
        x = left
        if self._logo is not None:
            lw, lh = self._logo_box()
            canv.drawImage(self._logo, x, top - lh, width=lw - 3 * mm, height=lh, mask="auto")
            x += lw
        y = top
        cw = self._company_width(form)
        for para in self._company_flowables(form):
            _, h = para.wrap(cw, 1000)
            para.drawOn(canv, x, y - h)
            y -= h
        # QR at the far right, then the title block
        qr = self._qr_size(form)
        if qr:
            code = self._qr_cache.get(form.number)
            if code is None:
                code = self._qr_cache[form.number] = QrFlowable(form.number, qr)
            code.drawOn(canv, right - qr, top - qr)
        block_right = right - qr - (1.5 * mm if qr else 0)
        title, size = self._title(form, continued=self._form_page > 1)
        canv.setFillColor(INK)
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.35)
        tx = canv.beginText()
        tx.setFont(self.fonts.bold, size)
        tx.setTextRenderMode(2 if self.fonts.bold == self.fonts.regular else 0)  # faux bold
        title_w = canv.stringWidth(title, self.fonts.bold, size)
        tx.setTextOrigin(block_right - title_w, top - size)
        tx.textLine(title)
        canv.drawText(tx)
        canv.setFont(self.fonts.regular, 9)
        ny = top - self._title_size() * 1.25 - 9
        canv.drawRightString(block_right, ny, self._number_line(form))
        if form.barcode:
            bar = self._barcode(form)
            bar.drawOn(canv, block_right - bar.width, ny - 3 - self._barcode_height())
        # rule under the letterhead
        rule_y = top - self.header_height + 2 * mm
        canv.setLineWidth(1)
        canv.setStrokeColor(RULE)
        canv.line(left, rule_y, right, rule_y)
        canv.restoreState()

    def _footer(self, canv: Canvas, k: int, n: int, group: int) -> None:
        form = self.forms[group]
        canv.saveState()
        y = self.bottomMargin + 1 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(self.leftMargin, y + 4 * mm, self.leftMargin + self.width, y + 4 * mm)
        canv.setFont(self.fonts.regular, 7.5)
        canv.setFillColor(GREY_TEXT)
        sep = colon(form.language)
        canv.drawString(
            self.leftMargin,
            y,
            self.fonts.plain(f"{text(form.language, form.number_key)}{sep}{form.number}"),
        )
        canv.setFillColor(INK)
        canv.setFont(self.fonts.regular, 8)
        canv.drawCentredString(
            self.leftMargin + self.width / 2, y, text(form.language, "page_of").format(k=k, n=n)
        )
        canv.setFont(self.fonts.regular, 7.5)
        canv.setFillColor(GREY_TEXT)
        canv.drawRightString(
            self.leftMargin + self.width,
            y,
            f"{text(form.language, 'printed_at')}{sep}{self._printed_at:%Y-%m-%d %H:%M}",
        )
        canv.restoreState()


def _logo(header: CompanyHeader) -> ImageReader | None:
    """The logo image (its bytes, else its file), or None when unset or unreadable (a form
    prints without it)."""
    path = header.logo_path
    if header.logo_data:
        source: Any = io.BytesIO(header.logo_data)
    elif path and Path(path).is_file():
        source = path
    else:
        return None
    try:
        return ImageReader(source)
    except Exception:  # a broken logo must not stop the counter from printing
        return None
