"""Administration: manager settings and users."""
