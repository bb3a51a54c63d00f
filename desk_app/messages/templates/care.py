"""Refusal templates of the care area (complaints, follow-ups, feedback forms,
maintenance reminders): code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    # complaints
    "complaint.channel_required": ("Choose how the complaint came in.", "请选择投诉渠道。"),
    "complaint.category_required": ("Choose a category.", "请选择类别。"),
    # also the severity of a complaint standard in the settings
    "complaint.severity_required": ("Choose a severity.", "请选择严重程度。"),
    "complaint.ticket_of_another_customer": (
        "This ticket belongs to another customer.",
        "该工单属于其他客户。",
    ),
    "complaint.satisfaction_required": (
        "Ask how satisfied the customer is (1 to 5).",
        "请询问客户的满意度（1 到 5）。",
    ),
    "complaint.satisfaction_only_on_accept": (
        "Satisfaction is recorded when the customer accepts a solution.",
        "客户接受方案时才记录满意度。",
    ),
    "complaint.close_reason_required": ("Please give a reason for closing.", "请填写关闭原因。"),
    "complaint.not_a_handler": ("This user does not handle complaints.", "该用户不处理投诉。"),
    "complaint.already_handler": (
        "{who} handles this complaint already.",
        "{who} 已是该投诉的处理人。",
    ),
    "complaint.list_limit": (
        "Between 1 and {maximum} rows.",
        "行数须在 1 到 {maximum} 之间。",
    ),
    # follow-up calls
    "followup.outcome_required": ("Choose the outcome of the call.", "请选择回访结果。"),
    "followup.ratings_required": ("Enter the customer's five ratings.", "请录入客户的五项评价。"),
    "followup.ratings_only_when_reached": (
        "Ratings are recorded only when the customer answers.",
        "只有客户接听并作答时才记录评价。",
    ),
    "followup.ticket_not_completed": (
        "Only a completed ticket is followed up.",
        "只有已完工的工单才能回访。",
    ),
    "followup.call_not_reached": (
        "The customer was not reached on this call.",
        "这次回访未接通客户。",
    ),
    # feedback forms
    "feedback.ticket_number_required": ("Scan or type the ticket number.", "请扫描或输入工单号。"),
    "feedback.not_a_ticket_number": ("This is not a ticket number.", "这不是工单号。"),
    "feedback.ratings_required": (
        "Enter the five ratings from the form.",
        "请录入反馈单上的五项评价。",
    ),
    "feedback.ticket_not_completed": (
        "This ticket is not completed yet; complete it, then enter its form.",
        "该工单尚未完工；完工后再录入反馈单。",
    ),
    # maintenance reminders
    "maintenance.category_required": ("Name the appliance category.", "请填写产品类别。"),
    "maintenance.ticket_already_open": (
        "A maintenance ticket is already open for this appliance: {key}.",
        "该家电已有未完成的保养服务单：{key}。",
    ),
}
