"""Everything Qt: the main window, views, Qt models and undo commands. Widgets never run SQL."""
