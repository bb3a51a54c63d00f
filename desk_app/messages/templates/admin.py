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
    # settings: sign-in
    "settings.sign_in_range": (
        "Enter a whole number from {low} to {high}.",
        "请输入 {low} 到 {high} 之间的整数。",
    ),
    # users
    "user.sign_in_failed": ("Wrong user name or password.", "用户名或密码错误。"),
    # signing in (services.admin.sign_in): the same for every name, known or not
    "user.sign_in_wait": (
        "Too many wrong answers: wait {seconds} s before the next try.",
        "错误次数过多：请等待 {seconds} 秒后再试。",
    ),
    "user.locked": (
        "Too many wrong answers: this name is locked until {until}.",
        "错误次数过多：该用户名已锁定至 {until}。",
    ),
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
    "user.cannot_demote_self": (
        "You cannot take the manager role from yourself; ask another manager.",
        "不能取消您自己的售后经理岗位，请由另一位经理操作。",
    ),
    "user.last_manager": (
        "This is the last active manager: make someone else a manager first.",
        "这是最后一位在职的售后经理：请先让另一位用户担任经理。",
    ),
    "user.old_password_wrong": ("The current password is wrong.", "当前密码不正确。"),
    "user.password_unchanged": (
        "The new password must differ from the current one.",
        "新密码不能与当前密码相同。",
    ),
    # the command line: who is acting, what was typed
    "cli.hours_format": (
        "Give the working hours as HH:MM-HH:MM, e.g. 08:30-18:00.",
        "请按 时:分-时:分 填写工作时间，例如 08:30-18:00。",
    ),
    "cli.acting_user_required": (
        "Say who you are with --as USER (your password is asked, or read from DESK_PASSWORD).",
        "请用 --as 用户名 说明操作人（随后询问密码，或从 DESK_PASSWORD 读取）。",
    ),
    # the acting user, re-read inside every write (services.core.database.check_actor)
    "user.deactivated": (
        "The account {user} has been deactivated; nothing was saved. Ask a manager.",
        "账号 {user} 已被停用，未保存任何内容。请联系售后经理。",
    ),
    "user.role_changed": (
        "The role of {user} was changed after signing in; nothing was saved. Sign in again.",
        "{user} 登录后岗位已被更改，未保存任何内容。请重新登录。",
    ),
    # desk_app.services.admin.logins: the database login of a user (PostgreSQL)
    "user.login_not_desk": (
        "The database already has a role named {username} that is not a desk user's "
        "login; choose another user name.",
        "数据库中已有名为 {username} 的角色，且不是前台用户的登录账号；请换一个用户名。",
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
