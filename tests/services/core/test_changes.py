"""A write hands back what it committed: the change-log rows, by kind of record and id,
and nothing of an attempt that was rolled back."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desk_app.domain.errors import ValidationError
from desk_app.services.core import audit, changes
from desk_app.services.core.database import Actor, Database
from tests.services import factories


def test_a_write_returns_the_changes_it_committed(db: Database, manager: Actor) -> None:
    customer = factories.customer(db, manager)

    def tx(s: Session) -> int:
        audit.record(s, manager, "test.touch", "customer", customer.id, at=db.now())
        audit.record(
            s, manager, "test.add", "appliance", 41, at=db.now(), also=(("customer", customer.id),)
        )
        return 7

    result, committed = db.write_with_changes(tx)
    assert result == 7
    assert [(c.entity, c.entity_id, c.action) for c in committed] == [
        ("customer", customer.id, "test.touch"),
        ("appliance", 41, "test.add"),
        ("customer", customer.id, "test.add"),
    ]
    # The ids are the change-log ids other desks read: in order, after what was there.
    ids = [c.id for c in committed]
    assert ids == sorted(ids) and ids[0] > 0
    assert [c.id for c in audit.changes_since(db, ids[0] - 1)] == ids


def test_a_use_case_reports_its_changes_to_the_recorder(db: Database, manager: Actor) -> None:
    with changes.recording() as outer:
        customer = factories.customer(db, manager)
        with changes.recording() as inner:
            appliance = factories.appliance(db, manager, customer.id)
    assert [(c.entity, c.entity_id) for c in inner.changes] == [
        ("appliance", appliance.id),
        ("customer", customer.id),
    ]
    assert [(c.entity, c.entity_id) for c in outer.changes] == [
        ("customer", customer.id),
        ("appliance", appliance.id),
        ("customer", customer.id),
    ]


def test_a_retried_attempt_does_not_leak_its_changes(db: Database, manager: Actor) -> None:
    attempts = []

    def tx(s: Session) -> None:
        attempts.append(1)
        # The first attempt records entity 1, then loses a race and is run again.
        audit.record(s, manager, "test.try", "customer", len(attempts), at=db.now())
        if len(attempts) == 1:
            raise StaleDataError("another desk was first")

    _result, committed = db.write_with_changes(tx)
    assert len(attempts) == 2
    assert [(c.entity, c.entity_id) for c in committed] == [("customer", 2)]


def test_a_failed_write_reports_nothing(db: Database, manager: Actor) -> None:
    def tx(s: Session) -> None:
        audit.record(s, manager, "test.fail", "customer", 1, at=db.now())
        raise ValidationError("name", "field.required")

    before = audit.last_change_id(db)
    with changes.recording() as recorder, pytest.raises(ValidationError):
        db.write(tx)
    assert recorder.changes == []
    assert audit.changes_since(db, before) == []


def test_a_rolled_back_savepoint_reports_nothing(db: Database, manager: Actor) -> None:
    def tx(s: Session) -> None:
        audit.record(s, manager, "test.kept", "customer", 1, at=db.now())
        try:
            with s.begin_nested():
                audit.record(s, manager, "test.undone", "customer", 2, at=db.now())
                raise ValidationError("name", "field.required")
        except ValidationError:
            pass

    before = audit.last_change_id(db)
    _result, committed = db.write_with_changes(tx)
    assert [c.action for c in committed] == ["test.kept"]
    assert [c.action for c in audit.changes_since(db, before)] == ["test.kept"]
