"""The command line as a user runs it: exit codes, messages, no tracebacks.

A few tests start the real program in its own process (the entry point, exit codes, start-up
failures); the rest run the same command inside the test process (``tests/cli_runner.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewtool import __version__
from tests.bundle_samples import dumps, mutated, valid_bundle
from tests.cli_runner import run_cli as run


def run_process(
    *args: str, db: Path | str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reviewtool"]
    if db is not None:
        command += ["--db", str(db)]
    environment = {**os.environ, **(env or {})}
    environment.pop("REVIEWTOOL_DEBUG", None)
    result = subprocess.run(
        [*command, *args], capture_output=True, text=True, env=environment, timeout=120
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite3"


def test_version() -> None:
    result = run_process("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"reviewtool {__version__}"


def test_demo_list_and_search(db: Path) -> None:
    result = run_process("demo", db=db)
    assert result.returncode == 0, result.stderr
    assert "18 reviews added" in result.stdout
    listed = run_process("list", db=db)
    assert listed.returncode == 0 and "NSP-CSPR-2021-01\tChild J\tcspr" in listed.stdout
    assert "18 reviews" in listed.stderr
    cspr = run("list", "--kind", "cspr", db=db)
    assert {line.split("\t")[2] for line in cspr.stdout.splitlines()} == {"cspr"}
    found = run("list", "--search", "malnutrition", db=db)
    assert found.stdout.startswith("NSP-RR-2022-01\tChild K") and "malnutrition" in found.stdout


def test_a_search_listing_only_its_best_matches_says_so(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewtool.services.reviews import listing

    assert run("demo", db=db).returncode == 0
    monkeypatch.setattr(listing, "SEARCH_LIMIT", 2)  # as a search matching over 200
    found = run("list", "--search", "child", db=db)
    assert found.returncode == 0 and len(found.stdout.splitlines()) == 2
    assert "the 2 best matches; more may match" in found.stderr


def test_a_reader_that_goes_away_is_not_an_error_message(db: Path) -> None:
    """``reviewtool list | head -1``: the pipe closes before everything is printed."""
    assert run("demo", db=db).returncode == 0
    reader, writer = os.pipe()
    os.close(reader)  # every write now fails with a broken pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reviewtool", "--db", str(db), "list"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(writer)
    assert result.returncode == 1
    assert "Broken pipe" not in result.stderr and "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


def test_default_database_lives_in_the_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run("demo", env={"REVIEWTOOL_HOME": str(home)}).returncode == 0
    assert (home / "reviewtool.sqlite3").exists()


def test_reviewtool_db_environment_variable(tmp_path: Path) -> None:
    target = tmp_path / "from-env.sqlite3"
    assert run("demo", env={"REVIEWTOOL_DB": str(target)}).returncode == 0
    assert target.exists()


def test_export_and_import_round_trip(db: Path, tmp_path: Path) -> None:
    run("demo", db=db)
    out = tmp_path / "all.rtbundle.json"
    result = run("export", str(out), db=db)
    assert result.returncode == 0 and "Exported 18 reviews and 2 topic briefings" in result.stdout
    assert "identifiers" not in out.read_text(encoding="utf-8")

    with_ids = tmp_path / "ids.rtbundle.json"
    run("export", str(with_ids), "--include-identifiers", "--review", "NSP-RR-2021-03", db=db)
    document = json.loads(with_ids.read_text(encoding="utf-8"))
    assert [r["reference"] for r in document["reviews"]] == ["NSP-RR-2021-03"]
    assert document["reviews"][0]["identifiers"] == ["Jayden Smith", "14 Oak Road"]

    other = tmp_path / "other.sqlite3"
    imported = run("import", str(out), db=other)
    assert imported.returncode == 0 and "18 reviews added" in imported.stdout
    again = run("import", str(out), db=other)
    assert "18 unchanged" in again.stdout
    backups = list((tmp_path / "home" / "backups").glob("*/*-before-import.sqlite3"))
    assert backups, "an import takes a backup first"


def test_invalid_bundle_exits_2_naming_the_field(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rtbundle.json"
    bad.write_bytes(dumps(mutated(lambda b: b["reviews"][0]["children"][0].update(age_months=-1))))
    result = run("import", str(bad), db=db)
    assert result.returncode == 2
    assert "reviews[0].children[0].age_months: must be >= 0" in result.stderr
    assert run("list", db=db).stdout == ""


def test_unknown_review_and_bad_kind_exit_2(db: Path, tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "x.json"), "--review", "NOPE", db=db)
    assert result.returncode == 2 and "no review with reference or id 'NOPE'" in result.stderr
    assert not (tmp_path / "x.json").exists()
    result = run("list", "--kind", "novel", db=db)
    assert result.returncode == 2 and "choose from" in result.stderr


def test_export_to_a_missing_folder_exits_2(db: Path, tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "no" / "such" / "x.json"), db=db)
    assert result.returncode == 2 and "no such folder" in result.stderr


def test_usage_errors_exit_2() -> None:
    result = run_process("frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_backup_and_restore(db: Path, tmp_path: Path) -> None:
    run("demo", db=db)
    result = run("backup", "--to", str(tmp_path / "bk"), db=db)
    assert result.returncode == 0
    backup = next((tmp_path / "bk").glob("*.sqlite3"))
    bundle = tmp_path / "extra.rtbundle.json"
    bundle.write_bytes(dumps(valid_bundle()))
    run("import", str(bundle), db=db)
    assert "19 reviews" in run("list", db=db).stderr
    restored = run("restore", str(backup), db=db)
    assert restored.returncode == 0, restored.stderr
    assert "18 reviews" in run("list", db=db).stderr
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_text("not a backup")
    assert run("restore", str(garbage), db=db).returncode == 2


def test_damaged_database_exits_1_with_a_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50 + b"\xff" * 5000)
    result = run_process("list", db=broken)
    assert result.returncode == 1
    assert "reviewtool:" in result.stderr and "backup" in result.stderr


def test_unreachable_server_exits_1(tmp_path: Path) -> None:
    result = run_process("list", db="postgresql://someone:pw@127.0.0.1:1/reviews")
    assert (
        result.returncode == 1 and "Cannot reach" in result.stderr and ":pw@" not in result.stderr
    )


@pytest.mark.postgres
def test_cli_against_postgresql(postgres_url: str, tmp_path: Path) -> None:
    assert run("demo", db=postgres_url).returncode == 0
    found = run("list", "--search", "cocaine", db=postgres_url)
    assert found.returncode == 0 and found.stdout.startswith("NSP-")
    assert "Child L" in found.stdout


def test_suggest_prints_codes_with_their_sentences(tmp_path: Path) -> None:
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.services.reviews.editing import create_review, new_review_record
    from reviewtool.services.store import open_store

    db = tmp_path / "suggest.sqlite3"
    store = open_store(str(db), backup_dir=tmp_path / "backups")
    try:
        record = new_review_record(ReviewKind.CSPR, "CSPR-7", "Child Ö")
        summary = "A 10-week-old baby was bruised. There was no evidence of alcohol misuse."
        create_review(store, record.model_copy(update={"summary": summary}))
    finally:
        store.close()
    result = run("suggest", "CSPR-7", "--json", db=db)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    codes = {row["code"] for row in rows}
    assert {"child.harm.physical", "child.non_mobile_injury"} <= codes
    assert "parent.alcohol_misuse" not in codes  # negated
    assert all(set(row) == {"review", "code", "sentence", "where"} for row in rows)
    assert {row["review"] for row in rows} == {"CSPR-7"}
    assert (
        rows[0]["sentence"] == "A 10-week-old baby was bruised." and rows[0]["where"] == "summary"
    )
    plain = run("suggest", "CSPR-7", db=db)
    assert (
        plain.stdout.startswith("CSPR-7\n")
        and "child.harm.physical\tsummary\tA 10-week" in plain.stdout
    )
    missing = run("suggest", "CSPR-7", "NO-SUCH", db=db)
    assert missing.returncode == 2 and "NO-SUCH" in missing.stderr
