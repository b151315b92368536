"""Large bundles are imported as a stream: the same result, with little memory."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from reviewtool.bundle.errors import BundleError
from reviewtool.paths import resource
from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.bundle_import import import_bundle_files
from reviewtool.services.exchange.demo import DEMO_BUNDLE
from reviewtool.services.reviews.listing import list_reviews
from reviewtool.services.store import Store, open_store
from tests.conftest import TODAY


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file counts as large; records which files were really read as a stream."""
    import reviewtool.services.exchange.bundle_import as bundles

    monkeypatch.setattr("reviewtool.bundle.stream.STREAM_FROM_BYTES", 0)
    seen: list[str] = []
    original = bundles.stream_bundle

    def recording(path: Path, *args: Any) -> Any:
        seen.append(path.name)
        return original(path, *args)

    monkeypatch.setattr(bundles, "stream_bundle", recording)
    return seen


def _demo_document() -> dict[str, Any]:
    with resource(DEMO_BUNDLE).open(encoding="utf-8") as stream:
        document: dict[str, Any] = json.load(stream)
    return document


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _exported(store: Store, tmp_path: Path, name: str) -> dict[str, Any]:
    target = tmp_path / name
    export_bundle(store, target, include_identifiers=True)
    document: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


def test_streamed_import_stores_what_a_whole_file_import_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write(tmp_path / "demo.rtbundle.json", _demo_document())
    whole = open_store(str(tmp_path / "whole.sqlite3"), backup_dir=tmp_path / "b1")
    import_bundle_files(whole, [source], today=TODAY)
    monkeypatch.setattr("reviewtool.bundle.stream.STREAM_FROM_BYTES", 0)
    streamed = open_store(str(tmp_path / "streamed.sqlite3"), backup_dir=tmp_path / "b2")
    done: list[tuple[int, int]] = []
    report = import_bundle_files(
        streamed, [source], today=TODAY, progress=lambda d, t: done.append((d, t))
    )
    assert report.created == 18 and report.briefings_created == 2
    assert done[-1][0] == done[-1][1] == source.stat().st_size
    assert _exported(streamed, tmp_path, "s.json") == _exported(whole, tmp_path, "w.json")
    whole.close()
    streamed.close()


def test_a_bad_review_late_in_the_file_rolls_back_and_is_named(
    sqlite_store: Store, tmp_path: Path, streamed: list[str]
) -> None:
    document = _demo_document()
    document["reviews"][16]["children"] = [{"sex": "female", "age_months": -3}]
    source = _write(tmp_path / "late-problem.rtbundle.json", document)
    with pytest.raises(BundleError, match=r"reviews\[16\]\.children\[0\]\.age_months"):
        import_bundle_files(sqlite_store, [source], today=TODAY, backup_first=True)
    assert streamed == ["late-problem.rtbundle.json"]
    assert list_reviews(sqlite_store) == []
    assert not list(sqlite_store.backup_dir.glob("*before-import*"))


def test_a_good_import_is_backed_up_just_before_it_is_committed(
    sqlite_store: Store, tmp_path: Path, streamed: list[str]
) -> None:
    import sqlite3

    source = _write(tmp_path / "demo.rtbundle.json", _demo_document())
    import_bundle_files(sqlite_store, [source], today=TODAY, backup_first=True)
    (backup,) = sqlite_store.backup_dir.glob("*before-import*")
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT count(*) FROM reviews").fetchone() == (0,)
    assert len(list_reviews(sqlite_store)) == 18


def test_a_codebook_after_the_reviews_is_still_read(
    sqlite_store: Store, tmp_path: Path, streamed: list[str]
) -> None:
    document = _demo_document()
    reordered = {key: value for key, value in document.items() if key != "codebook"}
    reordered["codebook"] = copy.deepcopy(document["codebook"])
    source = _write(tmp_path / "late-codebook.rtbundle.json", reordered)
    report = import_bundle_files(sqlite_store, [source], today=TODAY)
    assert report.created == 18 and streamed == ["late-codebook.rtbundle.json"]


def test_escaped_emoji_and_bad_surrogates_go_to_the_careful_reader(
    sqlite_store: Store, tmp_path: Path, streamed: list[str]
) -> None:
    document = _demo_document()
    document["reviews"][3]["title"] = "Emoji \U0001f600 kept"
    source = tmp_path / "escaped.rtbundle.json"
    text = json.dumps(document, ensure_ascii=False).replace("\U0001f600", "\\ud83d\\ude00")
    source.write_text(text.replace("\\ude00", " x", 1), encoding="utf-8")
    with pytest.raises(BundleError, match="surrogate"):
        import_bundle_files(sqlite_store, [source], today=TODAY)
    assert list_reviews(sqlite_store) == []
    source.write_text(text, encoding="utf-8")
    import_bundle_files(sqlite_store, [source], today=TODAY)
    assert "Emoji \U0001f600 kept" in {r.title for r in list_reviews(sqlite_store)}


def test_streamed_import_on_every_backend(
    store: Store, tmp_path: Path, streamed: list[str]
) -> None:
    source = _write(tmp_path / "demo.rtbundle.json", _demo_document())
    report = import_bundle_files(store, [source], today=TODAY, backup_first=True)
    assert streamed == ["demo.rtbundle.json"]
    assert report.created == 18 and len(list_reviews(store)) == 18
    again = import_bundle_files(store, [source], today=TODAY)
    assert again.unchanged == 18 and again.created == 0
