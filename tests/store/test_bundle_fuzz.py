"""Hostile bundles: whatever the file holds, a clear error naming the place, nothing written."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from reviewtool.bundle.errors import BundleError
from reviewtool.bundle.limits import MAX_PROBLEM_CHARS
from reviewtool.bundle.read import parse_bundle_bytes
from reviewtool.db.models import AuditEvent, Review
from reviewtool.services.exchange.bundle_import import (
    import_bundle_files,
    import_bundles,
    known_codes,
)
from reviewtool.services.store import Store
from tests.bundle_samples import valid_bundle
from tests.conftest import TODAY

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(
        [
            "",
            "\x00",
            "\ud800",
            "<b>",
            "2022-02-30",
            "-1",
            "rapid_review",
            "child.harm.neglect",
            "𝔘𝔫𝔦",
            # Hostile values: over the size limits, out of range, the wrong type.
            "R" * 5000,
            "x" * 200_001,
            "9999-12-31T23:59:59-05:00",
            "0001-01-01",
            "2300-01-01",
            True,
            10**40,
        ]
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated_bundles(draw: st.DrawFn) -> bytes:
    document: Any = copy.deepcopy(valid_bundle())
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(document) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(json_values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


any_input = (
    mutated_bundles()
    | mutated_bundles().map(lambda data: data + b"\n{}")  # something after the end
    | json_values.map(lambda v: json.dumps(v).encode())
    | st.binary(max_size=300)
    | st.builds(lambda depth: (b"[" * depth) + (b"]" * depth), st.integers(500, 60_000))
)


def _counts(store: Store) -> tuple[int, int]:
    with store.transaction() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Review)) or 0),
            int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0),
        )


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=any_input)
def test_any_input_is_imported_or_refused_cleanly(sqlite_store: Store, data: bytes) -> None:
    codes = known_codes(sqlite_store)
    before = _counts(sqlite_store)
    try:
        bundle = parse_bundle_bytes(data, codes, TODAY, "fuzz.rtbundle.json")
    except BundleError as error:
        assert error.problems and all(str(p) for p in error.problems)
        assert all(len(str(p)) <= 2 * MAX_PROBLEM_CHARS + 1 for p in error.problems)
        assert "fuzz.rtbundle.json" in str(error)
        assert _counts(sqlite_store) == before
        return
    # A bundle that passed every check must import (or merge) without error.
    import_bundles(sqlite_store, [bundle])


HOSTILE = [
    ("reviews[0].reference", "at most 200", lambda b: b["reviews"][0].update(reference="R" * 5000)),
    ("version", "whole number", lambda b: b.update(version=True)),
    (
        "reviews[0].updated_at",
        "outside the years",
        lambda b: b["reviews"][0].update(updated_at="9999-12-31T23:59:59-05:00"),
    ),
    (
        "codebook[0].parent",
        "cycle",
        lambda b: (
            b["codebook"][0].update(code="parent.loop_a", parent="parent.loop_a_child")
            or b["codebook"].append(
                {
                    "code": "parent.loop_a_child",
                    "label": "B",
                    "group": "parent",
                    "parent": "parent.loop_a",
                }
            )
        ),
    ),
]


@pytest.mark.parametrize(("path", "words", "change"), HOSTILE, ids=[h[0] for h in HOSTILE])
@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "stream"])
def test_hostile_bundles_are_refused_alike_on_both_backends(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    words: str,
    change: Any,
    streamed: bool,
) -> None:
    if streamed:
        monkeypatch.setattr("reviewtool.bundle.stream.STREAM_FROM_BYTES", 0)
    document = copy.deepcopy(valid_bundle())
    change(document)
    file = tmp_path / "hostile.rtbundle.json"
    file.write_bytes(json.dumps(document).encode())
    before = _counts(store)
    with pytest.raises(BundleError) as refused:
        import_bundle_files(store, [file], today=TODAY, backup_first=True)
    assert f"{path}: " in str(refused.value) and words in str(refused.value)
    assert len(str(refused.value)) < 600
    assert _counts(store) == before


@pytest.mark.parametrize("depth", [65, 100_000])
def test_deep_nesting_is_refused_before_parsing(
    sqlite_store: Store, tmp_path: Path, depth: int
) -> None:
    from reviewtool.bundle.read import nesting_depth

    data = b'{"format": "reviewtool.bundle", "version": 1, "x": ' + b"[" * depth
    assert nesting_depth(data) == depth + 1
    with pytest.raises(BundleError, match="nested too deeply"):
        parse_bundle_bytes(data, known_codes(sqlite_store), TODAY, "deep.rtbundle.json")
    assert nesting_depth(b'{"a": "[[[[\\"[[", "b": [{}]}') == 3  # brackets in text are text
