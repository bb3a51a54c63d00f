"""Fixtures of the printing tests: the process's print fonts and a PDF renderer to bytes."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from desk_app.printing import load_fonts
from desk_app.printing.fonts import PrintFonts


@pytest.fixture(scope="session")
def print_fonts() -> PrintFonts:
    """The automatically found CJK font (skips nothing: the forms need one)."""
    return load_fonts()


@pytest.fixture
def to_pdf(monkeypatch: pytest.MonkeyPatch, print_fonts: PrintFonts) -> Callable[..., bytes]:
    """Call a render function into memory and return the PDF bytes."""
    monkeypatch.delenv("DESK_PRINT_FONT", raising=False)

    def render(fn: Callable[..., None], *args: Any, **kwargs: Any) -> bytes:
        buf = io.BytesIO()
        fn(*args, buf, **kwargs)
        return buf.getvalue()

    return render
