"""Identifiers through the command line: sealed between laptops, found by ``check``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.test_cli import run

PASSPHRASE = {"REVIEWTOOL_IDENTIFIERS_PASSPHRASE": "shared secret 2026"}


def test_sealed_export_and_import(tmp_path: Path) -> None:
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    assert run("demo", db=first).returncode == 0
    bundle = tmp_path / "sealed.rtbundle.json"
    result = run("export", str(bundle), "--identifiers-passphrase", db=first, env=PASSPHRASE)
    assert result.returncode == 0 and "sealed by the passphrase" in result.stdout
    text = bundle.read_text(encoding="utf-8")
    assert "Jayden" not in text and json.loads(text)["sealed_identifiers"]["reviews"] == 18

    closed = run("import", str(bundle), db=second)
    assert closed.returncode == 0 and "sealed in the bundle and were left behind" in closed.stdout
    wrong = run(
        "import",
        str(bundle),
        "--identifiers-passphrase",
        db=second,
        env={"REVIEWTOOL_IDENTIFIERS_PASSPHRASE": "not the one"},
    )
    assert wrong.returncode == 2 and "passphrase is wrong" in wrong.stderr
    opened = run("import", str(bundle), "--identifiers-passphrase", db=second, env=PASSPHRASE)
    assert opened.returncode == 0 and "identifiers of 18 reviews unsealed" in opened.stdout

    plain = tmp_path / "plain.rtbundle.json"
    run("export", str(plain), "--include-identifiers", "--review", "NSP-RR-2021-03", db=second)
    document = json.loads(plain.read_text(encoding="utf-8"))
    assert document["reviews"][0]["identifiers"] == ["Jayden Smith", "14 Oak Road"]
    assert document["reviews"][0]["identifier_kinds"] == ["child", "address"]


def test_remove_from_history_needs_a_reason(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    run("demo", db=db)
    result = run("remove-from-history", "NSP-RR-2021-03", "--reason", " ", db=db)
    assert result.returncode == 2 and "say why" in result.stderr
    result = run("remove-from-history", "NSP-RR-2021-03", "--reason", "tidy", db=db)
    assert result.returncode == 0 and "removed from 0 entries" in result.stdout
