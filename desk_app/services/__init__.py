"""Use cases: plain functions over a Database and an acting user; no Qt anywhere here."""
