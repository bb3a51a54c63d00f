"""The templates, one module per business area; each module's ``TEMPLATES`` maps a code
to (English, 简体中文) with ``{name}`` placeholders for the error's values."""

from __future__ import annotations

from desk_app.messages.templates import (
    admin,
    care,
    common,
    connection,
    customers,
    dispatch,
    paperwork,
    printing,
    stock,
    tickets,
)

_AREAS = (common, customers, tickets, dispatch, stock, care, admin, paperwork, printing, connection)

# What services call a kind of record (``NotFound.what``, ``IllegalTransition.what``).
NOUNS: dict[str, tuple[str, str]] = {
    "customer": ("customer", "客户"),
    "merge": ("merge", "合并记录"),
    "appliance": ("appliance", "产品"),
    "ticket": ("ticket", "工单"),
    "complaint": ("complaint", "投诉"),
    "followup call": ("follow-up call", "回访电话"),
    "follow-up": ("follow-up", "回访"),
    "follow-up rating": ("follow-up rating", "回访评分"),
    "feedback form": ("feedback form", "服务反馈单"),
    "maintenance ticket": ("maintenance ticket", "保养工单"),
    "user": ("user", "用户"),
    "manager": ("manager", "经理"),
    "technician": ("technician", "工程师"),
    "service area": ("service area", "服务区域"),
    "part": ("part", "配件"),
    "barcode": ("barcode", "条码"),
    "stock location": ("stock location", "库位"),
    "requisition": ("requisition", "领用单"),
    "requisition line": ("requisition line", "领用单行"),
    "movement": ("movement", "库存变动"),
    "damaged part": ("damaged part", "旧件"),
    "stocktake": ("stocktake", "盘点"),
}


def all_templates() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        for code, pair in area.TEMPLATES.items():
            if code in merged:
                raise RuntimeError(f"message code {code} is defined twice")
            merged[code] = pair
    return merged
