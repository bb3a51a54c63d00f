"""The Settings… dialog and its tabs."""
