"""Refusal templates of the paperwork area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "paperwork.unknown_language": (
        "Language must be one of {languages}.",
        "语言必须是以下之一：{languages}。",
    ),
}
