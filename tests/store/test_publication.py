"""Exports are checked before anything is written; overrides are reasoned and audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.outputs.briefings import export_briefing
from reviewtool.services.outputs.publication import PublicationBlocked
from reviewtool.services.outputs.review_check import check_review
from reviewtool.services.outputs.slides import export_slides
from reviewtool.services.reviews.editing import get_review, save_review
from reviewtool.services.store import Store
from tests.cli_runner import CliResult, run_cli


@pytest.fixture
def leaky(sqlite_store: Store) -> Store:
    """The demo, with a real name and a date of birth typed into Child J's briefing."""
    load_demo(sqlite_store)
    loaded = get_review(sqlite_store, "NSP-CSPR-2021-01")
    record = loaded.record.model_copy(deep=True)
    assert record.briefing is not None
    record.briefing.sections[2].body += " Jayden (DOB 01/03/2021) lived at 14 Oak Road."
    record.learning.append("Jayden's father was not given safe sleep advice.")
    sleep = next(f for f in record.factors if f.code == "parent.unsafe_sleep")
    sleep.note = "Jayden co-slept on a sofa with his father"
    save_review(sqlite_store, record, loaded.version)
    return sqlite_store


def test_briefing_export_is_blocked_and_writes_nothing(leaky: Store, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    with pytest.raises(PublicationBlocked) as raised:
        export_briefing(leaky, "NSP-CSPR-2021-01", out)
    rules = {(hit.where.split(" (")[0], hit.rule) for hit in raised.value.hits}
    assert ("section 3", "part of a protected name") in rules
    assert ("section 3", "date of birth") in rules
    assert ("section 3", "protected identifier") in rules
    assert not out.exists()
    message = str(raised.value)
    assert "section 3 (What happened)" in message and "override" in message


def test_drafts_are_checked_too(leaky: Store, tmp_path: Path) -> None:
    for fmt in ("html", "docx"):
        with pytest.raises(PublicationBlocked):
            export_briefing(leaky, "NSP-CSPR-2021-01", tmp_path / f"b.{fmt}")


def test_slides_are_checked(leaky: Store, tmp_path: Path) -> None:
    with pytest.raises(PublicationBlocked) as raised:
        export_slides(leaky, tmp_path / "s.pptx", refs=["NSP-CSPR-2021-01"])
    assert any("key learning" in hit.where for hit in raised.value.hits)
    # A theme deck draws on every review, so every review's identifiers count.
    with pytest.raises(PublicationBlocked):
        export_slides(leaky, tmp_path / "t.pptx", theme="parent.unsafe_sleep")


def test_override_needs_a_reason_and_is_audited_without_the_text(
    leaky: Store, tmp_path: Path
) -> None:
    out = tmp_path / "b.pdf"
    with pytest.raises(PublicationBlocked):
        export_briefing(leaky, "NSP-CSPR-2021-01", out, override_reason="   ")
    export_briefing(
        leaky,
        "NSP-CSPR-2021-01",
        out,
        override_reason="Internal panel copy, names agreed with the family",
    )
    assert out.exists()
    from sqlalchemy import select

    from reviewtool.db.models import AuditEvent

    with leaky.transaction() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "publication-check-override")
        ).all()
    assert len(events) == 1
    assert events[0].new_value == "Internal panel copy, names agreed with the family"
    assert "date of birth" in (events[0].old_value or "")
    assert "Jayden" not in (events[0].old_value or "") and "Oak Road" not in (
        events[0].old_value or ""
    )
    assert events[0].user == "test.user"
    # The override belongs to the review's own history.
    from reviewtool.services.audit import review_audit_trail
    from reviewtool.services.reviews.editing import get_review

    review_id = get_review(leaky, "NSP-CSPR-2021-01").record.id
    assert events[0].review_id == review_id
    assert "publication-check-override" in [
        entry.action for entry in review_audit_trail(leaky, review_id)
    ]


def test_check_review_and_the_command(leaky: Store, tmp_path: Path) -> None:
    assert check_review(leaky, "NSP-CSPR-2021-01")
    assert check_review(leaky, "NSP-RR-2022-01") == []
    db = str(leaky.database.path)
    leaky.close()

    def run(*args: str) -> CliResult:
        return run_cli(*args, db=db)

    check = run("check", "NSP-CSPR-2021-01")
    assert check.returncode == 3 and "date of birth" in check.stdout
    assert run("check", "NSP-RR-2022-01").returncode == 0
    blocked = run("briefing", "NSP-CSPR-2021-01", "--out", str(tmp_path / "x.pdf"))
    assert blocked.returncode == 3 and "publication check" in blocked.stderr
    assert not (tmp_path / "x.pdf").exists()
    forced = run(
        "briefing",
        "NSP-CSPR-2021-01",
        "--out",
        str(tmp_path / "x.pdf"),
        "--override-check",
        "Shared only with the coroner",
    )
    assert forced.returncode == 0 and (tmp_path / "x.pdf").exists()
    slides = run("slides", "NSP-CSPR-2021-01", "--out", str(tmp_path / "s.pptx"))
    assert slides.returncode == 3
