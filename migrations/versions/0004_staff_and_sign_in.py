"""staff and sign-in: several roles per user, service areas, sign-in guard

- ``user_roles``: every role a user holds (``users.role`` stays the main one, shown
  beside the name, and is copied in here for every existing user).
- ``users.must_change_password`` (a manager set or reset the password: the next
  sign-in asks for a new one) and ``users.password_changed_at``.
- ``service_areas``: the areas the shop serves, seeded from the areas technicians
  already list, so dispatch filters and the technician form choose from one list.
- ``sign_in_guard``: failed sign-ins in a row per typed name and the lock that
  follows; kept per name typed, known or not, so the two cannot be told apart.

Revision ID: 0004_staff_and_sign_in
Revises: 0003_visits_no_overlap
Create Date: 2026-12-07 23:30:00
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk_app.db.base import UTCDateTime

revision: str = "0004_staff_and_sign_in"
down_revision: str | None = "0003_visits_no_overlap"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = ("clerk", "dispatcher", "parts_clerk", "followup", "manager", "technician")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch.add_column(
            sa.Column("password_changed_at", UTCDateTime(timezone=True), nullable=True)
        )
    op.create_table(
        "user_roles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(*ROLES, name="role", native_enum=False, length=24),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_roles_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_user_roles")),
    )
    op.execute("INSERT INTO user_roles (user_id, role) SELECT id, role FROM users")
    op.create_table(
        "service_areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_areas")),
        sa.UniqueConstraint("name", name=op.f("uq_service_areas_name")),
    )
    bind = op.get_bind()
    names: set[str] = set()
    for (areas,) in bind.execute(sa.text("SELECT areas FROM technicians")):
        listed = json.loads(areas) if isinstance(areas, str) else areas
        names.update(a.strip() for a in listed or [] if a and a.strip())
    if names:
        table = sa.table(
            "service_areas",
            sa.column("name", sa.String),
            sa.column("active", sa.Boolean),
            sa.column("version", sa.Integer),
        )
        op.bulk_insert(
            table, [{"name": n[:60], "active": True, "version": 1} for n in sorted(names)]
        )
    op.create_table(
        "sign_in_guard",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("locked_until", UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_sign_in_guard")),
    )


def downgrade() -> None:
    op.drop_table("sign_in_guard")
    op.drop_table("service_areas")
    op.drop_table("user_roles")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("password_changed_at")
        batch.drop_column("must_change_password")
