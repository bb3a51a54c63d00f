"""Refusal templates of the paperwork area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {}
