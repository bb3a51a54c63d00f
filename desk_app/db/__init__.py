"""Persistence: the ORM schema, engines for SQLite and PostgreSQL, migrations."""
