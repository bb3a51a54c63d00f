"""Putting a printed form in front of the clerk: preview, direct printing, the work-order hook."""
