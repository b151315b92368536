"""Invalid bundles are rejected with the path of the bad field, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select, table

from reviewtool.bundle.errors import BundleError
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.store import Store
from tests.bundle_samples import dumps, mutated, valid_bundle
from tests.conftest import TODAY

Doc = dict[str, Any]


@pytest.fixture(autouse=True, params=["whole file", "stream"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every case twice: files read whole, and read as a stream (as large files are)."""
    if request.param == "stream":
        monkeypatch.setattr("reviewtool.bundle.stream.STREAM_FROM_BYTES", 0)
    return str(request.param)


def r0(bundle: Doc) -> Doc:
    review: Doc = bundle["reviews"][0]
    return review


def _set(path: Callable[[Doc], Doc], key: str, value: Any) -> Callable[[Doc], None]:
    def change(bundle: Doc) -> None:
        path(bundle)[key] = value

    return change


def _del(path: Callable[[Doc], Doc], key: str) -> Callable[[Doc], None]:
    def change(bundle: Doc) -> None:
        del path(bundle)[key]

    return change


def child0(b: Doc) -> Doc:
    return r0(b)["children"][0]  # type: ignore[no-any-return]


def dates(b: Doc) -> Doc:
    return r0(b)["dates"]  # type: ignore[no-any-return]


def action0(b: Doc) -> Doc:
    return r0(b)["recommendations"][0]["actions"][0]  # type: ignore[no-any-return]


def factor0(b: Doc) -> Doc:
    return r0(b)["factors"][0]  # type: ignore[no-any-return]


def duplicate_review(b: Doc) -> None:
    b["reviews"].append(dict(r0(b), reference="OTHER"))


def duplicate_action_id(b: Doc) -> None:
    recommendation = r0(b)["recommendations"][0]
    recommendation["actions"].append(dict(recommendation["actions"][0]))


def three_reviews_bad_fourth(b: Doc) -> None:
    import uuid

    for n in range(3):
        b["reviews"].append(dict(r0(b), id=str(uuid.UUID(int=n + 1)), recommendations=[]))
    b["reviews"][3]["children"] = [dict(child0(b), age_months=-1)]


