"""The file name a built pack is offered under: "PEG 2027-03-15 Part I.pdf", from the board and the date."""
from __future__ import annotations

import re
from datetime import date

from .pack import EXEMPT, PUBLIC

PART_WORDS = {PUBLIC: "Part I", EXEMPT: "Part II"}
SHORT_ENOUGH = 12      # a board name this short is used as it is
SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "&"}
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # not allowed in a Windows file name


def board_short_name(board: str) -> str:
    """A short name for a board: its own "(PEG)" if it has one, the name if short, else its initials."""
    board = " ".join(board.split())
    given = re.search(r"\(([^()]{1,15})\)\s*$", board)
    if given:
        return given.group(1).strip()
    if len(board) <= SHORT_ENOUGH:
        return board
    words = [w for w in re.split(r"[\s\-\u2013]+", board) if w and w.casefold() not in SMALL_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalnum()) or board[:SHORT_ENOUGH]


def pack_file_name(board: str | None, held_on: date | None, part_words: str) -> str:
    """"PEG 2027-03-15 Part I.pdf"; without a meeting, "Risk register <date> Part I.pdf"."""
    name = board_short_name(board) if board and board.strip() else "Risk register"
    when = f" {held_on:%Y-%m-%d}" if held_on else ""
    text = UNSAFE.sub(" ", f"{name}{when} {part_words}")
    return " ".join(text.split()).strip(". ")[:120] + ".pdf"
