"""Secrets stay secret: drafts of an encrypted database, temporary files, formula-like cells,
the identifier export of a read-only account, and one file mode for everything written."""

from __future__ import annotations

import csv
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest

from reviewtool.cli import main
from reviewtool.domain.cells import neutralise_formula
from reviewtool.domain.enums import ReviewKind
from reviewtool.paths import data_dir, private_temp_dir
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.drafts import load_draft, save_draft
from reviewtool.services.reviews.editing import create_review, new_review_record
from reviewtool.services.safety.encryption import change_passphrase, encrypt_database
from reviewtool.services.store import Store, open_store

PASSPHRASE = "a long enough passphrase"
SECRET = "Words typed about the family that nobody else may read"
FORMULAS = ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "\tindented", "\rreturn"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _review(store: Store, reference: str = "DRAFT-1") -> Any:
    return create_review(
        store, new_review_record(ReviewKind.RAPID_REVIEW, reference, "Child D")
    ).record


def test_a_draft_of_an_encrypted_database_is_encrypted(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "enc.sqlite3"), passphrase=PASSPHRASE)
    try:
        record = _review(store).model_copy(update={"summary": SECRET})
        path = save_draft(record, store.database.passphrase)
        assert SECRET.encode() not in path.read_bytes()
        assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
        assert not list(path.parent.glob("*.json"))  # no plain copy beside it
        restored = load_draft(record.id, PASSPHRASE)
        assert restored is not None and restored.summary == SECRET
        assert load_draft(record.id, "another passphrase entirely") is None
        assert load_draft(record.id) is None
    finally:
        store.close()


def test_encrypt_converts_the_databases_plain_drafts(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "plain.sqlite3"))
    record = _review(store).model_copy(update={"summary": SECRET})
    plain = save_draft(record)
    assert SECRET in plain.read_text(encoding="utf-8")
    elsewhere = record.model_copy(update={"id": "11111111-1111-4111-8111-111111111111"})
    others = save_draft(elsewhere)  # a draft of another database's review: left alone
    encrypt_database(store, PASSPHRASE)
    assert not plain.exists() and others.exists()
    leftovers = [p for p in (data_dir() / "drafts").iterdir() if SECRET.encode() in p.read_bytes()]
    assert leftovers == [others]
    converted = load_draft(record.id, PASSPHRASE)
    assert converted is not None and converted.summary == SECRET

    reopened = open_store(str(tmp_path / "plain.sqlite3"), passphrase=PASSPHRASE)
    change_passphrase(reopened, "a brand new passphrase")
    again = load_draft(record.id, "a brand new passphrase")
    assert again is not None and again.summary == SECRET
    assert load_draft(record.id, PASSPHRASE) is None


def test_private_temporary_folders_are_owner_only_and_removed() -> None:
    with private_temp_dir() as folder:
        assert _mode(folder) == 0o700
        (folder / "part.xml").write_text("x")
    assert not folder.exists()


def test_thematic_xlsx_leaves_no_temporary_file_and_neutralises_formulas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from openpyxl import load_workbook

    database = tmp_path / "r.sqlite3"
    store = open_store(str(database))
    load_demo(store)
    from reviewtool.bundle.schema import CodeRecord
    from reviewtool.domain.enums import CodeGroup
    from reviewtool.services.codebook import save_code

    save_code(
        store,
        CodeRecord(code="parent.formula", label="=cmd|'/c calc'!A1", group=CodeGroup.PARENT),
    )
    store.close()
    scratch = tmp_path / "shared-tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "t.xlsx"
    code = main(
        [
            "--db",
            str(database),
            "thematic",
            "--from",
            "2019-01-01",
            "--to",
            "2026-11-21",
            "--xlsx",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert list(scratch.iterdir()) == []  # nothing left in the shared temporary folder
    assert _mode(out) == 0o600
    values = [
        cell
        for sheet in load_workbook(out, read_only=True)
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    assert not [v for v in values if v.startswith(("=", "+", "@"))]


def test_neutralise_formula_follows_owasp() -> None:
    for value in FORMULAS:
        assert neutralise_formula(value) == "'" + value
    assert neutralise_formula("Child J") == "Child J"
    assert neutralise_formula("") == ""


def test_the_audit_csv_never_writes_a_live_formula(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewtool.services.reviews.editing import get_review, save_review

    monkeypatch.setenv("REVIEWTOOL_USER", "=1+1")
    database = tmp_path / "r.sqlite3"
    store = open_store(str(database))
    _review(store, "F-1")
    for title in FORMULAS:  # each change is audited with its old and new value
        loaded = get_review(store, "F-1")
        save_review(store, loaded.record.model_copy(update={"title": title}), loaded.version)
    store.close()
    out = tmp_path / "audit.csv"
    assert main(["--db", str(database), "audit", "--out", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert "'=1+1" in cells
    for value in FORMULAS[:-1]:  # (a carriage return is read back as a line end)
        assert "'" + value in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert _mode(out) == 0o600


def test_every_file_written_by_the_command_is_owner_only(tmp_path: Path, capsys: Any) -> None:
    database = tmp_path / "r.sqlite3"
    assert main(["--db", str(database), "demo"]) == 0
    outputs = {
        "bundle": (
            ["export", "--include-identifiers", str(tmp_path / "b.rtbundle.json")],
            "b.rtbundle.json",
        ),
        "audit": (["audit", "--out", str(tmp_path / "a.csv")], "a.csv"),
        "pdf": (
            [
                "thematic",
                "--from",
                "2019-01-01",
                "--to",
                "2026-11-21",
                "--out",
                str(tmp_path / "t.pdf"),
            ],
            "t.pdf",
        ),
        "docx": (
            [
                "thematic",
                "--from",
                "2019-01-01",
                "--to",
                "2026-11-21",
                "--docx",
                str(tmp_path / "t.docx"),
            ],
            "t.docx",
        ),
        "html": (
            [
                "thematic",
                "--from",
                "2019-01-01",
                "--to",
                "2026-11-21",
                "--html",
                str(tmp_path / "t.html"),
            ],
            "t.html",
        ),
        "backup": (["backup", "--to", str(tmp_path / "kept")], None),
    }
    for name, (arguments, produced) in outputs.items():
        assert main(["--db", str(database), *arguments]) == 0, (name, capsys.readouterr().err)
        if produced is not None:
            assert _mode(tmp_path / produced) == 0o600, name
    (backup,) = (tmp_path / "kept").iterdir()
    assert _mode(backup) == 0o600
    assert _mode(database) == 0o600
    for path in (tmp_path / "home").rglob("*"):
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path
