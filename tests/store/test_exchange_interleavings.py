"""Random interleavings of edits, exchanges and resolutions between two or three computers
never lose a saved text, and once everything is exchanged and resolved they agree."""

from __future__ import annotations

import contextlib
import itertools
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import NotFound
from reviewtool.services.reviews.conflicts import list_review_conflicts, resolve_review_conflict
from reviewtool.services.reviews.editing import (
    create_review,
    delete_review,
    get_review,
    new_review_record,
)
from reviewtool.services.store import Store
from tests.conftest import TODAY
from tests.store.exchange_helpers import all_texts, computers, edit, send


def _resolve_keeping_everything(store: Store, review_id: str) -> None:
    """Resolve every conflict by a field-by-field merge that keeps every learning point."""
    for conflict in list_review_conflicts(store, review_id):
        loaded = get_review(store, review_id)
        assert conflict.record is not None  # no deletions in this test
        learning = list(dict.fromkeys(loaded.record.learning + conflict.record.learning))
        merged = loaded.record.model_copy(update={"learning": learning})
        resolve_review_conflict(store, conflict.id, merged, loaded.version, today=TODAY)


steps = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 2)),
        st.tuples(st.just("send"), st.integers(0, 2), st.integers(0, 2)),
        st.tuples(st.just("resolve"), st.integers(0, 2)),
    ),
    min_size=1,
    max_size=14,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(count=st.integers(2, 3), program=steps)
def test_random_interleavings_never_lose_a_saved_text(
    count: int, program: list[tuple[object, ...]]
) -> None:
    with TemporaryDirectory() as folder, computers(count, Path(folder)) as stores:
        tmp_path = Path(folder)
        review_id = create_review(
            stores[0], new_review_record(ReviewKind.CSPR, "CSPR-H", "Child H")
        ).record.id
        for other in stores[1:]:
            send(stores[0], other, tmp_path)
        numbers = itertools.count()
        saved_on: list[set[str]] = [set() for _ in stores]
        for step in program:
            if step[0] == "edit":
                where = int(step[1]) % count
                text = f"point {next(numbers)} on computer {where}"
                edit(stores[where], review_id, lambda r, t=text: r.learning.append(t))
                saved_on[where].add(text)
            elif step[0] == "send":
                source, target = (int(n) % count for n in step[1:])
                if source != target:
                    send(stores[source], stores[target], tmp_path)
                    saved_on[target] |= saved_on[source]
            else:
                _resolve_keeping_everything(stores[int(step[1]) % count], review_id)
            # Whatever a computer has saved or received is still there, current or kept.
            for store, texts in zip(stores, saved_on, strict=True):
                assert texts <= all_texts(store, review_id)

        everything = set().union(*saved_on)
        for _ in range(2):  # everything everywhere
            for source, target in itertools.permutations(stores, 2):
                send(source, target, tmp_path)
        for store in stores:
            assert all_texts(store, review_id) == everything

        _resolve_keeping_everything(stores[0], review_id)
        for _ in range(2):
            for source, target in itertools.permutations(stores, 2):
                send(source, target, tmp_path)
        records = [get_review(store, review_id).record for store in stores]
        assert all(record == records[0] for record in records)
        assert set(records[0].learning) == everything
        assert all(list_review_conflicts(store, review_id) == [] for store in stores)


def _copies(store: Store, review_id: str) -> frozenset[tuple[str, ...]]:
    """What a computer holds of the review: its current copy (or that it is deleted) and
    every copy kept beside it."""
    held: set[tuple[str, ...]] = set()
    try:
        record = get_review(store, review_id).record
        held.add(tuple(record.learning))
    except NotFound:
        held.add(("deleted",))
    for conflict in list_review_conflicts(store, review_id):
        held.add(("deleted",) if conflict.record is None else tuple(conflict.record.learning))
    return frozenset(held)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    count=st.integers(2, 3),
    program=st.lists(
        st.one_of(
            st.tuples(st.just("edit"), st.integers(0, 2)),
            st.tuples(st.just("delete"), st.integers(0, 2)),
            st.tuples(st.just("send"), st.integers(0, 2), st.integers(0, 2)),
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_with_deletions_every_computer_ends_holding_the_same_copies(
    count: int, program: list[tuple[object, ...]]
) -> None:
    with TemporaryDirectory() as folder, computers(count, Path(folder)) as stores:
        tmp_path = Path(folder)
        review_id = create_review(
            stores[0], new_review_record(ReviewKind.CSPR, "CSPR-D", "Child D")
        ).record.id
        for other in stores[1:]:
            send(stores[0], other, tmp_path)
        numbers = itertools.count()
        for step in program:
            where = int(step[1]) % count
            if step[0] == "edit":
                text = f"point {next(numbers)}"
                with contextlib.suppress(NotFound):  # deleted here: nothing to edit
                    edit(stores[where], review_id, lambda r, t=text: r.learning.append(t))
            elif step[0] == "delete":
                with contextlib.suppress(NotFound):
                    loaded = get_review(stores[where], review_id)
                    delete_review(stores[where], review_id, loaded.version)
            else:
                target = int(step[2]) % count
                if where != target:
                    send(stores[where], stores[target], tmp_path)
        for _ in range(2):
            for source, target in itertools.permutations(stores, 2):
                send(source, target, tmp_path)
        held = [_copies(store, review_id) for store in stores]
        assert all(h == held[0] for h in held), held


def test_a_deletion_of_the_current_copy_promotes_a_kept_copy_it_never_saw(
    tmp_path: Path,
) -> None:
    """One computer deletes, another edits, a third edits then deletes what it had: the
    computers that hold both edits and those that hold one must end holding the same."""
    with computers(3, tmp_path) as stores:
        review_id = create_review(
            stores[0], new_review_record(ReviewKind.CSPR, "CSPR-P", "Child P")
        ).record.id
        for other in stores[1:]:
            send(stores[0], other, tmp_path)
        edit(stores[0], review_id, lambda r: r.learning.append("first"))
        edit(stores[2], review_id, lambda r: r.learning.append("third's edit"))
        delete_review(stores[0], review_id, get_review(stores[0], review_id).version)
        edit(stores[1], review_id, lambda r: r.learning.append("second's edit"))
        send(stores[2], stores[0], tmp_path)  # the third's edit comes back beside the deletion
        delete_review(stores[2], review_id, get_review(stores[2], review_id).version)
        for _ in range(2):
            for source, target in itertools.permutations(stores, 2):
                send(source, target, tmp_path)
        held = [_copies(store, review_id) for store in stores]
        # The third computer deleted its own edit, having seen it; the second's edit was
        # never seen by any deletion, so it is kept everywhere with the deletion beside it.
        assert held == [frozenset({("second's edit",), ("deleted",)})] * 3
