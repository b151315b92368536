"""Every save raises the version, whatever it changes: a stale copy is always refused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reviewtool.bundle.schema import (
    ActionRecord,
    ChildRecord,
    FactorRecord,
    RecommendationRecord,
    ReviewBriefing,
    ReviewRecord,
    Section,
)
from reviewtool.domain.enums import FactorRole, ReviewKind
from reviewtool.domain.errors import EditConflict
from reviewtool.services.reviews import editing
from reviewtool.services.reviews.editing import (
    create_review,
    get_review,
    new_review_record,
    save_review,
)
from reviewtool.services.store import Store, open_store

SAME_SECOND = datetime(2026, 11, 21, 10, 0, 0, tzinfo=UTC)

Edit = Callable[[ReviewRecord], ReviewRecord]


def _deep(change: Callable[[ReviewRecord], None]) -> Edit:
    def edit(record: ReviewRecord) -> ReviewRecord:
        copy = record.model_copy(deep=True)
        change(copy)
        return copy

    return edit


LIST_ONLY_EDITS: dict[str, Edit] = {
    "learning point": _deep(lambda r: r.learning.append("Fathers must be included.")),
    "good practice": _deep(lambda r: r.good_practice.append("Persistent health visitor.")),
    "tag": _deep(lambda r: r.tags.append("safe sleep")),
    "agency": _deep(lambda r: r.agencies.append("Police")),
    "child": _deep(lambda r: r.children.append(ChildRecord(pseudonym="Child Z"))),
    "factor": _deep(
        lambda r: r.factors.append(
            FactorRecord(code="parent.domestic_abuse", role=FactorRole.PRESENT)
        )
    ),
    "recommendation and action": _deep(
        lambda r: r.recommendations.append(
            RecommendationRecord(
                id="5d7e0000-0000-4000-8000-0000000000aa",
                text="Seek assurance",
                actions=[ActionRecord(id="a1c20000-0000-4000-8000-0000000000bb", text="Audit")],
            )
        )
    ),
    "briefing": _deep(
        lambda r: setattr(
            r, "briefing", ReviewBriefing(sections=[Section(heading="Background", body="Text")])
        )
    ),
    "identifier": _deep(lambda r: setattr(r, "identifiers", ["Jayden Smith"])),
}


@pytest.fixture
def second_store(store: Store, tmp_path: Path) -> Iterator[Store]:
    """Another person's connection to the same database."""
    other = open_store(
        store.database.url.render_as_string(hide_password=False), backup_dir=tmp_path / "b2"
    )
    yield other
    other.close()


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save in the same second, so the saved time cannot tell two saves apart."""
    monkeypatch.setattr(editing, "now_utc", lambda: SAME_SECOND)


@pytest.mark.usefixtures("frozen_clock")
@pytest.mark.parametrize("what", list(LIST_ONLY_EDITS))
def test_list_only_save_in_the_same_second_refuses_the_stale_copy(
    store: Store, second_store: Store, what: str
) -> None:
    created = create_review(store, new_review_record(ReviewKind.CSPR, "CSPR-7", "Child A"))
    mine = get_review(store, created.record.id)
    theirs = get_review(second_store, created.record.id)

    saved = save_review(store, LIST_ONLY_EDITS[what](mine.record), mine.version)
    assert saved.version == mine.version + 1

    stale = theirs.record.model_copy(update={"summary": "The second person's summary"})
    with pytest.raises(EditConflict, match="changed by someone else") as refused:
        save_review(second_store, stale, theirs.version)
    assert "still on screen" in str(refused.value)
    assert get_review(store, created.record.id).record == saved.record
    assert get_review(store, created.record.id).record.summary is None


@pytest.mark.usefixtures("frozen_clock")
def test_a_save_that_changes_nothing_still_raises_the_version(
    store: Store, second_store: Store
) -> None:
    created = create_review(store, new_review_record(ReviewKind.CSPR, "CSPR-8", "Child B"))
    first = get_review(store, created.record.id)
    second = get_review(second_store, created.record.id)
    again = save_review(store, first.record, first.version)
    assert again.version == first.version + 1
    with pytest.raises(EditConflict):
        save_review(second_store, _deep(lambda r: r.tags.append("x"))(second.record), 1)


@pytest.mark.usefixtures("frozen_clock")
def test_twenty_list_only_saves_in_a_row_each_refuse_the_other_copy(
    store: Store, second_store: Store
) -> None:
    created = create_review(store, new_review_record(ReviewKind.CSPR, "CSPR-9", "Child C"))
    for attempt in range(20):
        writer, loser = (store, second_store) if attempt % 2 else (second_store, store)
        a = get_review(writer, created.record.id)
        b = get_review(loser, created.record.id)
        save_review(
            writer, _deep(lambda r, n=attempt: r.learning.append(f"Point {n}"))(a.record), a.version
        )
        with pytest.raises(EditConflict):
            save_review(loser, _deep(lambda r: r.tags.append("lost"))(b.record), b.version)
    final = get_review(store, created.record.id).record
    assert final.learning == [f"Point {n}" for n in range(20)]
    assert final.tags == []
