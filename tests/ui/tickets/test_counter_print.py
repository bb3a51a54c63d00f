"""The check-in receipt and tag filled from a saved ticket: 预计完成, the address, the language."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desk_app.printing import CheckInReceiptData, render_checked
from desk_app.services.core.database import Actor, Database
from desk_app.ui.common.context import Desk
from desk_app.ui.common.errors import current_language
from desk_app.ui.tickets import counter_print
from desk_app.ui.tickets.counter_print import CounterNotes
from tests.printing.print_samples import HEADER
from tests.services import factories


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_receipt_expects_the_repair_deadline_on_the_shop_clock(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    ticket = factories.ticket(db, clerk)
    assert ticket.repair_due is not None  # the service standard's repair deadline
    data = counter_print.receipt_data(desk, ticket, None, CounterNotes(), None)
    assert isinstance(data, CheckInReceiptData)
    ready = ticket.repair_due.astimezone(desk.tz).date()
    assert data.expected_ready == ready
    text = _text(render_checked(data, HEADER).pdf)
    assert ready.isoformat() in text


def test_receipt_names_the_area_once(qtbot: QtBot, desk: Desk, db: Database, clerk: Actor) -> None:
    ticket = factories.ticket(db, clerk)
    inside = replace(ticket, area="朝阳区", address="北京市朝阳区望京街道12号")
    data = counter_print.receipt_data(desk, inside, None, CounterNotes(), None)
    assert isinstance(data, CheckInReceiptData)
    assert data.address == "北京市朝阳区望京街道12号"
    text = _text(render_checked(data, HEADER).pdf)
    assert "北京市朝阳区望京街道12号" in text
    assert text.count("朝阳区") == 1 + HEADER.address.count("朝阳区")  # the header's own
    # an area the address does not name is still printed, once, before it
    apart = replace(ticket, area="望京片区", address="北京市朝阳区望京街道12号")
    data = counter_print.receipt_data(desk, apart, None, CounterNotes(), None)
    assert data.address == "望京片区 北京市朝阳区望京街道12号"  # type: ignore[attr-defined]
    only_area = replace(ticket, area="望京片区", address=None)
    data = counter_print.receipt_data(desk, only_area, None, CounterNotes(), None)
    assert data.address == "望京片区"  # type: ignore[attr-defined]


def test_receipt_and_tag_follow_the_interface_language(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor, monkeypatch: object
) -> None:
    ticket = factories.ticket(db, clerk)
    for language in ("en", "zh_CN"):
        monkeypatch.setattr(counter_print, "current_language", lambda lang=language: lang)  # type: ignore[attr-defined]
        receipt = counter_print.receipt_data(desk, ticket, None, CounterNotes(), None)
        tag = counter_print.tag_data(desk, ticket, None, CounterNotes())
        assert receipt.language == language  # type: ignore[attr-defined]
        assert tag.language == language  # type: ignore[attr-defined]
    assert current_language() in ("en", "zh_CN")


def test_an_emoji_in_the_fault_prints_on_receipt_and_tag(
    qtbot: QtBot, desk: Desk, db: Database, clerk: Actor
) -> None:
    ticket = factories.ticket(db, clerk, fault="开机无反应😀 吉𠮷")
    for data in (
        counter_print.receipt_data(desk, ticket, None, CounterNotes(), None),
        counter_print.tag_data(desk, ticket, None, CounterNotes()),
    ):
        result = render_checked(data, HEADER)
        assert result.replaced == ""
        assert "😀" in _text(result.pdf)
        assert "𠮷" in _text(result.pdf)
