"""The dashboard: deadlines first, then reviews by year and kind, then actions by RAG."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reviewtool.domain.actions import Rag
from reviewtool.domain.enums import ReviewKind
from reviewtool.services.store import Store
from reviewtool.services.tracking import DeadlineRow, dashboard
from reviewtool.services.workflow.milestones import open_cspr_progress
from reviewtool.ui.colours import RAG_COLOURS, deadline_colour
from reviewtool.ui.cspr_progress_html import cspr_progress_html
from reviewtool.ui.widgets import format_date


def _deadline_rows(rows: list[DeadlineRow]) -> str:
    if not rows:
        return "<p>None.</p>"
    lines = []
    for row in rows:
        colour = deadline_colour(row.state)
        lines.append(
            f"<tr><td><a href='review:{row.review_id}'>{escape(row.reference)}</a></td>"
            f"<td>{escape(row.title)}</td><td>{format_date(row.state.due)}</td>"
            f"<td style='color:{colour}'><b>{escape(row.state.describe())}</b></td></tr>"
        )
    return (
        "<table cellpadding='4'><tr><th align='left'>Reference</th><th align='left'>Title</th>"
        "<th align='left'>Due</th><th align='left'>State</th></tr>" + "".join(lines) + "</table>"
    )


UNPROTECTED_SHOWN = 20


def _unprotected(reviews: list[tuple[str, str, str]]) -> str:
    """Reviews the publication check cannot protect: it has nothing to look for."""
    if not reviews:
        return ""
    count = len(reviews)
    links = ", ".join(
        f"<a href='review:{rid}'>{escape(reference)}</a>"
        for rid, reference, _ in reviews[:UNPROTECTED_SHOWN]
    )
    more = f" and {count - UNPROTECTED_SHOWN} more" if count > UNPROTECTED_SHOWN else ""
    return (
        "<h2 style='color:#a8200d'>No identifiers recorded</h2>"
        f"<p style='color:#a8200d'><b>{count} review{'s have' if count != 1 else ' has'} no "
        "identifiers recorded: the publication check cannot protect "
        f"{'them' if count != 1 else 'it'}.</b> Add the real names, addresses and schools in "
        f"the review's Identifiers tab.</p><p>{links}{more}</p>"
    )


class DashboardPage(QWidget):
    openReview = Signal(str)

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.view = QTextBrowser()
        self.view.setAccessibleName("Dashboard")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(
            lambda url: self.openReview.emit(url.toString().removeprefix("review:"))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        board = dashboard(self.store, self.today)
        parts = [f"<h1>Dashboard</h1><p>As at {self.today:%A %d %B %Y}.</p>"]
        parts.append(_unprotected(board.without_identifiers))
        parts.append("<h2>Rapid reviews overdue or due within 5 working days</h2>")
        parts.append(_deadline_rows(board.rapid_reviews))
        parts.append("<h2>Open local reviews: next milestone (paused time not counted)</h2>")
        parts.append(cspr_progress_html(open_cspr_progress(self.store, self.today)))
        parts.append("<h2>Actions by RAG status</h2><table cellpadding='4'>")
        for rag in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY):
            parts.append(
                f"<tr><td style='color:{RAG_COLOURS[rag]}'><b>{escape(rag.label)}</b></td>"
                f"<td align='right'>{board.actions_by_rag.get(rag, 0)}</td></tr>"
            )
        parts.append("</table>")
        if board.overdue_actions:
            parts.append("<h3>Overdue actions</h3><table cellpadding='4'>")
            for action in board.overdue_actions:
                parts.append(
                    f"<tr><td><a href='review:{action.review_id}'>"
                    f"{escape(action.review_reference)}</a></td>"
                    f"<td>{escape(action.owner or 'No owner')}</td>"
                    f"<td>due {format_date(action.due)}</td><td>{escape(action.text)}</td></tr>"
                )
            parts.append("</table>")
        parts.append("<h2>Cases by year and kind</h2>")
        parts.append(f"<p>{escape(board.counting)}</p>")
        kinds = list(ReviewKind)
        header = "".join(f"<th>{escape(kind.label)}</th>" for kind in kinds)
        parts.append(
            f"<table cellpadding='4' border='0'><tr><th>Year</th>{header}<th>All</th></tr>"
        )
        for year, counts in board.by_year_and_kind.items():
            cells = "".join(
                f"<td align='center'>{counts.get(k.value, 0) or ''}</td>" for k in kinds
            )
            parts.append(
                f"<tr><td>{year}</td>{cells}<td align='center'>{sum(counts.values())}</td></tr>"
            )
        parts.append("</table>")
        self.view.setHtml("".join(parts))
