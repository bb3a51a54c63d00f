"""The complaints screen, its dialogs, history and steps."""
