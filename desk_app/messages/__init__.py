"""What a refusal says: one table of translated templates, code → (English, 简体中文).

Services and domain raise ``DeskError`` subclasses that carry a code and values; the UI
and the CLI call ``render`` to turn one into a sentence in the clerk's language, with
times in the shop's zone and numbers, money and record names written the same way
everywhere. Nothing here imports Qt, so the CLI renders exactly what the screens show.
"""

from desk_app.messages.render import CHINESE, ENGLISH, LANGUAGES, has_template, render, templates

__all__ = ["CHINESE", "ENGLISH", "LANGUAGES", "has_template", "render", "templates"]
