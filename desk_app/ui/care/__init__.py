"""Complaints (F6), follow-ups (F7), maintenance reminders (F9), feedback forms (F10)."""
