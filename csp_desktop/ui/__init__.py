"""Everything Qt: the main window, views, Qt models and undo commands. Widgets never run SQL.

Start-up code calls `ui.shell.qt_workarounds.apply_workarounds()` before any widget is made.
"""
