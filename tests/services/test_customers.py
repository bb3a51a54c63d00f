"""Customers: create, find by every key a caller gives, duplicates, edit conflicts."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desk_app.db.models import AuditLog, Customer
from desk_app.domain.errors import ConflictError, PermissionDenied, ValidationError
from desk_app.services import customers
from desk_app.services.customers import AddressInput, CustomerDraft
from desk_app.services.database import Actor, Database
from tests.services import factories


def _count(db: Database) -> int:
    return db.read(lambda s: s.scalar(select(func.count(Customer.id))) or 0)


def test_create_and_find_by_name_pinyin_phone_address(db: Database, clerk: Actor) -> None:
    c = factories.customer(db, clerk, "张三", "+86 138-1234-5678")
    factories.customer(
        db, clerk, "李四", "010-6234 5678", "上海市浦东新区世纪大道100号", "浦东新区"
    )
    assert c.phones[0].normalized == "13812345678"
    for query in [
        "张三",
        "zs",
        "zhangsan",
        "ZhangSan",
        "5678",
        "13812345678",
        "138 1234 5678",
        "建国路88号",
    ]:
        found = [r.name for r in customers.search_customers(db, clerk, query)]
        assert "张三" in found, query
    assert [r.name for r in customers.search_customers(db, clerk, "62345678")] == ["李四"]
    assert customers.search_customers(db, clerk, "wangwu") == []


def test_search_by_serial_and_ticket_number(db: Database, clerk: Actor) -> None:
    c = factories.customer(db, clerk)
    a = factories.appliance(db, clerk, c.id)
    t = factories.ticket(db, clerk, c.id, appliance_id=a.id)
    assert [r.id for r in customers.search_customers(db, clerk, "sn123456")] == [c.id]
    assert [r.id for r in customers.search_customers(db, clerk, t.number.lower())] == [c.id]


def test_like_wildcards_are_literal(db: Database, clerk: Actor) -> None:
    factories.customer(db, clerk)
    assert customers.search_customers(db, clerk, "%") == []
    assert customers.search_customers(db, clerk, "_") == []


def test_duplicates_are_found_by_normalised_phone(db: Database, clerk: Actor) -> None:
    c = factories.customer(db, clerk, "张三", "13812345678")
    dupes = customers.find_duplicates(db, clerk, CustomerDraft("张叁", ["+86 138 1234 5678"]))
    assert [d.id for d in dupes] == [c.id]
    same_address = CustomerDraft(
        "张三", ["13900000000"], [AddressInput("北京市朝阳区建国路88号3栋501室")]
    )
    assert [d.id for d in customers.find_duplicates(db, clerk, same_address)] == [c.id]
    assert customers.find_duplicates(db, clerk, CustomerDraft("王五", ["13700000000"])) == []


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (CustomerDraft("", ["13812345678"]), "name"),
        (CustomerDraft("   ", ["13812345678"]), "name"),
        (CustomerDraft("张三", []), "phones"),
        (CustomerDraft("张三", ["12345"]), "phone"),
        (CustomerDraft("张三", ["abc"]), "phone"),
        (CustomerDraft("张三\x00", ["13812345678"]), "name"),
        (CustomerDraft("x" * 101, ["13812345678"]), "name"),
        (CustomerDraft("Robert'); DROP TABLE customers;--", ["13812345678"]), "name"),
        (CustomerDraft("张三", ["13812345678"], notes="n" * 5000), "notes"),
        (CustomerDraft("张三", ["13812345678", "138-1234-5678"]), "phones"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    db: Database, clerk: Actor, draft: CustomerDraft, field: str
) -> None:
    before = _count(db)
    with pytest.raises(ValidationError) as info:
        customers.create_customer(db, clerk, draft)
    assert info.value.field == field
    assert info.value.message
    assert _count(db) == before


def test_sql_text_in_free_text_is_stored_literally(db: Database, clerk: Actor) -> None:
    evil = "'; DELETE FROM customers; --"
    c = customers.create_customer(db, clerk, CustomerDraft("张三", ["13812345678"], notes=evil))
    assert customers.get_customer(db, clerk, c.id).notes == evil
    assert _count(db) == 1


def test_double_clicked_save_creates_one_customer(db: Database, clerk: Actor) -> None:
    draft = CustomerDraft("张三", ["13812345678"])
    a = customers.create_customer(db, clerk, draft, request_id="req-1")
    b = customers.create_customer(db, clerk, draft, request_id="req-1")
    assert a.id == b.id
    assert _count(db) == 1


def test_edit_over_a_newer_save_is_a_conflict_naming_who(
    db: Database, clerk: Actor, manager: Actor
) -> None:
    c = factories.customer(db, clerk)
    draft = c.as_draft()
    customers.update_customer(
        db,
        manager,
        c.id,
        CustomerDraft("张三", ["13812345678", "010-62345678"], draft.addresses),
        expected_version=c.version,
    )
    mine = CustomerDraft("张三丰", draft.phones, draft.addresses)
    with pytest.raises(ConflictError) as info:
        customers.update_customer(db, clerk, c.id, mine, expected_version=c.version)
    assert info.value.who == "王经理"
    assert info.value.current["phones"] == ["13812345678", "010-62345678"]
    assert customers.get_customer(db, clerk, c.id).name == "张三"
    fresh = customers.get_customer(db, clerk, c.id)
    saved = customers.update_customer(db, clerk, c.id, mine, expected_version=fresh.version)
    assert saved.name == "张三丰" and saved.version == fresh.version + 1
    assert saved.updated_by == "李客服"


def test_every_change_is_audited(db: Database, clerk: Actor) -> None:
    c = factories.customer(db, clerk)
    customers.update_customer(
        db, clerk, c.id, CustomerDraft("张三", ["13999999999"]), expected_version=c.version
    )
    rows = db.read(
        lambda s: s.execute(
            select(AuditLog.action, AuditLog.user_id, AuditLog.details)
            .where(AuditLog.entity == "customer")
            .order_by(AuditLog.id)
        ).all()
    )
    assert [r[0] for r in rows] == ["customer.create", "customer.update"]
    assert all(r[1] == clerk.user_id for r in rows)
    assert rows[1][2]["phones"] == {"from": ["138 1234 5678"], "to": ["13999999999"]}


def test_parts_clerk_cannot_edit_customers(db: Database, parts_clerk: Actor) -> None:
    with pytest.raises(PermissionDenied):
        customers.create_customer(db, parts_clerk, CustomerDraft("张三", ["13812345678"]))
