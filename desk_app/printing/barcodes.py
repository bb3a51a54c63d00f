"""The barcodes on the forms: Code128 of a document number and a QR code."""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib.units import mm

from desk_app.printing.errors import PrintingError


def check_barcode_value(value: str) -> str:
    """``value`` if Code128 can encode it (printable ASCII), else PrintingError."""
    if not value or not all(32 <= ord(c) < 127 for c in value):
        raise PrintingError(f"{value!r} cannot be printed as a barcode: use ASCII letters/digits")
    return value


def code128(value: str, max_width: float, height: float) -> Code128:
    """A Code128 barcode of ``value`` no wider than ``max_width`` (bars ≥ 0.25 mm)."""
    check_barcode_value(value)
    probe = Code128(value, barWidth=1, barHeight=height, humanReadable=False, quiet=True)
    bar = max(0.25 * mm, min(0.4 * mm, max_width / probe.width))
    return Code128(value, barWidth=bar, barHeight=height, humanReadable=False, quiet=True)


class QrFlowable(QrCode):
    """A QR code of ``value`` (UTF-8), ``size`` square with its quiet zone, drawn as rects.

    Encoded once, however often it is drawn (the letterhead draws it on every page).
    """

    def __init__(self, value: str, size: float) -> None:
        super().__init__(value, width=size, height=size, qrBorder=2, qrLevel="M")
        qr = self.qr
        if qr.version is None:
            qr.version = qr.calculate_version()
        # A fixed mask instead of make()'s search for the best of eight: any mask is a
        # valid code, and the search was a quarter of a work order's rendering time.
        qr.makeImpl(False, 0)
        qr.make = lambda: None  # draw() calls make() on every draw
