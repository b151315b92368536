"""'Learning from practice reviews': a chapter for the statutory annual report (Word)."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.text import clean, property_text
from reviewtool.reports.thematic_model import ThematicModel


def write_annual_chapter_docx(model: ThematicModel, path: Path) -> Path:
    from docx import Document

    document = Document()
    document.core_properties.title = property_text(
        f"Learning from practice reviews: {model.period}"
    )
    document.core_properties.author = property_text(model.partnership)
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
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text, header[1].text, header[2].text = "RAG status", "Actions", "Share"
    for count in model.actions_by_rag:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = count.label, count.number, count.percent
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
