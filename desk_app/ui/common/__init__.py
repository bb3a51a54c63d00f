"""What every screen shares: the desk context, background operations, the change hub, the
error-message table's Qt side, labels, widgets, table models, i18n.
"""
