"""The roles and permissions in words, English and 简体中文: what docs/permissions.md
(``scripts/permissions_doc.py``) writes beside the code's own table,
``domain.permissions.ROLE_PERMISSIONS``. The role names are the ones the screens show
(``ui.common.labels.roles`` and its translations)."""

from __future__ import annotations

from desk_app.domain.enums import Role
from desk_app.domain.permissions import Perm

ROLE_NAMES: dict[Role, tuple[str, str]] = {
    Role.CLERK: ("Front desk", "客服 / 前台"),
    Role.DISPATCHER: ("Dispatcher", "派工员"),
    Role.PARTS_CLERK: ("Parts clerk", "配件管理员"),
    Role.FOLLOWUP: ("Follow-up specialist", "回访专员"),
    Role.MANAGER: ("Service manager", "售后经理"),
    Role.TECHNICIAN: ("Technician", "工程师"),
}

PERM_NAMES: dict[Perm, tuple[str, str]] = {
    Perm.VIEW_CUSTOMERS: ("See customers, tickets and their papers", "查看客户、工单及其单据"),
    Perm.VIEW_CONTACT_DETAILS: (
        "See customers' full phone numbers and addresses (else 138****5678, district only)",
        "查看客户完整的电话和地址（否则显示为 138****5678，地址只到区县）",
    ),
    Perm.EDIT_CUSTOMERS: ("Add and edit customers and appliances", "新增和修改客户及产品"),
    Perm.MERGE_CUSTOMERS: ("Merge duplicate customers, undo a merge", "合并重复客户、撤销合并"),
    Perm.OPEN_TICKETS: ("Open tickets, answer consultations", "受理工单、答复咨询"),
    Perm.EDIT_TICKETS: ("Correct tickets, move them on", "修改工单、推进工单状态"),
    Perm.DISPATCH: ("Assign technicians, book and reschedule visits", "派工、预约和改约"),
    Perm.COMPLETE_TICKETS: ("Complete tickets", "完工"),
    Perm.CLOSE_TICKETS: ("Close tickets after follow-up", "回访后关闭工单"),
    Perm.VIEW_STOCK: ("See parts, stock and the ledger", "查看配件、库存和流水"),
    Perm.REQUEST_PARTS: ("Request parts for a ticket", "为工单申领配件"),
    Perm.MOVE_STOCK: (
        "Receive, issue, transfer, adjust and count stock",
        "入库、发料、调拨、调整和盘点",
    ),
    Perm.MANAGE_PARTS: ("Manage the parts catalogue and locations", "管理配件目录和库位"),
    Perm.HANDLE_COMPLAINTS: ("Take and handle complaints", "受理和处理投诉"),
    Perm.CLOSE_COMPLAINTS: ("Close complaints", "投诉结案"),
    Perm.RECORD_FOLLOWUPS: ("Make and record follow-up calls", "回访并记录结果"),
    Perm.RECORD_FEEDBACK: ("Enter service feedback forms", "录入服务反馈单"),
    Perm.VIEW_KPI: ("See the KPI figures", "查看考核指标"),
    Perm.MANAGE_USERS: ("Manage users and their roles", "管理用户及其岗位"),
    Perm.MANAGE_SETTINGS: ("Change the shop's settings", "修改系统设置"),
    Perm.MANAGE_TECHNICIANS: ("Manage technicians", "管理工程师"),
    Perm.VIEW_AUDIT: ("Read the audit log", "查看审计日志"),
    Perm.PURGE_HISTORY: (
        "Purge history older than the retention period",
        "清理超过保留期限的历史记录",
    ),
}
