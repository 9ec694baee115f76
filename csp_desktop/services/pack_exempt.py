"""A rebuilt issued pack: what was exempt when it was issued, or is exempt now, stays out of Part I.

The issued pack keeps the register as the board saw it, exempt flags included. A flag set since then
must still keep the item out of Part I ("never" wins), and an item exempt then stays exempt even if its
flag was cleared later. The decision itself is `domain.exemption.exempt_ids`, given both versions.
"""
from __future__ import annotations

from dataclasses import replace

from ..domain.exemption import exempt_ids
from ..domain.pack import PackAction, PackChange, PackData, PackRisk


def strictest(kept: PackData, risks_now: tuple[PackRisk, ...], actions_now: tuple[PackAction, ...]) -> PackData:
    """`kept` with every item exempt then or now marked exempt, counting those that were public when issued."""
    by_ref = {r.ref: r.id for r in kept.risks if r.ref}
    # Packs issued before actions kept their risk's id name it by ref only.
    then = [a if a.risk_id or not a.risk_ref else replace(a, risk_id=by_ref.get(a.risk_ref))
            for a in (*kept.actions, *kept.matters_arising)]
    marked = mark(kept, exempt_ids((*kept.risks, *risks_now), (*then, *actions_now)))
    return replace(marked, exempt_since_issue=len(_exempt(marked) - _exempt(kept)))


def mark(data: PackData, exempt: frozenset[str]) -> PackData:
    """Every risk, action and change in `exempt` marked exempt; nothing already exempt is unmarked."""
    def flag(item):
        return item if item.exempt or item.id not in exempt else replace(item, exempt=True)
    named = {("risk", r.ref, r.title) for r in data.risks if r.id in exempt}
    named |= {("action", a.ref, a.title) for a in (*data.actions, *data.matters_arising) if a.id in exempt}
    refs = {(kind, ref) for kind, ref, _ in named if ref}

    def flag_change(change: PackChange) -> PackChange:
        # Changes in packs issued before changes kept their item's id are matched by ref and title.
        hit = change.id in exempt if change.id else \
            (change.item, change.ref, change.title) in named or (change.item, change.ref) in refs
        return replace(change, exempt=True) if hit and not change.exempt else change
    return replace(data, risks=tuple(map(flag, data.risks)), actions=tuple(map(flag, data.actions)),
                   matters_arising=tuple(map(flag, data.matters_arising)),
                   changes=tuple(map(flag_change, data.changes)))


def _exempt(data: PackData) -> set[str]:
    items: tuple[PackRisk | PackAction, ...] = (*data.risks, *data.actions, *data.matters_arising)
    return {item.id for item in items if item.exempt}
