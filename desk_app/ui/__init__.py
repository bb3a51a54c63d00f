"""The Qt front end: windows and screens over the services (nothing else imports this)."""