CASES: list[tuple[str, Callable[[Doc], None], str, str]] = [
    ("wrong format", _set(lambda b: b, "format", "other.format"), "format", "reviewtool.bundle"),
    ("newer version", _set(lambda b: b, "version", 3), "version", "newer reviewtool"),
    ("version as text", _set(lambda b: b, "version", "1"), "version", "must be 1"),
    ("reviews not a list", _set(lambda b: b, "reviews", {"a": 1}), "reviews", "must be a list"),
    ("review not an object", lambda b: b["reviews"].append(3), "reviews[1]", "must be an object"),
    (
        "negative age",
        _set(child0, "age_months", -1),
        "reviews[0].children[0].age_months",
        "must be >= 0",
    ),
    (
        "age as text",
        _set(child0, "age_months", "3"),
        "reviews[0].children[0].age_months",
        "whole number",
    ),
    (
        "fractional age",
        _set(child0, "age_months", 2.5),
        "reviews[0].children[0].age_months",
        "whole number",
    ),
    (
        "unborn with an age",
        lambda b: child0(b).update(unborn=True, age_months=2),
        "reviews[0].children[0].age_months",
        "unborn",
    ),
    ("unknown sex", _set(child0, "sex", "m"), "reviews[0].children[0].sex", "must be one of"),
    ("unknown plan", _set(child0, "plan", "cpp"), "reviews[0].children[0].plan", "must be one of"),
    (
        "disability as text",
        _set(child0, "disability", "yes"),
        "reviews[0].children[0].disability",
        "true or false",
    ),
    (
        "impossible date",
        _set(dates, "incident", "2022-02-30"),
        "reviews[0].dates.incident",
        "not a real date",
    ),
    (
        "date in another form",
        _set(dates, "aware", "02/04/2022"),
        "reviews[0].dates.aware",
        "YYYY-MM-DD",
    ),
    (
        "notified before aware",
        _set(dates, "notified", "2022-04-01"),
        "reviews[0].dates.notified",
        "before the date",
    ),
    (
        "event date in the future",
        _set(dates, "decision", "2027-01-05"),
        "reviews[0].dates.decision",
        "in the future",
    ),
    ("unknown kind", _set(r0, "kind", "serious_case_review"), "reviews[0].kind", "must be one of"),
    ("unknown status", _set(r0, "status", "done"), "reviews[0].status", "must be one of"),
    ("unknown decision", _set(r0, "decision", "yes"), "reviews[0].decision", "must be one of"),
    (
        "unknown criterion",
        _set(r0, "criteria", ["a", "e"]),
        "reviews[0].criteria[1]",
        "must be one of",
    ),
    (
        "repeated criterion",
        _set(r0, "criteria", ["a", "a"]),
        "reviews[0].criteria",
        "more than once",
    ),
    ("missing title", _del(r0, "title"), "reviews[0].title", "is required"),
    ("empty reference", _set(r0, "reference", "  "), "reviews[0].reference", "must not be empty"),
    ("id not a UUID", _set(r0, "id", "review-1"), "reviews[0].id", "UUID"),
    (
        "bad updated_at",
        _set(r0, "updated_at", "yesterday"),
        "reviews[0].updated_at",
        "date and time",
    ),
    (
        "unknown factor code",
        _set(factor0, "code", "parent.unknown_thing"),
        "reviews[0].factors[0].code",
        "unknown code",
    ),
    (
        "bad factor role",
        _set(factor0, "role", "absent"),
        "reviews[0].factors[0].role",
        "must be one of",
    ),
    ("duplicate review id", duplicate_review, "reviews[1].id", "duplicate id"),
    (
        "duplicate action id",
        duplicate_action_id,
        "reviews[0].recommendations[0].actions[1].id",
        "duplicate id",
    ),
    (
        "bad action status",
        _set(action0, "status", "finished"),
        "reviews[0].recommendations[0].actions[0].status",
        "must be one of",
    ),
    (
        "completed in the future",
        _set(action0, "completed", "2027-02-01"),
        "reviews[0].recommendations[0].actions[0].completed",
        "in the future",
    ),
    ("NUL in text", _set(r0, "summary", "a\x00b"), "reviews[0].summary", "NUL"),
    (
        "bad colour",
        lambda b: b["codebook"][0].update(colour="red"),
        "codebook[0].colour",
        "expected form",
    ),
    (
        "code outside its group",
        lambda b: b["codebook"][0].update(group="child"),
        "codebook[0].code",
        "must start with its group",
    ),
    (
        "unknown parent code",
        lambda b: b["codebook"][0].update(parent="parent.nothing"),
        "codebook[0].parent",
        "unknown code",
    ),
    (
        "unknown briefing theme",
        lambda b: b["briefings"][0].update(theme="child.nothing"),
        "briefings[0].theme",
        "unknown code",
    ),
    ("version true", _set(lambda b: b, "version", True), "version", "whole number"),
    ("version 1.0", _set(lambda b: b, "version", 1.0), "version", "whole number"),
    (
        "reference too long",
        _set(r0, "reference", "R" * 5000),
        "reviews[0].reference",
        "at most 200",
    ),
    ("title too long", _set(r0, "title", "T" * 1001), "reviews[0].title", "at most 1000"),
    ("tag too long", _set(r0, "tags", ["t" * 1001]), "reviews[0].tags[0]", "at most 1000"),
    ("summary too long", _set(r0, "summary", "s" * 200_001), "reviews[0].summary", "200000"),
    (
        "timestamp out of range",
        _set(r0, "updated_at", "9999-12-31T23:59:59-05:00"),
        "reviews[0].updated_at",
        "outside the years 1900-2199",
    ),
    (
        "date before 1900",
        _set(dates, "incident", "0001-01-01"),
        "reviews[0].dates.incident",
        "outside the years",
    ),
    (
        "due after 2199",
        _set(action0, "due", "2300-01-01"),
        "reviews[0].recommendations[0].actions[0].due",
        "outside the years",
    ),
    ("age as true", _set(child0, "age_months", True), "reviews[0].children[0].age_months", "whole"),
    (
        "codebook parents in a cycle",
        lambda b: b["codebook"].extend(
            [
                {
                    "code": "parent.loop_a",
                    "label": "A",
                    "group": "parent",
                    "parent": "parent.loop_b",
                },
                {
                    "code": "parent.loop_b",
                    "label": "B",
                    "group": "parent",
                    "parent": "parent.loop_a",
                },
            ]
        ),
        "codebook[1].parent",
        "cycle",
    ),
    (
        "the fourth review is bad",
        three_reviews_bad_fourth,
        "reviews[3].children[0].age_months",
        "must be >= 0",
    ),
]


