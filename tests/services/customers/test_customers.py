"""Customers: create, find by every key a caller gives, duplicates, edit conflicts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desk_app.db.models import AuditLog, Customer
from desk_app.db.models.people import CustomerNameKey
from desk_app.domain.errors import ConflictError, PermissionDenied, ValidationError
from desk_app.messages import render
from desk_app.services.core.database import Actor, Database
from desk_app.services.customers import customers
from desk_app.services.customers import search as customer_search
from desk_app.services.customers.customers import AddressInput, CustomerDraft
from desk_app.services.customers.search import name_search_keys
from tests.conftest import FakeClock
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
    ("draft", "field", "code"),
    [
        (CustomerDraft("", ["13812345678"]), "name", "field.required"),
        (CustomerDraft("   ", ["13812345678"]), "name", "field.required"),
        (CustomerDraft("张三", []), "phones", "phone.at_least_one"),
        (CustomerDraft("张三", ["12345"]), "phone", "phone.mobile_length"),
        (CustomerDraft("张三", ["abc"]), "phone", "phone.bad_characters"),
        (CustomerDraft("张三\x00", ["13812345678"]), "name", "field.control_characters"),
        (CustomerDraft("x" * 101, ["13812345678"]), "name", "field.too_long"),
        (
            CustomerDraft("Robert'); DROP TABLE customers;--", ["13812345678"]),
            "name",
            "field.name_characters",
        ),
        (CustomerDraft("张三", ["13812345678"], notes="n" * 5000), "notes", "field.too_long"),
        (CustomerDraft("张三", ["13812345678", "138-1234-5678"]), "phones", "phone.entered_twice"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    db: Database, clerk: Actor, draft: CustomerDraft, field: str, code: str
) -> None:
    before = _count(db)
    with pytest.raises(ValidationError) as info:
        customers.create_customer(db, clerk, draft)
    assert info.value.field == field
    assert info.value.code == code
    assert _count(db) == before


def test_customer_refusals_read_in_chinese(db: Database, clerk: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        customers.create_customer(db, clerk, CustomerDraft("张三", []))
    assert render(refused.value, language="zh_CN") == "请至少填写一个电话号码。"
    twice = CustomerDraft("张三", ["13812345678", "138-1234-5678"])
    with pytest.raises(ValidationError) as refused:
        customers.create_customer(db, clerk, twice)
    assert refused.value.values == {"phone": "138-1234-5678"}
    assert render(refused.value, language="zh_CN") == "138-1234-5678 重复录入了。"
    with pytest.raises(ValidationError) as refused:
        customers.create_customer(db, clerk, CustomerDraft("x" * 101, ["13812345678"]))
    assert refused.value.values == {"limit": 100}
    assert render(refused.value, language="zh_CN") == "太长：最多 100 个字符。"


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


# ---------------------------------------------------------------- search, key by key


def _names(db: Database, actor: Actor, query: str) -> list[str]:
    """The names found, sorted here: the order of names is the database collation's
    (tested on its own below), and these tests must pass on any server."""
    return sorted(r.name for r in customers.search_customers(db, actor, query))


@pytest.fixture(params=["collect", "walk"])
def strategy(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a search test both ways an infix match can be answered: collecting the
    matches and sorting them (few matches), or walking customers in name order and
    testing each (thousands of matches; forced here by a threshold of one)."""
    if request.param == "walk":
        monkeypatch.setattr(customer_search, "DENSE_MATCHES", 1)
    yield str(request.param)


def test_name_prefix_pinyin_alternatives_and_initials(
    db: Database, clerk: Actor, strategy: str
) -> None:
    factories.customer(db, clerk, "曾伟", "13811110001")
    factories.customer(db, clerk, "张三", "13811110002")
    factories.customer(db, clerk, "张三丰", "13811110003")
    factories.customer(db, clerk, "欧阳娜娜", "13811110004")
    factories.customer(db, clerk, "Smith John", "13811110005")
    cases = {
        "张": ["张三", "张三丰"],  # name prefix
        "张三丰": ["张三丰"],
        "zengwei": ["曾伟"],
        "cengw": ["曾伟"],  # 曾's second reading, not the first alternative
        "cw": ["曾伟"],  # initials of the second reading
        "zs": ["张三", "张三丰"],
        "z": ["张三", "张三丰", "曾伟"],  # one letter: the first-character index
        "zsf": ["张三丰"],
        "oyn": ["欧阳娜娜"],
        "ouyangnuo": ["欧阳娜娜"],  # a later alternative of 娜
        "Zhang San": ["张三", "张三丰"],
        "smi": ["Smith John"],  # a Latin name, whatever the case
        "SMITH J": ["Smith John"],
        "sanfeng": [],  # keys are prefixes from the start of the name only
        "wei": [],
    }
    for query, expected in cases.items():
        assert _names(db, clerk, query) == sorted(expected), query


