"""A synthetic register of any size, built with the store's insert_many inside one transaction."""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from csp_desktop.domain.model import ACTION_STATUSES, new_id
from csp_desktop.store import Register

WORDS = ("county lines exploitation funding youth diversion CCTV coverage domestic abuse referrals hate crime "
         "anti-social behaviour partnership data sharing prison leavers accommodation serious violence night-time "
         "economy Łódź Tŷ Hafren cuckooing knife crime MARAC case volume £ & <review>").split()


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def build(path: Path, risks: int, actions: int, seed: int = 7) -> Path:
    """Owners, priorities, `risks` risks each with two reviews, and `actions` actions."""
    rng = random.Random(seed)
    today = date.today()
    reg = Register.create(path, f"Synthetic {risks} risks")
    with reg.transaction():
        owners = reg.insert_many("owners", ({"name": f"Owner {n:03d} {rng.choice(WORDS)}"} for n in range(60)))
        priorities = reg.insert_many("priorities", ({"ref": str(n), "title": sentence(rng, 4)} for n in range(1, 9)))
        risk_rows = [_risk(rng, n, owners, priorities, today) for n in range(1, risks + 1)]
        risk_ids = reg.insert_many("risks", risk_rows)
        reg.insert_many("reviews", (review for rid, row in zip(risk_ids, risk_rows)
                                    for review in _reviews(rng, rid, row, today)))
        reg.insert_many("actions", (_action(rng, n, owners, risk_ids, today) for n in range(1, actions + 1)))
    reg.close()
    return path


def _level(rng: random.Random) -> int:
    return rng.randint(1, 5)


def _risk(rng, n, owners, priorities, today) -> dict:
    return {"id": new_id(), "ref": f"R-{n:05d}", "title": sentence(rng, 8), "description": sentence(rng, 45),
            "category": rng.choice(("Operational", "Financial", "Reputational")),
            "owner_id": rng.choice(owners), "priority_id": rng.choice(priorities),
            "status": "open" if rng.random() < 0.9 else "closed",
            "inherent_likelihood": _level(rng), "inherent_impact": _level(rng),
            "residual_likelihood": _level(rng), "residual_impact": _level(rng),
            "target_likelihood": _level(rng), "target_impact": _level(rng),
            "next_review": (today + timedelta(days=rng.randint(-60, 120))).isoformat(),
            "exempt": int(rng.random() < 0.02)}


def _reviews(rng, risk_id, row, today):
    earlier = {"before_likelihood": _level(rng), "before_impact": _level(rng)}
    middle = {"after_likelihood": _level(rng), "after_impact": _level(rng)}
    yield {"risk_id": risk_id, "reviewed_on": (today - timedelta(days=180)).isoformat(), "reviewer": "Synthetic",
           **earlier, **middle}
    yield {"risk_id": risk_id, "reviewed_on": (today - timedelta(days=90)).isoformat(), "reviewer": "Synthetic",
           "before_likelihood": middle["after_likelihood"], "before_impact": middle["after_impact"],
           "after_likelihood": row["residual_likelihood"], "after_impact": row["residual_impact"]}


def _action(rng, n, owners, risk_ids, today) -> dict:
    return {"ref": f"A-{n:06d}", "title": sentence(rng, 7), "owner_id": rng.choice(owners),
            "due": (today + timedelta(days=rng.randint(-90, 200))).isoformat(),
            "status": rng.choice(ACTION_STATUSES), "progress": sentence(rng, 12),
            "risk_id": rng.choice(risk_ids) if rng.random() < 0.7 else None}
