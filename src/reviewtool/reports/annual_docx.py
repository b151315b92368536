"""'Learning from practice reviews': a chapter for the statutory annual report (Word)."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.docx_style import add_table, branded_document, save
from reviewtool.reports.text import clean
from reviewtool.reports.thematic_model import ThematicModel


def write_annual_chapter_docx(model: ThematicModel, path: Path) -> Path:
    document = branded_document(
        model.partnership,
        model.brand_colour,
        None,
        f"Learning from practice reviews: {model.period}",
    )
    document.add_heading("Learning from practice reviews", level=1)
    document.add_paragraph(
        clean(
            f"This chapter reports the {model.reviews} review{'s' if model.reviews != 1 else ''} "
            f"from {model.period} ({model.basis}), the themes they share and the progress made on "
            "their recommendations."
        )
    )
    if model.counting:
        document.add_paragraph(clean(model.counting))
    document.add_heading("What the reviews tell us", level=2)
    for finding in model.findings:
        document.add_paragraph(clean(finding), style="List Bullet")
    if model.recurring:
        document.add_heading("Recurring themes", level=2)
        for row in model.recurring:
            document.add_paragraph(
                clean(f"{row.label}: {row.show('reviews')} of {row.total} reviews ({row.percent})"),
                style="List Bullet",
            )
    document.add_heading("The reviews", level=2)
    for review in model.appendix:
        document.add_heading(clean(f"{review.reference}: {review.title}"), level=3)
        dates = []
        if review.notified:
            dates.append(f"notified {review.notified:%d %B %Y}")
        if review.published:
            dates.append(f"published {review.published:%d %B %Y}")
        document.add_paragraph(
            clean(f"{review.kind}" + (f", {', '.join(dates)}." if dates else "."))
        )
        if review.themes:
            document.add_paragraph(clean("Themes: " + ", ".join(review.themes) + "."))
        if review.actions:
            document.add_paragraph(
                clean(
                    f"Actions: {review.actions_complete} of {review.actions} complete"
                    + (f", {review.actions_overdue} overdue." if review.actions_overdue else ".")
                )
            )
    document.add_heading("Progress on actions", level=2)
    add_table(
        document,
        ["RAG status", "Actions", "Share"],
        [[c.label, c.number, c.percent] for c in model.actions_by_rag],
        model.brand_colour,
    )
    return save(document, path)
