"""Everything Qt: the main window, views, Qt models and undo commands. Widgets never run SQL."""

from .shell.qt_workarounds import keep_bools_alive

keep_bools_alive()
