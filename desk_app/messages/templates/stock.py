"""Refusal templates of the stock area: code → (English, 简体中文)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    # numbers and codes typed into the catalogue, counts and adjustments
    "stock.whole_number": ("Enter a whole number.", "请输入整数。"),
    "stock.not_negative": ("Cannot be negative.", "不能为负数。"),
    "stock.at_most": ("At most {limit}.", "最多 {limit}。"),
    "stock.nonzero_whole_number": ("Enter a whole number other than zero.", "请输入不为零的整数。"),
    "stock.code_characters": (
        "Use letters, digits and . _ / - only, no spaces.",
        "只能使用字母、数字和 . _ / -，不能有空格。",
    ),
    "stock.barcode_characters": (
        "A barcode holds letters, digits and symbols, no spaces.",
        "条码由字母、数字和符号组成，不能有空格。",
    ),
    "stock.models_not_a_list": ("Give a list of models.", "请填写机型列表。"),
    "stock.too_many_models": ("At most {limit} models.", "最多 {limit} 个机型。"),
    "stock.code_taken": ("Code {code} is already in use.", "编码 {code} 已被使用。"),
    "stock.barcode_taken": (
        "Barcode {barcode} is already on another part.",
        "条码 {barcode} 已用于另一个配件。",
    ),
    "stock.unknown_barcode": (
        "Unknown code {key}: no part has this barcode or code.",
        "未知编码 {key}：没有配件使用这个条码或编码。",
    ),
    "stock.part_retired": (
        "{part_code} {part_name} is no longer in use.",
        "{part_code} {part_name} 已停用。",
    ),
    # locations
    "stock.location_kind": ("Choose store, van or damaged.", "请选择仓库、车载库或旧件区。"),
    "stock.location_retired": ("{location} is no longer in use.", "{location} 已停用。"),
    "stock.location_holds_stock": (
        "{location} still holds stock ({on_hand} on hand, {reserved} reserved); "
        "move or count it out before taking the location out of use.",
        "{location} 仍有库存（在库 {on_hand}，已预留 {reserved}）；"
        "请先调出或盘点清零，再停用该库位。",
    ),
    "stock.damaged_location_in_use": (
        "{location} holds the damaged parts returned; it stays in use.",
        "{location} 存放退回的旧件，不能停用。",
    ),
    "stock.location_active": ("Choose in use or not in use.", "请选择启用或停用。"),
    "stock.location_damaged": (
        "{location} holds damaged parts; they can never be issued or moved out.",
        "{location} 存放的是旧件，不能出库或调出。",
    ),
    "stock.damaged_code_taken": (
        "The code {code} is taken by another location; rename it.",
        "编码 {code} 已被另一个库位占用，请将其改名。",
    ),
    "stock.same_location": (
        "Choose a location other than the source.",
        "请选择与调出位置不同的库位。",
    ),
    "stock.not_enough": (
        "Not enough stock of {part_code}: {available} available.",
        "{part_code} 库存不足：仅剩 {available}。",
    ),
    # movements
    "stock.reversal_not_reversible": (
        "A reversal cannot itself be reversed; post a new movement instead.",
        "冲销记录本身不能再冲销；请另记一笔变动。",
    ),
    "stock.damaged_return_not_reversible": (
        "A returned damaged part is settled by setting its disposition.",
        "返还的旧件通过确定处置方式来了结。",
    ),
    "stock.movement_already_reversed": (
        "Movement {movement} was already reversed by {who} at {when}.",
        "变动 {movement} 已由 {who} 于 {when} 冲销。",
    ),
    "stock.return_reversed_first": (
        "Some of these parts were already returned; reverse the return first.",
        "其中部分配件已退回；请先冲销退回记录。",
    ),
    # requisitions
    "stock.no_lines": ("Add at least one part.", "请至少添加一种配件。"),
    "stock.too_many_lines": (
        "At most {limit} lines on one requisition.",
        "一张领用单最多 {limit} 行。",
    ),
    "stock.line_shape": (
        "Each line names a part, a location and a quantity.",
        "每一行需要配件、库位和数量。",
    ),
    "stock.serial_pair": ("Give the fitted and the removed serial.", "请填写新件和旧件的序列号。"),
    "stock.line_not_on_requisition": (
        "Line {line} is not on {number}.",
        "第 {line} 行不在 {number} 上。",
    ),
    "stock.return_more_than_out": (
        "Only {out} of this line are out; at most {out} can come back.",
        "这一行只发出了 {out} 件，最多只能退回 {out} 件。",
    ),
    "stock.requisition_issued": (
        "Requisition {number} was already issued by {who} at {when}.",
        "领用单 {number} 已由 {who} 于 {when} 出库。",
    ),
    "stock.requisition_cancelled": (
        "Requisition {number} was cancelled.",
        "领用单 {number} 已取消。",
    ),
    "stock.ticket_closed": (
        "Ticket {number} is closed; its parts can no longer change.",
        "工单 {number} 已关闭，其配件不能再变动。",
    ),
    "stock.ticket_cancelled": (
        "Ticket {number} is cancelled; its parts can no longer change.",
        "工单 {number} 已取消，其配件不能再变动。",
    ),
    # damaged parts
    "stock.disposition_choice": (
        "Choose scrap, return to supplier or claim.",
        "请选择报废、退回供应商或厂家索赔。",
    ),
    "stock.disposition_decided": (
        "Already decided: {disposition}; it cannot be changed.",
        "已确定处置方式：{disposition}，不能更改。",
    ),
    # stocktakes
    "stock.stocktake_open": (
        "A stocktake of {location} is already open (No. {stocktake}).",
        "{location} 已有一个进行中的盘点（{stocktake} 号）。",
    ),
    "stock.stocktake_posted": ("This stocktake is already posted.", "这次盘点已经过账。"),
    "stock.stocktake_cancelled": ("This stocktake is already cancelled.", "这次盘点已经取消。"),
    "stock.part_by_id_or_barcode": (
        "Name the part by its id or by its barcode.",
        "请用配件编号或条码指明配件。",
    ),
    "stock.uncounted": (
        "{count} parts are not counted yet. Count them, or confirm that they are not there "
        "(counted as zero).",
        "还有 {count} 种配件未盘点。请盘点，或确认货架上没有（按零计）。",
    ),
    # reports
    "stock.usage_period": (
        "Choose a period of 1 to {limit} days.",
        "请选择 1 到 {limit} 天的统计期。",
    ),
}
