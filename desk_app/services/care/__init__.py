"""After-care: complaints (投诉), follow-up calls (回访), feedback forms (服务反馈单), maintenance
reminders (维护提醒).
"""
