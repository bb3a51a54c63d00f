"""Font discovery: a TrueType CJK font is found, checked, registered once, and embedded."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desk_app.printing import FontNotFound, MissingGlyphs, load_fonts, render_work_order
from desk_app.printing.fonts import PrintFonts
from tests.printing.print_samples import HEADER, work_order


def test_found_font_is_truetype_with_chinese(print_fonts: PrintFonts) -> None:
    assert Path(print_fonts.path).suffix.lower() in (".ttf", ".ttc")
    assert print_fonts.missing("派工单服务反馈单配件领用单盘点表客户签字非常满意¥0123") == ""


def test_fonts_are_registered_once_per_process(print_fonts: PrintFonts) -> None:
    assert load_fonts() is print_fonts
    assert load_fonts() is load_fonts()


def test_explicit_path_is_used_and_face_index_accepted(print_fonts: PrintFonts) -> None:
    fonts = load_fonts(f"{print_fonts.path}#{print_fonts.subfont_index}")
    assert fonts.path == print_fonts.path
    assert fonts.source == "argument"


def test_bad_env_path_raises_font_not_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-font.ttf"
    monkeypatch.setenv("DESK_PRINT_FONT", str(missing))
    with pytest.raises(FontNotFound) as err:
        render_work_order(work_order(), HEADER, io.BytesIO())
    message = str(err.value)
    assert str(missing) in message
    assert "DESK_PRINT_FONT" in message  # tells the clerk's IT person what to set


def test_cff_otf_is_refused_with_the_reason(tmp_path: Path) -> None:
    otf = tmp_path / "SourceHanSans-Like.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 256)  # the sfnt tag of CFF-outline fonts
    with pytest.raises(FontNotFound, match="CFF"):
        load_fonts(otf)


def test_font_without_chinese_is_refused(tmp_path: Path) -> None:
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not latin.exists():
        pytest.skip("DejaVuSans.ttf not installed")
    with pytest.raises(FontNotFound, match="lacks characters"):
        load_fonts(latin)


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font" * 20)
    with pytest.raises(FontNotFound):
        load_fonts(junk)


def test_emoji_refused_instead_of_printing_an_empty_box(print_fonts: PrintFonts) -> None:
    with pytest.raises(MissingGlyphs) as err:
        render_work_order(work_order(notes="客户很满意😊"), HEADER, io.BytesIO())
    assert err.value.chars == "😊"


def test_invisible_format_characters_are_dropped(print_fonts: PrintFonts) -> None:
    assert print_fonts.markup("张\u200b三\ufeff") == "张三"


def test_markup_escapes_and_keeps_line_breaks(print_fonts: PrintFonts) -> None:
    assert print_fonts.markup("a<b>&c\n第二行") == "a&lt;b&gt;&amp;c<br/>第二行"


def test_rare_character_is_set_in_a_fallback_font(print_fonts: PrintFonts) -> None:
    rare = "\u3400"  # CJK Extension A, outside the GBK set most fonts cover
    if not print_fonts.missing(rare):
        pytest.skip("the main font already has the character")
    try:
        markup = print_fonts.markup(f"客户{rare}先生")
    except MissingGlyphs:
        pytest.skip("no second CJK font on this machine has the character")
    assert markup.startswith("客户<font face=") and markup.endswith(f">{rare}</font>先生")
