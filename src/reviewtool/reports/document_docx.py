"""A :class:`DocumentModel` as a Word document with real headings, lists and tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.reports.document_model import (
    Bullets,
    DocumentModel,
    Paragraph,
    Subheading,
    Table,
)
from reviewtool.reports.text import clean, property_text


def _set_widths(table: Any, weights: list[float], usable: int) -> None:
    """Column widths in proportion to ``weights`` (Word needs them on every cell)."""
    if not weights:
        return
    table.autofit = False
    total = sum(weights)
    for row in table.rows:
        for cell, weight in zip(row.cells, weights, strict=True):
            cell.width = int(usable * weight / total)


def write_document_docx(model: DocumentModel, path: Path) -> Path:
    from docx import Document

    document = Document()
    document.core_properties.title = property_text(model.title)
    document.core_properties.author = property_text(model.partnership)
    document.core_properties.category = property_text(model.marking)
    section = document.sections[0]
    section.header.paragraphs[0].text = clean(model.marking)
    section.footer.paragraphs[0].text = clean(f"{model.marking} - {model.partnership}")
    usable = (
        int(section.page_width or 0)
        - int(section.left_margin or 0)
        - int(section.right_margin or 0)
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
                table = document.add_table(rows=1, cols=len(block.headings))
                table.style = "Table Grid"
                for cell, heading in zip(table.rows[0].cells, block.headings, strict=True):
                    cell.text = clean(heading)
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
                for row in block.rows:
                    for cell, value in zip(table.add_row().cells, row, strict=True):
                        cell.text = clean(value)
                _set_widths(table, block.widths, usable)
                document.add_paragraph()
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
