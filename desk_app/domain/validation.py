"""Checks of what enters the desk: text (length, control characters, NUL, lone
surrogates, what a person's name may hold), search boxes, and values of a fixed set."""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import TypeVar

from desk_app.domain.errors import ValidationError

# Letters of any script (Chinese included), digits, spaces and the marks real
# names carry: 欧阳·娜娜, O'Brien, Jean-Luc, (公司) 有限公司.
_NAME_RE = re.compile(r"^[\w\s·.'’\-()（）&]+$")

E = TypeVar("E", bound=enum.Enum)


def _has_control(text: str, *, multiline: bool) -> bool:
    """Invisible characters, NUL and lone surrogates (which no database can store) included."""
    allowed = {"\n", "\t"} if multiline else set()
    return any(
        unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"} and ch not in allowed for ch in text
    )


def clean_text(
    value: str | None,
    field: str,
    *,
    max_length: int,
    required: bool = False,
    multiline: bool = False,
) -> str | None:
    """Trimmed text, or None for empty optional input; raises ValidationError otherwise."""
    text = (value or "").strip()
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text:
        if required:
            raise ValidationError(field, "field.required")
        return None
    if _has_control(text, multiline=multiline):
        raise ValidationError(field, "field.control_characters")
    if len(text) > max_length:
        raise ValidationError(field, "field.too_long", limit=max_length)
    return text


def search_text(value: str | None, field: str = "query", *, max_length: int = 100) -> str:
    """What was typed or scanned into a search box, trimmed ("" for nothing).

    Refused like a field's text: invisible control characters, NUL, lone surrogates
    (none can be stored, so none can be found), and more than ``max_length`` characters.
    """
    text = (value or "").strip()
    if _has_control(text, multiline=False):
        raise ValidationError(field, "field.control_characters")
    if len(text) > max_length:
        raise ValidationError(field, "field.too_long", limit=max_length)
    return text


def choice(enum_cls: type[E], value: object, field: str) -> E:
    """``value`` (a member or a member's value) as a member of ``enum_cls``; anything
    outside the set is refused, never passed on as a raw ``ValueError``."""
    if isinstance(value, enum_cls):
        return value
    try:
        return enum_cls(value)
    except (ValueError, TypeError):
        raise ValidationError(field, "field.not_a_choice") from None


def required_text(
    value: str | None, field: str, *, max_length: int, multiline: bool = False
) -> str:
    text = clean_text(value, field, max_length=max_length, required=True, multiline=multiline)
    assert text is not None
    return text


def person_name(value: str | None, field: str = "name", *, max_length: int = 100) -> str:
    """A customer's or user's name: required, no symbols a name never has."""
    text = required_text(value, field, max_length=max_length)
    text = re.sub(r"\s+", " ", text)
    if not _NAME_RE.match(text):
        raise ValidationError(field, "field.name_characters")
    return text


def quantity(value: int, field: str = "quantity", *, maximum: int = 100_000) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "field.whole_number")
    if value <= 0:
        raise ValidationError(field, "field.quantity_positive")
    if value > maximum:
        raise ValidationError(field, "field.quantity_at_most", limit=maximum)
    return value


def money_cents(value: int, field: str, *, maximum: int = 100_000_000) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "field.amount_required")
    if value < 0:
        raise ValidationError(field, "field.amount_negative")
    if value > maximum:
        raise ValidationError(field, "field.amount_too_large", limit_cents=maximum)
    return value
