"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 11:25:32.467994
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from desk_app.db.base import UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "complaint_standards",
        sa.Column(
            "severity",
            sa.Enum("low", "medium", "high", name="severity", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("answer_hours", sa.Double(), nullable=False),
        sa.Column("solution_hours", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("severity", name=op.f("pk_complaint_standards")),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("operation", sa.String(length=40), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_idempotency_keys")),
    )
    op.create_table(
        "number_sequences",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("day", sa.String(length=8), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", "day", name=op.f("pk_number_sequences")),
    )
    op.create_table(
        "parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("barcode", sa.String(length=60), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("spec", sa.String(length=100), nullable=True),
        sa.Column(
            "compatible_models",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("bin_location", sa.String(length=30), nullable=True),
        sa.Column("reorder_point", sa.Integer(), nullable=False),
        sa.Column("reorder_qty", sa.Integer(), nullable=False),
        sa.Column("serialized", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "cost_cents >= 0 AND price_cents >= 0 AND reorder_point >= 0 AND reorder_qty >= 0",
            name=op.f("ck_parts_non_negative"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parts")),
        sa.UniqueConstraint("barcode", name=op.f("uq_parts_barcode")),
        sa.UniqueConstraint("code", name=op.f("uq_parts_code")),
    )
    with op.batch_alter_table("parts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parts_name"), ["name"], unique=False)

    op.create_table(
        "service_standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "repair",
                "installation",
                "maintenance",
                "consultation",
                "return_exchange",
                "return_to_factory",
                name="ticketkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "urgency",
            sa.Enum("normal", "urgent", "critical", name="urgency", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("respond_hours", sa.Double(), nullable=False),
        sa.Column("visit_hours", sa.Double(), nullable=False),
        sa.Column("repair_hours", sa.Double(), nullable=False),
        sa.Column("working_hours_only", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "respond_hours > 0 AND visit_hours > 0 AND repair_hours > 0",
            name=op.f("ck_service_standards_positive"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_standards")),
        sa.UniqueConstraint("kind", "urgency", name=op.f("uq_service_standards_kind_urgency")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=60), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "clerk",
                "dispatcher",
                "parts_clerk",
                "followup",
                "manager",
                "technician",
                name="role",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column(
            "details",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_log_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_log_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_user_id"), ["user_id"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_change_log_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_pinyin", sa.String(length=400), nullable=False),
        sa.Column("name_initials", sa.String(length=100), nullable=False),
        sa.Column("company", sa.String(length=100), nullable=True),
        sa.Column("service_area", sa.String(length=60), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_customers_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["customers.id"], name=op.f("fk_customers_merged_into_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_customers_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customers_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_customers_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_customers_name_initials"), ["name_initials"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_customers_name_pinyin"), ["name_pinyin"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_customers_service_area"), ["service_area"], unique=False
        )

    op.create_table(
        "knowledge_articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=True),
        sa.Column("model", sa.String(length=60), nullable=True),
        sa.Column("symptom", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=True),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("keywords", sa.String(length=300), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_knowledge_articles_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_articles")),
    )
    with op.batch_alter_table("knowledge_articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_knowledge_articles_model"), ["model"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column(
            "value",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_settings_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "technicians",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column(
            "skills",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "areas",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("work_start", sa.Time(), nullable=False),
        sa.Column("work_end", sa.Time(), nullable=False),
        sa.Column("daily_capacity", sa.Integer(), nullable=False),
        sa.Column("emergency_reserve", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_technicians_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_technicians")),
    )
    op.create_table(
        "appliances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("brand", sa.String(length=40), nullable=True),
        sa.Column("model", sa.String(length=60), nullable=False),
        sa.Column("serial", sa.String(length=60), nullable=True),
        sa.Column("purchase_date", sa.Date(), nullable=True),
        sa.Column("warranty_end", sa.Date(), nullable=True),
        sa.Column("installed_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_appliances_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appliances")),
    )
    with op.batch_alter_table("appliances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appliances_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_appliances_model"), ["model"], unique=False)
        batch_op.create_index(batch_op.f("ix_appliances_serial"), ["serial"], unique=False)

    op.create_table(
        "customer_addresses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("area", sa.String(length=60), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_addresses_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_addresses")),
    )
    with op.batch_alter_table("customer_addresses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_addresses_area"), ["area"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_customer_addresses_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "customer_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column(
            "moved",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("merged_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("merged_by", sa.Integer(), nullable=False),
        sa.Column("undone_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["merged_by"], ["users.id"], name=op.f("fk_customer_merges_merged_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["merged_id"], ["customers.id"], name=op.f("fk_customer_merges_merged_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["survivor_id"], ["customers.id"], name=op.f("fk_customer_merges_survivor_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["undone_by"], ["users.id"], name=op.f("fk_customer_merges_undone_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_merges")),
    )
    with op.batch_alter_table("customer_merges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_merges_merged_id"), ["merged_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_customer_merges_survivor_id"), ["survivor_id"], unique=False
        )

    op.create_table(
        "customer_phones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("raw", sa.String(length=40), nullable=False),
        sa.Column("normalized", sa.String(length=20), nullable=False),
        sa.Column("last4", sa.String(length=4), nullable=False),
        sa.Column("extension", sa.String(length=10), nullable=True),
        sa.Column("label", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_phones_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_phones")),
    )
    with op.batch_alter_table("customer_phones", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_phones_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_customer_phones_last4"), ["last4"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_customer_phones_normalized"), ["normalized"], unique=False
        )

    op.create_table(
        "stock_locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "store", "van", "damaged", name="stocklocationkind", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("technician_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_stock_locations_technician_id_technicians"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_locations")),
        sa.UniqueConstraint("code", name=op.f("uq_stock_locations_code")),
    )
    op.create_table(
        "stock_levels",
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.CheckConstraint("on_hand >= 0", name=op.f("ck_stock_levels_on_hand_non_negative")),
        sa.CheckConstraint("reserved >= 0", name=op.f("ck_stock_levels_reserved_non_negative")),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["stock_locations.id"],
            name=op.f("fk_stock_levels_location_id_stock_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_stock_levels_part_id_parts")
        ),
        sa.PrimaryKeyConstraint("part_id", "location_id", name=op.f("pk_stock_levels")),
    )
    op.create_table(
        "stocktakes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("posted_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("posted_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_stocktakes_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["stock_locations.id"],
            name=op.f("fk_stocktakes_location_id_stock_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["posted_by"], ["users.id"], name=op.f("fk_stocktakes_posted_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktakes")),
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "repair",
                "installation",
                "maintenance",
                "consultation",
                "return_exchange",
                "return_to_factory",
                name="ticketkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "urgency",
            sa.Enum("normal", "urgent", "critical", name="urgency", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "dispatched",
                "appointed",
                "in_service",
                "waiting_parts",
                "waiting_customer",
                "completed",
                "followed_up",
                "closed",
                "cancelled",
                name="ticketstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum(
                "phone", "walk_in", "online", "letter", name="channel", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("appliance_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("area", sa.String(length=60), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("fault_description", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "warranty",
            sa.Enum(
                "in",
                "expiring",
                "out",
                "unknown",
                name="warrantystatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("chargeable", sa.Boolean(), nullable=False),
        sa.Column("misuse", sa.Boolean(), nullable=False),
        sa.Column("preferred_start", UTCDateTime(timezone=True), nullable=True),
        sa.Column("preferred_end", UTCDateTime(timezone=True), nullable=True),
        sa.Column("technician_id", sa.Integer(), nullable=True),
        sa.Column("appointment_start", UTCDateTime(timezone=True), nullable=True),
        sa.Column("appointment_end", UTCDateTime(timezone=True), nullable=True),
        sa.Column("received_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("responded_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("arrived_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("completed_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("respond_hours", sa.Double(), nullable=False),
        sa.Column("visit_hours", sa.Double(), nullable=False),
        sa.Column("repair_hours", sa.Double(), nullable=False),
        sa.Column("working_hours_only", sa.Boolean(), nullable=False),
        sa.Column("respond_due", UTCDateTime(timezone=True), nullable=True),
        sa.Column("visit_due", UTCDateTime(timezone=True), nullable=True),
        sa.Column("repair_due", UTCDateTime(timezone=True), nullable=True),
        sa.Column("fault_cause", sa.Text(), nullable=True),
        sa.Column("work_done", sa.Text(), nullable=True),
        sa.Column("resolved", sa.Boolean(), nullable=True),
        sa.Column("visit_count", sa.Integer(), nullable=False),
        sa.Column("labour_cents", sa.Integer(), nullable=False),
        sa.Column("parts_cents", sa.Integer(), nullable=False),
        sa.Column("travel_cents", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "labour_cents >= 0 AND parts_cents >= 0 AND travel_cents >= 0",
            name=op.f("ck_tickets_charges"),
        ),
        sa.ForeignKeyConstraint(
            ["appliance_id"], ["appliances.id"], name=op.f("fk_tickets_appliance_id_appliances")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_tickets_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_tickets_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"], ["technicians.id"], name=op.f("fk_tickets_technician_id_technicians")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_tickets_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("number", name=op.f("uq_tickets_number")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_appliance_id"), ["appliance_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_tickets_appointment_start"), ["appointment_start"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_tickets_area"), ["area"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_status"), ["status"], unique=False)
        batch_op.create_index(
            "ix_tickets_status_technician", ["status", "technician_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tickets_technician_id"), ["technician_id"], unique=False
        )

    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_appointments_window")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_appointments_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_appointments_technician_id_technicians"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_appointments_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_appointments_technician_starts", ["technician_id", "starts_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_appointments_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "phone", "walk_in", "online", "letter", name="channel", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column(
            "category",
            sa.Enum(
                "attitude",
                "delay",
                "repair_quality",
                "charges",
                "parts",
                "other",
                name="complaintcategory",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "severity",
            sa.Enum("low", "medium", "high", name="severity", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "investigating",
                "proposed",
                "resolved",
                "closed",
                name="complaintstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("technician_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("received_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("answer_due", UTCDateTime(timezone=True), nullable=False),
        sa.Column("solution_due", UTCDateTime(timezone=True), nullable=False),
        sa.Column("first_answered_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("close_reason", sa.Text(), nullable=True),
        sa.Column("escalated_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("rounds", sa.Integer(), nullable=False),
        sa.Column("resolution_satisfaction", sa.Integer(), nullable=True),
        sa.Column("assigned_to", sa.Integer(), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "resolution_satisfaction IS NULL OR resolution_satisfaction BETWEEN 1 AND 5",
            name=op.f("ck_complaints_satisfaction_range"),
        ),
        sa.ForeignKeyConstraint(
            ["assigned_to"], ["users.id"], name=op.f("fk_complaints_assigned_to_users")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_complaints_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_complaints_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_complaints_technician_id_technicians"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_complaints_ticket_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_complaints_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("number", name=op.f("uq_complaints_number")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaints_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_complaints_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_complaints_technician_id"), ["technician_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_complaints_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "damaged_parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("serial", sa.String(length=60), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("received_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_by", sa.Integer(), nullable=False),
        sa.Column(
            "disposition",
            sa.Enum(
                "pending",
                "scrap",
                "return_to_supplier",
                "manufacturer_claim",
                name="damageddisposition",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("disposition_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("disposition_by", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_damaged_parts_positive")),
        sa.ForeignKeyConstraint(
            ["disposition_by"], ["users.id"], name=op.f("fk_damaged_parts_disposition_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_damaged_parts_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["received_by"], ["users.id"], name=op.f("fk_damaged_parts_received_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_damaged_parts_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_damaged_parts")),
    )
    with op.batch_alter_table("damaged_parts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_damaged_parts_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column(
            "source",
            sa.Enum("form", "call", name="feedbacksource", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("attitude", sa.Integer(), nullable=False),
        sa.Column("professionalism", sa.Integer(), nullable=False),
        sa.Column("timeliness", sa.Integer(), nullable=False),
        sa.Column("effectiveness", sa.Integer(), nullable=False),
        sa.Column("overall", sa.Integer(), nullable=False),
        sa.Column("comments", sa.Text(), nullable=True),
        sa.Column("recorded_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "attitude BETWEEN 1 AND 5 AND professionalism BETWEEN 1 AND 5 AND timeliness BETWEEN 1 AND 5 AND effectiveness BETWEEN 1 AND 5 AND overall BETWEEN 1 AND 5",
            name=op.f("ck_feedback_ratings_range"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["users.id"], name=op.f("fk_feedback_recorded_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_feedback_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
        sa.UniqueConstraint("ticket_id", "source", name=op.f("uq_feedback_ticket_id_source")),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "requisitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "issued",
                "cancelled",
                name="requisitionstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("issued_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_requisitions_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["users.id"], name=op.f("fk_requisitions_issued_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_requisitions_technician_id_technicians"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_requisitions_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requisitions")),
        sa.UniqueConstraint("number", name=op.f("uq_requisitions_number")),
    )
    with op.batch_alter_table("requisitions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_requisitions_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "stocktake_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("frozen_quantity", sa.Integer(), nullable=False),
        sa.Column("counted_quantity", sa.Integer(), nullable=True),
        sa.Column(
            "counted_serials",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_stocktake_lines_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["stocktake_id"],
            ["stocktakes.id"],
            name=op.f("fk_stocktake_lines_stocktake_id_stocktakes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_lines")),
    )
    with op.batch_alter_table("stocktake_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stocktake_lines_stocktake_id"), ["stocktake_id"], unique=False
        )

    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "new",
                "dispatched",
                "appointed",
                "in_service",
                "waiting_parts",
                "waiting_customer",
                "completed",
                "followed_up",
                "closed",
                "cancelled",
                name="ticketstatus",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "new",
                "dispatched",
                "appointed",
                "in_service",
                "waiting_parts",
                "waiting_customer",
                "completed",
                "followed_up",
                "closed",
                "cancelled",
                name="ticketstatus",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_events_ticket_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_ticket_events_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_events_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "ticket_pauses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("started_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "reason",
            sa.Enum(
                "new",
                "dispatched",
                "appointed",
                "in_service",
                "waiting_parts",
                "waiting_customer",
                "completed",
                "followed_up",
                "closed",
                "cancelled",
                name="ticketstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_pauses_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_pauses")),
    )
    with op.batch_alter_table("ticket_pauses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_pauses_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "complaint_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "open",
                "investigating",
                "proposed",
                "resolved",
                "closed",
                name="complaintstatus",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "open",
                "investigating",
                "proposed",
                "resolved",
                "closed",
                name="complaintstatus",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_events_complaint_id_complaints"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_complaint_events_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_events")),
    )
    with op.batch_alter_table("complaint_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_events_complaint_id"), ["complaint_id"], unique=False
        )

    op.create_table(
        "followup_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("called_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("called_by", sa.Integer(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "reached",
                "not_reached",
                "refused",
                name="followupoutcome",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("next_attempt_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("feedback_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["called_by"], ["users.id"], name=op.f("fk_followup_calls_called_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["feedback_id"], ["feedback.id"], name=op.f("fk_followup_calls_feedback_id_feedback")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_followup_calls_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_calls")),
        sa.UniqueConstraint(
            "ticket_id", "attempt", name=op.f("uq_followup_calls_ticket_id_attempt")
        ),
    )
    with op.batch_alter_table("followup_calls", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_followup_calls_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "requisition_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requisition_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("issued_quantity", sa.Integer(), nullable=False),
        sa.Column("returned_quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "issued_quantity >= 0 AND issued_quantity <= quantity AND returned_quantity >= 0 AND returned_quantity <= issued_quantity",
            name=op.f("ck_requisition_lines_issued_range"),
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_requisition_lines_positive")),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["stock_locations.id"],
            name=op.f("fk_requisition_lines_location_id_stock_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_requisition_lines_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["requisition_id"],
            ["requisitions.id"],
            name=op.f("fk_requisition_lines_requisition_id_requisitions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requisition_lines")),
    )
    with op.batch_alter_table("requisition_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_requisition_lines_requisition_id"), ["requisition_id"], unique=False
        )

    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "receipt",
                "issue",
                "return",
                "damaged_return",
                "transfer_out",
                "transfer_in",
                "adjustment",
                "stocktake",
                "reversal",
                name="movementkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_cost_cents", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("requisition_line_id", sa.Integer(), nullable=True),
        sa.Column("stocktake_id", sa.Integer(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("supplier", sa.String(length=100), nullable=True),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("serial_fitted", sa.String(length=60), nullable=True),
        sa.Column("serial_removed", sa.String(length=60), nullable=True),
        sa.Column("transfer_group", sa.String(length=36), nullable=True),
        sa.CheckConstraint("quantity <> 0", name=op.f("ck_stock_movements_non_zero")),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["stock_locations.id"],
            name=op.f("fk_stock_movements_location_id_stock_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_stock_movements_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["requisition_line_id"],
            ["requisition_lines.id"],
            name=op.f("fk_stock_movements_requisition_line_id_requisition_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["stock_movements.id"],
            name=op.f("fk_stock_movements_reverses_id_stock_movements"),
        ),
        sa.ForeignKeyConstraint(
            ["stocktake_id"],
            ["stocktakes.id"],
            name=op.f("fk_stock_movements_stocktake_id_stocktakes"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_stock_movements_ticket_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_stock_movements_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_stock_movements_reverses_id")),
    )
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_movements_at"), ["at"], unique=False)
        batch_op.create_index(
            "ix_stock_movements_part_location", ["part_id", "location_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stock_movements_ticket_id"), ["ticket_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_movements_ticket_id"))
        batch_op.drop_index("ix_stock_movements_part_location")
        batch_op.drop_index(batch_op.f("ix_stock_movements_at"))

    op.drop_table("stock_movements")
    with op.batch_alter_table("requisition_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requisition_lines_requisition_id"))

    op.drop_table("requisition_lines")
    with op.batch_alter_table("followup_calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followup_calls_ticket_id"))

    op.drop_table("followup_calls")
    with op.batch_alter_table("complaint_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_events_complaint_id"))

    op.drop_table("complaint_events")
    with op.batch_alter_table("ticket_pauses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_pauses_ticket_id"))

    op.drop_table("ticket_pauses")
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_events_ticket_id"))

    op.drop_table("ticket_events")
    with op.batch_alter_table("stocktake_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stocktake_lines_stocktake_id"))

    op.drop_table("stocktake_lines")
    with op.batch_alter_table("requisitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requisitions_ticket_id"))

    op.drop_table("requisitions")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_ticket_id"))

    op.drop_table("feedback")
    with op.batch_alter_table("damaged_parts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_damaged_parts_ticket_id"))

    op.drop_table("damaged_parts")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaints_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_complaints_technician_id"))
        batch_op.drop_index(batch_op.f("ix_complaints_status"))
        batch_op.drop_index(batch_op.f("ix_complaints_customer_id"))

    op.drop_table("complaints")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointments_ticket_id"))
        batch_op.drop_index("ix_appointments_technician_starts")

    op.drop_table("appointments")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_technician_id"))
        batch_op.drop_index("ix_tickets_status_technician")
        batch_op.drop_index(batch_op.f("ix_tickets_status"))
        batch_op.drop_index(batch_op.f("ix_tickets_received_at"))
        batch_op.drop_index(batch_op.f("ix_tickets_customer_id"))
        batch_op.drop_index(batch_op.f("ix_tickets_area"))
        batch_op.drop_index(batch_op.f("ix_tickets_appointment_start"))
        batch_op.drop_index(batch_op.f("ix_tickets_appliance_id"))

    op.drop_table("tickets")
    op.drop_table("stocktakes")
    op.drop_table("stock_levels")
    op.drop_table("stock_locations")
    with op.batch_alter_table("customer_phones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_phones_normalized"))
        batch_op.drop_index(batch_op.f("ix_customer_phones_last4"))
        batch_op.drop_index(batch_op.f("ix_customer_phones_customer_id"))

    op.drop_table("customer_phones")
    with op.batch_alter_table("customer_merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_merges_survivor_id"))
        batch_op.drop_index(batch_op.f("ix_customer_merges_merged_id"))

    op.drop_table("customer_merges")
    with op.batch_alter_table("customer_addresses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_addresses_customer_id"))
        batch_op.drop_index(batch_op.f("ix_customer_addresses_area"))

    op.drop_table("customer_addresses")
    with op.batch_alter_table("appliances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appliances_serial"))
        batch_op.drop_index(batch_op.f("ix_appliances_model"))
        batch_op.drop_index(batch_op.f("ix_appliances_customer_id"))

    op.drop_table("appliances")
    op.drop_table("technicians")
    op.drop_table("settings")
    with op.batch_alter_table("knowledge_articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_articles_model"))

    op.drop_table("knowledge_articles")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_service_area"))
        batch_op.drop_index(batch_op.f("ix_customers_name_pinyin"))
        batch_op.drop_index(batch_op.f("ix_customers_name_initials"))
        batch_op.drop_index(batch_op.f("ix_customers_name"))
        batch_op.drop_index(batch_op.f("ix_customers_merged_into_id"))

    op.drop_table("customers")
    op.drop_table("change_log")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_user_id"))
        batch_op.drop_index("ix_audit_log_entity")
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("users")
    op.drop_table("service_standards")
    with op.batch_alter_table("parts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parts_name"))

    op.drop_table("parts")
    op.drop_table("number_sequences")
    op.drop_table("idempotency_keys")
    op.drop_table("complaint_standards")
