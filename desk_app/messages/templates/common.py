"""Refusals every area can meet: records, permissions, states, the database, plain fields."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "desk.refused": ("This cannot be done.", "无法执行此操作。"),
    "record.not_found": ("Not found: {what} {key}.", "未找到：{what} {key}。"),
    "record.duplicate": ("Already entered: {what} {key}.", "已录入：{what} {key}。"),
    "record.changed_meanwhile": (
        "{who} changed this record at {when}, after you opened it.",
        "{who} 在 {when} 修改了此记录（在您打开之后）。",
    ),
    "permission.denied": (
        "Your role does not allow this ({action}).",
        "您的角色无权执行此操作（{action}）。",
    ),
    "state.illegal_transition": (
        "This cannot be done in the current state of the {what}.",
        "{what}当前的状态下不能执行此操作。",
    ),
    "database.unavailable": (
        "The database cannot be reached. Check the network or the server.",
        "无法连接数据库。请检查网络或服务器。",
    ),
    "field.required": ("This field is required.", "此项为必填项。"),
    "field.too_long": ("Too long: at most {limit} characters.", "太长：最多 {limit} 个字符。"),
    "field.control_characters": (
        "Contains invisible control characters; please retype it.",
        "包含不可见的控制字符，请重新输入。",
    ),
    "field.reason_required": ("Please give a reason.", "请填写原因。"),
}
