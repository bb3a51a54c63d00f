"""Refusals every area can meet: records, permissions, states, the database, plain fields,
and the shared rules of the domain (working calendar and service clocks, ratings,
follow-up schedule, maintenance intervals)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "desk.refused": ("This cannot be done.", "无法执行此操作。"),
    "record.not_found": ("Not found: {what} {key}.", "未找到：{what} {key}。"),
    "record.duplicate": ("Already entered: {what} {key}.", "已经录入过：{what} {key}。"),
    "record.changed_meanwhile": (
        "{who} changed this record at {when}, after you opened it.",
        "在您打开之后，{who} 于 {when} 修改了这条记录。",
    ),
    "permission.denied": (
        "Your role does not allow this ({action}).",
        "您的岗位没有此项权限（{action}）。",
    ),
    "state.illegal_transition": (
        "This cannot be done in the current state of the {what}.",
        "{what}当前状态下不能进行此操作。",
    ),
    # ------------------------------------------------------------ the database
    "history.append_only": (
        "History (audit log, stock ledger, ticket and complaint events) cannot be changed "
        "or deleted; nothing was saved.",
        "历史记录（审计日志、库存流水、工单和投诉记录）不能修改或删除，未保存任何内容。",
    ),
    "database.unavailable": (
        "The database cannot be reached. Check the network or the server.",
        "无法连接数据库，请检查网络或服务器。",
    ),
    "database.unreachable": ("The database could not be reached.", "无法连接数据库。"),
    "database.unreachable_nothing_saved": (
        "The database could not be reached; nothing was saved.",
        "无法连接数据库，未保存任何内容。",
    ),
    "database.lost_while_saving": (
        "The connection was lost while saving; the change may or may not have been saved. "
        "Check before entering it again.",
        "保存时连接中断，修改可能已保存也可能没有。请先核实，再决定是否重新录入。",
    ),
    "database.unreachable_at_start": (
        "Cannot reach the database ({source}).",
        "无法连接数据库（{source}）。",
    ),
    "database.schema_missing": (
        "The database has no schema yet; this program needs {head}. "
        "An administrator runs: desk-app db upgrade",
        "数据库尚未建立表结构；本程序需要 {head}。请管理员运行：desk-app db upgrade",
    ),
    "database.schema_outdated": (
        "The database schema is at {current}, this program needs {head}. "
        "An administrator runs: desk-app db upgrade",
        "数据库结构版本为 {current}，本程序需要 {head}。请管理员运行：desk-app db upgrade",
    ),
    # desk start and `desk-app db check` (services.core.identity): who the app connects as
    "database.connected_as_superuser": (
        "Connected to the database as the superuser {user}: the database checks nothing. "
        "Desks should sign in with their own database login (see the README).",
        "当前以超级用户 {user} 连接数据库：数据库不做任何权限检查。"
        "各前台应使用自己的数据库登录账号（见 README）。",
    ),
    "database.connected_as_owner": (
        "Connected to the database as {user}, the owner of the tables: the database "
        "checks nothing. Desks should sign in with their own database login (see the README).",
        "当前以数据表所有者 {user} 连接数据库：数据库不做任何权限检查。"
        "各前台应使用自己的数据库登录账号（见 README）。",
    ),
    "request.invalid_key": ("Invalid request key.", "请求标识无效。"),
    "request.key_reused": (
        "Request key reused for a different action.",
        "请求标识已用于另一项操作。",
    ),
    # ------------------------------------------------------------ plain fields
    "field.required": ("This field is required.", "此项为必填项。"),
    "field.too_long": ("Too long: at most {limit} characters.", "太长：最多 {limit} 个字符。"),
    "field.control_characters": (
        "Contains invisible control characters; please retype it.",
        "含有不可见的控制字符，请重新输入。",
    ),
    "field.reason_required": ("Please give a reason.", "请填写原因。"),
    "field.not_a_choice": ("Choose one of the values offered.", "请从给出的选项中选择。"),
    "field.number_out_of_range": (
        "The number is outside the range that can be stored.",
        "数字超出了可以保存的范围。",
    ),
    "field.name_characters": (
        "A name may contain only letters, digits, spaces and · . ' -",
        "姓名只能包含文字、数字、空格以及 · . ' -",
    ),
    "field.whole_number": ("Enter a whole number.", "请输入整数。"),
    "field.quantity_positive": ("The quantity must be more than zero.", "数量必须大于零。"),
    "field.quantity_at_most": ("The quantity must be at most {limit}.", "数量最多为 {limit}。"),
    "field.amount_required": ("Enter an amount.", "请输入金额。"),
    "field.amount_negative": ("An amount cannot be negative.", "金额不能为负数。"),
    "field.amount_too_large": (
        "The amount is too large: at most {limit_cents}.",
        "金额太大：最多 {limit_cents}。",
    ),
    # ------------------------------------------------------------ working calendar
    "calendar.malformed": ("The working calendar is malformed.", "工作日历格式有误。"),
    "calendar.unreadable": (
        "The saved working calendar cannot be read.",
        "无法读取已保存的工作日历。",
    ),
    "calendar.zone_not_named": (
        "The time zone must be a named IANA zone (e.g. Asia/Shanghai).",
        "时区必须是有名称的 IANA 时区（例如 Asia/Shanghai）。",
    ),
    "calendar.bad_weekday": (
        "A weekday is 0 (Mon) to 6 (Sun), not {weekday}.",
        "星期应为 0（周一）到 6（周日），而不是 {weekday}。",
    ),
    "calendar.no_working_periods": (
        "The week has no working hours.",
        "一周中没有任何营业时间。",
    ),
    "calendar.holiday_not_a_date": (
        "A holiday must be a date: {day}.",
        "节假日必须是日期：{day}。",
    ),
    "calendar.makeup_not_a_date": (
        "A make-up day must be a date: {day}.",
        "调休上班日必须是日期：{day}。",
    ),
    "calendar.makeup_bad_weekday": (
        "Make-up day {day} names no weekday ({weekday}).",
        "调休上班日 {day} 没有指明星期几（{weekday}）。",
    ),
    "calendar.makeup_on_day_off": (
        "Make-up day {day} works the hours of a day off.",
        "调休上班日 {day} 所按的星期几是休息日。",
    ),
    "calendar.holiday_and_makeup": (
        "{day} is both a holiday and a make-up day.",
        "{day} 既是节假日又是调休上班日。",
    ),
    "calendar.period_not_two_times": (
        "Weekday {weekday}: a working period is a start and an end time.",
        "星期 {weekday}：营业时段须有开始和结束时间。",
    ),
    "calendar.period_not_local": (
        "Weekday {weekday}: working periods are local times.",
        "星期 {weekday}：营业时段须为当地时间。",
    ),
    "calendar.period_reversed": (
        "Weekday {weekday}: {start} - {end} does not end after it starts.",
        "星期 {weekday}：{start} - {end} 的结束时间不晚于开始时间。",
    ),
    "calendar.periods_overlap": (
        "Weekday {weekday}: working periods must be in order and not overlap.",
        "星期 {weekday}：营业时段须按顺序排列且不能重叠。",
    ),
    "calendar.span_too_long": (
        "The time span is longer than 100 years.",
        "时间跨度超过 100 年。",
    ),
    # ------------------------------------------------------------ service clocks
    "clock.hours_range": (
        "The hours must be between 0 and {limit}, not {value}.",
        "小时数须在 0 到 {limit} 之间，而不是 {value}。",
    ),
    "clock.at_risk_fraction_range": (
        "The at-risk share must be between 0 and 1, not {value}.",
        "预警比例须在 0 到 1 之间，而不是 {value}。",
    ),
    "clock.deadline_out_of_range": (
        "The deadline falls outside the supported dates.",
        "截止时间超出了支持的日期范围。",
    ),
    "clock.deadline_too_far": (
        "The deadline lies more than 100 years ahead.",
        "截止时间在 100 年以后。",
    ),
    "clock.date_out_of_range": (
        "The date falls outside the supported range.",
        "日期超出了支持的范围。",
    ),
    # ------------------------------------------------------------ ratings and follow-ups
    "rating.missing": ("Choose a rating from 1 to 5.", "请选择 1 到 5 的评价。"),
    "rating.out_of_range": (
        "A rating is 1 (very dissatisfied) to 5 (very satisfied).",
        "评价为 1（非常不满意）到 5（非常满意）。",
    ),
    "followup.attempts_range": ("Between 1 and 20 attempts.", "回访次数为 1 到 20 次。"),
    "followup.attempts_not_whole": (
        "Give a whole number of attempts.",
        "回访次数须为整数。",
    ),
    "followup.delay_missing": (
        "Give at least one delay between attempts.",
        "请至少填写一个回访间隔。",
    ),
    "followup.delay_range": (
        "Each delay is between 1 minute and 60 days.",
        "每个回访间隔须在 1 分钟到 60 天之间。",
    ),
    "followup.delays_not_a_list": (
        "Give the delays as a list of hours.",
        "回访间隔须为以小时计的列表。",
    ),
    "followup.delay_not_a_number": (
        "Each delay is a number of hours.",
        "每个回访间隔须为小时数。",
    ),
    "maintenance.interval_range": (
        "{category}: the interval is 1 to 120 months.",
        "{category}：保养周期为 1 到 120 个月。",
    ),
}
