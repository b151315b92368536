"""The integrated chronology as a Word document (a table in date order)."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.chronology_model import ChronologyModel, duplicate_text
from reviewtool.reports.text import clean, property_text


def write_chronology_docx(model: ChronologyModel, path: Path) -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    document.core_properties.title = property_text(model.title)
    document.core_properties.author = property_text(model.partnership)
    document.add_paragraph("OFFICIAL-SENSITIVE")
    document.add_heading(clean(model.title), level=1)
    document.add_paragraph(clean(f"{model.partnership}. {model.scope}."))
    if model.duplicates:
        document.add_paragraph(
            f"{model.duplicates} entries are marked as possible duplicates: on the same day "
            "another agency recorded what looks like the same event."
        )
    headings = ("Date", "Agency", "What happened", "Source", "Agency analysis")
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
    for line in model.lines:
        cells = table.add_row().cells
        when = f"{line.happened_on:%d/%m/%Y}" + (f" {line.time}" if line.time else "")
        what = clean(line.what_happened)
        if line.duplicate_of:
            what += f"\n[Possible duplicate of an entry by {duplicate_text(line)}]"
        values = (when, clean(line.agency), what, clean(line.source), clean(line.analysis))
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    if not model.lines:
        document.add_paragraph("No chronology entries match.")
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
