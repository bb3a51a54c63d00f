"""The Staff… dialog (users, technicians, service areas) and the password dialogs."""
