"""The update round's contact: the coordinator's name and email as owners see them on their workbook."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import UserError

MAX_NAME = 200
MAX_EMAIL = 254   # the longest address mail systems accept (RFC 5321)
# One @, something before it, a dotted domain after it, no spaces: enough to catch a typo or a pasted
# sentence; whether the mailbox exists only the mail program can tell.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


@dataclass(frozen=True)
class Contact:
    name: str = ""
    email: str = ""

    def words(self) -> str:
        """"Sam Patel, sam.patel@example.gov.uk", as the instructions sheet prints it."""
        return ", ".join(x for x in (self.name, self.email) if x)


def clean_contact(name: str, email: str) -> Contact:
    """The contact as it will be kept ('' clears a part), or a one-sentence reason it cannot be."""
    name, email = " ".join(str(name or "").split()), str(email or "").strip()
    for what, text, longest in (("name", name, MAX_NAME), ("email", email, MAX_EMAIL)):
        if len(text) > longest:
            raise UserError(f"The coordinator's {what} can be at most {longest} characters.")
        if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text):
            raise UserError(f"The coordinator's {what} cannot contain control characters.")
    if email and not _EMAIL.fullmatch(email):
        raise UserError(f"{email!r} does not look like an email address (such as sam.patel@example.gov.uk).")
    return Contact(name, email)
