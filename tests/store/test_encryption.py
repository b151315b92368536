"""Encryption at rest: nothing readable in the file, its WAL or its backups; clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtool.db.cipher import PassphraseNeeded, WrongPassphrase
from reviewtool.domain.enums import ReviewKind
from reviewtool.domain.errors import InvalidInput
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.editing import create_review, get_review, new_review_record
from reviewtool.services.reviews.listing import count_reviews
from reviewtool.services.reviews.search import search_reviews
from reviewtool.services.safety.backups import make_backup, restore_backup
from reviewtool.services.safety.encryption import change_passphrase, encrypt_database
from reviewtool.services.store import open_store
from tests.cli_runner import CliResult, run_cli

PHRASE = "Zebra-crossing lighthouse 6172"
PASSPHRASE = "correct horse battery staple"


def _bytes_hold(path: Path, phrase: str) -> bool:
    data = path.read_bytes()
    return any(phrase.encode(codec) in data for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def _all_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_known_phrase_is_nowhere_in_the_files(tmp_path: Path) -> None:
    path = tmp_path / "secret.sqlite3"
    store = open_store(str(path), backup_dir=tmp_path / "backups", passphrase=PASSPHRASE)
    assert store.database.encrypted and "Encrypted" in store.describe()
    created = create_review(store, new_review_record(ReviewKind.RAPID_REVIEW, "ENC-1", "Child E"))
    record = created.record.model_copy(update={"summary": PHRASE, "identifiers": [PHRASE]})
    from reviewtool.services.reviews.editing import save_review

    save_review(store, record, created.version)
    make_backup(store)
    # While the database is open its WAL holds the latest pages: check it too.
    assert path.with_name(path.name + "-wal").exists()
    for file in _all_files(tmp_path):
        assert not _bytes_hold(file, PHRASE), file
    assert search_reviews(store, "lighthouse")  # and yet it works as usual
    store.close()
    for file in _all_files(tmp_path):
        assert not _bytes_hold(file, PHRASE), file
    again = open_store(str(path), backup_dir=tmp_path / "backups", passphrase=PASSPHRASE)
    assert get_review(again, "ENC-1").record.summary == PHRASE
    again.close()


def test_wrong_or_missing_passphrase_is_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "secret.sqlite3"
    open_store(str(path), passphrase=PASSPHRASE).close()
    with pytest.raises(WrongPassphrase, match="passphrase does not open"):
        open_store(str(path), passphrase="not the passphrase")
    with pytest.raises(PassphraseNeeded, match="encrypted"):
        open_store(str(path))
    plain = tmp_path / "plain.sqlite3"
    open_store(str(plain)).close()
    with pytest.raises(InvalidInput, match="not encrypted"):
        open_store(str(plain), passphrase=PASSPHRASE)


def test_encrypt_an_existing_database_and_its_backups(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    store = open_store(str(path), backup_dir=tmp_path / "backups")
    load_demo(store)
    make_backup(store)
    assert any(_bytes_hold(f, "malnutrition") for f in _all_files(tmp_path))
    encrypted_backups = encrypt_database(store, PASSPHRASE)
    assert encrypted_backups == 2  # the manual one and the one taken before encrypting
    for file in _all_files(tmp_path):
        assert not _bytes_hold(file, "malnutrition"), file
    with pytest.raises(PassphraseNeeded):
        open_store(str(path), backup_dir=tmp_path / "backups")
    store = open_store(str(path), backup_dir=tmp_path / "backups", passphrase=PASSPHRASE)
    try:
        assert count_reviews(store) == 18
        assert search_reviews(store, "malnutrition")
        with pytest.raises(InvalidInput, match="already encrypted"):
            encrypt_database(store, PASSPHRASE)
    finally:
        store.close()


def test_change_passphrase_and_restore_an_encrypted_backup(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    store = open_store(str(path), backup_dir=tmp_path / "backups", passphrase=PASSPHRASE)
    load_demo(store)
    backup = make_backup(store)
    assert change_passphrase(store, "a brand new passphrase") == 1
    with pytest.raises(WrongPassphrase):
        open_store(str(path), passphrase=PASSPHRASE)
    store = open_store(
        str(path), backup_dir=tmp_path / "backups", passphrase="a brand new passphrase"
    )
    try:
        create_review(store, new_review_record(ReviewKind.SCR, "LATER", "Later"))
        assert count_reviews(store) == 19
        restore_backup(store, backup)  # the backup was rekeyed with the database
        assert count_reviews(store) == 18
        with pytest.raises(InvalidInput, match="at least 8"):
            change_passphrase(store, "short")
    finally:
        store.close()


def test_encryption_commands(tmp_path: Path) -> None:
    path = tmp_path / "cli.sqlite3"

    def run(*args: str, **env: str) -> CliResult:
        unset: dict[str, str | None] = {
            "REVIEWTOOL_PASSPHRASE": None,
            "REVIEWTOOL_NEW_PASSPHRASE": None,
        }
        return run_cli(*args, db=path, env={**unset, **env})

    assert run("demo").returncode == 0
    no_new = run("encrypt")
    assert no_new.returncode == 2 and "REVIEWTOOL_NEW_PASSPHRASE" in no_new.stderr
    encrypted = run("encrypt", REVIEWTOOL_NEW_PASSPHRASE=PASSPHRASE)
    assert encrypted.returncode == 0, encrypted.stderr
    locked = run("list")
    assert locked.returncode == 1 and "REVIEWTOOL_PASSPHRASE" in locked.stderr
    wrong = run("list", REVIEWTOOL_PASSPHRASE="wrong passphrase")
    assert wrong.returncode == 1 and "passphrase does not open" in wrong.stderr
    listed = run("list", REVIEWTOOL_PASSPHRASE=PASSPHRASE)
    assert listed.returncode == 0 and "18 reviews" in listed.stderr
    changed = run(
        "change-passphrase",
        REVIEWTOOL_PASSPHRASE=PASSPHRASE,
        REVIEWTOOL_NEW_PASSPHRASE="another long passphrase",
    )
    assert changed.returncode == 0, changed.stderr
    assert run("list", REVIEWTOOL_PASSPHRASE="another long passphrase").returncode == 0
