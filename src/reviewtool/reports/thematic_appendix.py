"""The thematic summary PDF's appendix: every review in the period, as a long table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewtool.reports.colours import text_on, tint
from reviewtool.reports.row_table import row_table
from reviewtool.reports.thematic_model import AppendixRow

APPENDIX_THEMES_UP_TO = 250
"""Up to this many reviews the appendix lists each one's themes; beyond it, one line per
review (a thousand reviews' themes would run to hundreds of pages: the spreadsheet's cases x
themes sheet holds them)."""


def format_day(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def appendix_flowables(
    appendix: Sequence[AppendixRow], usable: float, brand: str, body_style: Any
) -> list[Any]:
    """The appendix table (nothing when there are no reviews)."""
    from reportlab.platypus import Paragraph

    header_fill, header_text, stripe = brand, text_on(brand), tint(brand, 0.92)
    if not appendix:
        return []
    if len(appendix) <= APPENDIX_THEMES_UP_TO:
        return [
            row_table(
                ["Reference", "Kind", "Notified", "Published", "Themes"],
                [
                    [
                        a.reference,
                        a.kind,
                        format_day(a.notified),
                        format_day(a.published),
                        ", ".join(a.themes),
                    ]
                    for a in appendix
                ],
                [usable * w for w in (0.17, 0.17, 0.11, 0.11, 0.44)],
                header_fill=header_fill,
                header_text=header_text,
                stripe=stripe,
            )
        ]
    note = Paragraph(
        f"All {len(appendix)} reviews, one line each. The themes of each review are in the "
        "spreadsheet (the cases x themes sheet).",
        body_style,
    )
    table = row_table(
        ["Reference", "Kind", "Notified", "Published", "Themes", "Actions done"],
        [
            [
                a.reference,
                a.kind_short or a.kind,
                format_day(a.notified),
                format_day(a.published),
                str(len(a.themes)),
                f"{a.actions_complete} of {a.actions}"
                + (f", {a.actions_overdue} overdue" if a.actions_overdue else ""),
            ]
            for a in appendix
        ],
        [usable * w for w in (0.22, 0.2, 0.12, 0.12, 0.09, 0.25)],
        header_fill=header_fill,
        header_text=header_text,
        stripe=stripe,
    )
    return [note, table]
