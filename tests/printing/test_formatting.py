"""Formatting the forms rely on: money in cents, times, label tables."""

from __future__ import annotations

from datetime import datetime

import pytest

from desk_app.domain.enums import TicketKind, TicketStatus, Urgency, WarrantyStatus
from desk_app.printing import money
from desk_app.printing.formatting import fmt_window, shorten
from desk_app.printing.labels import (
    TEXT,
    TICKET_KINDS,
    TICKET_STATUSES,
    URGENCIES,
    WARRANTY,
    code_label,
)


@pytest.mark.parametrize(
    ("cents", "shown"),
    [
        (0, "¥0.00"),
        (5, "¥0.05"),
        (123450, "¥1,234.50"),
        (100000000, "¥1,000,000.00"),
        (-2550, "-¥25.50"),
    ],
)
def test_money_is_cents_shown_as_yuan(cents: int, shown: str) -> None:
    assert money(cents) == shown


def test_appointment_window_same_day_and_across_days() -> None:
    start = datetime(2024, 5, 2, 14, 0)
    assert fmt_window(start, datetime(2024, 5, 2, 16, 0)) == "2024-05-02 14:00–16:00"
    assert fmt_window(start, datetime(2024, 5, 3, 9, 0)) == "2024-05-02 14:00 – 2024-05-03 09:00"
    assert fmt_window(None, None) == ""


def test_shorten_marks_the_cut() -> None:
    assert shorten("空调\n不制冷", 10) == "空调 不制冷"
    assert shorten("一二三四五六", 4) == "一二三…"


@pytest.mark.parametrize(
    ("table", "enum"),
    [
        (TICKET_KINDS, TicketKind),
        (URGENCIES, Urgency),
        (TICKET_STATUSES, TicketStatus),
        (WARRANTY, WarrantyStatus),
    ],
)
def test_every_domain_code_has_a_label_in_both_languages(table, enum) -> None:  # type: ignore[no-untyped-def]
    for language in ("zh_CN", "en"):
        assert set(table[language]) == {m.value for m in enum}


def test_chinese_labels_are_the_documents_words() -> None:
    assert code_label(TICKET_KINDS, "zh_CN", "return_to_factory") == "返厂"
    assert code_label(URGENCIES, "zh_CN", "critical") == "特急"
    assert code_label(WARRANTY, "zh_CN", "out") == "保外"
    assert code_label(TICKET_KINDS, "zh_CN", "something_new") == "something_new"


def test_both_languages_have_the_same_captions() -> None:
    assert set(TEXT["zh_CN"]) == set(TEXT["en"])


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="print language"):
        code_label(TICKET_KINDS, "fr", "repair")
