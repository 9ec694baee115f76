"""The command line: a thin shell over the services, so everything in the GUI can be scripted.

`csp-desktop` with no command opens the GUI. Each command opens the register, calls one service and
turns any error the user can cause into one sentence on stderr with exit status 1.
"""
from __future__ import annotations

from .base import CspGroup, main
# Each module registers its commands on main.
from . import (backup_commands, interchange_commands, pack_commands, plan_commands,  # noqa: F401
               register_commands, review_commands, updates_commands)

__all__ = ["CspGroup", "main"]
