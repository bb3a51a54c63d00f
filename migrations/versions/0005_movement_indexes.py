"""movement indexes: the parts of a ticket and a handler's complaints without a full scan

- ``stock_movements.requisition_line_id``: opening a ticket with parts read the
  movements of its requisition lines by a sequential scan of every movement (43 ms at
  2,000,000 movements).
- ``complaints.assigned_to``: the complaint list's "mine" filter.

Revision ID: 0005_movement_indexes
Revises: 0004_staff_and_sign_in
Create Date: 2026-12-07 23:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005_movement_indexes"
down_revision: str | None = "0004_staff_and_sign_in"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_stock_movements_requisition_line_id"),
        "stock_movements",
        ["requisition_line_id"],
    )
    op.create_index(op.f("ix_complaints_assigned_to"), "complaints", ["assigned_to"])


def downgrade() -> None:
    op.drop_index(op.f("ix_complaints_assigned_to"), table_name="complaints")
    op.drop_index(op.f("ix_stock_movements_requisition_line_id"), table_name="stock_movements")
