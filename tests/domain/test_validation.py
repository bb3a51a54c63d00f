"""Text and choices at the edges: NUL, lone surrogates and values outside a set are refused."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import TicketKind, Urgency
from desk_app.domain.errors import ValidationError
from desk_app.domain.validation import choice, clean_text, search_text
from desk_app.messages import render

UNSTORABLE = ["a\x00b", "\x00", "\ud800", "王\udfff", "x\ud83d"]


@pytest.mark.parametrize("text", UNSTORABLE)
def test_nul_and_lone_surrogates_are_refused_in_fields(text: str) -> None:
    for multiline in (False, True):
        with pytest.raises(ValidationError) as err:
            clean_text(text, "notes", max_length=100, multiline=multiline)
        assert (err.value.field, err.value.code) == ("notes", "field.control_characters")


@pytest.mark.parametrize("text", UNSTORABLE)
def test_nul_and_lone_surrogates_are_refused_in_search_boxes(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        search_text(text)
    assert (err.value.field, err.value.code) == ("query", "field.control_characters")


def test_search_text_trims_and_limits() -> None:
    assert search_text("  王  ") == "王"
    assert search_text(None) == ""
    assert search_text("😀 空调") == "😀 空调"  # a real pair of surrogates is one character
    with pytest.raises(ValidationError) as err:
        search_text("x" * 101)
    assert (err.value.code, err.value.values) == ("field.too_long", {"limit": 100})


def test_choice_takes_members_and_their_values() -> None:
    assert choice(TicketKind, TicketKind.REPAIR, "kind") is TicketKind.REPAIR
    assert choice(TicketKind, "repair", "kind") is TicketKind.REPAIR


@pytest.mark.parametrize("value", ["bogus", "", None, 3, "repair\x00", ["repair"]])
def test_choice_refuses_anything_outside_the_set(value: object) -> None:
    with pytest.raises(ValidationError) as err:
        choice(Urgency, value, "urgency")
    assert (err.value.field, err.value.code) == ("urgency", "field.not_a_choice")


def test_the_new_refusals_read_in_chinese() -> None:
    assert render(ValidationError("kind", "field.not_a_choice"), language="zh_CN") == (
        "请从给出的选项中选择。"
    )
    assert render(ValidationError("id", "field.number_out_of_range"), language="zh_CN") == (
        "数字超出了可以保存的范围。"
    )
