"""Ticket intake (F3), the ticket window and counter printing."""
