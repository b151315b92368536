"""The paragraph styles of every PDF writer, as data, in one place.

Each style is a plain record of font, size, leading and colours; the colour names "brand",
"on_brand" and "brand_tint" resolve to the partnership's colour when the styles are made, and a
``scale`` lets the briefing choose the largest type size that fits its page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reviewtool.reports.colours import contrast_ratio, safe_colour, text_on, tint
from reviewtool.reports.fonts import BOLD, REGULAR


@dataclass(frozen=True)
class StyleSpec:
    size: float
    leading: float
    bold: bool = False
    colour: str = "#111111"
    background: str | None = None
    padding: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    left_indent: float = 0.0
    keep_with_next: bool = False
    bullet: bool = False


BRIEFING: dict[str, StyleSpec] = {
    "title": StyleSpec(17, 21, bold=True, colour="brand"),
    "subtitle": StyleSpec(9.5, 12, colour="#333333"),
    "heading": StyleSpec(
        11.5,
        15,
        bold=True,
        colour="on_brand",
        background="brand",
        padding=3.5,
        space_before=9,
        space_after=6,
        keep_with_next=True,
    ),
    "body": StyleSpec(9.5, 12.6, space_after=4),
    "question": StyleSpec(
        9.5, 12.6, bold=True, background="brand_tint", padding=3.5, space_after=5
    ),
    "link": StyleSpec(9.5, 12.6, space_after=3),
    "plan": StyleSpec(10, 13),
}
"""The briefing at scale 1; the writer scales title, headings and text together."""

THEMATIC: dict[str, StyleSpec] = {
    "cover": StyleSpec(26, 32, bold=True, colour="brand"),
    "h1": StyleSpec(
        16, 20, bold=True, colour="brand", space_before=10, space_after=6, keep_with_next=True
    ),
    "h2": StyleSpec(12, 15, bold=True, space_before=8, space_after=4, keep_with_next=True),
    "body": StyleSpec(10, 13.5, space_after=5),
    "finding": StyleSpec(10.5, 14, left_indent=12, space_after=5, bullet=True),
    "quote": StyleSpec(9.5, 12.5, colour="#333333", left_indent=14, space_after=4, bullet=True),
    "callout": StyleSpec(
        10, 13.5, background="brand_tint", padding=5, space_before=4, space_after=8
    ),
    "cell": StyleSpec(8.5, 10.5),
    "head_cell": StyleSpec(8.5, 10.5, bold=True, colour="on_brand"),
    "small": StyleSpec(8.5, 11, colour="#444444"),
    "contents": StyleSpec(11, 16),
}

SLIDES: dict[str, StyleSpec] = {
    "title": StyleSpec(26, 31, bold=True, colour="on_brand"),
    "big_title": StyleSpec(34, 42, bold=True, colour="brand", space_after=14),
    "subtitle": StyleSpec(17, 22, space_after=6, colour="#333333"),
    "bullet": StyleSpec(17, 22, left_indent=16, space_after=8, bullet=True),
    "quote": StyleSpec(17, 22, left_indent=16, space_after=8, colour="#333333"),
    "column": StyleSpec(18, 23, bold=True, colour="brand_ink", space_after=8),
}

DOCUMENT: dict[str, StyleSpec] = {
    "title": StyleSpec(20, 25, bold=True, colour="brand"),
    "subtitle": StyleSpec(11, 15, space_after=8),
    "h1": StyleSpec(
        14, 18, bold=True, colour="brand", space_before=10, space_after=5, keep_with_next=True
    ),
    "h2": StyleSpec(11, 14, bold=True, space_before=6, space_after=3, keep_with_next=True),
    "body": StyleSpec(10, 13.5, space_after=5),
    "bullet": StyleSpec(10, 13.5, left_indent=12, space_after=3, bullet=True),
    "cell": StyleSpec(8.5, 10.5),
    "head": StyleSpec(8.5, 10.5, bold=True, colour="on_brand"),
}
"""Long working documents: the rapid review report, the chronology."""

REVIEW_SUMMARY: dict[str, StyleSpec] = {
    "title": StyleSpec(20, 24, bold=True, colour="brand"),
    "sub": StyleSpec(9.5, 12.5, colour="#333333", space_after=6),
    "h2": StyleSpec(
        11.5, 14, bold=True, colour="brand", space_before=7, space_after=2, keep_with_next=True
    ),
    "body": StyleSpec(9.5, 12.5, space_after=3),
    "item": StyleSpec(9.5, 12.5, left_indent=11, space_after=2, bullet=True),
}
"""The public one-page summary of a review."""

TRACKER: dict[str, StyleSpec] = {
    "h1": StyleSpec(16, 20, bold=True, colour="brand", space_after=4),
    "h2": StyleSpec(
        12, 15, bold=True, colour="brand", space_before=8, space_after=3, keep_with_next=True
    ),
    "h3": StyleSpec(10, 13, bold=True, space_before=4, space_after=2, keep_with_next=True),
    "body": StyleSpec(9, 12, space_after=4),
    "cell": StyleSpec(7.5, 9.5),
}
"""The action tracker (landscape)."""


def _resolve(colour: str | None, brand: str) -> str | None:
    if colour == "brand":
        return brand
    if colour == "on_brand":
        return text_on(brand)
    if colour == "brand_tint":
        return tint(brand, 0.85)
    if colour == "brand_ink":  # the brand colour where it is readable on white, else ink
        return brand if contrast_ratio(brand, "#ffffff") >= 4.5 else "#1a1a1a"
    return colour


def paragraph_styles(
    specs: dict[str, StyleSpec], brand_colour: str, scale: float = 1.0
) -> dict[str, Any]:
    """ReportLab ParagraphStyles made from ``specs`` in the partnership's colour."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    brand = safe_colour(brand_colour)
    styles: dict[str, Any] = {}
    for name, spec in specs.items():
        spec = replace(spec, size=spec.size * scale, leading=spec.leading * scale)
        background = _resolve(spec.background, brand)
        font = BOLD if spec.bold else REGULAR
        styles[name] = ParagraphStyle(
            name,
            fontName=font,
            fontSize=spec.size,
            leading=spec.leading,
            textColor=colors.HexColor(_resolve(spec.colour, brand)),
            backColor=colors.HexColor(background) if background else None,
            borderPadding=spec.padding,
            spaceBefore=spec.space_before * scale,
            spaceAfter=spec.space_after * scale,
            leftIndent=spec.left_indent + (spec.padding if background else 0),
            rightIndent=spec.padding if background else 0,
            bulletIndent=0,
            bulletFontName=REGULAR,
            keepWithNext=int(spec.keep_with_next),
            # A paragraph broken across columns or pages leaves at least two lines on each
            # side: never one stray line that reads as part of the next section.
            allowWidows=0,
            allowOrphans=0,
        )
    return styles