def _row_counts(store: Store) -> dict[str, int]:
    with store.transaction() as session:
        names = inspect(session.get_bind()).get_table_names()
        return {
            name: session.execute(select(func.count()).select_from(table(name))).scalar_one()
            for name in names
        }


@pytest.mark.parametrize(("name", "change", "path", "words"), CASES, ids=[c[0] for c in CASES])
def test_invalid_bundle_is_rejected_naming_the_field(
    sqlite_store: Store,
    tmp_path: Path,
    name: str,
    change: Callable[[Doc], None],
    path: str,
    words: str,
) -> None:
    file = tmp_path / "bad.rtbundle.json"
    file.write_bytes(dumps(mutated(change)))
    before = _row_counts(sqlite_store)
    with pytest.raises(BundleError) as raised:
        import_bundle_files(sqlite_store, [file], today=TODAY)
    message = str(raised.value)
    assert f"{path}: " in message, message
    assert words in message, message
    assert _row_counts(sqlite_store) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b'{"format": ', "not valid JSON at line 1"),
        ('{"format": "reviewtool.bundle", "x": "caf\xe9"}'.encode("latin-1"), "not UTF-8"),
        (b"[1, 2, 3]", "must be a JSON object"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (dumps(valid_bundle()).replace(b'"Child J was', b'"\\ud800 Child J was'), "surrogate"),
        (
            dumps(valid_bundle()).replace(b'"age_months": 0', b'"age_months": ' + b"9" * 5000),
            "too many digits",
        ),
        (dumps(valid_bundle()) + b"\n{garbage}", "Extra data"),
        (dumps(valid_bundle()) + b" []", "Extra data"),
        (b"[" * 100_000, "nested too deeply"),
        (b'{"format": "reviewtool.bundle", "x": ' + b"[" * 100_000, "nested too deeply"),
    ],
)
def test_unreadable_files_are_rejected(
    sqlite_store: Store, tmp_path: Path, content: bytes, words: str
) -> None:
    file = tmp_path / "bad.rtbundle.json"
    file.write_bytes(content)
    before = _row_counts(sqlite_store)
    with pytest.raises(BundleError, match=words):
        import_bundle_files(sqlite_store, [file], today=TODAY)
    assert _row_counts(sqlite_store) == before


def test_a_huge_value_is_never_echoed(sqlite_store: Store, tmp_path: Path) -> None:
    file = tmp_path / "bad.rtbundle.json"
    file.write_bytes(dumps(mutated(_set(r0, "kind", "k" * 20_000_000))))
    before = _row_counts(sqlite_store)
    with pytest.raises(BundleError) as raised:
        import_bundle_files(sqlite_store, [file], today=TODAY)
    message = str(raised.value)
    assert "reviews[0].kind: must be one of" in message
    assert len(message) < 500
    assert _row_counts(sqlite_store) == before


def test_one_bad_file_among_several_writes_nothing(sqlite_store: Store, tmp_path: Path) -> None:
    good = tmp_path / "good.rtbundle.json"
    good.write_bytes(dumps(valid_bundle()))
    bad = tmp_path / "bad.rtbundle.json"
    bad.write_bytes(dumps(mutated(_set(child0, "age_months", -1))))
    before = _row_counts(sqlite_store)
    with pytest.raises(BundleError, match=r"bad\.rtbundle\.json"):
        import_bundle_files(sqlite_store, [good, bad], today=TODAY)
    assert _row_counts(sqlite_store) == before


def test_missing_file(sqlite_store: Store, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="no such file"):
        import_bundle_files(sqlite_store, [tmp_path / "absent.json"], today=TODAY)


def test_unknown_keys_are_ignored(sqlite_store: Store, tmp_path: Path) -> None:
    document = valid_bundle(future_feature={"x": 1})
    document["reviews"][0]["new_field"] = [1, 2]
    document["reviews"][0]["children"][0]["shoe_size"] = 3
    file = tmp_path / "extra.rtbundle.json"
    file.write_bytes(dumps(document))
    report = import_bundle_files(sqlite_store, [file], today=TODAY)
    assert report.created == 1


def test_oversized_file_is_refused_before_reading(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reviewtool.bundle.read.MAX_BUNDLE_BYTES", 1024 * 1024)
    file = tmp_path / "huge.rtbundle.json"
    file.write_bytes(b" " * (2 * 1024 * 1024))
    with pytest.raises(BundleError, match="bundles are limited to 1 MB"):
        import_bundle_files(sqlite_store, [file], today=TODAY)
