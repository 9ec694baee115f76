"""The one base for errors a user can cause outside the store (bad files, bad values)."""


class UserError(Exception):
    """A problem the user can put right; its message is one sentence meant for them. Nothing was changed."""
