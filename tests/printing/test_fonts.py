"""Font discovery: a TrueType CJK font is found, checked, registered once, and embedded."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from desk_app.messages import render
from desk_app.printing import (
    FontNotFound,
    load_fonts,
    render_checked,
    render_pdf,
    render_work_order,
)
from desk_app.printing.errors import PrintingError
from desk_app.printing.fonts import PrintFonts, replaced_characters
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


def test_emoji_is_printed_not_refused(print_fonts: PrintFonts) -> None:
    result = render_checked(work_order(notes="客户很满意😊"), HEADER)
    if result.replaced:
        pytest.skip("no font on this machine has the emoji")  # then the marker test applies
    assert "😊" in _text(result.pdf)
    assert result.warning() is None


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _fonts_used(pdf: bytes) -> set[str]:
    used: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            used.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return used


def test_extension_b_name_and_emoji_note_print_in_fallback_fonts(print_fonts: PrintFonts) -> None:
    # 𠮷 (U+20BB7, CJK Extension B) and 😀 (U+1F600): the main CJK font has neither
    assert print_fonts.missing("吉𠮷😀") == "😀𠮷"
    result = render_checked(work_order(customer_name="吉𠮷", notes="客户很满意😀"), HEADER)
    assert result.replaced == ""  # CI installs fonts-hanazono / fonts-dejavu-core
    assert result.warning() is None
    assert len(PdfReader(io.BytesIO(result.pdf)).pages) == 1
    text = _text(result.pdf)
    assert "吉𠮷" in text  # copied out of the PDF as the real character, not a box
    assert "客户很满意😀" in text
    assert "[U+" not in text
    assert len(_fonts_used(result.pdf)) >= 2  # the main font and at least one fallback


def test_a_character_no_font_has_prints_a_marker_and_warns(print_fonts: PrintFonts) -> None:
    nobody = "\U0010fffd"  # a private-use code point of plane 16: no font maps it
    data = work_order(customer_name=f"张{nobody}", notes="客户很满意😀")
    result = render_checked(data, HEADER)  # printed, not refused
    assert result.replaced == nobody
    text = _text(result.pdf)
    assert "张[U+10FFFD]" in text
    assert result.warning() == ("print.characters_replaced", {"chars": f"{nobody} [U+10FFFD]"})
    code, values = result.warning() or ("", {})
    assert render(code, values, language="zh_CN") == (
        f"已打印，但已安装的字体都没有以下字符，每个都以其代码代替打印：{nobody} [U+10FFFD]。"
    )
    # render_pdf gives the same PDF without the warning
    assert len(PdfReader(io.BytesIO(render_pdf(data, HEADER))).pages) == 1


def test_canvas_text_gets_the_marker_too(print_fonts: PrintFonts) -> None:
    with replaced_characters() as chars:
        assert print_fonts.plain("A😀1") == "A[U+1F600]1"
    assert chars == {"😀"}
    assert print_fonts.plain("A😀1") == "A[U+1F600]1"  # outside a collection: no error


def test_no_printing_refusal_is_about_characters() -> None:
    import desk_app.printing.errors as errors

    kinds = [v for v in vars(errors).values() if isinstance(v, type)]
    assert "MissingGlyphs" not in {k.__name__ for k in kinds if issubclass(k, PrintingError)}


def test_invisible_format_characters_are_dropped(print_fonts: PrintFonts) -> None:
    assert print_fonts.markup("张\u200b三\ufeff") == "张三"


def test_markup_escapes_and_keeps_line_breaks(print_fonts: PrintFonts) -> None:
    assert print_fonts.markup("a<b>&c\n第二行") == "a&lt;b&gt;&amp;c<br/>第二行"


def test_rare_character_is_set_in_a_fallback_font(print_fonts: PrintFonts) -> None:
    rare = "\u3400"  # CJK Extension A, outside the GBK set most fonts cover
    if not print_fonts.missing(rare):
        pytest.skip("the main font already has the character")
    with replaced_characters() as replaced:
        markup = print_fonts.markup(f"客户{rare}先生")
    if replaced:
        pytest.skip("no second CJK font on this machine has the character")
    assert markup.startswith("客户<font face=") and markup.endswith(f">{rare}</font>先生")
