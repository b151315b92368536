"""The publication check before any export of a briefing or a deck (drafts get e-mailed too)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select

from reviewtool.db.models import Identifier
from reviewtool.domain.errors import ReviewtoolError
from reviewtool.domain.identifier_kinds import IdentifierKind, ProtectedIdentifier
from reviewtool.domain.publication_check import Hit, check_document
from reviewtool.reports.briefing_model import BriefingModel
from reviewtool.reports.slides_model import Deck
from reviewtool.services.audit import add_event
from reviewtool.services.clock import now_utc
from reviewtool.services.lookup import resolve_review_id
from reviewtool.services.store import Store

Parts = list[tuple[str, str]]


class PublicationBlocked(ReviewtoolError):
    """The output holds something that may identify a child or family; nothing was written."""

    def __init__(self, what: str, hits: Sequence[Hit]) -> None:
        self.hits = list(hits)
        lines = [f"  {hit.where}: {hit.rule}: {hit.context}" for hit in self.hits[:30]]
        if len(self.hits) > 30:
            lines.append(f"  ... and {len(self.hits) - 30} more")
        super().__init__(
            f"{what} was not written: the publication check found {len(self.hits)} "
            f"thing{'s' if len(self.hits) != 1 else ''} that may identify someone:\n"
            + "\n".join(lines)
            + "\nEdit the text, or override with a reason (it is recorded in the audit trail)."
        )


def briefing_parts(model: BriefingModel) -> Parts:
    """Every text a briefing's PDF, HTML and Word files carry."""
    parts: Parts = [
        ("title", model.title),
        ("subtitle", model.subtitle),
        ("header", model.partnership),
        ("header", model.reference or ""),
        ("status", model.status_text),
    ]
    for section in [*model.sections, *model.extra_sections]:
        where = f"section {section.number} ({section.heading})"
        parts += [(where, section.heading), (where, section.body)]
    return parts


def deck_parts(deck: Deck) -> Parts:
    """Every text a deck's PowerPoint and PDF files carry."""
    parts: Parts = [
        ("title slide", deck.title),
        ("title slide", deck.subtitle),
        ("title slide", deck.partnership),
        ("title slide notes", deck.notes),
    ]
    for number, slide in enumerate(deck.slides, start=2):
        where = f"slide {number} ({slide.title})"
        parts.append((where, slide.title))
        parts += [(where, line) for line in slide.bullets + slide.quotes]
        parts.append((f"{where} notes", slide.notes))
        parts += [(where, category) for category in slide.chart_categories]
        if slide.chart_title:
            parts.append((where, slide.chart_title))
        parts += [(where, f"{when}: {what}") for when, what in slide.timeline]
        for heading, points in slide.columns:
            parts.append((where, heading))
            parts += [(where, point) for point in points]
    return parts


def identifiers_of(store: Store, refs: Sequence[str] | None) -> list[ProtectedIdentifier]:
    """The named reviews' identifiers, or every review's when ``refs`` is None."""
    with store.transaction() as session:
        query = select(Identifier.value, Identifier.kind).distinct()
        if refs is not None:
            ids = [resolve_review_id(session, ref) for ref in refs]
            query = query.where(Identifier.review_id.in_(ids))
        return sorted(
            ProtectedIdentifier(value, IdentifierKind(kind))
            for value, kind in session.execute(query)
        )


def guard(
    store: Store,
    what: str,
    parts: Parts,
    identifiers: Sequence[str | ProtectedIdentifier],
    override_reason: str | None,
    review_refs: Sequence[str] = (),
) -> list[Hit]:
    """Raise :class:`PublicationBlocked` on any hit, unless a reason to override is given.

    An override is recorded in the audit trail, in the history of each review the output is
    about (``review_refs``; none for a summary of many reviews)."""
    hits = check_document(parts, identifiers)
    if not hits:
        return []
    reason = (override_reason or "").strip()
    if not reason:
        raise PublicationBlocked(what, hits)
    rules = Counter(hit.rule for hit in hits)
    with store.transaction() as session:
        review_ids: list[str | None] = list(
            dict.fromkeys(resolve_review_id(session, ref) for ref in review_refs)
        )
        # The trail names the rules and places, never the identifying text itself.
        for review_id in review_ids or [None]:
            add_event(
                session,
                at=now_utc(),
                user=store.user,
                action="publication-check-override",
                entity="export",
                entity_id=what[:120],
                review_id=review_id,
                field="reason",
                new_value=reason,
                old_value="; ".join(f"{n} x {rule}" for rule, n in rules.items())
                + " at "
                + ", ".join(sorted({hit.where for hit in hits}))[:2000],
            )
    return hits
