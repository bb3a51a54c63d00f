"""Reading generated PDFs back for the printing tests: text, fonts, pages, barcodes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader


def need(tool: str) -> str:
    """The path of a poppler/zbar command-line tool, or skip the test naming it."""
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt install poppler-utils zbar-tools)")
    return path


def _tmp_pdf(pdf: bytes) -> Path:
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
        handle.write(pdf)
    return Path(handle.name)


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page in drawing order (pdftotext -raw: a wrapped cell stays together)."""
    path = _tmp_pdf(pdf)
    try:
        out = subprocess.run(
            [need("pdftotext"), "-raw", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    finally:
        path.unlink()
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def squeeze(text: str) -> str:
    """``text`` without any whitespace, so wrapped lines join up again."""
    return re.sub(r"\s+", "", text)


def fonts(pdf: bytes) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font with name, type, emb, sub, uni."""
    path = _tmp_pdf(pdf)
    try:
        out = subprocess.run(
            [need("pdffonts"), str(path)], capture_output=True, check=True, text=True
        ).stdout
    finally:
        path.unlink()
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type (may be two words), encoding, emb, sub, uni, object, id
        rows.append(
            {
                "name": parts[0],
                "emb": parts[-5],
                "sub": parts[-4],
                "uni": parts[-3],
                "type": " ".join(parts[1:-6]),
            }
        )
    return rows


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def page_size_mm(pdf: bytes, page: int = 0) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[page].mediabox
    return round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)


def barcodes(pdf: bytes, page: int = 1, dpi: int = 200) -> set[str]:
    """What zbarimg reads on ``page`` (1-based) rendered at ``dpi``: {"CODE-128:...", ...}.

    Skips (only the calling test) when pdftoppm or zbarimg is not installed.
    """
    pdftoppm = need("pdftoppm")
    zbarimg = need("zbarimg")
    path = _tmp_pdf(pdf)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            stem = Path(tmp) / "page"
            subprocess.run(
                [
                    pdftoppm,
                    "-r",
                    str(dpi),
                    "-png",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(path),
                    str(stem),
                ],
                check=True,
            )
            typed = subprocess.run(
                [zbarimg, "-q", f"{stem}.png"], capture_output=True, text=True, check=False
            )
    finally:
        path.unlink()
    return {line.strip() for line in typed.stdout.splitlines() if ":" in line}
