"""render_pdf: one entry point from any form's data to PDF bytes on its default paper."""

from __future__ import annotations

import pytest

from desk_app.printing import DOCUMENT_KINDS, PAPER_SIZES, document_kind, render_pdf
from tests.printing.pdf_tools import page_size_mm
from tests.printing.print_samples import (
    HEADER,
    check_in,
    count_sheet,
    feedback_form,
    requisition,
    returned_slip,
    tag,
    work_order,
)

SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "tag-70x50": (70.0, 50.0)}


@pytest.mark.parametrize(
    "data",
    [
        work_order(),
        feedback_form(),
        requisition(2),
        returned_slip(1),
        count_sheet(5),
        check_in(),
        tag(),
    ],
    ids=lambda d: type(d).__name__,
)
def test_each_kind_renders_on_its_default_paper(data, print_fonts) -> None:  # type: ignore[no-untyped-def]
    pdf = render_pdf(data, HEADER)
    assert pdf.startswith(b"%PDF")
    paper = DOCUMENT_KINDS[document_kind(data)][1]
    assert paper in PAPER_SIZES
    assert page_size_mm(pdf) == SIZES_MM[paper]


def test_batch_and_paper_override(print_fonts) -> None:  # type: ignore[no-untyped-def]
    pdf = render_pdf([work_order("A-1"), work_order("A-2")], HEADER, paper="A5")
    assert page_size_mm(pdf) == SIZES_MM["A5"]


def test_mixed_batch_and_unknown_data_are_refused() -> None:
    with pytest.raises(TypeError):
        render_pdf([work_order(), feedback_form()], HEADER)
    with pytest.raises(TypeError):
        render_pdf(object(), HEADER)
