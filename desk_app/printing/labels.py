"""Printed wording in both languages: code labels (kinds, urgency, ...) and form captions."""

from __future__ import annotations

from collections.abc import Mapping

ZH = "zh_CN"
EN = "en"
LANGUAGES = (ZH, EN)

# Codes are the lowercase values of desk_app.domain.enums; a code missing from a
# table is printed as given, so a service may also pass ready-made text.
TICKET_KINDS: Mapping[str, Mapping[str, str]] = {
    ZH: {
        "repair": "维修",
        "installation": "安装",
        "maintenance": "保养",
        "consultation": "咨询",
        "return_exchange": "退换货",
        "return_to_factory": "返厂",
    },
    EN: {
        "repair": "Repair",
        "installation": "Installation",
        "maintenance": "Maintenance",
        "consultation": "Consultation",
        "return_exchange": "Return / exchange",
        "return_to_factory": "Return to factory",
    },
}

URGENCIES: Mapping[str, Mapping[str, str]] = {
    ZH: {"normal": "普通", "urgent": "紧急", "critical": "特急"},
    EN: {"normal": "Normal", "urgent": "Urgent", "critical": "Critical"},
}

TICKET_STATUSES: Mapping[str, Mapping[str, str]] = {
    ZH: {
        "new": "新建",
        "dispatched": "已派工",
        "appointed": "已预约",
        "in_service": "服务中",
        "waiting_parts": "待配件",
        "waiting_customer": "待客户",
        "completed": "已完工",
        "followed_up": "已回访",
        "closed": "已关闭",
        "cancelled": "已取消",
    },
    EN: {
        "new": "New",
        "dispatched": "Dispatched",
        "appointed": "Appointment confirmed",
        "in_service": "In service",
        "waiting_parts": "Waiting for parts",
        "waiting_customer": "Waiting for customer",
        "completed": "Completed",
        "followed_up": "Followed up",
        "closed": "Closed",
        "cancelled": "Cancelled",
    },
}

WARRANTY: Mapping[str, Mapping[str, str]] = {
    ZH: {"in": "保内", "expiring": "保内（即将到期）", "out": "保外", "unknown": "未知"},
    EN: {
        "in": "In warranty",
        "expiring": "In warranty (expiring soon)",
        "out": "Out of warranty",
        "unknown": "Unknown",
    },
}

# The five things a customer rates and the five levels, best first (服务反馈单).
RATING_CRITERIA = ("attitude", "professionalism", "timeliness", "effectiveness", "overall")
RATING_LEVELS = (
    "very_satisfied",
    "satisfied",
    "neutral",
    "dissatisfied",
    "very_dissatisfied",
)

