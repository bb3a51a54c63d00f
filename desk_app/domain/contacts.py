"""Customers' contact details as a role that does not need them sees them.

Keeping customer information confidential (保守客户信息) means that only the roles
whose work needs a customer's phone and address (``Perm.VIEW_CONTACT_DETAILS``) see
them in full. Everyone else sees a phone as 138****5678 (enough to recognise the
customer on the phone's caller display, not to call them) and an address reduced to
its district (朝阳区), enough to know where the job is. The services apply these to
every view they return to such an actor; the printed appliance tag uses the same mask.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desk_app.domain.enums import Role
from desk_app.domain.permissions import Perm, has

# A mainland address up to its district or county (区 / 县 / 旗; not a 小区 or 社区,
# which name a housing estate), else up to its city; no digit before it (a house
# number means the street has begun).
_DISTRICT = re.compile(r"^[^\d]*?(?<![小社园校街])(?:区|县|旗)")
_CITY = re.compile(r"^[^\d]*?市")
_MIN_DIGITS_TO_MASK = 8


def shows_contacts(roles: Role | Iterable[Role]) -> bool:
    """True if a user holding ``roles`` may see customers' full phones and addresses."""
    return has(roles, Perm.VIEW_CONTACT_DETAILS)


def mask_phone(phone: str) -> str:
    """138****5678: keeps the first three and last four digits of a phone number.

    Numbers of fewer than eight digits (a short service number, a half-typed one)
    are shown as they are: they do not reach a person."""
    digits = [i for i, c in enumerate(phone) if c.isdigit()]
    if len(digits) < _MIN_DIGITS_TO_MASK:
        return phone
    hide = set(digits[3:-4])
    return "".join("*" if i in hide else c for i, c in enumerate(phone))


def reduce_address(text: str, area: str | None = None) -> str:
    """An address reduced to its district: the service area when one is recorded,
    else the address up to its district or county (北京市朝阳区建国路88号 → 北京市朝阳区),
    else only that there is one ("…")."""
    if area and area.strip():
        return area.strip()
    one_line = " ".join(text.split())
    for pattern in (_DISTRICT, _CITY):
        found = pattern.match(one_line)
        if found:
            return found.group(0)
    if "," in one_line:  # "No. 88 Jianguo Road, Chaoyang, Beijing": the last part
        return one_line.rsplit(",", 1)[1].strip() or "…"
    return "…" if one_line else ""
