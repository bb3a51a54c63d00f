"""Phone normalisation: every way a clerk writes a number finds the same caller."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desk_app.domain.errors import ValidationError
from desk_app.domain.phones import (
    MIN_QUERY_DIGITS,
    Phone,
    PhoneKind,
    normalize_area_code,
    normalize_phone,
    phone_query_digits,
)
from desk_app.messages import has_template, render

MOBILE = PhoneKind.MOBILE
LANDLINE = PhoneKind.LANDLINE
SERVICE = PhoneKind.SERVICE

_FULL_WIDTH = str.maketrans("0123456789-()+./ ", "０１２３４５６７８９－（）＋．／\u3000")


def full_width(text: str) -> str:
    return text.translate(_FULL_WIDTH)


# --- the same number written many ways -------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "138.1234.5678",
        "138/1234/5678",
        "(138) 1234 5678",
        "+86 138-1234-5678",
        "+8613812345678",
        "+86-138 1234 5678",
        "(+86) 138 1234 5678",
        "0086 13812345678",
        "0086-138-1234-5678",
        "86 13812345678",
        "8613812345678",
        "013812345678",  # dialled long-distance from a landline
        "+86 0138 1234 5678",
        "１３８１２３４５６７８",
        "１３８－１２３４－５６７８",
        "＋８６　１３８　１２３４　５６７８",
        "138—1234—5678",  # em dash from a Chinese input method
        "  138 1234 5678\t",
    ],
)
def test_mobile_variants_normalise_to_eleven_digits(raw: str) -> None:
    phone = normalize_phone(raw)
    assert phone.normalized == "13812345678"
    assert phone.kind is MOBILE
    assert phone.extension is None
    assert phone.raw == raw.strip()


@pytest.mark.parametrize(
    "raw",
    [
        "01062345678",
        "010-62345678",
        "010 6234 5678",
        "(010)62345678",
        "(010) 6234-5678",
        "（０１０）６２３４５６７８",
        "010/62345678",
        "010.6234.5678",
        "+86 10 6234 5678",
        "+86-10-62345678",
        "+86 (0)10 6234 5678",
        "0086 10 62345678",
        "86 10 6234 5678",
        "861062345678",
    ],
)
def test_beijing_landline_variants_normalise_with_area_code(raw: str) -> None:
    phone = normalize_phone(raw)
    assert phone.normalized == "01062345678"
    assert phone.kind is LANDLINE
    assert phone.extension is None


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("0755-88886666", "075588886666"),
        ("(0755) 8888 6666", "075588886666"),
        ("+86 755 8888 6666", "075588886666"),
        ("8675588886666", "075588886666"),
        ("0755-8886666", "07558886666"),  # 4-digit area codes allow 7-digit numbers
        ("020-87654321", "02087654321"),
        ("+86 21 6234 5678", "02162345678"),
        ("0571 8765 4321", "057187654321"),
        ("0951-5012345", "09515012345"),  # 095x is an area code, not a 95xxx number
    ],
)
def test_landlines_across_area_code_lengths(raw: str, normalized: str) -> None:
    phone = normalize_phone(raw)
    assert phone.normalized == normalized
    assert phone.kind is LANDLINE


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("400-800-8888", "4008008888"),
        ("4008008888", "4008008888"),
        ("400 1234 567", "4001234567"),
        ("800-820-8820", "8008208820"),
        ("+86 400 800 8888", "4008008888"),
        ("95588", "95588"),
        ("955 88", "95588"),
        ("955880", "955880"),
    ],
)
def test_service_numbers(raw: str, normalized: str) -> None:
    phone = normalize_phone(raw)
    assert phone.normalized == normalized
    assert phone.kind is SERVICE


# --- extensions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalized", "extension"),
    [
        ("010-62345678转123", "01062345678", "123"),
        ("010-62345678 转 123", "01062345678", "123"),
        ("010-62345678，转123", "01062345678", "123"),
        ("０１０－６２３４５６７８转１２３", "01062345678", "123"),
        ("010-62345678 分机 8001", "01062345678", "8001"),
        ("0755-88886666 ext 123", "075588886666", "123"),
        ("0755-88886666 Ext. 123", "075588886666", "123"),
        ("0755-88886666 EXT123", "075588886666", "123"),
        ("0755-88886666x123", "075588886666", "123"),
        ("0755-88886666 #123", "075588886666", "123"),
        ("010-62345678-123", "01062345678", "123"),
        ("0755-8888 6666-8", "075588886666", "8"),
        ("400-800-8888转2", "4008008888", "2"),
    ],
)
def test_extensions_are_split_off(raw: str, normalized: str, extension: str) -> None:
    phone = normalize_phone(raw)
    assert phone.normalized == normalized
    assert phone.extension == extension


def test_dash_groups_of_a_complete_number_are_not_an_extension() -> None:
    # The whole text is tried first, so "-6666" stays part of the local number.
    phone = normalize_phone("0755-8888-6666")
    assert phone.normalized == "075588886666"
    assert phone.extension is None


def test_dash_extension_is_only_read_after_a_landline() -> None:
    with pytest.raises(ValidationError):
        normalize_phone("138-1234-5678-12")


def test_mobile_with_extension_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone("13812345678转1")
    assert caught.value.code == "phone.mobile_extension"


# --- local numbers and the desk's area code --------------------------------------------


def test_local_number_without_default_area_code_asks_for_it() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone("6234 5678")
    assert caught.value.field == "phone"
    assert caught.value.code == "phone.area_code_missing"


@pytest.mark.parametrize(
    ("raw", "area", "normalized"),
    [
        ("62345678", "010", "01062345678"),
        ("6234-5678", "10", "01062345678"),
        ("88886666", "0755", "075588886666"),
        ("888 6666", "0755", "07558886666"),
        ("888 6666", "７５５", "07558886666"),
    ],
)
def test_local_number_takes_the_default_area_code(raw: str, area: str, normalized: str) -> None:
    phone = normalize_phone(raw, default_area_code=area)
    assert phone.normalized == normalized
    assert phone.kind is LANDLINE


def test_default_area_code_does_not_touch_full_numbers() -> None:
    assert normalize_phone("13812345678", default_area_code="0755").normalized == "13812345678"
    assert normalize_phone("010-62345678", default_area_code="0755").normalized == "01062345678"
    assert normalize_phone("95588", default_area_code="0755").normalized == "95588"


def test_seven_digit_local_number_is_too_short_for_a_three_digit_area_code() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone("6234567", default_area_code="010")
    assert caught.value.code == "phone.local_too_short"
    assert caught.value.values == {"area": "010", "digits": 8}


def test_invalid_default_area_code_is_reported_on_its_own_field() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone("62345678", default_area_code="0123")
    assert caught.value.field == "area_code"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("010", "010"), ("10", "010"), ("021", "021"), ("0755", "0755"), ("755", "0755")],
)
def test_normalize_area_code(text: str, expected: str) -> None:
    assert normalize_area_code(text) == expected


@pytest.mark.parametrize("text", ["", "0", "011", "0123", "01234", "07555", "abc", "00755"])
def test_normalize_area_code_rejects(text: str) -> None:
    with pytest.raises(ValidationError):
        normalize_area_code(text)


# --- refusals a clerk can understand ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code", "values"),
    [
        ("", "phone.empty", {}),
        ("   ", "phone.empty", {}),
        ("---", "phone.empty", {}),
        ("138abc45678", "phone.bad_characters", {}),
        ("tel 13812345678", "phone.bad_characters", {}),
        ("手机13812345678", "phone.bad_characters", {}),
        ("12812345678", "phone.mobile_prefix", {}),
        ("11012345678", "phone.mobile_prefix", {}),
        ("1381234567", "phone.mobile_length", {"digits": 10}),
        ("138123456789", "phone.mobile_length", {"digits": 12}),
        ("12345", "phone.mobile_length", {"digits": 5}),
        ("1234", "phone.mobile_length", {"digits": 4}),
        ("62345", "phone.too_short", {}),
        ("400-800-888", "phone.service_length", {}),
        ("0123456789", "phone.area_code_unknown", {}),
        ("010-6234567", "phone.local_too_short", {"area": "010", "digits": 8}),
        ("010-623456789", "phone.local_too_long", {"area": "010", "digits": 8}),
        ("0755-888666", "phone.local_too_short_7_or_8", {"area": "0755"}),
        ("0755-888866661", "phone.local_too_long_7_or_8", {"area": "0755"}),
        ("0755-0888 6666", "phone.local_first_digit", {}),
        ("010-12345678", "phone.local_first_digit", {}),
        ("+852 2345 6789", "phone.not_mainland", {}),
        ("001 212 555 0100", "phone.not_mainland", {}),
        ("138 1234 5678, 139 8765 4321", "phone.one_at_a_time", {}),
        ("138 1234 5678 / 139 8765 4321", "phone.one_at_a_time", {}),
        ("138 1234 5678、139 8765 4321", "phone.one_at_a_time", {}),
        ("7558888666", "phone.too_long", {}),
        ("138+1234", "phone.bad_characters", {}),
    ],
)
def test_refusals(raw: str, code: str, values: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(raw)
    assert caught.value.field == "phone"
    assert (caught.value.code, caught.value.values) == (code, values)


def test_refusals_read_in_chinese() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone("010-6234567")
    assert render(caught.value, language="zh_CN") == "区号 010 后的号码太短，应为 8 位。"
    with pytest.raises(ValidationError) as caught:
        normalize_phone("1381234567")
    assert render(caught.value, language="zh_CN") == "手机号码应为 11 位，此号码为 10 位。"
    assert render(caught.value) == "A mobile number has 11 digits; this one has 10."


# --- display and last four -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("+86 13812345678", "138 1234 5678"),
        ("(010)62345678", "010-6234 5678"),
        ("0755-88886666转123", "0755-8888 6666 转 123"),
        ("07558886666", "0755-888 6666"),
        ("4008008888", "400-800-8888"),
        ("400 800 8888 ext 2", "400-800-8888 转 2"),
        ("95588", "95588"),
    ],
)
def test_display(raw: str, shown: str) -> None:
    assert normalize_phone(raw).display() == shown


def test_last4() -> None:
    assert normalize_phone("138 1234 5678").last4 == "5678"
    assert normalize_phone("0755-88886666转123").last4 == "6666"


def test_display_of_unexpected_stored_values_does_not_fail() -> None:
    # Rows written before today's rules still have to show up on screen.
    assert Phone("x", "12345", None, MOBILE).display() == "12345"
    assert Phone("x", "0755123", None, LANDLINE).display() == "0755-123"


# --- the search box --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("5678", "5678"),
        ("138 1234", "1381234"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234", "1381234"),
        ("0086 138", "138"),
        ("86 138 1234 5678", "13812345678"),
        ("86138", "86138"),  # too short to be sure 86 is a country code
        ("１３８　１２３４", "1381234"),
        ("(010) 6234", "0106234"),
        ("+86 10 6234", "106234"),  # still a substring of 01062345678
        ("0138 1234", "1381234"),
        ("010-62345678转123", "01062345678"),
        ("123", "123"),
        ("0012", "0012"),  # last four digits, not an international prefix
        ("0086", "0086"),
        ("0138", "138"),
        ("013", "013"),
    ],
)
def test_phone_query_digits(text: str, digits: str) -> None:
    assert phone_query_digits(text) == digits


@pytest.mark.parametrize(
    "text",
    ["", "   ", "张三", "zs", "zhang 138", "T2024-0001", "12", "+852 1234", "x123", "-", "1" * 13],
)
def test_phone_query_digits_declines_what_is_not_a_phone(text: str) -> None:
    assert phone_query_digits(text) is None


# --- properties ------------------------------------------------------------------------

_SEPARATORS = st.sampled_from(["", "", "", " ", "-", ".", "/", "  ", " - ", "－", "—", "\u3000"])

mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text("0123456789", min_size=9, max_size=9),
)


@st.composite
def area_and_local(draw: st.DrawFn) -> tuple[str, str]:
    area = draw(
        st.one_of(
            st.just("010"),
            st.builds(lambda d: f"02{d}", st.sampled_from("0123456789")),
            # No area code starts 040 or 080, which is what lets "+86 400 ..." be a
            # 400 number rather than a landline in area 0400.
            st.builds(
                lambda a, b, c: f"0{a}{b}{c}",
                st.sampled_from("3456789"),
                st.sampled_from("0123456789"),
                st.sampled_from("0123456789"),
            ).filter(lambda code: not code.startswith(("040", "080"))),
        )
    )
    lengths = [8] if len(area) == 3 else [7, 8]
    length = draw(st.sampled_from(lengths))
    first = draw(st.sampled_from("23456789"))
    rest = draw(st.text("0123456789", min_size=length - 1, max_size=length - 1))
    return area, first + rest


landlines = area_and_local().map(lambda pair: pair[0] + pair[1])

service_numbers = st.one_of(
    st.builds(
        lambda p, r: p + r,
        st.sampled_from(["400", "800"]),
        st.text("0123456789", min_size=7, max_size=7),
    ),
    st.builds(lambda r: "95" + r, st.text("0123456789", min_size=3, max_size=4)),
)


@st.composite
def spaced(draw: st.DrawFn, digits: str) -> str:
    """``digits`` with random separators between them and random full-width digits."""
    out = []
    for i, digit in enumerate(digits):
        if i:
            out.append(draw(_SEPARATORS))
        out.append(full_width(digit) if draw(st.booleans()) else digit)
    return "".join(out)


@given(st.one_of(mobiles, landlines, service_numbers))
def test_normalize_is_idempotent_on_its_own_output(number: str) -> None:
    once = normalize_phone(number)
    twice = normalize_phone(once.normalized)
    assert twice.normalized == once.normalized == number
    assert twice.kind is once.kind


@given(st.data(), mobiles)
def test_every_way_of_writing_a_mobile_gives_the_same_number(
    data: st.DataObject, mobile: str
) -> None:
    prefix = data.draw(
        st.sampled_from(
            ["", "+86", "+86 ", "+86-", "(+86) ", "0086", "0086 ", "86", "86 ", "0", "＋８６"]
        )
    )
    body = data.draw(spaced(mobile))
    assert normalize_phone(prefix + body).normalized == mobile


@given(st.data(), area_and_local())
def test_every_way_of_writing_a_landline_gives_the_same_number(
    data: st.DataObject, pair: tuple[str, str]
) -> None:
    area, local = pair
    national = area[1:]
    written = data.draw(
        st.sampled_from(
            [
                f"{area}{local}",
                f"{area}-{local}",
                f"({area}){local}",
                f"({area}) {local}",
                f"+86 {national} {local}",
                f"+86 (0){national} {local}",
                f"0086-{national}-{local}",
                f"86 {national} {local}",
                f"{area} {local[:-4]} {local[-4:]}",
            ]
        )
    )
    phone = normalize_phone(full_width(written) if data.draw(st.booleans()) else written)
    assert phone.normalized == area + local
    assert phone.kind is LANDLINE


@given(
    area_and_local(),
    st.text("0123456789", min_size=1, max_size=6),
    st.sampled_from(["转", " ext ", "x", "-", " 分机 "]),
)
def test_extension_survives_any_marker(pair: tuple[str, str], extension: str, marker: str) -> None:
    area, local = pair
    phone = normalize_phone(f"{area}-{local}{marker}{extension}")
    assert (phone.normalized, phone.extension) == (area + local, extension)


@given(
    st.one_of(mobiles, landlines, service_numbers),
    st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=5)),
)
def test_display_reads_back_as_the_same_phone(number: str, extension: str | None) -> None:
    phone = normalize_phone(number)
    if extension is not None and phone.kind is not MOBILE:
        phone = normalize_phone(f"{number}转{extension}")
    again = normalize_phone(phone.display())
    assert (again.normalized, again.extension, again.kind) == (
        phone.normalized,
        phone.extension,
        phone.kind,
    )


@given(st.data(), st.one_of(mobiles, landlines))
def test_search_digits_of_a_written_number_find_it(data: st.DataObject, number: str) -> None:
    written = data.draw(spaced(number))
    digits = phone_query_digits(written)
    assert digits is not None
    assert digits in normalize_phone(number).normalized


@given(st.data(), st.one_of(mobiles, landlines))
def test_any_typed_part_of_a_number_is_searched_as_a_substring(
    data: st.DataObject, number: str
) -> None:
    start = data.draw(st.integers(0, len(number) - MIN_QUERY_DIGITS))
    end = data.draw(st.integers(start + MIN_QUERY_DIGITS, len(number)))
    part = number[start:end]
    digits = phone_query_digits(data.draw(spaced(part)))
    # A fragment starting "0138..." loses its trunk 0, and "86..." may be read as a
    # country code only when the fragment is a complete number; either way the
    # digits still occur in the stored number.
    assert digits is not None
    assert digits in number


@given(st.text(max_size=30))
@example("+")
@example("()")
@example("+86")
@example("0086")
@example("转123")
@example("\x00")
def test_arbitrary_text_is_either_a_phone_or_a_validation_error(text: str) -> None:
    try:
        phone = normalize_phone(text)
    except ValidationError as error:
        assert error.field == "phone"
        assert has_template(error.code)
    else:
        assert phone.normalized.isdigit()
        assert phone.normalized.isascii()
        assert phone.extension is None or phone.extension.isdigit()


@given(st.text(max_size=30))
def test_query_digits_are_ascii_digits_or_none(text: str) -> None:
    digits = phone_query_digits(text)
    assert digits is None or (
        digits.isascii() and digits.isdigit() and len(digits) >= MIN_QUERY_DIGITS
    )
