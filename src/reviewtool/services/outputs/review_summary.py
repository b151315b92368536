"""A review's public one-page summary, and its entry for the national case review repository."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from reviewtool.bundle.schema import ActionRecord, ReviewRecord
from reviewtool.db.models import Code
from reviewtool.domain.actions import Rag, action_rag
from reviewtool.domain.counting import with_ancestors
from reviewtool.domain.enums import ActionStatus, CodeGroup, FactorRole
from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.reports.review_summary_model import (
    RepositoryEntry,
    ReviewSummaryModel,
    SummarySection,
)
from reviewtool.reports.text import paragraphs
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store

FORMATS = (".pdf", ".html", ".htm", ".docx", ".txt")


def _actions_of(store: Store, record: ReviewRecord) -> list[ActionRecord]:
    """The review's actions and, for a CSPR, those of the rapid review it came from (a case
    is counted once with all its actions, `domain.counting`)."""
    actions = [a for r in record.recommendations for a in r.actions]
    if record.converted_from:
        try:
            source = get_review(store, record.converted_from, include_identifiers=False).record
        except NotFound:  # the rapid review lives on another laptop
            return actions
        actions = [a for r in source.recommendations for a in r.actions] + actions
    return actions


def _action_line(action: ActionRecord, today: date) -> str:
    owner = f" ({action.owner})" if action.owner else ""
    rag = action_rag(action.status, action.due, today)
    if action.status is ActionStatus.COMPLETE:
        state = f"complete{f' {action.completed:%B %Y}' if action.completed else ''}"
    elif action.status is ActionStatus.DROPPED:
        state = "no longer being taken forward"
    elif rag is Rag.RED and action.due:
        state = f"not completed by the date set ({action.due:%B %Y})"
    else:
        state = f"in progress{f', due {action.due:%B %Y}' if action.due else ''}"
    return f"{action.text}{owner}: {state}."


def _when(record: ReviewRecord) -> str:
    dates = record.dates
    if dates.published:
        return f"Published {dates.published:%B %Y}"
    if dates.decision:
        return f"Decided {dates.decision:%B %Y}; not yet published"
    if dates.notified:
        return f"Notified {dates.notified:%B %Y}; not yet published"
    return "Not yet published"


def review_summary_model(
    store: Store, ref_or_id: str, today: date | None = None
) -> ReviewSummaryModel:
    today = today or date.today()
    record = get_review(store, ref_or_id, include_identifiers=False).record
    settings = load_settings(store)
    actions = _actions_of(store, record)
    return ReviewSummaryModel(
        partnership=settings.partnership,
        brand_colour=settings.brand_colour,
        title=record.title,
        reference=record.reference,
        kind=record.kind.label,
        when=_when(record),
        sections=[
            SummarySection("What happened", paragraphs=paragraphs(record.summary)),
            SummarySection("Good practice", items=list(record.good_practice)),
            SummarySection("Learning", items=list(record.learning)),
            SummarySection("Recommendations", items=[r.text for r in record.recommendations]),
            SummarySection("Action", items=[_action_line(a, today) for a in actions]),
            SummarySection("Assurance", items=[a.assurance for a in actions if a.assurance]),
            SummarySection("Impact", items=[a.impact for a in actions if a.impact]),
        ],
    )


def repository_entry(store: Store, ref_or_id: str) -> RepositoryEntry:
    """The review in the repository's shape; themes and keywords are codebook labels."""
    record = get_review(store, ref_or_id, include_identifiers=False).record
    settings = load_settings(store)
    with store.transaction() as session:
        codes = {
            code: (label, group, parent)
            for code, label, group, parent in session.execute(
                select(Code.code, Code.label, Code.group, Code.parent).order_by(
                    Code.position, Code.code
                )
            )
        }
    tagged = list(dict.fromkeys(f.code for f in record.factors))
    learning_codes = [
        f.code
        for f in record.factors
        if f.role is FactorRole.LEARNING
        or (f.code in codes and codes[f.code][1] == CodeGroup.PRACTICE.value)
    ]
    themes = [codes[c][0] for c in dict.fromkeys(learning_codes) if c in codes]
    parents = {code: parent for code, (_, _, parent) in codes.items()}
    keywords = [codes[c][0] for c in codes if c in with_ancestors(tagged, parents)]
    dates = record.dates
    year = next((d.year for d in (dates.published, dates.decision, dates.notified) if d), None)
    return RepositoryEntry(
        heading=" - ".join(
            str(part) for part in (year, settings.partnership, record.title) if part
        ),
        summary=" ".join(paragraphs(record.summary)),
        learning_themes=themes or list(record.learning),
        recommendations=[r.text for r in record.recommendations],
        good_practice=list(record.good_practice),
        review_model=record.methodology or "",
        keywords=keywords,
    )


def summary_parts(model: ReviewSummaryModel) -> list[tuple[str, str]]:
    parts = [("title", model.title), ("title", model.reference)]
    for section in model.sections:
        parts += [(section.heading, text) for text in section.paragraphs + section.items]
    return parts


def entry_parts(entry: RepositoryEntry) -> list[tuple[str, str]]:
    return [("repository entry", entry.as_text())]


def checked_repository_entry(
    store: Store, ref_or_id: str, override_reason: str | None = None
) -> str:
    """The repository entry as text, after the publication check."""
    from reviewtool.services.outputs.publication import guard, identifiers_of

    entry = repository_entry(store, ref_or_id)
    guard(
        store,
        f"The repository entry for {entry.heading!r}",
        entry_parts(entry),
        identifiers_of(store, [ref_or_id]),
        override_reason,
    )
    return entry.as_text()


def export_review_summary(
    store: Store,
    ref_or_id: str,
    out: Path,
    repository: bool = False,
    override_reason: str | None = None,
    today: date | None = None,
) -> Path:
    """Write the summary (.pdf, .html, .docx) or the repository entry (.txt), after the
    publication check against the review's identifiers."""
    from reviewtool.services.outputs.publication import guard, identifiers_of

    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInput(f"--out: {out.name} must end in .pdf, .html, .docx or .txt")
    if repository and suffix != ".txt":
        raise InvalidInput(f"--out: the repository entry is text: {out.name} must end in .txt")
    if not out.resolve().parent.is_dir():
        raise InvalidInput(f"--out: {out.parent}: no such folder")
    if suffix == ".txt":
        text = checked_repository_entry(store, ref_or_id, override_reason)
        from reviewtool.bundle.write import write_text_atomically

        write_text_atomically(out, text)
        return out
    model = review_summary_model(store, ref_or_id, today)
    guard(
        store,
        f"The summary of {model.title!r}",
        summary_parts(model),
        identifiers_of(store, [ref_or_id]),
        override_reason,
    )
    if suffix == ".pdf":
        from reviewtool.reports.review_summary_pdf import write_review_summary_pdf

        return write_review_summary_pdf(model, out)
    if suffix == ".docx":
        from reviewtool.reports.review_summary_docx import write_review_summary_docx

        return write_review_summary_docx(model, out)
    from reviewtool.reports.review_summary_html import write_review_summary_html

    return write_review_summary_html(model, out)