_ZH_TEXT: dict[str, str] = {
    # shared
    "page_of": "第 {k} 页 共 {n} 页",
    "continued": "（续）",
    "hotline": "服务热线",
    "address": "地址",
    "printed_at": "打印时间",
    "date": "日期",
    "yes": "是",
    "no": "否",
    "no_items": "（无）",
    "seq": "序号",
    "part_code": "配件编码",
    "part_name": "配件名称",
    "part_spec": "规格型号",
    "qty": "数量",
    "unit": "单位",
    "unit_price": "单价",
    "amount": "金额",
    "ticket_no": "工单号",
    "notes": "备注",
    "customer": "客户姓名",
    "phone": "联系电话",
    "product_type": "产品类别",
    "brand": "品牌",
    "model": "型号",
    "serial_no": "机身编号",
    "purchase_date": "购买日期",
    "warranty": "保修状态",
    "technician": "服务工程师",
    "kind": "服务类型",
    "fault": "故障现象（客户描述）",
    "charge_standard": "收费标准",
    "fill_date": "____年____月____日",
    "fill_datetime": "____年____月____日 ____时____分",
    # route sheet (a technician's day, before the work orders)
    "rs_title": "工程师路线单",
    "rs_day": "服务日期",
    "rs_visits": "上门数",
    "rs_visits_n": "共 {n} 单",
    "rs_time": "时间 / 工单号",
    "rs_customer": "客户 / 电话",
    "rs_job": "服务内容",
    "rs_parts": "需带配件",
    "rs_parts_total": "需带配件汇总",
    "rs_for_tickets": "用于工单",
    "rs_no_time": "时间未定",
    "rs_left_out": "另有 {n} 单已完工，未列入本单。",
    # work order
    "wo_title": "服务派工单",
    "wo_section_ticket": "工单信息",
    "wo_section_customer": "客户信息",
    "wo_section_product": "产品信息",
    "urgency": "紧急程度",
    "status": "工单状态",
    "created_at": "受理时间",
    "area": "服务区域",
    "service_address": "服务地址",
    "appointment": "预约时间",
    "wo_preferred": "期望 %1",
    "respond_by": "响应时限",
    "visit_by": "上门时限",
    "repair_by": "完工时限",
    "likely_parts": "预计所需配件",
    "tools": "所需工具",
    "technician_part": "以下由服务工程师现场填写",
    "findings": "检测结果 / 故障原因",
    "work_done": "处理措施 / 维修内容",
    "parts_used": "使用配件",
    "charges": "费用",
    "in_warranty_free": "保内免费",
    "chargeable": "保外收费",
    "misuse": "人为损坏收费",
    "labour_fee": "人工费",
    "parts_fee": "配件费",
    "travel_fee": "上门费",
    "other_fee": "其他",
    "total": "合计",
    "arrival_time": "到达时间",
    "completion_time": "完工时间",
    "technician_sign": "工程师签字",
    "customer_sign": "客户签字",
    "customer_ack": (
        "客户确认：服务前已告知收费标准；以上服务已完成，设备经试机运行正常，所列费用无异议。"
    ),
    # feedback form
    "fb_title": "服务反馈单",
    "fb_intro": (
        "尊敬的客户：感谢您选择我们的服务。为了不断提高服务质量，请您对本次服务作出评价，"
        "在相应的方框内打“√”。您的意见我们将认真对待。"
    ),
    "fb_service_date": "服务日期",
    "fb_item": "评价项目",
    "fb_problem_solved": "您的问题是否已经解决？",
    "fb_comments": "意见与建议",
    "fb_office": "以下由客服中心填写：回收日期 ____________  录入人 ____________",
    "fb_return_note": "请将本单交还服务工程师；客服中心扫描右上角条码录入。",
    "rating_attitude": "服务态度",
    "rating_professionalism": "专业水平",
    "rating_timeliness": "及时性",
    "rating_effectiveness": "维修效果",
    "rating_overall": "总体评价",
    "level_very_satisfied": "非常满意",
    "level_satisfied": "满意",
    "level_neutral": "一般",
    "level_dissatisfied": "不满意",
    "level_very_dissatisfied": "非常不满意",
    # requisition
    "rq_title": "配件领用单",
    "rq_no": "领用单号",
    "rq_date": "领用日期",
    "rq_requested_by": "领用人",
    "rq_issued_by": "发料人",
    "rq_warehouse": "发料仓库",
    "rq_total": "合计",
    "rq_sign_requested": "领用人签字",
    "rq_sign_issued": "发料人签字",
    "rq_sign_approved": "审核人签字",
    # returned-part slip
    "rp_title": "旧件返还登记单",
    "rp_no": "登记单号",
    "rp_returned_by": "返还人",
    "rp_received_by": "接收人",
    "rp_returned_at": "返还时间",
    "rp_reason": "损坏情况 / 故障原因",
    "rp_sign_returned": "返还人签字",
    "rp_sign_received": "接收人签字",
    # count sheet
    "cs_title": "库存盘点表",
    "cs_no": "盘点单号",
    "cs_warehouse": "盘点仓库",
    "cs_date": "盘点日期",
    "cs_mode": "盘点方式",
    "cs_blind": "盲盘（不显示账面数量）",
    "cs_open": "明盘",
    "cs_bin": "库位",
    "cs_system_qty": "账面数",
    "cs_counted_qty": "实盘数",
    "cs_difference": "差异",
    "cs_items": "共 {n} 个品项",
    "cs_items_label": "品项数",
    "cs_totals": "合计：共 {n} 个品项",
    "cs_totals_qty": "合计：共 {n} 个品项，账面数量合计 {q}",
    "cs_counted_total": "实盘数量合计 ____________",
    "cs_sign_counter": "盘点人",
    "cs_sign_checker": "复核人",
    "cs_sign_supervisor": "监盘人",
    # check-in receipt and tag
    "ci_title": "送修接机单",
    "ci_received_at": "接机时间",
    "ci_received_by": "接机人",
    "ci_accessories": "随机附件",
    "ci_condition": "外观状况",
    "ci_expected": "预计完成",
    "ci_terms": "取机须知",
    "ci_default_terms": (
        "1. 请妥善保管本单，凭本单取机；遗失请携带有效证件到服务台办理。\n"
        "2. 保外维修先检测、后报价，经您同意后再维修。\n"
        "3. 维修完成后我们将电话通知您，请于通知后 30 日内取机。"
    ),
    "ci_customer_sign": "客户签字",
    "ci_clerk_sign": "接机人签字",
    "tag_title": "维修标签",
    "tag_received": "接机",
    "fault_short": "故障",
    "tag_customer": "客户",
    "tag_product": "产品",
}

