"""`reviewtool conflicts` and `reviewtool resolve`, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

from reviewtool.domain.enums import ReviewKind
from reviewtool.services.reviews.editing import create_review, get_review, new_review_record
from reviewtool.services.store import open_store
from tests.e2e.test_cli import run
from tests.store.exchange_helpers import edit


def test_conflicts_are_listed_and_resolved_from_the_command_line(tmp_path: Path) -> None:
    here, laptop = tmp_path / "here.sqlite3", tmp_path / "laptop.sqlite3"
    store = open_store(str(here), backup_dir=tmp_path / "b1")
    try:
        review_id = create_review(
            store, new_review_record(ReviewKind.CSPR, "CSPR-CLI-1", "Child Q")
        ).record.id
    finally:
        store.close()
    shared = tmp_path / "shared.rtbundle.json"
    assert run("export", str(shared), db=here).returncode == 0
    assert run("import", str(shared), db=laptop).returncode == 0
    for path, text in ((here, "Summary written here"), (laptop, "Summary from the laptop")):
        other = open_store(str(path), backup_dir=tmp_path / "b2")
        try:
            edit(other, review_id, lambda r, t=text: setattr(r, "summary", t))
        finally:
            other.close()
    back = tmp_path / "back.rtbundle.json"
    run("export", str(back), db=laptop)
    imported = run("import", str(back), db=here)
    assert "1 conflict" in imported.stdout and "CSPR-CLI-1" in imported.stdout

    listed = run("conflicts", db=here)
    assert listed.returncode == 0 and "CSPR-CLI-1" in listed.stdout
    number = listed.stdout.split("\t", 1)[0]
    resolved = run("resolve", number, "--keep", "theirs", db=here)
    assert resolved.returncode == 0 and "kept the other computer's copy" in resolved.stdout
    assert "No conflicts." in run("conflicts", db=here).stdout

    unknown = run("resolve", "999", "--keep", "mine", db=here)
    assert unknown.returncode != 0 and "no conflict 999" in unknown.stderr

    store = open_store(str(here), backup_dir=tmp_path / "b3")
    try:
        assert get_review(store, review_id).record.summary == "Summary from the laptop"
    finally:
        store.close()
    # The laptop accepts the resolution without a new conflict.
    final = tmp_path / "final.rtbundle.json"
    run("export", str(final), db=here)
    again = run("import", str(final), db=laptop)
    assert "1 updated" in again.stdout and "conflict" not in again.stdout
