"""Refusal templates of the dispatch area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "dispatch.work_hours_reversed": (
        "Working hours end before they start.",
        "下班时间早于上班时间。",
    ),
    "dispatch.capacity_range": (
        "Capacity must be 0–{limit} and at least the reserve.",
        "每日容量须在 0–{limit} 之间，且不少于应急预留。",
    ),
    "dispatch.appointment_needs_zone": (
        "Appointment times need a time zone.",
        "预约时间需要带时区。",
    ),
    "dispatch.visit_ends_before_start": (
        "The visit ends before it starts.",
        "上门结束时间早于开始时间。",
    ),
    "dispatch.visit_too_long": (
        "A visit can last at most {hours} hours.",
        "一次上门最长 {hours} 小时。",
    ),
    "dispatch.visit_half_given": (
        "Give both the start and the end of the visit.",
        "请同时填写上门的开始和结束时间。",
    ),
    "dispatch.not_assignable": (
        "Only open tickets not yet in service can be assigned.",
        "只能派发尚未开始服务的未完结工单。",
    ),
    "dispatch.no_technician": ("Assign a technician first.", "请先派给技师。"),
    "dispatch.no_visit": ("There is no booked visit to move.", "没有可改约的上门预约。"),
    "dispatch.double_booking": (
        "{technician} is already booked for {other_ticket} from {starts} to {ends:time}.",
        "{technician} 在 {starts}–{ends:time} 已约了 {other_ticket}。",
    ),
    "dispatch.not_assigned": (
        "The ticket is not assigned to a technician.",
        "该工单尚未派给技师。",
    ),
    "dispatch.not_unassignable": (
        "Only a ticket not yet in service can go back to the queue.",
        "只有尚未开始服务的工单才能退回待派队列。",
    ),
    # technicians and service areas (staff administration)
    "dispatch.unknown_area": (
        "{area} is not an active service area: add it under Service areas first.",
        "{area} 不是在用的服务区域：请先在“服务区域”中添加。",
    ),
    "dispatch.unknown_skill": (
        "{skill} is neither a ticket kind nor a known appliance category.",
        "{skill} 既不是工单类型，也不是已知的产品类别。",
    ),
    "dispatch.user_already_linked": (
        "This user is already linked to the technician {technician}.",
        "该用户已关联到工程师 {technician}。",
    ),
    "dispatch.user_inactive": (
        "This user is deactivated and cannot be linked.",
        "该用户已停用，不能关联。",
    ),
    "area.name_taken": ("The service area {name} exists already.", "服务区域 {name} 已存在。"),
}
