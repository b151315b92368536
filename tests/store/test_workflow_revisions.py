"""A review's workflow and a briefing's deliveries travel by revision: two computers editing
them never lose a text (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from reviewtool.bundle.learning_schema import DisseminationRecord
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.db.models import ConflictingRevision, Dissemination, ReviewWorkflow
from reviewtool.domain.errors import NotFound
from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.bundle_import import ImportReport, import_bundle_files
from reviewtool.services.exchange.conflicts import list_conflicts, resolve_conflict
from reviewtool.services.store import Store
from reviewtool.services.workflow import dissemination, editing
from reviewtool.services.workflow.dissemination import (
    list_disseminations,
    new_dissemination,
    save_dissemination,
)
from reviewtool.services.workflow.editing import load_workflow, save_workflow
from reviewtool.services.workflow.topic_briefings import new_topic_briefing
from tests.store.exchange_helpers import computers, send
from tests.store.workflow_fixtures import TODAY, add_rapid_review

_files = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[Store]]:
    """Two computers, each with its own database, on SQLite or on PostgreSQL."""
    server = None if request.param == "sqlite" else request.getfixturevalue("postgres_server")
    with computers(2, tmp_path, server) as stores:
        yield stores


def _write_analysis(store: Store, text: str) -> WorkflowRecord:
    """Open the review's workflow, change the report's analysis and save it, as on screen."""
    loaded = load_workflow(store, "RR-1")
    report = loaded.record.report.model_copy(update={"analysis": text})
    record = loaded.record.model_copy(update={"report": report})
    return save_workflow(store, record, loaded.stored_at, TODAY).record


def _shared_workflow(a: Store, b: Store, tmp_path: Path) -> None:
    add_rapid_review(a)
    _write_analysis(a, "First analysis, agreed by both")
    report = send(a, b, tmp_path)
    assert report.created == 1 and report.workflows_imported == 1


def _kept_workflows(store: Store) -> list[WorkflowRecord]:
    with store.transaction() as session:
        rows = session.scalars(
            select(ConflictingRevision).where(ConflictingRevision.entity == "workflow")
        )
        return [WorkflowRecord.model_validate_json(r.content or "{}") for r in rows]


def _analyses(store: Store) -> set[str | None]:
    """The report analysis of the current workflow and of every copy kept beside it."""
    current = load_workflow(store, "RR-1").record.report.analysis
    return {current} | {k.report.analysis for k in _kept_workflows(store)}


def _workflow_conflicts(report: ImportReport) -> list[str]:
    return [c.reason for c in report.conflicts if c.id == "workflow"]


def test_every_local_save_advances_the_revision(two: list[Store], tmp_path: Path) -> None:
    a, _ = two
    add_rapid_review(a)
    first = _write_analysis(a, "One")
    second = _write_analysis(a, "Two")
    assert first.revision and first.revision.startswith("1-")
    assert second.revision and second.revision.startswith("2-")
    assert second.ancestors == [first.revision]
    bundle = tmp_path / "a.rtbundle.json"
    export_bundle(a, bundle)
    (entry,) = json.loads(bundle.read_text(encoding="utf-8"))["workflow"]
    assert entry["revision"] == second.revision and entry["ancestors"] == [first.revision]


def test_both_edited_keeps_both_and_lists_a_conflict(two: list[Store], tmp_path: Path) -> None:
    a, b = two
    _shared_workflow(a, b, tmp_path)
    _write_analysis(b, "B's analysis")
    _write_analysis(a, "A's analysis, saved later")  # the later time used to win silently

    report = send(a, b, tmp_path)
    assert report.workflows_imported == 0
    (reason,) = _workflow_conflicts(report)
    assert "both changed" in reason and "kept beside" in reason
    assert "RR-1" in report.describe()
    assert load_workflow(b, "RR-1").record.report.analysis == "B's analysis"
    assert _analyses(b) == {"B's analysis", "A's analysis, saved later"}
    (listed,) = [c for c in list_conflicts(b) if c.kind == "review workflow"]
    assert listed.name == "RR-1"

    again = send(a, b, tmp_path)  # the same copy again: still one kept, not two
    assert len(_kept_workflows(b)) == 1
    assert "already kept" in _workflow_conflicts(again)[0]

    # B takes A's copy: a new revision that A accepts as an update, with no new conflict.
    assert "kept the other computer's copy" in resolve_conflict(b, listed.id, "theirs")
    assert _analyses(b) == {"A's analysis, saved later"}
    back = send(b, a, tmp_path)
    assert back.workflows_imported == 1 and not _workflow_conflicts(back)
    assert load_workflow(a, "RR-1").record == load_workflow(b, "RR-1").record
    assert not _workflow_conflicts(send(a, b, tmp_path))


def test_keep_mine_is_accepted_by_the_other_computer(two: list[Store], tmp_path: Path) -> None:
    a, b = two
    _shared_workflow(a, b, tmp_path)
    _write_analysis(a, "A's analysis")
    _write_analysis(b, "B's analysis")
    send(a, b, tmp_path)
    (listed,) = list_conflicts(b)
    assert "kept this computer's copy" in resolve_conflict(b, listed.id, "mine")
    assert not list_conflicts(b)
    back = send(b, a, tmp_path)
    assert back.workflows_imported == 1 and not _workflow_conflicts(back)
    assert load_workflow(a, "RR-1").record.report.analysis == "B's analysis"


def test_a_descendant_updates_silently_and_an_older_copy_changes_nothing(
    two: list[Store], tmp_path: Path
) -> None:
    a, b = two
    _shared_workflow(a, b, tmp_path)
    stale = tmp_path / "stale.rtbundle.json"
    export_bundle(b, stale)
    _write_analysis(b, "B's later analysis")

    report = send(b, a, tmp_path)
    assert report.workflows_imported == 1 and not report.conflicts
    assert load_workflow(a, "RR-1").record == load_workflow(b, "RR-1").record

    older = import_bundle_files(b, [stale], today=TODAY)  # B's own earlier state
    assert older.workflows_imported == 0 and not older.conflicts
    assert _analyses(b) == {"B's later analysis"}


def _without_revisions(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _without_revisions(v)
            for k, v in value.items()
            if k not in ("revision", "ancestors", "deleted")
        }
    if isinstance(value, list):
        return [_without_revisions(v) for v in value]
    return value


def _version_one_bundle(store: Store, tmp_path: Path) -> Path:
    """What an older reviewtool wrote: version 1, nothing about revisions."""
    path = tmp_path / f"v1-{next(_files)}.rtbundle.json"
    export_bundle(store, path, include_identifiers=True)
    data = _without_revisions(json.loads(path.read_text(encoding="utf-8")))
    data["version"] = 1
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_version_one_workflow_still_imports_and_an_older_one_is_kept(
    two: list[Store], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without revisions the time decides: each save here is a minute after the one before.
    ticks = itertools.count()
    start = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    monkeypatch.setattr(editing, "now_utc", lambda: start + timedelta(minutes=next(ticks)))
    a, b = two
    add_rapid_review(a)
    _write_analysis(a, "Written before revisions travelled")
    first = import_bundle_files(b, [_version_one_bundle(a, tmp_path)], today=TODAY)
    assert first.created == 1 and first.workflows_imported == 1 and not first.conflicts
    assert load_workflow(b, "RR-1").record.report.analysis == "Written before revisions travelled"

    _write_analysis(a, "A's newer analysis")
    newer = import_bundle_files(b, [_version_one_bundle(a, tmp_path)], today=TODAY)
    assert newer.workflows_imported == 1  # the later time wins, as before
    assert load_workflow(b, "RR-1").record.report.analysis == "A's newer analysis"

    stale = _version_one_bundle(a, tmp_path)
    _write_analysis(b, "B's analysis, saved after")
    older = import_bundle_files(b, [stale], today=TODAY)  # the very copy B took in
    assert older.workflows_imported == 0 and "nothing to keep" in _workflow_conflicts(older)[0]
    assert not _kept_workflows(b)

    _write_analysis(a, "A's other analysis")
    _write_analysis(b, "B's analysis, saved last")
    kept = import_bundle_files(b, [_version_one_bundle(a, tmp_path)], today=TODAY)
    (reason,) = _workflow_conflicts(kept)
    assert "the copy here is newer" in reason and "kept beside" in reason
    assert _analyses(b) == {"B's analysis, saved last", "A's other analysis"}
    with b.transaction() as session:
        head = session.get(ReviewWorkflow, load_workflow(b, "RR-1").review.id)
        assert head is not None and head.revision is not None


# Briefing deliveries ----------------------------------------------------------------------


def _shared_delivery(a: Store, b: Store, tmp_path: Path) -> tuple[str, str]:
    topic = new_topic_briefing(a, "Neglect")
    first = new_dissemination(topic.id, TODAY).model_copy(
        update={"delivered_by": "Trainer", "audience": "Police", "attendees": 10}
    )
    saved = save_dissemination(a, topic.id, first, TODAY)
    assert send(a, b, tmp_path).learning_imported == 1
    return topic.id, saved.id


def _deliver_to(store: Store, topic_id: str, delivery_id: str, audience: str) -> None:
    (current,) = [d for d in list_disseminations(store, topic_id) if d.id == delivery_id]
    save_dissemination(store, topic_id, current.model_copy(update={"audience": audience}), TODAY)


def _audiences(store: Store, topic_id: str) -> set[str]:
    current = {d.audience for d in list_disseminations(store, topic_id)}
    with store.transaction() as session:
        rows = session.scalars(
            select(ConflictingRevision).where(ConflictingRevision.entity == "dissemination")
        )
        kept = {DisseminationRecord.model_validate_json(r.content or "{}").audience for r in rows}
    return current | kept


def test_a_delivery_edited_on_both_computers_is_kept_and_resolved(
    two: list[Store], tmp_path: Path
) -> None:
    a, b = two
    topic_id, delivery_id = _shared_delivery(a, b, tmp_path)
    _deliver_to(b, topic_id, delivery_id, "Police (North)")
    _deliver_to(a, topic_id, delivery_id, "Police (South)")

    report = send(a, b, tmp_path)
    (conflict,) = [c for c in report.conflicts if c.id == "delivery"]
    assert "both changed" in conflict.reason and "kept beside" in conflict.reason
    assert _audiences(b, topic_id) == {"Police (North)", "Police (South)"}
    (listed,) = [c for c in list_conflicts(b) if c.kind == "briefing delivery"]
    assert "Police (North)" in listed.name

    assert "kept the other computer's copy" in resolve_conflict(b, listed.id, "theirs")
    assert _audiences(b, topic_id) == {"Police (South)"}
    back = send(b, a, tmp_path)
    assert back.learning_imported == 1 and not back.conflicts
    assert list_disseminations(a, topic_id) == list_disseminations(b, topic_id)


def test_a_delivery_that_descends_updates_and_a_version_one_one_is_kept(
    two: list[Store], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticks = itertools.count()
    start = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    monkeypatch.setattr(dissemination, "now_utc", lambda: start + timedelta(minutes=next(ticks)))
    a, b = two
    topic_id, delivery_id = _shared_delivery(a, b, tmp_path)
    _deliver_to(a, topic_id, delivery_id, "Police (all teams)")
    report = send(a, b, tmp_path)
    assert report.learning_imported == 1 and not report.conflicts
    assert _audiences(b, topic_id) == {"Police (all teams)"}

    _deliver_to(a, topic_id, delivery_id, "Police, as A wrote it")
    stale = _version_one_bundle(a, tmp_path)
    _deliver_to(b, topic_id, delivery_id, "Police, as B wrote it later")
    older = import_bundle_files(b, [stale], today=TODAY)
    (conflict,) = [c for c in older.conflicts if c.id == "delivery"]
    assert "the copy here is newer" in conflict.reason
    assert _audiences(b, topic_id) == {"Police, as A wrote it", "Police, as B wrote it later"}


def test_a_kept_delivery_whose_delivery_is_gone_can_still_be_settled(
    two: list[Store], tmp_path: Path
) -> None:
    a, b = two
    topic_id, delivery_id = _shared_delivery(a, b, tmp_path)
    _deliver_to(b, topic_id, delivery_id, "Police (North)")
    _deliver_to(a, topic_id, delivery_id, "Police (South)")
    send(a, b, tmp_path)
    with b.transaction() as session:  # gone with its briefing, as a cascade would do
        session.delete(session.get(Dissemination, delivery_id))
    (listed,) = list_conflicts(b)
    with pytest.raises(NotFound, match="its briefing must exist"):
        resolve_conflict(b, listed.id, "theirs")
    assert "kept its deletion here" in resolve_conflict(b, listed.id, "mine")
    assert not list_conflicts(b)
