"""Refusal templates of the tickets area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {}
