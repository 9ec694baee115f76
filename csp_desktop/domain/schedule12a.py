"""The descriptions of exempt information in Schedule 12A to the Local Government Act 1972: paragraphs 1-7 in
England, and the same descriptions as paragraphs 12-18 in Wales. A user picks one for each exempt item; the
Part II pack prints it, and the Part I pack names only the paragraph numbers."""
from __future__ import annotations

_WORDING = (
    "Information relating to any individual.",
    "Information which is likely to reveal the identity of an individual.",
    "Information relating to the financial or business affairs of any particular person (including the "
    "authority holding that information).",
    "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, "
    "in connection with any labour relations matter arising between the authority or a Minister of the Crown "
    "and employees of, or office holders under, the authority.",
    "Information in respect of which a claim to legal professional privilege could be maintained in legal "
    "proceedings.",
    "Information which reveals that the authority proposes (a) to give under any enactment a notice under or "
    "by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any "
    "enactment.",
    "Information relating to any action taken or to be taken in connection with the prevention, investigation "
    "or prosecution of crime.",
)
ENGLAND = {n: text for n, text in enumerate(_WORDING, start=1)}
WALES = {n: text for n, text in enumerate(_WORDING, start=12)}
PARAGRAPHS = {**ENGLAND, **WALES}
PUBLIC_INTEREST = ("In all the circumstances of the case, the public interest in maintaining the exemption "
                   "outweighs the public interest in disclosing the information.")


def wording(paragraph: int | None) -> str:
    return PARAGRAPHS.get(paragraph or 0, "")


def choices() -> list[tuple[int, str]]:
    """(number, "7 (England): Information relating to ...") for a picker."""
    return [(n, f"{n} ({'England' if n < 12 else 'Wales'}): {text}") for n, text in PARAGRAPHS.items()]
