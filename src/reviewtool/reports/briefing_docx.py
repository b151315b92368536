"""The 7-minute briefing as an editable Word document with real heading styles."""

from __future__ import annotations

from pathlib import Path

from reviewtool.reports.briefing_model import BriefingModel
from reviewtool.reports.docx_style import branded_document, save
from reviewtool.reports.text import clean, paragraphs


def write_briefing_docx(model: BriefingModel, path: Path) -> Path:
    from docx.shared import RGBColor

    document = branded_document(
        model.partnership,
        model.brand_colour,
        model.logo,
        f"7-minute briefing: {model.title}",
        model.language,
        footer=(
            f"7-minute briefing - {model.status_text} - version {model.version} - "
            f"{model.dated:%d/%m/%Y}"
        ),
    )
    document.core_properties.subject = "7-minute briefing"
    if model.status != "published":
        document.add_paragraph("OFFICIAL-SENSITIVE").runs[0].bold = True
    document.add_heading(clean(model.title), level=1)
    document.add_paragraph(clean(model.subtitle))
    status = document.add_paragraph()
    status_run = status.add_run(model.status_text)
    status_run.bold = True
    if model.is_draft:
        status_run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
    for section in model.numbered:
        document.add_heading(f"{section.number}. {clean(section.heading)}", level=2)
        blocks = paragraphs(section.body)
        if section.is_questions:
            for line in (line for block in blocks for line in block.split("\n") if line.strip()):
                document.add_paragraph(line, style="List Bullet")
        else:
            for block in blocks:
                document.add_paragraph(block)
    for extra in model.further:
        document.add_heading(clean(extra.heading), level=2)
        for line in extra.lines:
            document.add_paragraph(clean(line))
    return save(document, path)
