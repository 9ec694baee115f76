"""The audit trail on screen: a History tab for one item, and the register-wide History view."""
