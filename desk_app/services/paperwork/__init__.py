"""Plain data for the printed forms, read from the database (`desk_app.printing` renders it)."""
