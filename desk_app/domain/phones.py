"""Mainland China phone numbers: validate what a clerk typed and normalise it for matching."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from desk_app.domain.errors import ValidationError

_FIELD = "phone"

# Fewer digits than this in the search box match too many numbers to be useful.
MIN_QUERY_DIGITS = 3
# The longest national number is a 4-digit area code plus an 8-digit local number.
_MAX_NATIONAL_DIGITS = 12

_MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
# 400/800 numbers are 10 digits; 95xxx short numbers are 5 or 6 digits. Longer
# 95 numbers would collide with 7/8-digit local numbers, so they are not accepted.
_SERVICE_400 = re.compile(r"[48]00\d{7}", re.ASCII)
_SERVICE_95 = re.compile(r"95\d{3,4}", re.ASCII)
_AREA_CODE = re.compile(r"010|02\d|0[3-9]\d\d", re.ASCII)

# NFKC folds full-width digits, brackets and ＋－．／ but leaves these dash look-alikes
# that Chinese input methods produce ("010—62345678", "010ー62345678").
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\ufe63"), "-")

_EXTENSION = re.compile(
    r"[\s,]*(?:转|轉|分机|分機|ext\.?|extn\.?|x|#)\s*[:.]?\s*(\d{1,6})\s*$",
    re.IGNORECASE | re.ASCII,
)
# Everything a clerk may put between digits. "+" may only open the number, optionally
# inside a bracket: "(+86) 138 1234 5678".
_ALLOWED = re.compile(r"[\s(]*\+?[\d\s\-/.()]*", re.ASCII)
_DASH_EXTENSION = re.compile(r"^(?P<number>.*\d)\s*-\s*(?P<extension>\d{1,6})\s*$", re.ASCII)
_LIST_SEPARATORS = re.compile(r"[,;、]")


class PhoneKind(enum.StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"
    # 400/800 numbers and 95xxx short service numbers (banks, carriers, couriers).
    SERVICE = "service"


@dataclass(frozen=True)
class Phone:
    """A phone number as typed and in the digits-only form used for matching.

    ``normalized`` never carries a country code or an extension: mobiles are 11
    digits, landlines are area code (with its leading 0) plus local number,
    service numbers are as dialled. Two ways of writing the same line always
    give the same ``normalized``.
    """

    raw: str
    normalized: str
    extension: str | None
    kind: PhoneKind

    @property
    def last4(self) -> str:
        return self.normalized[-4:]

    def display(self) -> str:
        """The number grouped the way it is read aloud, e.g. "0755-8888 6666 转 123"."""
        n = self.normalized
        if self.kind is PhoneKind.MOBILE and len(n) == 11:
            text = f"{n[:3]} {n[3:7]} {n[7:]}"
        elif self.kind is PhoneKind.LANDLINE:
            area_len = _area_code_length(n)
            text = f"{n[:area_len]}-{_group_local(n[area_len:])}"
        elif self.kind is PhoneKind.SERVICE and _SERVICE_400.fullmatch(n):
            text = f"{n[:3]}-{n[3:6]}-{n[6:]}"
        else:
            text = n
        if self.extension:
            text = f"{text} 转 {self.extension}"
        return text


def normalize_phone(raw: str, *, default_area_code: str | None = None) -> Phone:
    """Validate ``raw`` and return it with its normalised form, extension and kind.

    A 7/8-digit local number gets ``default_area_code`` (the desk's own city,
    e.g. "010" or "0755"); without one the clerk is asked for the area code.
    Raises ``ValidationError("phone", ...)`` for anything that is not one
    dialable mainland number.
    """
    stripped = raw.strip()
    if not stripped:
        raise ValidationError(_FIELD, "phone.empty")
    number_text, extension = _split_extension(_to_half_width(stripped))
    if _LIST_SEPARATORS.search(number_text):
        raise _one_at_a_time()
    if not _ALLOWED.fullmatch(number_text):
        raise ValidationError(_FIELD, "phone.bad_characters")
    # "010-62345678-123": a dash group after a complete landline is an extension.
    # Numbers are grouped in fours at the end ("0755-8888-6666", "138-1234-5678"), so
    # a last group of 1-3 digits is taken as an extension first; a longer one only
    # when the whole text is not a valid number.
    split = _DASH_EXTENSION.match(number_text) if extension is None else None
    landline = _landline_or_none(split["number"], default_area_code) if split else None
    if split and landline and len(split["extension"]) < 4:
        normalized, kind, extension = landline, PhoneKind.LANDLINE, split["extension"]
    else:
        try:
            normalized, kind = _parse(number_text, default_area_code)
        except ValidationError:
            if _is_two_numbers(number_text):
                raise _one_at_a_time() from None
            if not (split and landline):
                raise
            normalized, kind, extension = landline, PhoneKind.LANDLINE, split["extension"]
    if extension is not None and kind is PhoneKind.MOBILE:
        raise ValidationError(_FIELD, "phone.mobile_extension")
    return Phone(raw=stripped, normalized=normalized, extension=extension, kind=kind)


def normalize_area_code(text: str) -> str:
    """Return an area code with its leading 0 ("755" -> "0755"), or raise.

    Used for the desk's default area code, so the settings screen can reject a
    bad one before any number depends on it.
    """
    digits = _digits(_to_half_width(text))
    if digits and not digits.startswith("0"):
        digits = "0" + digits
    if not _AREA_CODE.fullmatch(digits):
        raise ValidationError("area_code", "phone.bad_area_code")
    return digits


def phone_query_digits(text: str) -> str | None:
    """The digits to look for if ``text`` in the search box looks like (part of) a phone number.

    Returns ``None`` for anything with letters or Chinese characters, fewer than
    ``MIN_QUERY_DIGITS`` digits, or more digits than any mainland number has.
    The result is meant for a substring match on ``Phone.normalized``
    (``LIKE '%' || digits || '%'``), so a last-four search or a partial number
    works, and a landline typed in international form without its trunk 0
    ("+86 10 6234") still matches "01062345678".
    """
    stripped = text.strip()
    if not stripped:
        return None
    number_text, _extension = _split_extension(_to_half_width(stripped))
    if not _ALLOWED.fullmatch(number_text):
        return None
    digits = _digits(number_text)
    if "+" in number_text:
        if not digits.startswith("86"):
            return None
        digits = digits[2:]
    # Dropping leading digits never loses a match (what is left is still a substring
    # of the same number), so prefixes are stripped whenever enough digits remain;
    # otherwise "0086" or "0138" might be the digits the clerk is looking for.
    elif digits.startswith("0086") and len(digits) - 4 >= MIN_QUERY_DIGITS:
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) in (12, 13):
        digits = digits[2:]
    if re.match(r"01[3-9]", digits) and len(digits) - 1 >= MIN_QUERY_DIGITS:
        # A trunk 0 before a mobile ("0138...") is never an area code: none start 01[3-9].
        digits = digits[1:]
    if not MIN_QUERY_DIGITS <= len(digits) <= _MAX_NATIONAL_DIGITS:
        return None
    return digits


def _is_two_numbers(number_text: str) -> bool:
    # "/" may separate an area code ("010/62345678"), but two parts that are each
    # long enough to be a number are two numbers squeezed into one field.
    parts = number_text.split("/")
    return sum(len(_digits(part)) >= 7 for part in parts) >= 2


def _digits(text: str) -> str:
    # ASCII only: NFKC has already folded full-width digits, and other scripts'
    # digits are not something a mainland number is written in.
    return re.sub(r"[^0-9]", "", text)


def _to_half_width(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def _split_extension(text: str) -> tuple[str, str | None]:
    match = _EXTENSION.search(text)
    if match is None:
        return text, None
    return text[: match.start()], match.group(1)


def _parse(number_text: str, default_area_code: str | None) -> tuple[str, PhoneKind]:
    digits = _digits(number_text)
    if not digits:
        raise ValidationError(_FIELD, "phone.empty")
    return _classify(_national_digits(digits, has_plus="+" in number_text), default_area_code)


def _landline_or_none(number_text: str, default_area_code: str | None) -> str | None:
    try:
        normalized, kind = _parse(number_text, default_area_code)
    except ValidationError:
        return None
    return normalized if kind is PhoneKind.LANDLINE else None


def _national_digits(digits: str, *, has_plus: bool) -> str:
    """Strip a +86 / 0086 / 86 country code so the same line always looks the same."""
    if has_plus:
        if not digits.startswith("86"):
            raise _not_mainland()
        return _from_international(digits[2:])
    if digits.startswith("00"):
        if not digits.startswith("0086"):
            raise _not_mainland()
        return _from_international(digits[4:])
    # A bare 86 is a country code only when the rest is a complete national number
    # (10 or 11 digits): no mainland number starts with 86 and is that long.
    if digits.startswith("86") and len(digits) in (12, 13):
        return _from_international(digits[2:])
    return digits


def _from_international(rest: str) -> str:
    # After a country code landlines drop their trunk 0 ("+86 10 6234 5678"), unless
    # written as "+86 (0)10 ..."; mobiles and service numbers never had one. Other
    # numbers starting 1 are left alone so the clerk hears about the mobile's digits,
    # not about an area code 01x.
    if (
        not rest
        or rest.startswith("0")
        or _MOBILE.fullmatch(rest)
        or _SERVICE_400.fullmatch(rest)
        or _SERVICE_95.fullmatch(rest)
        or re.match(r"1[1-9]", rest)
    ):
        return rest
    return "0" + rest


def _classify(digits: str, default_area_code: str | None) -> tuple[str, PhoneKind]:
    if _MOBILE.fullmatch(digits):
        return digits, PhoneKind.MOBILE
    if re.fullmatch(r"01[3-9][0-9]{9}", digits):
        # Mobiles dialled long-distance with a trunk 0; no area code starts 01[3-9].
        return digits[1:], PhoneKind.MOBILE
    if _SERVICE_400.fullmatch(digits) or _SERVICE_95.fullmatch(digits):
        return digits, PhoneKind.SERVICE
    if digits.startswith("0"):
        return _landline(digits), PhoneKind.LANDLINE
    if digits.startswith("1"):
        if len(digits) == 11:
            raise ValidationError(_FIELD, "phone.mobile_prefix")
        raise ValidationError(_FIELD, "phone.mobile_length", digits=len(digits))
    if digits.startswith(("400", "800")):
        raise ValidationError(_FIELD, "phone.service_length")
    if len(digits) in (7, 8):
        if default_area_code is None:
            raise ValidationError(_FIELD, "phone.area_code_missing")
        return _landline(normalize_area_code(default_area_code) + digits), PhoneKind.LANDLINE
    if len(digits) < 7:
        raise ValidationError(_FIELD, "phone.too_short")
    raise ValidationError(_FIELD, "phone.too_long")


def _landline(digits: str) -> str:
    """Check a landline written with its area code; return it unchanged."""
    if digits.startswith("01") and not digits.startswith("010"):
        raise ValidationError(_FIELD, "phone.area_code_unknown")
    area_len = _area_code_length(digits)
    area, local = digits[:area_len], digits[area_len:]
    if not _AREA_CODE.fullmatch(area) or not local:
        raise ValidationError(_FIELD, "phone.too_short")
    # 010 and 02X cover the biggest cities and always have 8-digit local numbers.
    if area_len == 3:
        if len(local) < 8:
            raise ValidationError(_FIELD, "phone.local_too_short", area=area, digits=8)
        if len(local) > 8:
            raise ValidationError(_FIELD, "phone.local_too_long", area=area, digits=8)
    elif len(local) < 7:
        raise ValidationError(_FIELD, "phone.local_too_short_7_or_8", area=area)
    elif len(local) > 8:
        raise ValidationError(_FIELD, "phone.local_too_long_7_or_8", area=area)
    if local[0] in "01":
        raise ValidationError(_FIELD, "phone.local_first_digit")
    return digits


def _area_code_length(digits: str) -> int:
    return 3 if digits.startswith(("010", "02")) else 4


def _group_local(local: str) -> str:
    if len(local) == 8:
        return f"{local[:4]} {local[4:]}"
    if len(local) == 7:
        return f"{local[:3]} {local[3:]}"
    return local


def _one_at_a_time() -> ValidationError:
    return ValidationError(_FIELD, "phone.one_at_a_time")


def _not_mainland() -> ValidationError:
    return ValidationError(_FIELD, "phone.not_mainland")