def test_address_infix_any_length(db: Database, clerk: Actor, strategy: str) -> None:
    factories.customer(db, clerk, "张三", "13811110001", "北京市朝阳区建国路88号3栋501室")
    factories.customer(db, clerk, "李四", "13811110002", "上海市浦东新区世纪大道100号B座")
    for query, expected in {
        "建国路88号": ["张三"],
        "3栋5": ["张三"],
        "世纪": ["李四"],  # two characters: too short for trigrams
        "浦": ["李四"],
        "号": ["张三", "李四"],
        "B座": ["李四"],
        "100号B": ["李四"],
        "建国路99号": [],
        "座B": [],
    }.items():
        assert _names(db, clerk, query) == sorted(expected), query


def test_ascii_letters_in_addresses_ignore_case_on_sqlite_only(db: Database, clerk: Actor) -> None:
    """As LIKE does on each engine, the search used it before the indexes came."""
    factories.customer(db, clerk, "李四", "13811110002", "上海市浦东新区世纪大道100号B座")
    found = _names(db, clerk, "100号b")
    assert found == (["李四"] if db.dialect == "sqlite" else [])


def test_phone_infix_and_last_four_digits(db: Database, clerk: Actor, strategy: str) -> None:
    factories.customer(db, clerk, "张三", "138 1234 5678")
    factories.customer(db, clerk, "李四", "010-6234 5678")
    factories.customer(db, clerk, "王五", "139 0000 1234")
    for query, expected in {
        "5678": ["张三", "李四"],  # four digits: the last four
        "1234": ["王五"],  # not the middle of 13812345678
        "81234": ["张三"],  # otherwise anywhere in the number
        "623": ["李四"],
        "138-1234-5678": ["张三"],
        "+86 10 6234": ["李四"],  # the landline's trunk 0 left out
        "13900001234": ["王五"],
        "13800001234": [],
    }.items():
        assert _names(db, clerk, query) == sorted(expected), query


def test_serial_and_ticket_number_whatever_the_case(
    db: Database, clerk: Actor, strategy: str
) -> None:
    c = factories.customer(db, clerk)
    factories.customer(db, clerk, "李四", "13811110002")
    a = factories.appliance(db, clerk, c.id)
    t = factories.ticket(db, clerk, c.id, appliance_id=a.id)
    for query in ["SN123456", "sn123456", t.number, t.number.lower()]:
        assert [r.id for r in customers.search_customers(db, clerk, query)] == [c.id], query
    assert customers.search_customers(db, clerk, "SN12345") == []


def test_pages_follow_name_then_id(db: Database, clerk: Actor, strategy: str) -> None:
    for i, name in enumerate(["张五", "张三", "张四", "张三", "张二"]):
        factories.customer(db, clerk, name, f"1381111000{i}")
    in_db_order = db.read(
        lambda s: list(s.scalars(select(Customer.id).order_by(Customer.name, Customer.id)))
    )
    everyone = customers.search_customers(db, clerk, "张")
    assert [r.id for r in everyone] == in_db_order
    twins = [r.id for r in everyone if r.name == "张三"]
    assert twins == sorted(twins)  # the same name: by id
    for query, size in [("张", 2), ("z", 2), ("138111", 3), ("北京市朝阳", 4)]:
        pages = [
            customers.search_customers(db, clerk, query, limit=size, offset=offset)
            for offset in range(0, 5 + size, size)
        ]
        assert [r.id for page in pages for r in page] == in_db_order, query
        assert [len(p) for p in pages][-1] == 0, query
    # zs: 张三 twice and 张四 (zhangsi), not 张五 (zw) or 张二 (ze).
    zs = [customers.search_customers(db, clerk, "zs", limit=2, offset=o) for o in (0, 2, 4)]
    names = {r.id: r.name for r in everyone}
    expected = [i for i in in_db_order if names[i] in ("张三", "张四")]
    assert [r.id for page in zs for r in page] == expected
    assert [len(page) for page in zs] == [2, 1, 0]


def _keys(db: Database, customer_id: int) -> set[tuple[str, str]]:
    return set(
        db.read(
            lambda s: s.execute(
                select(CustomerNameKey.key, CustomerNameKey.name).where(
                    CustomerNameKey.customer_id == customer_id
                )
            ).all()
        )
    )


