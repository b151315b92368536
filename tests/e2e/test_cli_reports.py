"""The codebook, action tracker and review summary commands, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli-reports") / "demo.sqlite3"
    assert run("demo", db=db).returncode == 0
    return db


def test_codes_lists_and_searches_the_codebook(demo_db: Path) -> None:
    listed = run("codes", db=demo_db)
    assert listed.returncode == 0
    assert "child.harm.neglect\tNeglect\tChild factors" in listed.stdout.splitlines()
    found = run("codes", "--search", "SLEEP", db=demo_db)
    assert found.stdout.splitlines() == [
        "parent.unsafe_sleep\tUnsafe sleep\tParent / carer factors",
        "practice.safe_sleep_advice\tSafe sleep advice\tProfessional / practice factors",
    ]
    typo = run("codes", "--search", "negelct", db=demo_db)
    assert typo.stdout == "" and "Did you mean: child.harm.neglect (Neglect)" in typo.stderr


def test_a_theme_by_its_label_or_a_suggestion(demo_db: Path, tmp_path: Path) -> None:
    by_label = run(
        "slides", "--theme", "Unsafe sleep", "--out", str(tmp_path / "s.pdf"), db=demo_db
    )
    assert by_label.returncode == 0, by_label.stderr
    typo = run("slides", "--theme", "negelct", "--out", str(tmp_path / "t.pdf"), db=demo_db)
    assert typo.returncode == 2
    assert "no code 'negelct' in the codebook; did you mean: child.harm.neglect" in typo.stderr
    assert not (tmp_path / "t.pdf").exists()


def test_actions_writes_the_live_tracker(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.html"
    result = run("actions", "--overdue", "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("9 actions of ") and "wrote" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert "Overdue actions of reviews not withdrawn." in html
    assert "<strong>Red</strong>" in html and "<strong>Green</strong>" not in html
    bad = run("actions", "--status", "purple", "--out", str(tmp_path / "x.pdf"), db=demo_db)
    assert bad.returncode == 2 and "'purple' is not a status" in bad.stderr
    wrong = run("actions", "--out", str(tmp_path / "x.docx"), db=demo_db)
    assert wrong.returncode == 2 and "must end in .xlsx, .pdf or .html" in wrong.stderr


def test_summary_and_repository_entry(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "child-j.html"
    written = run("summary", "NSP-CSPR-2021-01", "--out", str(out), db=demo_db)
    assert written.returncode == 0, written.stderr
    assert "<h2>What happened</h2>" in out.read_text(encoding="utf-8")
    entry = run("summary", "NSP-CSPR-2021-01", "--repository-entry", db=demo_db)
    assert entry.returncode == 0
    assert entry.stdout.startswith("2022 - Northshire Safeguarding Children Partnership - Child J")
    nothing = run("summary", "NSP-CSPR-2021-01", db=demo_db)
    assert nothing.returncode == 2 and "say where to write" in nothing.stderr
    missing = run("summary", "NO-SUCH-REF", "--out", str(tmp_path / "x.pdf"), db=demo_db)
    assert missing.returncode == 2 and "NO-SUCH-REF" in missing.stderr
