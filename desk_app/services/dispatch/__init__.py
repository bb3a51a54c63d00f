"""Dispatch (派工): technicians, assignment and booking, the board's data."""
