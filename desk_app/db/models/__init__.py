"""The whole schema, one module per business area; importing this registers every table."""

from desk_app.db.models.complaints import (
    Complaint,
    ComplaintEvent,
    ComplaintStandard,
    Feedback,
    FollowupCall,
)
from desk_app.db.models.people import (
    Appliance,
    Customer,
    CustomerAddress,
    CustomerMerge,
    CustomerPhone,
    Technician,
    User,
)
from desk_app.db.models.stock import (
    DamagedPart,
    Part,
    Requisition,
    RequisitionLine,
    StockLevel,
    StockLocation,
    StockMovement,
    Stocktake,
    StocktakeLine,
)
from desk_app.db.models.system import AuditLog, ChangeLog, IdempotencyKey, NumberSequence, Setting
from desk_app.db.models.tickets import (
    Appointment,
    KnowledgeArticle,
    ServiceStandard,
    Ticket,
    TicketEvent,
    TicketPause,
)

__all__ = [
    "Appliance",
    "Appointment",
    "AuditLog",
    "ChangeLog",
    "Complaint",
    "ComplaintEvent",
    "ComplaintStandard",
    "Customer",
    "CustomerAddress",
    "CustomerMerge",
    "CustomerPhone",
    "DamagedPart",
    "Feedback",
    "FollowupCall",
    "IdempotencyKey",
    "KnowledgeArticle",
    "NumberSequence",
    "Part",
    "Requisition",
    "RequisitionLine",
    "ServiceStandard",
    "Setting",
    "StockLevel",
    "StockLocation",
    "StockMovement",
    "Stocktake",
    "StocktakeLine",
    "Technician",
    "Ticket",
    "TicketEvent",
    "TicketPause",
    "User",
]
