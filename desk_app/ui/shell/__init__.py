"""The top of the app: start-up, sign-in and the main window; nothing imports it but the CLI's
`run`.
"""
