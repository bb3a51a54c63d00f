"""Refusal templates of the tickets area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "ticket.window_reversed": (
        "The preferred window ends before it starts.",
        "期望时间段的结束时间早于开始时间。",
    ),
    "ticket.appliance_not_customers": (
        "This appliance does not belong to the customer.",
        "该电器不属于此客户。",
    ),
    "ticket.not_a_consultation": (
        "Only a consultation can be answered at the desk.",
        "只有咨询类工单可以在服务台直接答复。",
    ),
    "ticket.free_of_charge": (
        "This job is free of charge (in warranty).",
        "此单免费（保修期内）。",
    ),
    "ticket.appliance_not_chosen": (
        "Choose the appliance this is about, or “(no appliance recorded)”.",
        "请选择本次涉及的电器，或选择“（未登记电器）”。",
    ),
    "ticket.final_no_edits": (
        "A closed or cancelled ticket can no longer be changed.",
        "已关闭或已取消的工单不能再修改。",
    ),
    "ticket.field_locked": (
        "This can no longer be changed at this stage of the ticket.",
        "工单已到这一步，此项不能再修改。",
    ),
}
