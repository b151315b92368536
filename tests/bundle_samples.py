"""Small valid bundles to build tests from."""

from __future__ import annotations

import copy
import json
from typing import Any

REVIEW_ID = "0b6f3c1e-7f5b-4f5e-9a57-2d8b7f0c9a11"


def valid_review(**changes: Any) -> dict[str, Any]:
    review: dict[str, Any] = {
        "id": REVIEW_ID,
        "reference": "CEP-RR-2022-03",
        "kind": "rapid_review",
        "title": "Child J",
        "status": "closed",
        "updated_at": "2023-02-20T09:12:00Z",
        "converted_from": None,
        "notification_type": "death",
        "dates": {
            "incident": "2022-04-02",
            "aware": "2022-04-02",
            "notified": "2022-04-05",
            "rapid_review_meeting": "2022-04-21",
            "rapid_review_submitted": "2022-04-26",
            "decision": "2022-04-26",
            "published": None,
        },
        "decision": "lcspr",
        "decision_rationale": "Criteria (a) and (c) met",
        "criteria": ["a", "c"],
        "reviewer": None,
        "methodology": None,
        "children": [
            {
                "pseudonym": "Child J",
                "age_months": 0,
                "sex": "male",
                "ethnicity": "White British",
                "disability": False,
                "looked_after": False,
                "plan": "none",
                "known_to_csc": True,
            }
        ],
        "agencies": ["Police", "Health visiting"],
        "summary": "Child J was less than one month old when he died.",
        "factors": [
            {"code": "parent.domestic_abuse", "role": "present", "note": "High-risk DA"},
            {"code": "practice.engaging_fathers", "role": "learning", "note": None},
        ],
        "tags": ["safe sleep"],
        "identifiers": ["Jayden Smith"],
        "learning": ["Safer sleep messages must include fathers."],
        "good_practice": ["Health visitor raised concerns persistently."],
        "recommendations": [
            {
                "id": "5d7e0000-0000-4000-8000-000000000001",
                "text": "Seek assurance",
                "actions": [
                    {
                        "id": "a1c20000-0000-4000-8000-000000000001",
                        "text": "Add a question",
                        "owner": "Children's social care",
                        "due": "2023-06-30",
                        "status": "complete",
                        "completed": "2023-05-12",
                        "assurance": "Audit",
                        "impact": "Better",
                    }
                ],
            }
        ],
        "briefing": {"status": "published", "sections": [{"heading": "Background", "body": "..."}]},
    }
    review.update(changes)
    return review


def valid_bundle(**changes: Any) -> dict[str, Any]:
    bundle: dict[str, Any] = {
        "format": "reviewtool.bundle",
        "version": 1,
        "exported_at": "2026-11-21T10:00:00Z",
        "partnership": "Example Safeguarding Children Partnership",
        "codebook": [
            {
                "code": "parent.nrpf_local",
                "label": "Local NRPF code",
                "group": "parent",
                "parent": "parent.nrpf",
                "definition": "...",
                "colour": "#8a5a00",
                "active": True,
            }
        ],
        "reviews": [valid_review()],
        "briefings": [
            {
                "id": "9c1d0000-0000-4000-8000-000000000001",
                "title": "Neglect",
                "theme": "child.harm.neglect",
                "status": "draft",
                "updated_at": "2026-01-10T12:00:00Z",
                "sections": [{"heading": "Background", "body": "..."}],
            }
        ],
    }
    bundle.update(changes)
    return bundle


def dumps(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def mutated(change: Any) -> dict[str, Any]:
    """A valid bundle after ``change(bundle)`` edits it in place."""
    bundle = copy.deepcopy(valid_bundle())
    change(bundle)
    return bundle
