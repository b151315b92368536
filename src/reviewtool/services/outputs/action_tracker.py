"""The live action tracker as a document the panel walks through: by review, then owner."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from reviewtool.db.models import Review
from reviewtool.domain.actions import Rag
from reviewtool.domain.counting import fold_rule
from reviewtool.domain.enums import ActionStatus
from reviewtool.domain.errors import InvalidInput
from reviewtool.reports.tracker_model import (
    TrackerAction,
    TrackerModel,
    TrackerOwner,
    TrackerReview,
)
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store
from reviewtool.services.tracking import ActionRow, list_actions

SUFFIXES = (".xlsx", ".pdf", ".html", ".htm")
NO_OWNER = "No owner"


@dataclass(frozen=True)
class TrackerFilters:
    agency: str | None = None
    """Only actions whose owner contains this text (any case)."""
    status: str | None = None
    """An action status (not_started, in_progress, complete, dropped) or a RAG colour."""
    overdue: bool = False
    """Only actions past their due date and not complete (Red)."""

    def check(self) -> None:
        if self.status is not None and self.status not in _STATUS_WORDS:
            raise InvalidInput(
                f"--status: {self.status!r} is not a status; choose from "
                + ", ".join(_STATUS_WORDS)
            )

    def keeps(self, row: ActionRow) -> bool:
        if self.agency and self.agency.casefold() not in (row.owner or "").casefold():
            return False
        if self.overdue and row.rag is not Rag.RED:
            return False
        if self.status is not None:
            wanted = _STATUS_WORDS[self.status]
            return row.rag is wanted if isinstance(wanted, Rag) else row.status is wanted
        return True

    def describe(self) -> str:
        words = ["Overdue actions" if self.overdue else "All actions"]
        if self.status:
            words.append(f"with status {self.status.replace('_', ' ')}")
        if self.agency:
            words.append(f"owned by {self.agency}")
        return " ".join(words) + " of reviews not withdrawn."


_STATUS_WORDS: dict[str, ActionStatus | Rag] = {
    **{status.value: status for status in ActionStatus},
    **{rag.value: rag for rag in Rag},
}


def _cspr_of(store: Store, review_ids: set[str]) -> dict[str, tuple[str, str, str]]:
    """``{rapid review id: (CSPR id, reference, title)}`` for rapid reviews that became one."""
    with store.transaction() as session:
        rows = session.execute(
            select(Review.converted_from, Review.id, Review.reference, Review.title).where(
                Review.converted_from.is_not(None), Review.status != "withdrawn"
            )
        ).all()
    return {
        str(source): (cid, ref, title) for source, cid, ref, title in rows if source in review_ids
    }


def tracker_model(store: Store, filters: TrackerFilters, today: date) -> TrackerModel:
    """The actions chosen, grouped by review (a rapid review's under the CSPR it became, as
    every count does) and then by owner, in due-date order."""
    filters.check()
    settings = load_settings(store)
    rows = [row for row in list_actions(store, today, counted_only=True) if filters.keeps(row)]
    into = _cspr_of(store, {row.review_id for row in rows})
    grouped: dict[str, tuple[str, str, dict[str, list[TrackerAction]]]] = {}
    for row in rows:
        target = into.get(row.review_id)
        review_id, reference, title = target or (
            row.review_id,
            row.review_reference,
            row.review_title,
        )
        entry = grouped.setdefault(review_id, (reference, title, {}))
        entry[2].setdefault(row.owner or NO_OWNER, []).append(
            TrackerAction(
                recommendation=row.recommendation,
                text=row.text,
                due=row.due,
                status=row.status.label,
                rag=row.rag.value,
                rag_meaning=row.rag.label.split(" - ", 1)[-1],
                completed=row.completed,
                assurance=row.assurance or "",
                impact=row.impact or "",
                from_review=row.review_reference if target else "",
            )
        )
    reviews = [
        TrackerReview(
            reference,
            title,
            [
                TrackerOwner(owner, sorted(actions, key=lambda a: (a.due or date.max, a.text)))
                for owner, actions in sorted(owners.items(), key=lambda item: item[0].casefold())
            ],
        )
        for reference, title, owners in sorted(grouped.values(), key=lambda g: g[0])
    ]
    rag = Counter(row.rag for row in rows)
    folded = len({row.review_id for row in rows if row.review_id in into})
    return TrackerModel(
        partnership=settings.partnership,
        brand_colour=settings.brand_colour,
        title="Live action tracker",
        generated=today,
        marking="OFFICIAL-SENSITIVE",
        selection=filters.describe(),
        reviews=reviews,
        rag_counts=[(r.value, r.label, rag[r]) for r in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY)],
        counting=f"Withdrawn reviews are left out. {fold_rule(folded, count_both=False)}",
    )


def tracker_parts(model: TrackerModel) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    for review in model.reviews:
        parts += [("review", review.reference), ("review", review.title)]
        for owner in review.owners:
            where = f"action of {review.reference}"
            parts.append((where, owner.owner))
            for action in owner.actions:
                parts += [
                    (where, text)
                    for text in (
                        action.recommendation,
                        action.text,
                        action.assurance,
                        action.impact,
                    )
                    if text
                ]
    return parts


def export_action_tracker(
    store: Store,
    filters: TrackerFilters,
    path: Path,
    today: date | None = None,
    override_reason: str | None = None,
) -> TrackerModel:
    """Write the tracker to ``path`` (.xlsx, .pdf or .html) after the publication check:
    trackers are e-mailed to agencies, so they are checked like every other output."""
    from reviewtool.services.outputs.publication import guard, identifiers_of

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInput(f"--out: {path.name} must end in .xlsx, .pdf or .html")
    if not path.resolve().parent.is_dir():
        raise InvalidInput(f"--out: {path.parent}: no such folder")
    model = tracker_model(store, filters, today or date.today())
    guard(
        store,
        "The action tracker",
        tracker_parts(model),
        identifiers_of(store, None),
        override_reason,
    )
    if suffix == ".xlsx":
        from reviewtool.reports.tracker_xlsx import write_tracker_xlsx

        write_tracker_xlsx(model, path)
    elif suffix == ".pdf":
        from reviewtool.reports.tracker_pdf import write_tracker_pdf

        write_tracker_pdf(model, path)
    else:
        from reviewtool.reports.tracker_html import write_tracker_html

        write_tracker_html(model, path)
    return model
