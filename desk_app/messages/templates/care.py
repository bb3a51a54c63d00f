"""Refusal templates of the care area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {}
