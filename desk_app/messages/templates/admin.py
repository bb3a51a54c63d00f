"""Refusal templates of the admin area (settings, users): code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    # settings: service and complaint standards
    "settings.hours_out_of_range": (
        "Hours must be more than 0 and at most a year.",
        "小时数须大于 0 且不超过一年。",
    ),
    "settings.hours_order": (
        "Respond ≤ visit ≤ repair hours.",
        "响应时限 ≤ 上门时限 ≤ 修复时限。",
    ),
    "settings.complaint_hours_order": ("Answer ≤ solution hours.", "答复时限须不超过解决时限。"),
    # settings: the shop
    "settings.unknown_timezone": ("Unknown time zone.", "未知的时区。"),
    "settings.unknown_language": ("Unknown language {language}.", "未知的语言：{language}。"),
    # settings: the company logo
    "settings.logo_not_found": ("The logo file was not found.", "找不到标志文件。"),
    "settings.logo_too_large": (
        "The logo file is too large: at most {megabytes} MB.",
        "标志文件太大：最大 {megabytes} MB。",
    ),
    "settings.logo_unreadable": ("The logo file cannot be read.", "无法读取标志文件。"),
    "settings.logo_not_an_image": (
        "The logo must be a PNG or JPEG image.",
        "标志必须是 PNG 或 JPEG 图片。",
    ),
    # users
    "user.sign_in_failed": ("Wrong user name or password.", "用户名或密码错误。"),
    "user.name_taken": ("This user name is taken.", "该用户名已被使用。"),
    "user.first_must_be_manager": (
        "The first user must be a manager.",
        "第一个用户必须是售后经理。",
    ),
    "user.password_too_short": (
        "The password needs at least {minimum} characters.",
        "密码至少需要 {minimum} 个字符。",
    ),
    "user.name_invalid": (
        "Use at most {limit} letters, digits, dots, dashes or underscores.",
        "最多 {limit} 个字母、数字、点、短横线或下划线。",
    ),
    "user.cannot_deactivate_self": ("You cannot deactivate yourself.", "不能停用您自己的账号。"),
    # the acting user, re-read inside every write (services.core.database.check_actor)
    "user.deactivated": (
        "The account {user} has been deactivated; nothing was saved. Ask a manager.",
        "账号 {user} 已被停用，未保存任何内容。请联系售后经理。",
    ),
    "user.role_changed": (
        "The role of {user} was changed after signing in; nothing was saved. Sign in again.",
        "{user} 登录后岗位已被更改，未保存任何内容。请重新登录。",
    ),
    # the retention purge (services.admin.retention)
    "history.purge_too_recent": (
        "History of the last year is kept: the date can be {latest} at the latest.",
        "最近一年的历史记录须保留：日期最晚为 {latest}。",
    ),
    "history.needs_owner": (
        "Only the owner of the database tables may lift or put back the history's "
        "protection: run the command with the owner's database URL.",
        "只有数据表的所有者才能解除或恢复历史记录的保护：请使用所有者的数据库地址运行此命令。",
    ),
}
