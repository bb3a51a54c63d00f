"""The appliance categories the desk knows: offered when recording an appliance and
accepted as a technician's skill (besides the ticket kinds)."""

from __future__ import annotations

# The categories a home-appliance service desk meets most. The appliance form stays
# editable for others; a category typed there becomes known once an appliance has it.
APPLIANCE_CATEGORIES: tuple[str, ...] = (
    "空调",
    "洗衣机",
    "冰箱",
    "热水器",
    "电视",
    "油烟机",
    "燃气灶",
    "净水器",
    "洗碗机",
)
