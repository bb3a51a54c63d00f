"""Refusal templates of the stock area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {}
