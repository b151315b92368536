"""The shipped fonts for PDFs rendered from the HTML twins (the tagged publication route).

The HTML twins name "DejaVu Sans": a browser showing them falls back to the reader's own fonts
for other scripts. A PDF must not depend on the fonts installed where it is made, so for the
PDF every such name becomes a list of the fonts shipped in resources/fonts, declared with
@font-face: the same fonts, and the same per-script fallback, as the designed ReportLab PDFs.
"""

from __future__ import annotations

import re

from reviewtool.paths import resource
from reviewtool.reports.fonts import (
    ARABIC,
    BOLD,
    CJK,
    FALLBACK,
    FONT_FILES,
    HANGUL,
    REGULAR,
    east_asian_in,
    hangul_in,
)

HTML_FAMILY = '"DejaVu Sans"'
_SANS, _CJK, _HANGUL, _ARABIC, _SYMBOLS = (
    "Shipped Sans",
    "Shipped CJK",
    "Shipped Hangul",
    "Shipped Arabic",
    "Shipped Symbols",
)
PDF_FAMILIES = ", ".join(f'"{name}"' for name in (_SANS, _CJK, _HANGUL, _ARABIC, _SYMBOLS))
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _face(family: str, font: str, weight: str = "normal") -> str:
    url = resource(f"fonts/{FONT_FILES[font]}").resolve().as_uri()
    return (
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: normal; '
        f'src: url("{url}") format("truetype"); }}'
    )


def shipped_fonts(html: str) -> tuple[str, str]:
    """``html`` with its font family names pointing at the shipped fonts, and the @font-face
    rules that declare them. The large East Asian and Arabic fonts are declared only when
    the document has characters for them, which keeps other documents as quick as before."""
    faces = [_face(_SANS, REGULAR), _face(_SANS, BOLD, "bold"), _face(_SYMBOLS, FALLBACK)]
    if east_asian_in(html):
        faces.append(_face(_CJK, CJK))
    if hangul_in(html):
        faces.append(_face(_HANGUL, HANGUL))
    if _ARABIC_SCRIPT.search(html):
        faces.append(_face(_ARABIC, ARABIC))
    # User text is escaped (quotes become &quot;), so only the stylesheets' names match here.
    return html.replace(HTML_FAMILY, PDF_FAMILIES), "\n".join(faces)
