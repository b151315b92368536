"""Embedded Unicode fonts for PDFs, with a per-character fallback for emoji and symbols.

Only fonts shipped in resources/fonts are used (never system fonts, never the unembedded
base-14 Helvetica), so a PDF looks the same everywhere and every glyph is embedded.
"""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape as xml_escape

from reviewtool.paths import resource
from reviewtool.reports.text import clean

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FALLBACK = "Symbola"


@lru_cache(maxsize=1)
def register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in (
        (REGULAR, "DejaVuSans.ttf"),
        (BOLD, "DejaVuSans-Bold.ttf"),
        (FALLBACK, "Symbola.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource(f"fonts/{file}"))))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


@lru_cache(maxsize=4)
def _coverage(font_name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def has_glyph(char: str, font_name: str = REGULAR) -> bool:
    return ord(char) in _coverage(font_name)


def pdf_markup(text: str | None, font_name: str = REGULAR) -> str:
    """User text as ReportLab paragraph markup: escaped, with emoji in the fallback font."""
    cleaned = clean(text)
    main, fallback = _coverage(font_name), _coverage(FALLBACK)
    out: list[str] = []
    run: list[str] = []
    in_fallback = False
    for char in cleaned:
        code = ord(char)
        use_fallback = code not in main and code in fallback and not char.isspace()
        if use_fallback != in_fallback and run:
            out.append(_wrap("".join(run), in_fallback))
            run = []
        in_fallback = use_fallback
        run.append(char)
    if run:
        out.append(_wrap("".join(run), in_fallback))
    return "".join(out)


def _wrap(text: str, fallback: bool) -> str:
    escaped = xml_escape(text).replace("\n", "<br/>")
    return f'<font name="{FALLBACK}">{escaped}</font>' if fallback else escaped
