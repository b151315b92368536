"""The dashboard's table of open local reviews: next milestone and publication, net of pauses."""

from __future__ import annotations

from html import escape

from reviewtool.services.workflow.milestones import CsprProgress
from reviewtool.ui.colours import LATE


def cspr_progress_html(rows: list[CsprProgress]) -> str:
    if not rows:
        return "<p>No open local reviews.</p>"
    lines = []
    for row in rows:
        state = "late" if row.late else "on time"
        colour = f" style='color:{LATE}'" if row.late else ""
        lines.append(
            f"<tr><td><a href='review:{row.review_id}'>{escape(row.reference)}</a></td>"
            f"<td>{escape(row.title)}</td><td{colour}><b>{state}</b></td>"
            f"<td>{escape(row.describe())}</td></tr>"
        )
    return (
        "<table cellpadding='4'><tr><th align='left'>Reference</th><th align='left'>Title</th>"
        "<th align='left'>State</th><th align='left'>Next milestone and publication</th></tr>"
        + "".join(lines)
        + "</table>"
    )
