"""The words a written document holds, whatever its format, so tests assert on content."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path


def document_text(path: Path) -> str:
    """All the text of a PDF, HTML, DOCX, XLSX or PPTX file, in reading order."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    if suffix in (".html", ".htm"):
        markup = path.read_text(encoding="utf-8")
        markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
        return html.unescape(re.sub(r"<[^>]+>", " ", markup))
    if suffix == ".docx":
        from docx import Document

        document = Document(str(path))
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
        return "\n".join(parts)
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        cells = [
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        book.close()
        return "\n".join([*book.sheetnames, *cells])
    if suffix == ".pptx":
        from pptx import Presentation

        deck = Presentation(str(path))
        return "\n".join(
            shape.text_frame.text
            for slide in deck.slides
            for shape in slide.shapes
            if shape.has_text_frame
        )
    raise ValueError(f"no text reader for {path.name}")
