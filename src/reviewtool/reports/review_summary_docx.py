"""A review's public summary as a Word document, for partnerships' annual reports."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.review_summary_model import ReviewSummaryModel
from reviewtool.reports.text import clean, property_text


def write_review_summary_docx(model: ReviewSummaryModel, path: Path) -> Path:
    from docx import Document

    document = Document()
    document.core_properties.title = property_text(f"{model.title}: review summary")
    document.core_properties.author = property_text(model.partnership)
    document.add_heading(clean(model.title), level=1)
    document.add_paragraph(
        clean(f"{model.kind} ({model.reference}). {model.when}. {model.partnership}.")
    )
    for section in model.sections:
        document.add_heading(clean(section.heading), level=2)
        if section.paragraphs:
            for text in section.paragraphs:
                document.add_paragraph(clean(text))
        elif section.items:
            for item in section.items:
                document.add_paragraph(clean(item), style="List Bullet")
        else:
            document.add_paragraph(clean(section.empty))
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
