"""Turn a code and its values into a sentence (see the package docstring)."""

from __future__ import annotations

import enum
import string
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.domain.permissions import Perm
from desk_app.messages.permissions import PERM_NAMES
from desk_app.messages.templates import NOUNS, all_templates

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)

_DEFAULT_TZ = ZoneInfo("Asia/Shanghai")


@cache
def templates() -> Mapping[str, tuple[str, str]]:
    """Every code with its (English, Chinese) template."""
    return all_templates()


def has_template(code: str) -> bool:
    return code in templates()


def _column(language: str) -> int:
    return 1 if language.startswith("zh") else 0


def noun(what: str, language: str) -> str:
    """A kind of record (``"ticket"``) in ``language``; unknown names come back as they are."""
    pair = NOUNS.get(what)
    return pair[_column(language)] if pair else what


def _money(cents: int, language: str) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}¥{cents // 100:,}.{cents % 100:02d}"


def format_value(name: str, value: Any, *, language: str, tz: ZoneInfo) -> str:
    """One value as the clerk reads it: times in the shop's zone, money as ¥, nouns translated."""
    if value is None:
        return "?" if language == ENGLISH else "？"
    if isinstance(value, bool):
        return ("yes" if value else "no") if language == ENGLISH else ("是" if value else "否")
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        value = value.value
    if name.endswith("cents") and isinstance(value, int):
        return _money(value, language)
    if isinstance(value, Decimal):
        return f"{value:,}"
    if name in ("what", "kind") and isinstance(value, str):
        return noun(value, language)
    if name == "action" and isinstance(value, str) and value in PERM_NAMES:
        # PermissionDenied names the permission by its code: say what it allows.
        return PERM_NAMES[Perm(value)][_column(language)]
    if isinstance(value, list | tuple | set | frozenset):
        sep = ", " if language == ENGLISH else "、"
        return sep.join(format_value(name, v, language=language, tz=tz) for v in value)
    return str(value)


class _Formatter(string.Formatter):
    """Formats each placeholder from the raw value, knowing its name (for money and
    nouns) and its spec: ``{when:time}`` and ``{when:date}`` write only that part."""

    def __init__(self, language: str, tz: ZoneInfo) -> None:
        self.language = language
        self.tz = tz

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        if isinstance(key, int) or key not in kwargs:
            return _Missing(str(key))
        return (key, kwargs[key])

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Missing):
            return "{" + value.name + "}"
        name, raw = value
        if isinstance(raw, datetime) and format_spec in ("time", "date"):
            aware = raw if raw.tzinfo is not None else raw.replace(tzinfo=UTC)
            local = aware.astimezone(self.tz)
            return local.strftime("%H:%M" if format_spec == "time" else "%Y-%m-%d")
        return format_value(name, raw, language=self.language, tz=self.tz)


class _Missing:
    def __init__(self, name: str) -> None:
        self.name = name


def fields_of(template: str) -> set[str]:
    """The ``{name}`` placeholders a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(
    error: Any,
    values: Mapping[str, Any] | None = None,
    *,
    language: str = ENGLISH,
    tz: ZoneInfo | None = None,
) -> str:
    """The sentence for a ``DeskError`` (or a bare code with ``values``) in ``language``.

    An unknown code renders as the code itself with its values, so a clerk can still
    read it out to support; the test over every raised code keeps that from happening.
    """
    if isinstance(error, str):
        code, given = error, dict(values or {})
    else:
        code, given = error.code, {**error.values, **(values or {})}
    zone = tz or _DEFAULT_TZ
    pair = templates().get(code)
    if pair is None:
        if not given:
            return code
        shown = (f"{k}: {format_value(k, v, language=language, tz=zone)}" for k, v in given.items())
        return code + " (" + ", ".join(shown) + ")"
    return _Formatter(language, zone).vformat(pair[_column(language)], (), given).strip()
