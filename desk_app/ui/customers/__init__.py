"""Customer lookup (F2), the customer detail, its dialogs and merges."""
