"""The command line: a thin shell over the services, so everything in the GUI can be scripted.

`csp-desktop` with no command opens the GUI. Each command opens the register, calls one service and
turns any error the user can cause into one sentence on stderr with exit status 1.
"""
from __future__ import annotations

from .base import CspGroup, main
# Each module registers its commands on main.
from . import (action_commands, backup_commands, interchange_commands, lock_commands,  # noqa: F401
               pack_commands, people_commands, plan_commands, register_commands, review_commands,
               risk_commands, scheme_commands, updates_commands)

__all__ = ["CspGroup", "main"]
