"""Refusal templates of the care area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "maintenance.ticket_already_open": (
        "A maintenance ticket is already open for this appliance: {key}.",
        "该家电已有未完成的保养服务单：{key}。",
    ),
}
