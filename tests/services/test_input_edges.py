"""Bad input at the edges (issue 12): every one is a clear domain refusal that writes
nothing and leaves the desk working, on SQLite and on PostgreSQL.

- a kind, urgency, channel or status outside its set;
- an id beyond what its column holds (PostgreSQL ``integer``; SQLite 64 bits);
- a NUL character or a lone surrogate in a text field or a search box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.db.models import Customer, Ticket
from desk_app.domain.enums import TicketKind, TicketStatus
from desk_app.domain.errors import DeskError, NotFound, ValidationError
from desk_app.messages import render
from desk_app.services.care import complaint_views
from desk_app.services.care.complaint_views import ComplaintFilter
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers.customers import AddressInput, ApplianceDraft, CustomerDraft
from desk_app.services.dispatch import dispatch
from desk_app.services.stock import parts, requisitions
from desk_app.services.tickets import tickets
from desk_app.services.tickets.tickets import TicketDraft
from tests.services import factories

UNSTORABLE = ["a\x00b", "\x00", "\ud800", "王\udfff", "138\x001234"]
TOO_BIG = [2**31, 2**63, 2**64, -(2**63) - 1]


def _still_works(db: Database, clerk: Actor) -> None:
    """The database answers and takes writes after the refusal."""
    c = factories.customer(db, clerk, name="回归测试", phone="139 0000 1111")
    assert [r.id for r in customers.search_customers(db, clerk, "回归测试")] == [c.id]


# ---------------------------------------------------------------- choices


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "bogus"}, "kind"),
        ({"urgency": "asap"}, "urgency"),
        ({"channel": "fax"}, "channel"),
    ],
)
def test_a_ticket_with_a_value_outside_its_set_is_refused(
    db: Database, clerk: Actor, change: dict[str, str], field: str
) -> None:
    c = factories.customer(db, clerk)
    draft = replace(TicketDraft(c.id, TicketKind.REPAIR, "不制冷"), **change)
    with pytest.raises(ValidationError) as err:
        tickets.open_ticket(db, clerk, draft)
    assert (err.value.field, err.value.code) == (field, "field.not_a_choice")
    assert factories.count(db, Ticket) == 0
    _still_works(db, clerk)


def test_a_status_outside_its_set_is_refused(db: Database, clerk: Actor) -> None:
    t = factories.ticket(db, clerk)
    with pytest.raises(ValidationError) as err:
        tickets.change_status(db, clerk, t.id, "teleported")  # type: ignore[arg-type]
    assert (err.value.field, err.value.code) == ("status", "field.not_a_choice")
    assert tickets.get_ticket(db, clerk, t.id).status is TicketStatus.NEW


def test_list_filters_outside_their_sets_are_refused(
    db: Database, manager: Actor, parts_clerk: Actor
) -> None:
    flt = ComplaintFilter(status="lost")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as err:
        complaint_views.list_complaints(db, manager, flt)
    assert (err.value.field, err.value.code) == ("status", "field.not_a_choice")
    with pytest.raises(ValidationError) as err:
        requisitions.list_requisitions(db, parts_clerk, status="lost")  # type: ignore[arg-type]
    assert (err.value.field, err.value.code) == ("status", "field.not_a_choice")


# ---------------------------------------------------------------- ids


def _refused_id(error: DeskError) -> bool:
    """Beyond the column's range: refused as out of range; within it: simply not found."""
    if isinstance(error, NotFound):
        return True
    return isinstance(error, ValidationError) and error.code == "field.number_out_of_range"


@pytest.mark.parametrize("big", TOO_BIG)
def test_an_id_beyond_the_column_is_a_domain_refusal(
    db: Database, clerk: Actor, dispatcher: Actor, manager: Actor, big: int
) -> None:
    t = factories.ticket(db, clerk)
    calls: list[Callable[[], object]] = [
        lambda: customers.get_customer(db, clerk, big),
        lambda: tickets.get_ticket(db, clerk, big),
        lambda: parts.get_part(db, manager, big),
        lambda: customers.add_appliance(db, clerk, big, ApplianceDraft("空调", "KFR-35")),
        lambda: tickets.change_status(db, dispatcher, big, TicketStatus.CANCELLED, reason="重复"),
        lambda: dispatch.assign(db, dispatcher, t.id, big),
    ]
    for call in calls:
        with pytest.raises(DeskError) as err:
            call()
        assert _refused_id(err.value), err.value
    assert tickets.get_ticket(db, clerk, t.id).status is TicketStatus.NEW
    _still_works(db, clerk)


def test_out_of_range_reads_in_both_languages(db: Database, clerk: Actor) -> None:
    with pytest.raises(ValidationError) as err:
        customers.get_customer(db, clerk, 2**63)
    assert err.value.code == "field.number_out_of_range"
    assert render(err.value) == "The number is outside the range that can be stored."
    assert render(err.value, language="zh_CN") == "数字超出了可以保存的范围。"


# ---------------------------------------------------------------- text


