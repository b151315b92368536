"""Realistic synthetic review bundles of any size, for benchmarks.

    .venv/bin/python benchmarks/generate.py 10000 /tmp/reviews-10k.rtbundle.json

Reviews of every kind over 2014-2026 with children, 5-15 factors from the codebook in
proportions like real reviews, recommendations and actions in every state, briefings and
long narratives. Deterministic for a given size (a fixed random seed).
"""

from __future__ import annotations

import json
import random
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

KINDS = ["rapid_review"] * 6 + ["cspr"] * 3 + ["scr", "learning_review", "national_review"]
SENTENCES = [
    "The family had moved into the area shortly before the incident and records had not followed.",
    "Police had attended several domestic abuse incidents during the pregnancy.",
    "The health visitor raised concerns persistently and made a referral.",
    "Safer sleep advice was given to the mother but not to the father.",
    "School recorded the child's hunger and poor hygiene on many occasions.",
    "Each referral was treated as a new concern rather than as part of a pattern.",
    "The child's lived experience was not described in any assessment.",
    "An interpreter was not used at the health visiting contacts.",
    "The core group meetings lapsed and the father did not engage.",
    "The child was waiting for a CAMHS assessment when the incident happened.",
    "Professionals did not know that a new partner was living in the household.",
    "Information held by adult services was not shared with children's services.",
]
AGENCIES = [
    "Police",
    "Children's social care",
    "Health visiting",
    "Midwifery",
    "GP",
    "School",
    "Adult mental health",
    "Drug and alcohol service",
    "Housing",
    "CAMHS",
    "Probation",
]
OWNERS = [*AGENCIES, "Safeguarding partnership business unit", "Integrated Care Board"]


def _codes() -> list[str]:
    root = Path(__file__).resolve().parents[1]
    with (root / "resources" / "codebook.json").open(encoding="utf-8") as stream:
        return [
            entry["code"]
            for entry in json.load(stream)["codebook"]
            if entry["code"].count(".") >= 1 and entry["code"] not in ("child.harm", "child.death")
        ]


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(" ".join(rng.choices(SENTENCES, k=rng.randint(3, 6))) for _ in range(count))


def review(rng: random.Random, number: int, codes: list[str]) -> dict[str, object]:
    kind = rng.choice(KINDS)
    notified = _day(rng, date(2014, 1, 1), date(2026, 10, 31))
    aware = notified - timedelta(days=rng.randint(0, 6))
    decision = min(notified + timedelta(days=rng.randint(15, 40)), date(2026, 11, 20))
    published = (
        decision + timedelta(days=rng.randint(120, 400))
        if kind != "rapid_review" and rng.random() < 0.6
        else None
    )
    if published and published > date(2026, 11, 20):
        published = None
    chosen = rng.sample(codes, rng.randint(5, 15))
    factors = [
        {
            "code": code,
            "role": "good_practice"
            if code.startswith("good.")
            else rng.choice(["present", "present", "learning"]),
            "note": rng.choice(SENTENCES) if rng.random() < 0.5 else None,
        }
        for code in chosen
    ]
    recommendations = []
    for _recommendation in range(rng.randint(1, 4)):
        actions = []
        for _action in range(rng.randint(1, 3)):
            status = rng.choice(["not_started", "in_progress", "complete", "complete", "dropped"])
            due = _day(rng, decision, decision + timedelta(days=400))
            actions.append(
                {
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "text": rng.choice(SENTENCES),
                    "owner": rng.choice(OWNERS),
                    "due": due.isoformat(),
                    "status": status,
                    "completed": min(due, date(2026, 11, 20)).isoformat()
                    if status == "complete"
                    else None,
                    "assurance": "Audit of assessments" if status == "complete" else None,
                    "impact": None,
                }
            )
        recommendations.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "text": rng.choice(SENTENCES),
                "actions": actions,
            }
        )
    headings = [
        "Background",
        "Why it matters",
        "What happened",
        "Key learning",
        "Good practice",
        "Reflective questions",
        "What to do",
    ]
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "reference": f"SYN-{kind[:2].upper()}-{notified.year}-{number:05d}",
        "kind": kind,
        "title": f"Child {number}",
        "status": rng.choice(["open", "closed", "published"]),
        "updated_at": f"{decision.isoformat()}T10:00:00Z",
        "converted_from": None,
        "notification_type": rng.choice(["death", "serious_harm", "serious_harm"]),
        "dates": {
            "incident": aware.isoformat(),
            "aware": aware.isoformat(),
            "notified": notified.isoformat(),
            "rapid_review_meeting": None,
            "rapid_review_submitted": None,
            "decision": decision.isoformat(),
            "published": published.isoformat() if published else None,
        },
        "decision": rng.choice(["lcspr", "no_lcspr"]),
        "decision_rationale": rng.choice(SENTENCES),
        "criteria": sorted(rng.sample("abcd", rng.randint(0, 2))),
        "reviewer": None,
        "methodology": None,
        "children": [
            {
                "pseudonym": f"Child {number}{'ABC'[c]}",
                "age_months": rng.choice([0, 2, 5, 11, 18, 40, 70, 100, 150, 190, 205]),
                "sex": rng.choice(["male", "female"]),
                "ethnicity": rng.choice(
                    ["White British", "Black African", "Pakistani", "Polish", "Mixed"]
                ),
                "disability": rng.random() < 0.15,
                "looked_after": rng.random() < 0.1,
                "plan": rng.choice(["none", "cin", "cp", "previous_cp"]),
                "known_to_csc": rng.random() < 0.6,
            }
            for c in range(rng.choice([1, 1, 1, 2, 3]))
        ],
        "agencies": rng.sample(AGENCIES, rng.randint(2, 6)),
        "summary": _paragraphs(rng, rng.randint(2, 5)),
        "factors": factors,
        "tags": rng.sample(
            ["safe sleep", "neglect", "exploitation", "ICON", "transition", "interpreters"], 2
        ),
        "learning": [rng.choice(SENTENCES) for _ in range(rng.randint(1, 4))],
        "good_practice": [rng.choice(SENTENCES) for _ in range(rng.randint(0, 2))],
        "recommendations": recommendations,
        "briefing": {
            "status": rng.choice(["draft", "approved", "published"]),
            "sections": [{"heading": h, "body": _paragraphs(rng, 1)} for h in headings],
        }
        if rng.random() < 0.5
        else None,
    }


def bundle(count: int, seed: int = 7) -> dict[str, object]:
    rng = random.Random(seed)
    codes = _codes()
    return {
        "format": "reviewtool.bundle",
        "version": 1,
        "exported_at": "2026-11-21T10:00:00Z",
        "partnership": "Synthetic Safeguarding Children Partnership",
        "codebook": [],
        "reviews": [review(rng, n, codes) for n in range(count)],
        "briefings": [],
    }


def main() -> int:
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.write_text(json.dumps(bundle(count), ensure_ascii=False), encoding="utf-8")
    print(f"{count} reviews -> {out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
