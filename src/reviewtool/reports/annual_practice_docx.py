"""The annual report chapter's sections on timeliness, decisions and learning into practice,
added to the chapter written by ``annual_docx``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.reports.annual_practice_model import PracticeFigures
from reviewtool.reports.docx_style import add_table
from reviewtool.reports.text import clean


def _of(part: int, whole: int) -> str:
    share = f" ({round(100 * part / whole)}%)" if whole else ""
    return f"{part} of {whole}{share}"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _table(
    document: Any, headings: tuple[str, str], rows: list[tuple[str, str]], brand: str
) -> None:
    add_table(document, list(headings), [list(row) for row in rows], brand, [0.7, 0.3])


def add_practice_sections(document: Any, figures: PracticeFigures, brand: str) -> None:
    document.add_heading("Timeliness", level=2)
    timeliness = (
        f"Rapid reviews sent to the National Panel within 15 working days of the notification: "
        f"{_of(figures.rapid_reviews_in_time, figures.rapid_reviews_submitted)}."
    )
    if figures.rapid_review_average_days_late is not None:
        timeliness += (
            f" The late ones were on average {figures.rapid_review_average_days_late:.1f} "
            "working days late."
        )
    if figures.rapid_reviews_pending:
        timeliness += f" {figures.rapid_reviews_pending} not yet submitted."
    document.add_paragraph(timeliness)
    document.add_paragraph(
        "Local reviews published within 6 months of the decision (time publication was "
        f"paused, for example for criminal proceedings, not counted): "
        f"{_of(figures.csprs_in_time, figures.csprs_published)}"
        + (f"; {figures.csprs_paused} had a publication pause." if figures.csprs_paused else ".")
    )
    document.add_heading("Decisions", level=2)
    if figures.decisions:
        _table(
            document,
            ("Decision after the rapid review", "Reviews"),
            [(label, str(n)) for label, n in figures.decisions.items()],
            brand,
        )
    else:
        document.add_paragraph("No rapid review decisions were recorded in the period.")
    document.add_heading("Learning into practice", level=2)
    document.add_paragraph(
        f"7-minute briefings were delivered {_times(figures.deliveries)} "
        f"({figures.briefings_delivered} different briefings), reaching "
        f"{figures.people_reached} people"
        + (f" in {len(figures.audiences)} teams and agencies." if figures.audiences else ".")
    )
    if figures.audiences:
        document.add_paragraph(clean("Teams and agencies: " + ", ".join(figures.audiences) + "."))
    document.add_paragraph(
        f"Team action plans returned: {_of(figures.plans_returned, figures.plans_requested)}; "
        f"actions in them complete: {_of(figures.plan_actions_complete, figures.plan_actions)}."
    )
    if figures.rag_reviews:
        _table(
            document,
            ("RAG status at review", "Action reviews"),
            [(label, str(n)) for label, n in figures.rag_reviews.items()],
            brand,
        )
    document.add_heading("Impact", level=2)
    if figures.impact:
        for item in figures.impact:
            document.add_paragraph(
                clean(f"{item.review}: {item.action}: {item.impact}"), style="List Bullet"
            )
    else:
        document.add_paragraph("No evidence of impact was recorded against actions in the period.")


def append_practice_chapter(figures: PracticeFigures, path: Path, brand: str) -> Path:
    """Add the sections to the chapter already written at ``path`` (replaced atomically)."""
    from docx import Document

    document = Document(str(path))
    add_practice_sections(document, figures, brand)
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