@pytest.mark.parametrize("text", UNSTORABLE)
def test_search_boxes_refuse_nul_and_lone_surrogates(
    db: Database, clerk: Actor, manager: Actor, text: str
) -> None:
    searches: list[tuple[str, Callable[[], object]]] = [
        ("query", lambda: customers.search_customers(db, clerk, text)),
        ("query", lambda: parts.search_parts(db, manager, text)),
        ("number", lambda: tickets.find_by_number(db, clerk, text)),
    ]
    for field, search in searches:
        with pytest.raises(ValidationError) as err:
            search()
        assert (err.value.field, err.value.code) == (field, "field.control_characters")
    _still_works(db, clerk)


@pytest.mark.parametrize("text", UNSTORABLE)
def test_any_other_lookup_refuses_nul_and_lone_surrogates(
    db: Database, clerk: Actor, manager: Actor, text: str
) -> None:
    """Lookups with no check of their own are refused under the statement itself."""
    from desk_app.services.paperwork import paperwork

    lookups: list[Callable[[], object]] = [
        lambda: parts.find_by_barcode(db, manager, text),
        lambda: paperwork.work_order(db, clerk, text),
    ]
    for lookup in lookups:
        with pytest.raises(ValidationError) as err:
            lookup()
        assert err.value.code == "field.control_characters"
    _still_works(db, clerk)


@pytest.mark.parametrize("text", UNSTORABLE)
def test_drafts_refuse_nul_and_lone_surrogates(db: Database, clerk: Actor, text: str) -> None:
    c = factories.customer(db, clerk)
    drafts: list[Callable[[], object]] = [
        lambda: customers.create_customer(db, clerk, CustomerDraft(text, ["13812345678"])),
        lambda: customers.create_customer(db, clerk, CustomerDraft("王五", [text])),
        lambda: customers.create_customer(
            db, clerk, CustomerDraft("王五", ["13812345678"], [AddressInput(text)])
        ),
        lambda: customers.create_customer(
            db, clerk, CustomerDraft("王五", ["13812345678"], notes=text)
        ),
        lambda: tickets.open_ticket(db, clerk, TicketDraft(c.id, TicketKind.REPAIR, text)),
        lambda: tickets.open_ticket(
            db, clerk, TicketDraft(c.id, TicketKind.REPAIR, "不制冷", contact_phone=text)
        ),
        lambda: customers.add_appliance(db, clerk, c.id, ApplianceDraft("空调", text)),
    ]
    for draft in drafts:
        with pytest.raises(ValidationError):
            draft()
    assert factories.count(db, Customer) == 1
    assert factories.count(db, Ticket) == 0
    _still_works(db, clerk)


# ---------------------------------------------------------------- any text at all

_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(["\x00", "\ud800", "\udfff", "\t", "\n", "王", "%", "_", "\\", "'"]),
        st.characters(),  # every code point, lone surrogates included
    ),
    max_size=30,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=_TEXT, query=_TEXT)
def test_arbitrary_text_in_search_and_creation_only_ever_is_refused(
    db: Database, clerk: Actor, name: str, query: str
) -> None:
    try:
        customers.search_customers(db, clerk, query)
    except DeskError as error:
        assert isinstance(error, ValidationError), error
    try:
        customers.create_customer(db, clerk, CustomerDraft(name, ["13812345678"], notes=query))
    except DeskError as error:
        assert isinstance(error, ValidationError), error
    # the database still answers
    assert customers.search_customers(db, clerk, "13812345678") is not None


def test_a_service_standard_for_a_kind_outside_its_set_is_refused(
    db: Database, manager: Actor
) -> None:
    from desk_app.services.admin import settings as shop_settings
    from desk_app.services.admin.settings import Standard

    with pytest.raises(ValidationError) as err:
        shop_settings.set_standard(db, manager, "bogus", "normal", Standard(2, 24, 72))  # type: ignore[arg-type]
    assert (err.value.field, err.value.code) == ("kind", "field.not_a_choice")


def test_a_user_with_a_role_outside_its_set_is_refused(db: Database, manager: Actor) -> None:
    from desk_app.db.models import User
    from desk_app.services.admin import users

    before = factories.count(db, User)
    with pytest.raises(ValidationError) as err:
        users.create_user(db, manager, "ghost", "secret-1", "overlord")  # type: ignore[arg-type]
    assert (err.value.field, err.value.code) == ("role", "field.not_a_choice")
    assert factories.count(db, User) == before


def test_text_no_check_of_its_own_covers_is_refused_under_the_statement(
    db: Database, clerk: Actor, manager: Actor
) -> None:
    """The technician service checks each skill as text; a write that skipped such a
    check (here straight through the ORM) still meets the net under every flush, which
    refuses a NUL even inside a JSON list. Nothing is written either way."""
    from desk_app.db.models import Technician
    from desk_app.services.dispatch.dispatch import TechnicianDraft

    for bad in ("空调\x00", "\ud800"):
        with pytest.raises(ValidationError) as err:
            dispatch.create_technician(db, manager, TechnicianDraft("刘师傅", skills=(bad,)))
        assert (err.value.field, err.value.code) == ("skills", "field.control_characters")
        with pytest.raises(ValidationError) as net:
            db.write(lambda s, bad=bad: s.add(Technician(name="刘师傅", skills=[bad], areas=[])))
        assert (net.value.field, net.value.code) == ("skills", "field.control_characters")
    assert factories.count(db, Technician) == 0
    _still_works(db, clerk)
