"""The building blocks of every form: paragraph styles, gridded tables, boxes to tick."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus import paragraph as _paragraph_module

from desk_app.printing.fonts import PrintFonts
from desk_app.printing.labels import text

# reportlab's CJK wrapping keeps Japanese closing punctuation off the start of a
# line but not the Chinese full-width ，；：！？ and closing quotes; add them (a
# module global of reportlab, so this holds for the whole process).
_CLOSING = "".join(c for c in "，；：！？”’》」』】）…" if c not in _textsplit.ALL_CANNOT_START)
_textsplit.ALL_CANNOT_START += _CLOSING
_paragraph_module.ALL_CANNOT_START += _CLOSING

INK = colors.HexColor("#111111")
GREY_TEXT = colors.HexColor("#555555")
RULE = colors.HexColor("#333333")
SHADE = colors.HexColor("#EDEDED")
SHADE_DARK = colors.HexColor("#D9D9D9")
ALERT = colors.HexColor("#B00020")


# ---------------------------------------------------------------- styles


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of the forms, all in the registered CJK font."""

    fonts: PrintFonts
    language: str
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    section: ParagraphStyle
    alert: ParagraphStyle

    def p(self, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A wrapped paragraph of free text (escaped; line breaks kept)."""
        return Paragraph(self.fonts.markup(value), style or self.cell)

    def t(self, key: str) -> str:
        """The caption ``key`` in this form's language."""
        return text(self.language, key)

    def lp(self, key: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph holding the caption ``key``."""
        return self.p(self.t(key), style or self.label)

    def one(
        self, value: str, style: ParagraphStyle | None = None, min_ratio: float | None = None
    ) -> OneLine:
        """``value`` kept on one line (a date, serial, part code, blanks to fill): set a
        little smaller where the cell is narrow, wrapped only when even that cannot fit."""
        return OneLine(self.fonts, value, style or self.cell, min_ratio or ONE_LINE_MIN)


@functools.lru_cache(maxsize=16)
def _styles(fonts: PrintFonts, language: str, scale: float) -> Styles:
    f = fonts.regular

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("textColor", INK)
        return ParagraphStyle(
            name,
            fontName=kw.pop("fontName", f),
            fontSize=size * scale,
            leading=size * scale * 1.3,
            # CJK wrapping breaks anywhere, which splits English words; English forms
            # wrap at spaces and still split long runs of hanzi (splitLongWords).
            wordWrap="CJK" if language == "zh_CN" else None,
            **kw,
        )

    return Styles(
        fonts=fonts,
        language=language,
        body=style("body", 9),
        small=style("small", 7.5, textColor=GREY_TEXT),
        label=style("label", 8, textColor=GREY_TEXT),
        cell=style("cell", 9),
        cell_center=style("cell_center", 9, alignment=TA_CENTER),
        cell_right=style("cell_right", 9, alignment=TA_RIGHT),
        cell_head=style("cell_head", 8, alignment=TA_CENTER, fontName=fonts.bold),
        section=style("section", 9.5, fontName=fonts.bold),
        alert=style("alert", 9, textColor=ALERT, fontName=fonts.bold),
    )


def styles_for(fonts: PrintFonts, language: str, scale: float = 1.0) -> Styles:
    """The (cached) styles for ``language`` at ``scale`` (1.0 for A4 and A5)."""
    return _styles(fonts, language, scale)


# ---------------------------------------------------------------- one-line text

ONE_LINE_MIN = 0.72  # OneLine shrinks text to no less than this share of its size


class OneLine(Flowable):
    """Text that must not break (a date, a serial, a part code, ``__时__分`` blanks).

    Drawn on one line at the style's size when it fits, else at a smaller size down
    to ``min_ratio`` of it; only text too long even for that wraps (as a Paragraph,
    so nothing is ever clipped). Fallback fonts work as in any paragraph.
    """

    def __init__(
        self, fonts: PrintFonts, value: str, style: ParagraphStyle, min_ratio: float = ONE_LINE_MIN
    ) -> None:
        super().__init__()
        self._fonts = fonts
        self._value = value
        self._style = style
        self._min_ratio = min_ratio
        self._para: Paragraph | None = None
        self._fit_width = -1.0

    def _natural_width(self) -> float:
        plain = " ".join(self._value.split())
        return float(stringWidth(plain, self._style.fontName, self._style.fontSize))

    def _paragraph(self, avail_width: float) -> Paragraph:
        if self._para is not None and self._fit_width == avail_width:
            return self._para
        base = self._style
        natural = self._natural_width()
        room = avail_width - 0.5  # reportlab measures a hair wider than stringWidth
        style = base
        if "\n" not in self._value:
            size = base.fontSize if natural <= room else base.fontSize * room / natural
            if size >= base.fontSize * self._min_ratio:
                style = ParagraphStyle(
                    f"{base.name}_one",
                    parent=base,
                    fontSize=size,
                    leading=base.leading,  # rows keep their height
                    wordWrap=None,
                    splitLongWords=0,
                )
        self._para = Paragraph(self._fonts.markup(self._value), style)
        self._fit_width = avail_width
        return self._para

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self._paragraph(availWidth).wrap(availWidth, availHeight)
        self.width, self.height = w, h
        return w, h

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return list(self._paragraph(availWidth).split(availWidth, availHeight))

    def draw(self) -> None:
        assert self._para is not None
        self._para.drawOn(self.canv, 0, 0)


# ---------------------------------------------------------------- table helpers

GRID = 0.5
CELL_PADDING = 3.0  # points left and right of a cell's text
_MIN_ROW_PART = 26.0  # points: below this a tall row moves whole rather than split


class _FlowTable(Table):
    """A Table that splits inside a row only where that row is too tall to move whole.

    Plain reportlab (splitByRow + splitInRow) first splits between rows and then, in
    the space left on the same page, splits the next row with the repeated header
    above it: a second header mid-page. Here a row is split in place (filling the
    page) only when it is tall; short rows move whole to the next page.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        used = 0.0
        n = len(heights)
        for i, h in enumerate(heights):
            if used + h > availHeight:
                n = i
                break
            used += h
        header = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        if n < len(heights) and n >= header and heights[n] > 2 * _MIN_ROW_PART:
            # leave at least _MIN_ROW_PART of the row for the next page: a split that
            # carries only the cell padding over prints an empty box under a caption
            overflow = used + heights[n] - availHeight
            at = availHeight - max(0.0, _MIN_ROW_PART - overflow)
            if at - used >= _MIN_ROW_PART:
                parts = self._splitRows(at, doInRowSplit=1)
                if parts:
                    return parts
        return self._splitRows(availHeight, doInRowSplit=0)


def table(
    s: Styles,
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    commands: Iterable[tuple[Any, ...]] = (),
    *,
    repeat_rows: int = 0,
    row_heights: Sequence[float | None] | None = None,
    min_row_heights: Sequence[float] | None = None,
    padding: float = 2.5,
    side_caption: bool = False,
) -> Table:
    """A gridded table that may split between and inside rows across pages.

    ``padding`` is the space above and below the text of a cell (less on A5). With
    ``side_caption`` the first column is one shaded caption beside all the rows (its
    text in the first row, no lines across it), so the caption takes no row of its own.
    """
    t = _FlowTable(
        [list(r) for r in rows],
        colWidths=list(widths),
        rowHeights=list(row_heights) if row_heights is not None else None,
        minRowHeights=list(min_row_heights) if min_row_heights is not None else None,
        repeatRows=repeat_rows,
        splitInRow=1,
        hAlign="LEFT",
    )
    lines: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), GRID, RULE)]
    if side_caption:
        lines = [
            ("BOX", (0, 0), (-1, -1), GRID, RULE),
            ("INNERGRID", (1, 0), (-1, -1), GRID, RULE),
            ("LINEBEFORE", (1, 0), (1, -1), GRID, RULE),
            ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ]
    t.setStyle(
        TableStyle(
            [
                *lines,
                # plain-string cells, even empty ones, must not pull in Helvetica
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                ("FONTSIZE", (0, 0), (-1, -1), s.cell.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
                *commands,
            ]
        )
    )
    return t


Pair = tuple[str, "Paragraph | str"] | tuple[str, "Paragraph | str", int]


def info_grid(
    s: Styles,
    rows: Sequence[str | Sequence[Pair]],
    width: float,
    label_width: float,
    pairs_per_row: int = 3,
    padding: float = 2.5,
) -> Table:
    """Label/value cells, ``pairs_per_row`` pairs a row, with section rows between.

    A row is either a caption key (a shaded section row across the table) or a
    list of (caption key, value[, pairs spanned]) pairs; the last pair of a row
    stretches to the end. Values are Paragraphs or free text.
    """
    value_w = (width - pairs_per_row * label_width) / pairs_per_row
    ncols = 2 * pairs_per_row
    data: list[list[Any]] = []
    cmds: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        if isinstance(row, str):
            data.append([s.lp(row, s.section)] + [""] * (ncols - 1))
            cmds += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SHADE_DARK)]
            continue
        cells: list[Any] = []
        for i, pair in enumerate(row):
            key, value = pair[0], pair[1]
            span = pair[2] if len(pair) == 3 else 1
            col = len(cells)
            cells.append(s.lp(key))
            cells.append(value if isinstance(value, Flowable) else s.p(value))
            cmds.append(("BACKGROUND", (col, r), (col, r), SHADE))
            last = i == len(row) - 1
            end_col = ncols - 1 if last else col + 2 * span - 1
            cells += [""] * (end_col - col - 1)
            if end_col > col + 1:
                cmds.append(("SPAN", (col + 1, r), (end_col, r)))
        data.append(cells)
    return table(s, data, [label_width, value_w] * pairs_per_row, cmds, padding=padding)


