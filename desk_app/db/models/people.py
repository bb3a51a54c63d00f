"""Users, customers with their phones, addresses and appliances, and technicians."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ForeignKey, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.db.base import Base, JSONType, str_enum
from desk_app.domain.enums import Role


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    language: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    # Pinyin search keys (space-separated alternatives), see domain.pinyin.
    name_pinyin: Mapped[str] = mapped_column(String(400), index=True, default="")
    name_initials: Mapped[str] = mapped_column(String(100), index=True, default="")
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

    __mapper_args__ = {"version_id_col": version}


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