def test_name_keys_follow_renames(db: Database, clerk: Actor) -> None:
    c = factories.customer(db, clerk, "张三")
    assert _keys(db, c.id) == {(k, "张三") for k in name_search_keys("张三")}
    draft = c.as_draft()
    renamed = customers.update_customer(
        db,
        clerk,
        c.id,
        CustomerDraft("曾伟", draft.phones, draft.addresses),
        expected_version=c.version,
    )
    assert renamed.version == c.version + 1
    assert _keys(db, c.id) == {(k, "曾伟") for k in ["曾伟", "zengwei", "cengwei", "zw", "cw"]}
    assert _names(db, clerk, "zs") == []
    assert _names(db, clerk, "张") == []
    assert _names(db, clerk, "cw") == ["曾伟"]
    # An edit that keeps the name keeps the same keys.
    customers.update_customer(
        db,
        clerk,
        c.id,
        CustomerDraft("曾伟", ["13999999999"], draft.addresses),
        expected_version=renamed.version,
    )
    assert _keys(db, c.id) == {(k, "曾伟") for k in ["曾伟", "zengwei", "cengwei", "zw", "cw"]}


def test_merged_duplicates_are_not_found(db: Database, clerk: Actor, strategy: str) -> None:
    survivor = factories.customer(db, clerk, "张三", "13812345678")
    duplicate = factories.customer(db, clerk, "张三", "13812345678")
    factories.appliance(db, clerk, duplicate.id)

    def merge_into(target: int | None) -> None:
        # No merge service yet: set what a merge sets (and its undo clears).
        def tx(s: Session) -> None:
            s.execute(
                update(Customer)
                .where(Customer.id == duplicate.id)
                .values(merged_into_id=target, version=Customer.version + 1)
            )

        db.write(tx)

    every_key = ["张三", "zs", "zhangsan", "5678", "138123", "建国路", "建"]
    for query in every_key:
        ids = [r.id for r in customers.search_customers(db, clerk, query)]
        assert ids == [survivor.id, duplicate.id], query
    assert [r.id for r in customers.search_customers(db, clerk, "SN123456")] == [duplicate.id]
    merge_into(survivor.id)
    for query in every_key:
        ids = [r.id for r in customers.search_customers(db, clerk, query)]
        assert ids == [survivor.id], query
    assert customers.search_customers(db, clerk, "SN123456") == []
    merge_into(None)  # undone
    assert [r.id for r in customers.search_customers(db, clerk, "zs")] == [
        survivor.id,
        duplicate.id,
    ]


def test_search_follows_a_merge_and_its_undo(db: Database, clerk: Actor, manager: Actor) -> None:
    from desk_app.services.customers import merge

    survivor = factories.customer(db, clerk, "张三", "13812345678", "北京市朝阳区建国路88号")
    duplicate = factories.customer(db, clerk, "章叁", "13912345678", "北京市海淀区学院路1号")
    done = merge.merge_customers(
        db,
        manager,
        survivor.id,
        duplicate.id,
        survivor_version=survivor.version,
        duplicate_version=duplicate.version,
    )
    # The duplicate's own name and keys find nobody; its phone and address moved.
    assert _names(db, clerk, "章叁") == []
    assert _names(db, clerk, "zs") == ["张三"]
    assert _names(db, clerk, "13912345678") == ["张三"]
    assert _names(db, clerk, "学院路1号") == ["张三"]
    merge.undo_merge(db, manager, done.id)
    assert _names(db, clerk, "章叁") == ["章叁"]
    assert _names(db, clerk, "zs") == ["张三", "章叁"]
    assert _names(db, clerk, "学院路1号") == ["章叁"]


def test_demo_customers_carry_their_search_keys(db: Database, clock: FakeClock) -> None:
    from desk_app.services import demo
    from desk_app.services.admin import users

    demo.generate(db, customers=30, tickets=0, seed=7, now=clock.now, technicians=2, parts=5)
    rows = db.read(lambda s: s.execute(select(Customer.id, Customer.name)).all())
    assert len(rows) == 30
    for customer_id, name in rows:
        assert _keys(db, customer_id) == {(k, name) for k in name_search_keys(name)}
    customer_id, name = rows[0]
    manager = users.authenticate(db, "admin", demo.DEMO_PASSWORD)
    initials = name_search_keys(name)[-1]
    found = [r.id for r in customers.search_customers(db, manager, initials, limit=1000)]
    assert customer_id in found
