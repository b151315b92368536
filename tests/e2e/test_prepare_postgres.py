"""scripts/prepare-postgres.sh: owner, editor and read-only roles with the right grants."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from reviewtool.domain.errors import DatabaseProblem
from reviewtool.services.exchange.bundle_export import export_bundle
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.reviews.listing import count_reviews
from reviewtool.services.store import open_store

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "prepare-postgres.sh"

pytestmark = pytest.mark.postgres


def test_prepared_server_gives_each_role_its_rights(postgres_server: str, tmp_path: Path) -> None:
    server = make_url(postgres_server)
    env = {
        **os.environ,
        "OWNER_PASSWORD": "own-pw",
        "EDITOR_PASSWORD": "edit-pw",
        "READER_PASSWORD": "read-pw",
    }
    command = [
        str(SCRIPT),
        "-h",
        str(server.host),
        "-p",
        str(server.port),
        "-U",
        "postgres",
        "partnership",
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    again = subprocess.run(command, capture_output=True, text=True, env=env)
    assert again.returncode == 0, again.stderr  # running it twice is harmless

    def url(role: str, password: str) -> str:
        return (
            f"postgresql+psycopg://partnership_{role}:{password}@{server.host}:{server.port}"
            "/partnership"
        )

    owner = open_store(url("owner", "own-pw"), backup_dir=tmp_path / "b")  # creates the tables
    load_demo(owner)
    owner.close()

    editor = open_store(url("editor", "edit-pw"), backup_dir=tmp_path / "b")
    loaded = get_review(editor, "NSP-RR-2022-01")
    save_review(
        editor, loaded.record.model_copy(update={"summary": "Edited by the editor"}), loaded.version
    )
    editor.close()
    engine = create_engine(url("editor", "edit-pw"))
    with engine.connect() as connection, pytest.raises(Exception, match="permission denied"):
        connection.execute(text("CREATE TABLE not_allowed (x int)"))
    engine.dispose()

    reader = open_store(url("reader", "read-pw"), backup_dir=tmp_path / "b")
    try:
        assert count_reviews(reader) == 18
        loaded = get_review(reader, "NSP-RR-2022-01")
        assert loaded.record.summary == "Edited by the editor"
        with pytest.raises(DatabaseProblem, match="may read this database but not change it"):
            save_review(reader, loaded.record.model_copy(update={"summary": "No"}), loaded.version)
        # An export with identifiers is audited; an account that may not write the audit
        # trail is refused before any name is written.
        names = tmp_path / "names.rtbundle.json"
        with pytest.raises(DatabaseProblem, match="may read this database but not change it"):
            export_bundle(reader, names, include_identifiers=True)
        assert not names.exists()
        export_bundle(reader, tmp_path / "plain.rtbundle.json")  # without names it may
    finally:
        reader.close()
    editor = open_store(url("editor", "edit-pw"), backup_dir=tmp_path / "b")
    try:
        export_bundle(editor, tmp_path / "names.rtbundle.json", include_identifiers=True)
        assert "Jayden Smith" in (tmp_path / "names.rtbundle.json").read_text(encoding="utf-8")
        with editor.transaction() as session:
            recorded = session.execute(
                text("SELECT count(*) FROM audit_events WHERE action = 'export-identifiers'")
            ).scalar_one()
        assert recorded == 1
    finally:
        editor.close()
    # (The test server trusts local connections, so passwords themselves are not tested here.)


def test_bad_database_name_is_refused() -> None:
    result = subprocess.run([str(SCRIPT), "Robert'); DROP TABLE"], capture_output=True, text=True)
    assert result.returncode == 2 and "lower-case" in result.stderr
