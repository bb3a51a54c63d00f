"""Manager administration screens: settings."""
