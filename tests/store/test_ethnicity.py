"""Ethnicity as recorded, mapped and analysed by the 2021 census categories."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from reviewtool.bundle.read import parse_bundle_bytes
from reviewtool.db.models import AuditEvent, Child
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.ethnicity import normalise
from reviewtool.services.ethnicity import map_recorded_value, recorded_values
from reviewtool.services.exchange.bundle_import import import_bundles, known_codes
from reviewtool.services.outputs.thematic import ThematicRequest, thematic_model
from reviewtool.services.store import Store
from tests.bundle_samples import dumps, valid_bundle, valid_review

TODAY = date(2026, 11, 21)
RECORDED = ["White British", "white british", "WHITE - BRITISH", "Somali", "Mixed race", None]


def _child(ethnicity: str | None) -> dict[str, Any]:
    return {
        "pseudonym": "C",
        "age_months": 12,
        "sex": "male",
        "plan": "none",
        "ethnicity": ethnicity,
    }


@pytest.fixture
def recorded(store: Store) -> Store:
    reviews = [
        valid_review(
            id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"eth/{n}")),
            reference=f"E{n}",
            title=f"E{n}",
            dates={"notified": "2024-03-01"},
            children=[_child(value)],
            identifiers=[],
            recommendations=[],
            briefing=None,
        )
        for n, value in enumerate(RECORDED)
    ]
    bundle = parse_bundle_bytes(
        dumps(valid_bundle(reviews=reviews, briefings=[])), known_codes(store), TODAY
    )
    import_bundles(store, [bundle])
    return store


def _ethnicity(store: Store) -> dict[str, int]:
    model = thematic_model(store, ThematicRequest(date(2024, 1, 1), date(2024, 12, 31)), TODAY)
    rows = model.characteristics["Ethnicity (children, 2021 census categories)"]
    return {row.label: row.count for row in rows}


def test_spellings_of_one_value_are_one_row_and_the_recorded_text_is_kept(
    recorded: Store,
) -> None:
    assert _ethnicity(recorded) == {
        "English, Welsh, Scottish, Northern Irish or British": 3,
        "Any other Mixed or Multiple ethnic background": 1,
        "Recorded, not yet mapped": 1,
        "Not recorded": 1,
    }
    with recorded.transaction() as session:
        kept = set(session.scalars(select(Child.ethnicity)))
    assert kept == set(RECORDED)  # as recorded, untouched


def test_the_review_screen_lists_unmapped_values_and_maps_them(recorded: Store) -> None:
    unmapped = recorded_values(recorded, unmapped_only=True)
    assert [(v.recorded, v.children) for v in unmapped] == [("Somali", 1)]
    every = {
        normalise(v.recorded): (v.children, v.category, v.mapped_by)
        for v in recorded_values(recorded)
    }
    assert every["white british"] == (3, "white_british", "built in")
    map_recorded_value(recorded, " somali", "black_african")
    assert recorded_values(recorded, unmapped_only=True) == []
    assert _ethnicity(recorded)["African"] == 1
    model = thematic_model(recorded, ThematicRequest(date(2024, 1, 1), date(2024, 12, 31)), TODAY)
    groups = {
        c.label: c.count for c in model.characteristics["Ethnic group (children, 2021 census)"]
    }
    assert groups == {
        "Black, Black British, Black Welsh, Caribbean or African": 1,
        "Mixed or Multiple ethnic groups": 1,
        "White": 3,
        "Not recorded": 1,
    }
    with recorded.transaction() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "ethnicity")).one()
    assert (event.entity_id, event.new_value) == ("somali", "black_african")
    map_recorded_value(recorded, "Somali", None)
    assert [v.recorded for v in recorded_values(recorded, unmapped_only=True)] == ["Somali"]


def test_bad_mappings_change_nothing(recorded: Store) -> None:
    with pytest.raises(InvalidInput, match="not a 2021 census category"):
        map_recorded_value(recorded, "Somali", "martian")
    with pytest.raises(InvalidInput, match="give the ethnicity"):
        map_recorded_value(recorded, "  ", "black_african")
    assert [v.recorded for v in recorded_values(recorded, unmapped_only=True)] == ["Somali"]
