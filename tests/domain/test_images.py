"""The logo check reads a PNG's or JPEG's size from its header, as an imaging library would."""

from __future__ import annotations

import struct

from desk_app.domain.images import PNG_SIGNATURE, image_size


def _png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00"
    return PNG_SIGNATURE + struct.pack(">I", 13) + b"IHDR" + ihdr + b"\0\0\0\0"


def _jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0" + b"\x01\x01\0\0\x01\0\x01\0\0"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def test_png_and_jpeg_sizes_come_from_their_headers() -> None:
    assert image_size(_png(640, 200)) == (640, 200)
    assert image_size(_jpeg(300, 120)) == (300, 120)


def test_anything_else_has_no_size() -> None:
    assert image_size(b"GIF89a....") is None
    assert image_size(PNG_SIGNATURE + b"rubbish") is None
    assert image_size(b"\xff\xd8\xff\xe0\x00") is None
    assert image_size(b"") is None
