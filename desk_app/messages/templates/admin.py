"""Refusal templates of the admin area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {}
