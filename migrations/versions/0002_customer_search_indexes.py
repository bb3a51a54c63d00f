"""customer search indexes: name keys, infix indexes, upper(serial)

Every kind of match of the customer search becomes an index lookup (see
``desk_app.services.customers.search``):

- ``customer_name_keys``: one row per way of typing a customer's name (the
  normalised name, each pinyin and initials alternative), filled here for the
  customers already there, with indexes by key and by first character (both
  carrying the name); the unused indexes on ``customers.name_pinyin`` and
  ``name_initials`` go.
- ``ix_appliances_serial_upper`` on ``upper(serial)``.
- PostgreSQL: the pg_trgm extension (trusted: the database owner may create it) and
  GIN indexes for infix LIKE on addresses and phone numbers, plus one on an
  address's characters for queries too short for trigrams.
- SQLite: contentless FTS5 trigram tables over addresses (ASCII-lowercased, padded
  with two U+0001) and phone numbers, kept by triggers, and a vocabulary table.

The engine-specific structures have no model; ``db.models.people.include_in_autogenerate``
keeps autogenerate away from them. Downgrade leaves the pg_trgm extension installed
(other schemas may use it).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 13:00:00
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk_app.services.customers.search import name_search_keys

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What the SQLite triggers index for a row: see services.customer_search.
_ADDRESS_INDEXED = "lower({row}.text) || char(1, 1)"
_PHONE_INDEXED = "{row}.normalized"
_FTS = (
    # (FTS table, source table, indexed column, indexed expression)
    ("customer_addresses_fts", "customer_addresses", "text", _ADDRESS_INDEXED),
    ("customer_phones_fts", "customer_phones", "normalized", _PHONE_INDEXED),
)


def upgrade() -> None:
    op.create_table(
        "customer_name_keys",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "key",
            sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_name_keys_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", "key", name=op.f("pk_customer_name_keys")),
    )
    _fill_name_keys()
    op.create_index(
        "ix_customer_name_keys_key", "customer_name_keys", ["key", "name", "customer_id"]
    )
    op.create_index(
        "ix_customer_name_keys_initial",
        "customer_name_keys",
        [sa.text("substr(key, 1, 1)"), "name", "customer_id"],
    )
    op.drop_index("ix_customers_name_pinyin", table_name="customers")
    op.drop_index("ix_customers_name_initials", table_name="customers")
    op.create_index("ix_appliances_serial_upper", "appliances", [sa.text("upper(serial)")])
    if op.get_bind().dialect.name == "postgresql":
        _postgres_upgrade()
    else:
        _sqlite_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_customer_phones_normalized_trgm", table_name="customer_phones")
        op.drop_index("ix_customer_addresses_text_chars", table_name="customer_addresses")
        op.drop_index("ix_customer_addresses_text_trgm", table_name="customer_addresses")
    else:
        for fts, source, _column, _indexed in _FTS:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {source}_fts_{event}")
            if fts == "customer_addresses_fts":
                op.execute("DROP TABLE IF EXISTS customer_addresses_fts_vocab")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.drop_index("ix_appliances_serial_upper", table_name="appliances")
    op.create_index("ix_customers_name_initials", "customers", ["name_initials"])
    op.create_index("ix_customers_name_pinyin", "customers", ["name_pinyin"])
    op.drop_index("ix_customer_name_keys_initial", table_name="customer_name_keys")
    op.drop_index("ix_customer_name_keys_key", table_name="customer_name_keys")
    op.drop_table("customer_name_keys")


def _fill_name_keys() -> None:
    """Keys for the customers already there, computed as the app computes them now."""
    bind = op.get_bind()
    keys = sa.table(
        "customer_name_keys", sa.column("customer_id"), sa.column("key"), sa.column("name")
    )
    by_name: dict[str, list[str]] = {}
    rows: list[dict[str, object]] = []
    for customer_id, name in bind.execute(sa.text("SELECT id, name FROM customers")):
        if name not in by_name:
            by_name[name] = name_search_keys(name)
        rows.extend({"customer_id": customer_id, "key": k, "name": name} for k in by_name[name])
        if len(rows) >= 10_000:
            bind.execute(keys.insert(), rows)
            rows = []
    if rows:
        bind.execute(keys.insert(), rows)


def _postgres_upgrade() -> None:
    bind = op.get_bind()
    if bind.scalar(sa.text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")) == 0:
        try:
            op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError as error:
            raise RuntimeError(
                "The customer search needs PostgreSQL's pg_trgm extension (in the contrib "
                "package). Install it on the server, or have the database owner or a "
                f"superuser run CREATE EXTENSION pg_trgm in this database. ({error.orig})"
            ) from error
    op.create_index(
        "ix_customer_addresses_text_trgm",
        "customer_addresses",
        ["text"],
        postgresql_using="gin",
        postgresql_ops={"text": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_customer_addresses_text_chars",
        "customer_addresses",
        [sa.text("string_to_array(text, NULL)")],
        postgresql_using="gin",
    )
    op.create_index(
        "ix_customer_phones_normalized_trgm",
        "customer_phones",
        ["normalized"],
        postgresql_using="gin",
        postgresql_ops={"normalized": "gin_trgm_ops"},
    )


def _sqlite_upgrade() -> None:
    if sqlite3.sqlite_version_info < (3, 34, 0):
        raise RuntimeError(
            f"The customer search needs SQLite 3.34 or later (FTS5 trigram); "
            f"this Python has {sqlite3.sqlite_version}."
        )
    for fts, source, column, indexed in _FTS:
        new, old = indexed.format(row="new"), indexed.format(row="old")
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='', columnsize=0, "
            "tokenize='trigram case_sensitive 1')"
        )
        insert = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, {new});"
        delete = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, {old});"
        op.execute(
            f"CREATE TRIGGER {source}_fts_insert AFTER INSERT ON {source} BEGIN {insert} END"
        )
        op.execute(
            f"CREATE TRIGGER {source}_fts_delete AFTER DELETE ON {source} BEGIN {delete} END"
        )
        op.execute(
            f"CREATE TRIGGER {source}_fts_update AFTER UPDATE OF id, {column} ON {source} "
            f"BEGIN {delete} {insert} END"
        )
        op.execute(
            f"INSERT INTO {fts}(rowid, {column}) "
            f"SELECT id, {indexed.format(row=source)} FROM {source}"
        )
    op.execute(
        "CREATE VIRTUAL TABLE customer_addresses_fts_vocab "
        "USING fts5vocab(customer_addresses_fts, 'row')"
    )
