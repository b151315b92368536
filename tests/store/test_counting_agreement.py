"""One fixture worked by hand, counted alike by every output (domain.counting).

Reviews (period 2024):
- A1 rapid review, notified 2024-02-01: neglect, domestic abuse. Actions: one complete
  (Green), one not started and due 2024-06-30 (Red).
- B1 rapid review, notified 2024-03-01: neglect, mental health. Action: in progress, due
  2027-01-31 (Amber). B1 became the CSPR B2, so B1 is folded into B2 and its action is
  kept under B2.
- B2 CSPR from B1: physical abuse, neglect (both kinds of harm: counts once for "Type of
  harm"), mental health, domestic abuse. Actions: one complete (Green), one not started
  and due 2025-01-31 (Red).
- C1 serious case review with only a publication date (2024-05-01): physical abuse. Action:
  complete (Green).
- W1 rapid review, notified 2024-04-01, withdrawn: neglect. Never counted.
- P1 rapid review, notified 2022-02-01: neglect. Outside the period.

So, for 2024: 3 cases (A1, B2, C1) about 3 children; 1 rapid review, 1 CSPR, 1 SCR.
Type of harm 3 of 3 (100%); neglect 2 of 3 (A1, B2: 67%); physical abuse 2 of 3 (B2, C1);
domestic abuse 2 of 3; mental health 1 of 3 (B2). Actions: 6 (Green 3, Amber 1, Red 2),
the same with --count-both (which counts 4 reviews), because no action is ever dropped.
"""

from __future__ import annotations

import subprocess
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reviewtool.bundle.read import parse_bundle_bytes
from reviewtool.domain.actions import Rag
from reviewtool.services.exchange.bundle_import import import_bundles, known_codes
from reviewtool.services.outputs.slides import export_slides, theme_deck
from reviewtool.services.outputs.thematic import ThematicRequest, thematic_model
from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic
from reviewtool.services.store import Store
from reviewtool.services.tracking import dashboard
from tests.bundle_samples import dumps, valid_bundle, valid_review

TODAY = date(2026, 11, 21)
PERIOD = ThematicRequest(date(2024, 1, 1), date(2024, 12, 31))


def _id(ref: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"agreement/{ref}"))


def _action(ref: str, n: int, status: str, due: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": _id(f"{ref}/action/{n}"),
        "text": f"Action {n} of {ref}",
        "owner": "Health" if n % 2 else "Police",
        "due": due,
        "status": status,
        **extra,
    }


