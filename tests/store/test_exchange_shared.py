"""Topic briefings and the codebook follow the reviews' rules between computers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtool.bundle.schema import CodeRecord
from reviewtool.domain.enums import CodeGroup
from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.services.codebook import get_code, save_code
from reviewtool.services.exchange.bundle_export import build_bundle
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.exchange.conflicts import list_conflicts, resolve_conflict
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.store import Store
from tests.bundle_samples import dumps, valid_bundle
from tests.conftest import TODAY
from tests.store.exchange_helpers import computers, send


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[Store]]:
    server = None if request.param == "sqlite" else request.getfixturevalue("postgres_server")
    with computers(2, tmp_path, server) as stores:
        yield stores


def _label(store: Store, code: str) -> str:
    with store.transaction() as session:
        return get_code(session, code).label


def _relabel(store: Store, code: str, label: str) -> None:
    with store.transaction() as session:
        row = get_code(session, code)
        record = CodeRecord(code=row.code, label=label, group=CodeGroup(row.group))
    save_code(store, record)


def test_a_code_changed_on_both_computers_is_a_conflict_kept_and_resolved(
    two: list[Store], tmp_path: Path
) -> None:
    a, b = two
    code = "parent.domestic_abuse"
    _relabel(a, code, "Domestic abuse (A's wording)")
    assert send(a, b, tmp_path).conflicts == []  # B had not changed it: an update
    assert _label(b, code) == "Domestic abuse (A's wording)"

    _relabel(a, code, "Domestic abuse, A again")
    _relabel(b, code, "Domestic abuse, B's wording")
    report = send(a, b, tmp_path)
    assert [c.id for c in report.conflicts] == [code]
    assert _label(b, code) == "Domestic abuse, B's wording"
    (kept,) = list_conflicts(b)
    assert (kept.kind, kept.name) == ("code", code)

    assert "kept the other" in resolve_conflict(b, kept.id, "theirs")
    assert _label(b, code) == "Domestic abuse, A again"
    assert list_conflicts(b) == []
    assert send(b, a, tmp_path).conflicts == []
    assert send(a, b, tmp_path).conflicts == []
    assert _label(a, code) == _label(b, code) == "Domestic abuse, A again"


def _topic_update(store: Store, tmp_path: Path, name: str, body: str, when: str) -> None:
    """A topic briefing changed elsewhere arrives on this computer in a version-1 bundle."""
    briefing = next(iter(build_bundle(store).briefings))
    document = valid_bundle(reviews=[])
    entry = json.loads(briefing.model_dump_json(exclude={"revision", "ancestors"}))
    entry["updated_at"] = when
    entry["sections"] = [{"heading": "Background", "body": body}]
    document["briefings"] = [entry]
    path = tmp_path / name
    path.write_bytes(dumps(document))
    import_bundle_files(store, [path], today=TODAY)


def test_topic_briefings_changed_on_both_computers_keep_both(
    two: list[Store], tmp_path: Path
) -> None:
    a, b = two
    load_demo(a)
    send(a, b, tmp_path)
    _topic_update(a, tmp_path, "a.json", "A's background", "2026-11-01T10:00:00Z")
    _topic_update(b, tmp_path, "b.json", "B's background", "2026-11-02T10:00:00Z")
    report = send(a, b, tmp_path)  # A's copy is older by time, but neither is lost
    assert len(report.conflicts) == 1 and report.briefings_updated == 0
    (kept,) = list_conflicts(b)
    assert kept.kind == "topic briefing"
    title = kept.name
    body = next(b_ for b_ in build_bundle(b).briefings if b_.title == title).sections[0].body
    assert body == "B's background"

    resolve_conflict(b, kept.id, "mine")
    assert send(b, a, tmp_path).conflicts == []  # A accepts the resolution as an update
    on_a = next(x for x in build_bundle(a).briefings if x.title == title)
    assert on_a.sections[0].body == "B's background"
    assert send(a, b, tmp_path).conflicts == []


def test_resolve_refuses_unknown_conflicts_and_choices(two: list[Store]) -> None:
    a, _ = two
    with pytest.raises(NotFound):
        resolve_conflict(a, 999, "mine")
    with pytest.raises(InvalidInput, match="--keep"):
        resolve_conflict(a, 1, "both")


def test_version_one_topic_briefings_go_by_time_and_an_older_copy_is_kept(
    two: list[Store], tmp_path: Path
) -> None:
    a, _ = two
    load_demo(a)
    _topic_update(a, tmp_path, "newer.json", "Newer background", "2026-11-10T10:00:00Z")
    document = valid_bundle(reviews=[])
    briefing = next(iter(build_bundle(a).briefings))
    entry = json.loads(briefing.model_dump_json(exclude={"revision", "ancestors"}))
    entry["updated_at"] = "2026-11-05T10:00:00Z"
    entry["sections"] = [{"heading": "Background", "body": "Older background"}]
    document["briefings"] = [entry]
    path = tmp_path / "older.json"
    path.write_bytes(dumps(document))
    report = import_bundle_files(a, [path], today=TODAY)
    assert len(report.conflicts) == 1 and briefing.title in report.describe()
    assert next(iter(build_bundle(a).briefings)).sections[0].body == "Newer background"
    assert [c.kind for c in list_conflicts(a)] == ["topic briefing"]