_EN_TEXT: dict[str, str] = {
    "page_of": "Page {k} of {n}",
    "continued": " (cont.)",
    "hotline": "Hotline",
    "address": "Address",
    "printed_at": "Printed",
    "date": "Date",
    "yes": "Yes",
    "no": "No",
    "no_items": "(none)",
    "seq": "No.",
    "part_code": "Part code",
    "part_name": "Part name",
    "part_spec": "Model / spec",
    "qty": "Qty",
    "unit": "Unit",
    "unit_price": "Unit price",
    "amount": "Amount",
    "ticket_no": "Ticket no.",
    "notes": "Notes",
    "customer": "Customer",
    "phone": "Phone",
    "product_type": "Product",
    "brand": "Brand",
    "model": "Model",
    "serial_no": "Serial no.",
    "purchase_date": "Purchased",
    "warranty": "Warranty",
    "technician": "Technician",
    "kind": "Service kind",
    "fault": "Fault (as described by the customer)",
    "charge_standard": "Charge standard",
    "fill_date": "____-____-____",
    "fill_datetime": "____-____-____  ____:____",
    # route sheet (a technician's day, before the work orders)
    "rs_title": "Route Sheet",
    "rs_day": "Day",
    "rs_visits": "Visits",
    "rs_visits_n": "{n} in all",
    "rs_time": "Time / ticket",
    "rs_customer": "Customer / phone",
    "rs_job": "Job",
    "rs_parts": "Parts to take",
    "rs_parts_total": "All parts to take",
    "rs_for_tickets": "For tickets",
    "rs_no_time": "No time set",
    "rs_left_out": "{n} completed visit(s) left out.",
    "wo_title": "Work Order",
    "wo_section_ticket": "Ticket",
    "wo_section_customer": "Customer",
    "wo_section_product": "Product",
    "urgency": "Urgency",
    "status": "Status",
    "created_at": "Received",
    "area": "Service area",
    "service_address": "Address",
    "appointment": "Appointment",
    "wo_preferred": "wish %1",
    "respond_by": "Respond by",
    "visit_by": "Visit by",
    "repair_by": "Repair by",
    "likely_parts": "Parts likely needed",
    "tools": "Tools",
    "technician_part": "To be filled in on site by the technician",
    "findings": "Findings / cause",
    "work_done": "Work done",
    "parts_used": "Parts used",
    "charges": "Charges",
    "in_warranty_free": "In warranty, free",
    "chargeable": "Out of warranty",
    "misuse": "Misuse, chargeable",
    "labour_fee": "Labour",
    "parts_fee": "Parts",
    "travel_fee": "Call-out",
    "other_fee": "Other",
    "total": "Total",
    "arrival_time": "Arrived",
    "completion_time": "Completed",
    "technician_sign": "Technician's signature",
    "customer_sign": "Customer's signature",
    "customer_ack": (
        "Customer: I was told the charge standard before the work; the work above is done, "
        "the appliance was tested and works, and I accept the charges listed."
    ),
    "fb_title": "Service Feedback Form",
    "fb_intro": (
        "Dear customer, thank you for choosing our service. Please rate this visit by "
        "ticking one box in each row. Every answer is read and acted upon."
    ),
    "fb_service_date": "Service date",
    "fb_item": "Aspect",
    "fb_problem_solved": "Has your problem been solved?",
    "fb_comments": "Comments and suggestions",
    "fb_office": "Office use: received ____________  entered by ____________",
    "fb_return_note": (
        "Please hand this form back to the technician; the desk scans the code at the top."
    ),
    "rating_attitude": "Attitude",
    "rating_professionalism": "Professionalism",
    "rating_timeliness": "Timeliness",
    "rating_effectiveness": "Effectiveness",
    "rating_overall": "Overall",
    "level_very_satisfied": "Very satisfied",
    "level_satisfied": "Satisfied",
    "level_neutral": "Neutral",
    "level_dissatisfied": "Dissatisfied",
    "level_very_dissatisfied": "Very dissatisfied",
    "rq_title": "Parts Requisition",
    "rq_no": "Requisition no.",
    "rq_date": "Date",
    "rq_requested_by": "Requested by",
    "rq_issued_by": "Issued by",
    "rq_warehouse": "Warehouse",
    "rq_total": "Total",
    "rq_sign_requested": "Received by (signature)",
    "rq_sign_issued": "Issued by (signature)",
    "rq_sign_approved": "Approved by (signature)",
    "rp_title": "Returned Part Slip",
    "rp_no": "Slip no.",
    "rp_returned_by": "Returned by",
    "rp_received_by": "Received by",
    "rp_returned_at": "Returned at",
    "rp_reason": "Damage / fault",
    "rp_sign_returned": "Returned by (signature)",
    "rp_sign_received": "Received by (signature)",
    "cs_title": "Stocktake Count Sheet",
    "cs_no": "Count no.",
    "cs_warehouse": "Location",
    "cs_date": "Count date",
    "cs_mode": "Mode",
    "cs_blind": "Blind count (book quantities hidden)",
    "cs_open": "Open count",
    "cs_bin": "Bin",
    "cs_system_qty": "Book qty",
    "cs_counted_qty": "Counted",
    "cs_difference": "Diff.",
    "cs_items": "{n} items",
    "cs_items_label": "Items",
    "cs_totals": "Total: {n} items",
    "cs_totals_qty": "Total: {n} items, book quantity {q}",
    "cs_counted_total": "Counted total ____________",
    "cs_sign_counter": "Counted by",
    "cs_sign_checker": "Checked by",
    "cs_sign_supervisor": "Supervised by",
    "ci_title": "Check-in Receipt",
    "ci_received_at": "Received at",
    "ci_received_by": "Received by",
    "ci_accessories": "Accessories left",
    "ci_condition": "Condition",
    "ci_expected": "Expected ready",
    "ci_terms": "Terms",
    "ci_default_terms": (
        "1. Keep this receipt; the appliance is handed over against it. If lost, bring an ID "
        "to the desk.\n"
        "2. Out-of-warranty repairs are diagnosed and quoted first, and done only once you agree.\n"
        "3. We call you when the repair is done; please collect within 30 days of the call."
    ),
    "ci_customer_sign": "Customer's signature",
    "ci_clerk_sign": "Received by (signature)",
    "tag_title": "Repair tag",
    "tag_received": "In",
    "fault_short": "Fault",
    "tag_customer": "Customer",
    "tag_product": "Product",
}

TEXT: Mapping[str, Mapping[str, str]] = {ZH: _ZH_TEXT, EN: _EN_TEXT}


def check_language(language: str) -> str:
    """Return ``language`` if it is one the forms are written in, else raise ValueError."""
    if language not in TEXT:
        raise ValueError(f"unsupported print language {language!r}; use one of {LANGUAGES}")
    return language


def text(language: str, key: str) -> str:
    """The caption ``key`` in ``language``."""
    return TEXT[check_language(language)][key]


def code_label(table: Mapping[str, Mapping[str, str]], language: str, code: str) -> str:
    """The label of ``code`` in ``language``; unknown codes come back unchanged."""
    return table[check_language(language)].get(code, code)