def section_bar(s: Styles, key: str, width: float, padding: float = 2.5) -> Table:
    """A shaded bar naming the section that follows."""
    caption = s.fonts.markup(s.t(key))
    return table(
        s,
        [[Paragraph(caption, s.section)]],
        [width],
        [("BACKGROUND", (0, 0), (-1, -1), SHADE_DARK)],
        padding=padding,
    )


def text_box(
    s: Styles, key: str, value: str, width: float, min_height: float = 0, padding: float = 2.5
) -> Table:
    """A captioned box of free text; long text flows to the next page under its caption."""
    return table(
        s,
        [[s.lp(key, s.section)], [s.p(value or " ", s.body)]],
        [width],
        [("BACKGROUND", (0, 0), (0, 0), SHADE)],
        repeat_rows=1,
        min_row_heights=[0, min_height] if min_height else None,
        padding=padding,
    )


class TickBox(Flowable):
    """An empty square to tick, drawn (not a glyph), centred in its cell."""

    def __init__(self, size: float = 4.2 * mm) -> None:
        super().__init__()
        self.size = size
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.size

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.setStrokeColor(INK)
        self.canv.rect((self.width - self.size) / 2, 0, self.size, self.size, stroke=1, fill=0)


class TickOptions(Flowable):
    """Captions each with a drawn box to tick, flowing onto more lines when narrow."""

    def __init__(self, s: Styles, keys: Sequence[str], box: float = 3.3 * mm) -> None:
        super().__init__()
        self._font = s.fonts.regular
        self._size = s.cell.fontSize
        self._labels = [s.fonts.plain(s.t(k)) for k in keys]
        self._box = box
        self._places: list[tuple[float, int]] = []  # (x, line) per label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        x, line, widest = 0.0, 0, 0.0
        self._places = []
        for label in self._labels:
            w = self._box + 1.5 * mm + stringWidth(label, self._font, self._size)
            if x and x + w > availWidth:
                x, line = 0.0, line + 1
            self._places.append((x, line))
            x += w + 5 * mm
            widest = max(widest, x)
        self._line_h = max(self._size * 1.35, self._box + 2)
        self.width = min(widest, availWidth)
        self.height = self._line_h * (line + 1)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.7)
        c.setStrokeColor(INK)
        c.setFillColor(INK)
        c.setFont(self._font, self._size)
        for label, (x, line) in zip(self._labels, self._places, strict=True):
            base = self.height - (line + 1) * self._line_h + (self._line_h - self._box) / 2
            c.rect(x, base, self._box, self._box, stroke=1, fill=0)
            c.drawString(x + self._box + 1.5 * mm, base + self._box * 0.12, label)
