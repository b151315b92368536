"""The integrated chronology as a Word document (a table in date order)."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.chronology_model import ChronologyModel, duplicate_text
from reviewtool.reports.docx_style import (
    USABLE_LANDSCAPE_CM,
    add_table,
    branded_document,
    save,
)
from reviewtool.reports.text import clean


def write_chronology_docx(model: ChronologyModel, path: Path) -> Path:
    document = branded_document(
        model.partnership,
        model.brand_colour,
        model.logo,
        model.title,
        footer=f"OFFICIAL-SENSITIVE - {model.partnership}",
        landscape=True,
    )
    document.add_paragraph("OFFICIAL-SENSITIVE")
    document.add_heading(clean(model.title), level=1)
    document.add_paragraph(clean(f"{model.partnership}. {model.scope}."))
    if model.duplicates:
        document.add_paragraph(
            f"{model.duplicates} entries are marked as possible duplicates: on the same day "
            "another agency recorded what looks like the same event."
        )
    rows = []
    for line in model.lines:
        when = f"{line.happened_on:%d/%m/%Y}" + (f" {line.time}" if line.time else "")
        what = line.what_happened
        if line.duplicate_of:
            what += f"\n[Possible duplicate of an entry by {duplicate_text(line)}]"
        rows.append([when, line.agency, what, line.source or "", line.analysis or ""])
    if rows:
        add_table(
            document,
            ["Date", "Agency", "What happened", "Source", "Agency analysis"],
            rows,
            model.brand_colour,
            [0.1, 0.14, 0.4, 0.12, 0.24],
            usable_cm=USABLE_LANDSCAPE_CM,
        )
    else:
        document.add_paragraph("No chronology entries match.")
    return save(document, path)