def _review(
    ref: str,
    kind: str,
    codes: list[str],
    actions: list[dict[str, Any]],
    notified: str | None,
    published: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return valid_review(
        id=_id(ref),
        reference=ref,
        kind=kind,
        title=f"Review {ref}",
        notification_type="serious_harm",
        dates={"aware": notified, "notified": notified, "decision": None, "published": published},
        children=[{"pseudonym": "C", "age_months": 24, "sex": "female", "plan": "none"}],
        factors=[{"code": c, "role": "present"} for c in codes],
        recommendations=[
            {"id": _id(f"{ref}/rec"), "text": f"Recommendation of {ref}", "actions": actions}
        ]
        if actions
        else [],
        identifiers=[],
        briefing=None,
        **extra,
    )


DONE = {"completed": "2024-09-01"}
FIXTURE = [
    _review(
        "A1",
        "rapid_review",
        ["child.harm.neglect", "parent.domestic_abuse"],
        [
            _action("A1", 1, "complete", "2024-09-30", **DONE),
            _action("A1", 2, "not_started", "2024-06-30"),
        ],
        "2024-02-01",
    ),
    _review(
        "B1",
        "rapid_review",
        ["child.harm.neglect", "parent.mental_health"],
        [_action("B1", 1, "in_progress", "2027-01-31")],
        "2024-03-01",
    ),
    _review(
        "B2",
        "cspr",
        [
            "child.harm.physical",
            "child.harm.neglect",
            "parent.mental_health",
            "parent.domestic_abuse",
        ],
        [
            _action("B2", 1, "complete", "2024-12-31", **DONE),
            _action("B2", 2, "not_started", "2025-01-31"),
        ],
        "2024-03-01",
        converted_from=_id("B1"),
    ),
    _review(
        "C1",
        "scr",
        ["child.harm.physical"],
        [_action("C1", 1, "complete", "2024-12-31", **DONE)],
        None,
        published="2024-05-01",
    ),
    _review("W1", "rapid_review", ["child.harm.neglect"], [], "2024-04-01", status="withdrawn"),
    _review("P1", "rapid_review", ["child.harm.neglect"], [], "2022-02-01"),
]


@pytest.fixture
def counted(sqlite_store: Store) -> Store:
    bundle = parse_bundle_bytes(
        dumps(valid_bundle(reviews=FIXTURE, briefings=[])), known_codes(sqlite_store), TODAY
    )
    import_bundles(sqlite_store, [bundle])
    return sqlite_store


def _pdf_text(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def test_the_thematic_analysis_counts_by_the_rule(counted: Store) -> None:
    model = thematic_model(counted, PERIOD, today=TODAY)
    assert (model.reviews, model.children) == (3, 3)
    child = {row.code: row for row in model.factor_groups["Child factors"]}
    assert (child["child.harm"].reviews, child["child.harm"].percent) == (3, "100%")
    assert child["child.harm"].is_parent and child["child.harm"].parent is None
    assert (child["child.harm.neglect"].reviews, child["child.harm.neglect"].percent) == (2, "67%")
    assert child["child.harm.neglect"].parent == "child.harm"
    assert child["child.harm.physical"].reviews == 2
    # Both levels together: the parent, then the themes under it.
    assert [row.code for row in model.factor_groups["Child factors"]] == [
        "child.harm",
        "child.harm.physical",
        "child.harm.neglect",
    ]
    assert "child.harm" not in {row.code for row in model.recurring}
    rag = {count.label.split(" - ")[0]: count.count for count in model.actions_by_rag}
    assert rag == {"Red": 2, "Amber": 1, "Green": 3, "Grey": 0}
    kept = [line for line in model.actions if line.from_review == "B1"]
    assert [(line.reference, line.text) for line in kept] == [("B2", "Action 1 of B1")]
    both = thematic_model(counted, ThematicRequest(**{**PERIOD.__dict__, "count_both": True}))
    assert both.reviews == 4 and len(both.actions) == 6  # the fold never loses an action


def test_every_output_agrees(counted: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    files = ThematicOutputs(
        pdf=tmp_path / "s.pdf", xlsx=tmp_path / "s.xlsx", docx=tmp_path / "s.docx"
    )
    export_thematic(counted, PERIOD, files, today=TODAY)

    # The summary PDF.
    summary = _pdf_text(tmp_path / "s.pdf")
    assert "3 reviews about 3 children." in summary
    assert "Type of harm 3 100%" in summary
    assert "\u2013 Neglect 2 67%" in summary and "\u2013 Physical abuse 2 67%" in summary
    assert "Domestic abuse 2 67%" in summary
    assert "recommendations with 6 actions" in summary
    assert "Red - not completed to timescale 2" in summary
    assert "1 rapid review folded into their CSPR" in summary
    assert "kept under the CSPR" in summary

    # The annual report chapter.
    from docx import Document

    chapter = [p.text for p in Document(str(tmp_path / "s.docx")).paragraphs]
    assert chapter[1].startswith("This chapter reports the 3 reviews from")
    assert any(p.startswith("How we count:") and "kept under the CSPR" in p for p in chapter)
    assert "Neglect: 2 of 3 reviews (67%)" in chapter  # a recurring theme
    assert any(p.startswith("Of 6 actions from these reviews, 3 are complete") for p in chapter)

    # The slides, as a service and as written.
    assert (
        theme_deck(counted, "child.harm.neglect", date(2024, 1, 1), date(2024, 12, 31))
        .slides[0]
        .bullets[0]
        .startswith("2 of 3 reviews")
    )
    parent = theme_deck(counted, "child.harm", date(2024, 1, 1), date(2024, 12, 31))
    assert parent.slides[0].bullets[0].startswith("3 of 3 reviews")
    assert parent.slides[0].chart_values == [3]
    export_slides(
        counted,
        tmp_path / "neglect.pdf",
        theme="child.harm.neglect",
        date_from=date(2024, 1, 1),
        date_to=date(2024, 12, 31),
    )
    assert "2 of 3 reviews from 01/01/2024 to 31/12/2024 (67%)" in _pdf_text(
        tmp_path / "neglect.pdf"
    )

    # The dashboard service.
    board = dashboard(counted, TODAY)
    assert board.by_year_and_kind[2024] == {"rapid_review": 1, "cspr": 1, "scr": 1}
    assert sum(board.by_year_and_kind[2024].values()) == 3
    assert dict(board.actions_by_rag) == {Rag.RED: 2, Rag.AMBER: 1, Rag.GREEN: 3}
    assert "counted once" in board.counting

    # The spreadsheet.
    workbook = load_workbook(tmp_path / "s.xlsx", read_only=True)
    rows = list(workbook["Cases x themes"].iter_rows(values_only=True))
    codes, cases = rows[2], rows[3:]
    assert [case[0] for case in cases] == ["A1", "B2", "C1"]

    def column_total(code: str) -> int:
        return sum(case[codes.index(code)] or 0 for case in cases)

    assert column_total("child.harm") == 3
    assert column_total("child.harm.neglect") == 2
    assert column_total("parent.domestic_abuse") == 2
    actions = list(workbook["Action tracker"].iter_rows(values_only=True))
    assert len(actions) - 1 == 6
    header = actions[0]
    assert [
        (row[0], row[header.index("From rapid review")]) for row in actions[1:] if row[0] == "B2"
    ] == [("B2", "B1"), ("B2", None), ("B2", None)]
    method = [row[0] for row in workbook["How we counted"].iter_rows(values_only=True)]
    assert method[0].startswith("How we count:")
