"""A :class:`DocumentModel` as a Word document with real headings, lists and tables."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.document_model import (
    Bullets,
    DocumentModel,
    Paragraph,
    Subheading,
    Table,
)
from reviewtool.reports.docx_style import add_table, branded_document, save
from reviewtool.reports.text import clean


def _shares(widths: list[float], columns: int) -> list[float]:
    """Relative widths as shares of the page (equal when none are given)."""
    if len(widths) != columns or not sum(widths):
        return [1 / columns] * columns
    total = sum(widths)
    return [width / total for width in widths]


def write_document_docx(model: DocumentModel, path: Path) -> Path:
    document = branded_document(
        model.partnership,
        model.brand_colour,
        model.logo,
        model.title,
        footer=f"{model.marking} - {model.partnership}",
    )
    document.add_paragraph(clean(model.marking))
    document.add_heading(clean(model.title), level=0)
    document.add_paragraph(clean(model.subtitle))
    for part in model.sections:
        document.add_heading(clean(part.heading), level=1)
        for block in part.blocks:
            if isinstance(block, Paragraph):
                paragraph = document.add_paragraph()
                if block.bold_lead:
                    paragraph.add_run(clean(block.bold_lead) + " ").bold = True
                paragraph.add_run(clean(block.text))
            elif isinstance(block, Bullets):
                for item in block.items:
                    document.add_paragraph(clean(item), style="List Bullet")
            elif isinstance(block, Subheading):
                document.add_heading(clean(block.text), level=2)
            elif isinstance(block, Table):
                columns = len(block.headings)
                add_table(
                    document,
                    block.headings,
                    block.rows,
                    model.brand_colour,
                    _shares(block.widths, columns),
                )
                document.add_paragraph()
    return save(document, path)
