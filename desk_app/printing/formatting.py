"""How values read on paper: money in yuan, dates and times, short text."""

from __future__ import annotations

from datetime import date, datetime


def money(cents: int) -> str:
    """Integer cents as ¥1,234.50 (negative as -¥1,234.50)."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def _local(value: datetime) -> datetime:
    """The value itself: print data carries the shop's wall-clock time (see ``data``)."""
    if value.tzinfo is not None:
        raise TypeError(
            "print data takes the shop's wall-clock time; convert with the shop's zone first"
        )
    return value


def fmt_datetime(value: datetime | None) -> str:
    """2024-05-01 14:30, or '' for None."""
    return _local(value).strftime("%Y-%m-%d %H:%M") if value else ""


def fmt_date(value: date | None) -> str:
    """2024-05-01, or '' for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return value.strftime("%Y-%m-%d")


def fmt_window(start: datetime | None, end: datetime | None) -> str:
    """An appointment window: 2024-05-01 14:00–16:00 (dates repeated if it spans days)."""
    if start is None:
        return fmt_datetime(end)
    if end is None:
        return fmt_datetime(start)
    s, e = _local(start), _local(end)
    if s.date() == e.date():
        return f"{s:%Y-%m-%d %H:%M}–{e:%H:%M}"
    return f"{s:%Y-%m-%d %H:%M} – {e:%Y-%m-%d %H:%M}"


def shorten(value: str, limit: int) -> str:
    """``value`` on one line, cut to ``limit`` characters with an ellipsis."""
    one_line = " ".join(value.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def colon(language: str) -> str:
    """The label separator: full-width colon in Chinese, ': ' in English."""
    return "：" if language == "zh_CN" else ": "
