"""The business's fixed vocabularies: ticket kinds, states, roles, movement kinds.

Values are stored in the database as these lowercase strings; labels for the
screens and the printed forms live with the UI and printing, not here.
"""

from __future__ import annotations

import enum


class TicketKind(enum.StrEnum):
    REPAIR = "repair"  # 维修
    INSTALLATION = "installation"  # 安装
    MAINTENANCE = "maintenance"  # 保养
    CONSULTATION = "consultation"  # 咨询
    RETURN_EXCHANGE = "return_exchange"  # 退换货
    RETURN_TO_FACTORY = "return_to_factory"  # 返厂


class Urgency(enum.StrEnum):
    NORMAL = "normal"  # 普通
    URGENT = "urgent"  # 紧急
    CRITICAL = "critical"  # 特急

    @property
    def rank(self) -> int:
        """Higher is more urgent; queues sort by it."""
        return {Urgency.NORMAL: 0, Urgency.URGENT: 1, Urgency.CRITICAL: 2}[self]


class TicketStatus(enum.StrEnum):
    NEW = "new"  # 新建
    DISPATCHED = "dispatched"  # 已派工
    APPOINTED = "appointed"  # 已预约
    IN_SERVICE = "in_service"  # 服务中
    WAITING_PARTS = "waiting_parts"  # 待配件
    WAITING_CUSTOMER = "waiting_customer"  # 待客户
    COMPLETED = "completed"  # 已完工
    FOLLOWED_UP = "followed_up"  # 已回访
    CLOSED = "closed"  # 已关闭
    CANCELLED = "cancelled"  # 已取消


class Channel(enum.StrEnum):
    PHONE = "phone"
    WALK_IN = "walk_in"
    ONLINE = "online"
    LETTER = "letter"


class Role(enum.StrEnum):
    CLERK = "clerk"  # 客服 / 前台
    DISPATCHER = "dispatcher"  # 派工员
    PARTS_CLERK = "parts_clerk"  # 配件管理员
    FOLLOWUP = "followup"  # 回访专员
    MANAGER = "manager"  # 售后经理
    TECHNICIAN = "technician"  # 维修 / 安装工程师 (rarely signs in)


class WarrantyStatus(enum.StrEnum):
    IN = "in"
    EXPIRING = "expiring"  # in warranty, ends within the warning window
    OUT = "out"
    UNKNOWN = "unknown"


class MovementKind(enum.StrEnum):
    RECEIPT = "receipt"  # 入库
    ISSUE = "issue"  # 出库 against a requisition
    RETURN = "return"  # unused part back to the shelf
    DAMAGED_RETURN = "damaged_return"  # 旧件返还: faulty part removed from an appliance
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    ADJUSTMENT = "adjustment"
    STOCKTAKE = "stocktake"  # 盘点 variance
    REVERSAL = "reversal"  # corrects an earlier movement; history is never edited


class DamagedDisposition(enum.StrEnum):
    PENDING = "pending"
    SCRAP = "scrap"
    RETURN_TO_SUPPLIER = "return_to_supplier"
    MANUFACTURER_CLAIM = "manufacturer_claim"


class RequisitionStatus(enum.StrEnum):
    OPEN = "open"  # parts reserved, not yet issued
    ISSUED = "issued"
    CANCELLED = "cancelled"


class ComplaintCategory(enum.StrEnum):
    ATTITUDE = "attitude"
    DELAY = "delay"
    REPAIR_QUALITY = "repair_quality"
    CHARGES = "charges"
    PARTS = "parts"
    OTHER = "other"


class Severity(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ComplaintStatus(enum.StrEnum):
    OPEN = "open"  # recorded, not yet answered
    INVESTIGATING = "investigating"  # first answer given, being worked
    PROPOSED = "proposed"  # solution proposed, waiting for the customer
    RESOLVED = "resolved"  # customer accepted
    CLOSED = "closed"  # closed by a manager (with a reason) or after resolution


class FollowupOutcome(enum.StrEnum):
    REACHED = "reached"
    NOT_REACHED = "not_reached"
    REFUSED = "refused"  # reached but declined to answer


class FeedbackSource(enum.StrEnum):
    FORM = "form"  # the signed paper feedback form
    CALL = "call"  # a follow-up call


class StockLocationKind(enum.StrEnum):
    STORE = "store"
    VAN = "van"
    DAMAGED = "damaged"  # quarantine for faulty parts brought back; never sellable
