"""Word documents in the partnership's style: A4, British English, brand-coloured headings,
the logo in the header, and tables whose header row is a real (repeating) header row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtool.reports.colours import contrast_ratio, safe_colour, text_on, tint
from reviewtool.reports.text import clean, property_text

FONT = "Arial"
"""A font every Word and LibreOffice install has; the accessible choice for public bodies."""
EAST_ASIAN_FONT = "Microsoft YaHei"
"""For Chinese, Japanese and Korean characters (Arial has none): Windows' sans-serif for Han
and kana; Word and LibreOffice fall back per character from it (to Malgun Gothic for Hangul)."""


def _east_asian_font(style: Any) -> None:
    from docx.oxml.ns import qn

    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    # A theme font would take precedence over the named one.
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)


def _rgb(hex_colour: str) -> Any:
    from docx.shared import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _set_language(element: Any, language: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = element.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        element.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)


def branded_document(
    partnership: str,
    brand_colour: str,
    logo: Path | None,
    title: str,
    language: str = "en-GB",
    footer: str = "",
    landscape: bool = False,
) -> Any:
    """A new document set up for the partnership (A4, portrait unless ``landscape``, 2 cm
    margins)."""
    from docx import Document
    from docx.shared import Cm, Pt

    brand = safe_colour(brand_colour)
    # Headings in the brand colour only where it is readable on white (WCAG AA).
    ink = brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    _east_asian_font(normal)
    _set_language(normal.element, language)
    # The document-wide default language (docDefaults), so any new text is British too.
    for run_defaults in styles.element.xpath("w:docDefaults/w:rPrDefault"):
        _set_language(run_defaults, language)
    for level, size in ((1, 20), (2, 15), (3, 12.5)):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = _rgb(ink)
        _east_asian_font(style)
    title_style = styles["Title"]
    title_style.font.name = FONT
    _east_asian_font(title_style)
    title_style.font.color.rgb = _rgb(ink)
    properties = document.core_properties
    properties.title = property_text(title)
    properties.author = property_text(partnership)
    properties.language = language
    _header(section, partnership, brand, logo)
    if footer:
        section.footer.paragraphs[0].text = clean(footer)
    return document


def _header(section: Any, partnership: str, brand: str, logo: Path | None) -> None:
    from docx.shared import Cm, Pt

    paragraph = section.header.paragraphs[0]
    if logo is not None and logo.is_file():
        try:
            paragraph.add_run().add_picture(str(logo), height=Cm(1.2))
            paragraph.add_run("  ")
        except Exception:
            paragraph.text = ""
    run = paragraph.add_run(clean(partnership))
    run.bold = True
    run.font.size = Pt(10)
    run.font.color.rgb = _rgb(brand if text_on(brand) == "#ffffff" else "#1a1a1a")


USABLE_CM = 17.0
USABLE_LANDSCAPE_CM = 25.7
TABLE_POINTS = 9


def add_table(
    document: Any,
    header: list[str],
    rows: list[list[str]],
    brand_colour: str,
    shares: list[float] | None = None,
    usable_cm: float = USABLE_CM,
) -> Any:
    """A table with a real header row (repeats on each page, read as headers by screen
    readers), brand-filled, banded body rows, and the first (label) column widest unless
    ``shares`` of the page width are given."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    brand = safe_colour(brand_colour)
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    cells = table.rows[0].cells
    for cell, text in zip(cells, header, strict=True):
        cell.text = clean(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.color.rgb = _rgb(text_on(brand))
        _shade(cell, brand)
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row_properties.append(marker)
    for index, values in enumerate(rows):
        row = table.add_row().cells
        for cell, text in zip(row, values, strict=True):
            cell.text = clean(text)
            if index % 2:
                _shade(cell, tint(brand, 0.92))
    # Tables are set a size below the body text, as in the PDFs: a date or a reference then
    # fits its column on one line instead of breaking mid-number.
    for table_row in table.rows:
        for cell in table_row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(TABLE_POINTS)
    if shares is None:
        rest = len(header) - 1
        each = max(0.11, min(0.2, 0.5 / rest)) if rest else 0.0
        first = max(0.3, 1 - each * rest)
        shares = [first, *([(1 - first) / rest] * rest)] if rest else [1.0]
    table.autofit = False
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    for grid_column, share in zip(table._tbl.tblGrid.gridCol_lst, shares, strict=True):
        grid_column.w = Cm(usable_cm * share)
    for column, share in zip(table.columns, shares, strict=True):
        for cell in column.cells:
            cell.width = Cm(usable_cm * share)
    return table


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def save(document: Any, path: Path) -> Path:
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
