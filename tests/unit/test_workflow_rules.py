"""Rules of the rapid review workflow, with dates worked out by hand."""

from __future__ import annotations

from datetime import date

from reviewtool.domain.chronology import ChronologyLine, merge_chronology
from reviewtool.domain.workflow import (
    agency_return_due,
    agency_return_state,
    working_days_to_submission,
)


def test_agency_return_due_skips_christmas_bank_holidays() -> None:
    # Sent Fri 18/12/2026: Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4); Fri 25 Christmas
    # and Mon 28 (Boxing Day's substitute) are not working days; Tue 29 is the fifth.
    assert agency_return_due(date(2026, 12, 18), 5) == date(2026, 12, 29)


def test_agency_return_state_in_words() -> None:
    state = agency_return_state(date(2026, 12, 18), 5, None, date(2026, 12, 31))
    assert state is not None and state.late and state.describe() == "2 working days late"
    assert agency_return_state(None, 5, None, date(2026, 12, 31)) is None
    met = agency_return_state(date(2026, 12, 18), 5, date(2026, 12, 24), date(2026, 12, 31))
    assert met is not None and met.describe() == "met on time"


def test_working_days_from_notification_to_submission() -> None:
    # Notified Tue 05/04/2022; submitted Tue 26/04/2022. Easter: Good Friday 15/04 and
    # Easter Monday 18/04 are bank holidays: 15 weekdays less 2 = 13 working days.
    assert working_days_to_submission(date(2022, 4, 5), date(2022, 4, 26)) == 13


def _line(entry: str, agency: str, day: int, text: str, time: str | None = None) -> ChronologyLine:
    return ChronologyLine(entry, agency, date(2026, 10, day), time, text, None, None)


def test_chronology_in_date_then_time_order_with_duplicates_flagged() -> None:
    lines = [
        _line(
            "p1", "Police", 1, "Police attended the home after a 999 call; spoke to mother", "14:05"
        ),
        _line("h1", "Health visiting", 1, "Police attended home after 999 call, spoke to mother"),
        _line("h0", "Health visiting", 1, "Weighed the baby at clinic", "09:00"),
        _line("g1", "GP", 3, "Mother seen for low mood"),
        _line("s0", "Children's social care", 2, "Referral received from police"),
    ]
    merged = merge_chronology(lines)
    assert [line.entry_id for line in merged] == ["h1", "h0", "p1", "s0", "g1"]
    flags = {line.entry_id: line.duplicate_of for line in merged}
    assert flags["p1"] == ("Health visiting",)
    assert flags["h1"] == ("Police",)
    assert flags["h0"] == () and flags["g1"] == ()


def test_different_times_are_not_the_same_event() -> None:
    lines = [
        _line("a", "Police", 1, "Home visit to mother", "09:00"),
        _line("b", "GP", 1, "Home visit to mother", "15:00"),
    ]
    assert all(not line.duplicate_of for line in merge_chronology(lines))


def test_chronology_filters_keep_duplicate_flags() -> None:
    lines = [
        _line("p1", "Police", 1, "Strategy discussion held with health and police"),
        _line("h1", "Health visiting", 1, "Strategy discussion held with health, police"),
        _line("p2", "Police", 9, "Arrest of father"),
    ]
    police = merge_chronology(
        lines, agencies={"Police"}, start=date(2026, 10, 1), end=date(2026, 10, 5)
    )
    assert [line.entry_id for line in police] == ["p1"]
    assert police[0].duplicate_of == ("Health visiting",)


def test_bundle_workflow_section_problems_are_named_by_path() -> None:
    import pytest

    from reviewtool.bundle.errors import BundleError
    from reviewtool.bundle.read import parse_bundle_bytes
    from tests.bundle_samples import dumps, valid_bundle

    review_id = "0b6f3c1e-7f5b-4f5e-9a57-2d8b7f0c9a11"
    request = {
        "id": "1b6f3c1e-7f5b-4f5e-9a57-2d8b7f0c9a11",
        "agency": "Police",
        "sent": "2026-11-10",
        "returned": "2026-11-09",
        "chronology": [
            {
                "id": "2b6f3c1e-7f5b-4f5e-9a57-2d8b7f0c9a11",
                "date": "2027-01-01",
                "what_happened": "x",
            }
        ],
    }
    document = valid_bundle()
    document["workflow"] = [
        {
            "review_id": review_id,
            "updated_at": "2026-11-20T10:00:00Z",
            "agency_requests": [request],
            "pauses": [
                {
                    "id": "3b6f3c1e-7f5b-4f5e-9a57-2d8b7f0c9a11",
                    "reason": "Trial",
                    "start": "2026-06-01",
                    "end": "2026-05-01",
                }
            ],
        }
    ]
    document["disseminations"] = [
        {
            "id": "4b6f3c1e-7f5b-4f5e-9a57-2d8b7f0c9a11",
            "delivered_by": "A",
            "audience": "B",
            "date": "2026-09-01",
            "attendees": 3,
            "updated_at": "2026-11-20T10:00:00Z",
        }
    ]
    with pytest.raises(BundleError) as caught:
        parse_bundle_bytes(dumps(document), set(), date(2026, 11, 21))
    paths = {p.path for p in caught.value.problems}
    assert "workflow[0].agency_requests[0].returned" in paths
    assert "workflow[0].agency_requests[0].chronology[0].date" in paths
    assert "workflow[0].pauses[0].end" in paths
    assert "disseminations[0]" in paths
