"""The dispatch board (F4): grid, cards, queue, side panel, toolbar, actions."""
