"""Which items are exempt information (Schedule 12A, Local Government Act 1972): the ONE rule.

The pack, the exports, the owner workbooks and the email drafts all ask `exempt_ids`; nothing else
decides. An item is exempt when
- it is flagged exempt itself;
- it is an action on an exempt risk, directly or through one of that risk's mitigations (its title
  and risk would give the exempt risk away);
- any version of it given says so: pass an item both as it stands now and as an issued pack kept it,
  and the strictest of then and now wins ("never" wins: once withheld, never printed in Part I).
Mitigations and reviews are exempt with their risk, progress notes with their action (`covers`).
"""
from __future__ import annotations

from typing import Iterable, Protocol


class Flagged(Protocol):
    """Read-only members, so the frozen pack rows (PackRisk, PackAction) match as well as the model's."""
    @property
    def id(self) -> str: ...

    @property
    def exempt(self) -> bool: ...


class Linked(Flagged, Protocol):
    """An action: its own flag and the risk (and mitigation) it is on; None when on none."""
    @property
    def risk_id(self) -> str | None: ...


def exempt_ids(risks: Iterable[Flagged], actions: Iterable[Linked] = (),
               mitigations: Iterable = ()) -> frozenset[str]:
    """The ids of every exempt risk and action. `risks` and `actions` may repeat an id (then and now);
    `mitigations` (anything with .id and .risk_id) tie actions filed against a mitigation to its risk."""
    actions = list(actions)
    risky = {risk.id for risk in risks if risk.exempt}
    on_risk = {m.id: m.risk_id for m in mitigations}
    found = set(risky)
    for action in actions:
        risk_id = getattr(action, "risk_id", None) or on_risk.get(getattr(action, "mitigation_id", None) or "")
        if action.exempt or (risk_id is not None and risk_id in risky):
            found.add(action.id)
    return frozenset(found)


def covers(exempt: frozenset[str], item) -> bool:
    """Whether `item` (a risk, action, mitigation, review or progress note) is exempt, given `exempt_ids`."""
    return any(getattr(item, key, None) in exempt for key in ("id", "risk_id", "action_id")
               if getattr(item, key, None) is not None)
