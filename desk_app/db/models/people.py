"""Users, customers with their phones, addresses and appliances, and technicians."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, Time, false, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.db.base import Base, JSONType, str_enum
from desk_app.domain.enums import Role


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[Role] = mapped_column(str_enum(Role))  # the main role, shown by the name
    # Deferred: loaded only when asked for (undefer), since a desk's own database login
    # may not read it (column privileges, see desk_app/db/roles.py).
    password_hash: Mapped[str] = mapped_column(String(255), deferred=True)
    active: Mapped[bool] = mapped_column(default=True)
    language: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime]
    # Set when a manager sets or resets the password: the next sign-in asks for a new one.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    password_changed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class UserRole(Base):
    """Every role a user holds, the main one (``users.role``) included."""

    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[Role] = mapped_column(str_enum(Role), primary_key=True)


class SignInGuard(Base):
    """Failed sign-ins per typed user name (known or not, so the two cannot be told
    apart): how many in a row, when the last was, and until when the name is locked."""

    __tablename__ = "sign_in_guard"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]


class ServiceArea(Base):
    """An area the shop serves (a district, a town): what technicians cover and
    dispatch filters by. Never deleted; a retired area is made inactive."""

    __tablename__ = "service_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    note: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    # Pinyin keys (space-separated alternatives, see domain.pinyin), shown and
    # exported; search uses one row per alternative in CustomerNameKey instead.
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="")
    company: Mapped[str | None] = mapped_column(String(100))
    service_area: Mapped[str | None] = mapped_column(String(60), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # A merged duplicate keeps its row, pointing at the survivor, so a merge can be undone.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(default=1)

    phones: Mapped[list[CustomerPhone]] = relationship(
        back_populates="customer", order_by="CustomerPhone.position"
    )
    addresses: Mapped[list[CustomerAddress]] = relationship(
        back_populates="customer", order_by="CustomerAddress.position"
    )
    appliances: Mapped[list[Appliance]] = relationship(
        back_populates="customer", order_by="Appliance.id"
    )
    name_keys: Mapped[list[CustomerNameKey]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}


# Search keys compare byte by byte, so that ``key >= q AND key < successor(q)`` is
# exactly "starts with q" and one index range answers it. SQLite's default (BINARY)
# already does; PostgreSQL needs the "C" collation.
_KEY_TYPE = String(400).with_variant(String(400, collation="C"), "postgresql")


class CustomerNameKey(Base):
    """One way of typing a customer's name: the name itself, normalised as the search
    box normalises a query, and each pinyin and initials alternative.

    A customer is found by name when the query is a prefix of one of its keys. The
    name is copied here so that a page of results comes out of the indexes alone, in
    name order: ``ix_customer_name_keys_key`` (key, name, id) for a prefix matching
    some thousand keys, ``ix_customer_name_keys_initial`` (first character, name, id)
    for one matching tens of thousands (``z``, ``王``), walked in name order until the
    page is full. Written only through ``services.customers._set_name`` (and the
    demo generator), which replaces all of a customer's rows when the name changes.
    Rows of merged duplicates stay; searches skip customers with ``merged_into_id``.
    """

    __tablename__ = "customer_name_keys"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(_KEY_TYPE, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))  # = customers.name, for ordering

    __table_args__ = (Index("ix_customer_name_keys_key", "key", "name", "customer_id"),)


Index(
    "ix_customer_name_keys_initial",
    func.substr(CustomerNameKey.key, 1, 1),
    CustomerNameKey.name,
    CustomerNameKey.customer_id,
)


class CustomerPhone(Base):
    __tablename__ = "customer_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    raw: Mapped[str] = mapped_column(String(40))  # as typed
    normalized: Mapped[str] = mapped_column(String(20), index=True)  # for matching
    last4: Mapped[str] = mapped_column(String(4), index=True)
    extension: Mapped[str | None] = mapped_column(String(10))
    label: Mapped[str | None] = mapped_column(String(20))

    customer: Mapped[Customer] = relationship(back_populates="phones")


class CustomerAddress(Base):
    __tablename__ = "customer_addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(String(300))
    area: Mapped[str | None] = mapped_column(String(60), index=True)  # service area

    customer: Mapped[Customer] = relationship(back_populates="addresses")


class Appliance(Base):
    __tablename__ = "appliances"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    category: Mapped[str] = mapped_column(String(40))  # 空调, 洗衣机, ...
    brand: Mapped[str | None] = mapped_column(String(40))
    model: Mapped[str] = mapped_column(String(60), index=True)
    serial: Mapped[str | None] = mapped_column(String(60), index=True)
    purchase_date: Mapped[date | None]
    warranty_end: Mapped[date | None]
    installed_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]

    customer: Mapped[Customer] = relationship(back_populates="appliances")


# The search box finds an appliance by its serial whatever the case typed.
Index("ix_appliances_serial_upper", func.upper(Appliance.serial))


class CustomerMerge(Base):
    """A manager's merge of a duplicate into a survivor, with what moved, for undo."""

    __tablename__ = "customer_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    moved: Mapped[dict[str, Any]] = mapped_column(JSONType)  # table -> list of row ids
    merged_at: Mapped[datetime]
    merged_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


# Search structures that only one engine has, made by migration 0002 and left out
# of the models because autogenerate can express neither: PostgreSQL's GIN indexes
# (pg_trgm for infix LIKE, single characters for one- and two-character queries)
# and SQLite's FTS5 trigram tables (with their shadow tables and triggers). The
# migration environment and the drift test skip them (``include_in_autogenerate``).
ENGINE_SPECIFIC_SEARCH_INDEXES = frozenset(
    {
        "ix_customer_addresses_text_trgm",
        "ix_customer_addresses_text_chars",
        "ix_customer_phones_normalized_trgm",
    }
)
ENGINE_SPECIFIC_SEARCH_TABLES = ("customer_addresses_fts", "customer_phones_fts")


def include_in_autogenerate(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Alembic ``include_object`` hook: False for the engine-specific search structures."""
    if type_ == "index" and name in ENGINE_SPECIFIC_SEARCH_INDEXES:
        return False
    return not (type_ == "table" and name and name.startswith(ENGINE_SPECIFIC_SEARCH_TABLES))


class Technician(Base):
    __tablename__ = "technicians"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    skills: Mapped[list[str]] = mapped_column(JSONType, default=list)  # ticket kinds / categories
    areas: Mapped[list[str]] = mapped_column(JSONType, default=list)  # service areas covered
    work_start: Mapped[time] = mapped_column(Time, default=time(8, 30))
    work_end: Mapped[time] = mapped_column(Time, default=time(18, 0))
    daily_capacity: Mapped[int] = mapped_column(default=6)  # visits per day
    emergency_reserve: Mapped[int] = mapped_column(default=1)  # of which kept for emergencies
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
