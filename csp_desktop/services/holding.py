"""Who holds a register for writing, and taking it from a holder that cannot let go itself."""
from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..store.writer_lock import break_lock, current_holder, this_machine


def holder_words(register: Path) -> str | None:
    """The holder in one phrase ("Jo Bloggs on LAPTOP-7 (process 4242) since 09:14 on 27/11/2026"), or None."""
    holder = current_holder(Path(register))
    return None if holder is None else holder.sentence()


def take_over(register: Path) -> str:
    """Break the writer's lock of a holder on another machine (or one that died here), once the user has
    been warned; returns the sentence of who held it. A live holder on this machine is refused."""
    register = Path(register)
    holder = current_holder(register)
    if holder is None:
        raise UserError(f"Nobody holds {register.name} for editing; there is nothing to take over.")
    if holder.machine == this_machine() and not holder.is_stale():
        raise UserError(f"{register.name} is being edited by {holder.sentence()}, on this computer: close it "
                        "there instead.")
    break_lock(register)
    return holder.sentence()
