"""Contact details as a role without ``Perm.VIEW_CONTACT_DETAILS`` sees them."""

from __future__ import annotations

import pytest

from desk_app.domain.contacts import mask_phone, reduce_address, shows_contacts
from desk_app.domain.enums import Role
from desk_app.domain.permissions import CALLS_CUSTOMERS, ROLE_PERMISSIONS, Perm


def test_phone_masked_like_the_appliance_tag() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("138 1234 5678") == "138 **** 5678"
    assert mask_phone("010-6588-1234") == "010-****-1234"
    assert mask_phone("110") == "110"


@pytest.mark.parametrize(
    ("address", "area", "shown"),
    [
        ("北京市朝阳区建国路88号3栋501室", None, "北京市朝阳区"),
        ("北京市朝阳区建国路88号3栋501室", "朝阳区", "朝阳区"),
        ("上海市浦东新区张江路1号", None, "上海市浦东新区"),
        ("广东省深圳市南山区科技园南路2号", None, "广东省深圳市南山区"),
        ("浙江省安吉县递铺街道1号", None, "浙江省安吉县"),
        ("杭州市文一路8号", None, "杭州市"),
        ("阳光小区5栋302", None, "…"),  # a housing estate is not a district
        ("No. 88 Jianguo Road, Beijing", None, "Beijing"),
        ("", None, ""),
    ],
)
def test_address_reduced_to_its_district(address: str, area: str | None, shown: str) -> None:
    assert reduce_address(address, area) == shown


def test_the_roles_that_do_not_need_contacts_are_the_parts_clerk_and_the_technician() -> None:
    hidden = {r for r in Role if not shows_contacts(r)}
    assert hidden == {Role.PARTS_CLERK, Role.TECHNICIAN}
    # A user holding one of those and a desk role sees what the desk role sees.
    assert shows_contacts({Role.TECHNICIAN, Role.DISPATCHER})


@pytest.mark.parametrize("perm", sorted(CALLS_CUSTOMERS))
def test_whoever_edits_or_calls_customers_sees_the_full_details(perm: Perm) -> None:
    """An edit form filled from a masked view would save the stars back, and the
    follow-up, complaint and dispatch desks call the customer: the services behind
    those permissions return contacts unmasked, which holds only while every role
    carrying one of them carries VIEW_CONTACT_DETAILS too."""
    for role, perms in ROLE_PERMISSIONS.items():
        if perm in perms:
            assert Perm.VIEW_CONTACT_DETAILS in perms, role
