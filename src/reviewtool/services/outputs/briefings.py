"""7-minute briefings: build the report model for a review or a topic, and export it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db.models import Briefing, Code
from reviewtool.domain.enums import CodeGroup, FactorRole, ReviewKind
from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.domain.identifier_kinds import ProtectedIdentifier
from reviewtool.reports.briefing_model import (
    EXTRA_HEADINGS,
    BriefingExtra,
    BriefingModel,
    BriefingSectionModel,
)
from reviewtool.services.clock import utc
from reviewtool.services.lookup import resolve_review_id
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.settings import (
    DEFAULT_REFLECTIVE_QUESTIONS,
    PartnershipSettings,
    load_settings,
)
from reviewtool.services.store import Store

QUESTIONS_INDEX = 5
FORMATS = (".pdf", ".html", ".htm", ".docx")

_LEARNING_FROM = {
    ReviewKind.RAPID_REVIEW: "learning from a rapid review",
    ReviewKind.CSPR: "learning from a local child safeguarding practice review",
    ReviewKind.NATIONAL_REVIEW: "learning from a national review",
    ReviewKind.SCR: "learning from a serious case review",
    ReviewKind.LEARNING_REVIEW: "learning from a partnership learning review",
}


@dataclass(frozen=True)
class TopicBriefingRow:
    id: str
    title: str
    theme: str | None
    status: str


def _sections(headings: list[str], bodies: list[str]) -> list[BriefingSectionModel]:
    return [
        BriefingSectionModel(
            number=i + 1,
            heading=heading,
            body=body,
            is_questions=i == QUESTIONS_INDEX or "question" in heading.lower(),
        )
        for i, (heading, body) in enumerate(zip(headings, bodies, strict=False))
    ]


def further_parts(settings: PartnershipSettings, reference: str | None) -> list[BriefingExtra]:
    """The optional parts of the partnership's briefing template that are filled in."""

    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    report = settings.briefing_report_link.strip()
    texts = {
        "research": lines(settings.briefing_research),
        "report": (
            [
                f"The full report{f' ({reference})' if reference else 's'} and others the "
                f"partnership has published: {report}"
            ]
            if report
            else []
        ),
        "procedures": lines(settings.briefing_procedures),
        "contact": lines(settings.briefing_contact),
    }
    return [
        BriefingExtra(key, heading, texts[key])
        for key, heading in EXTRA_HEADINGS.items()
        if texts[key]
    ]


def starting_draft(
    record: ReviewRecord, partnership: str, labels: dict[str, str] | None = None
) -> list[str]:
    """Section texts drawn from the review when no briefing has been written yet: each
    section says something of its own (the review's summary once, not twice), so the author
    edits a draft rather than filling gaps."""
    actions = [
        f"{a.text} ({a.owner})" if a.owner else a.text
        for r in record.recommendations
        for a in r.actions
    ]
    return [
        _background(record, partnership),
        _why_it_matters(record, labels or {}),
        record.summary or "",
        "\n".join(record.learning),
        "\n".join(record.good_practice),
        "\n".join(DEFAULT_REFLECTIVE_QUESTIONS),
        "\n".join([r.text for r in record.recommendations] + actions),
    ]


def _background(record: ReviewRecord, partnership: str) -> str:
    held = f"{partnership or 'The partnership'} carried out a {record.kind.label.lower()}"
    notified = record.dates.notified
    if notified is not None:
        return f"{held} after a serious incident notified in {notified:%B %Y}."
    return f"{held}."


def _why_it_matters(record: ReviewRecord, labels: dict[str, str]) -> str:
    """The factors the review found (good practice has a section of its own)."""
    found: list[str] = []
    for factor in record.factors:
        label = labels.get(factor.code)
        if factor.role is not FactorRole.GOOD_PRACTICE and label and label not in found:
            found.append(label)
    if not found:
        return ""
    return "\n".join(["The review found these factors:", *found])


def _code_labels(store: Store) -> dict[str, str]:
    with store.transaction() as session:
        rows = session.execute(
            select(Code.code, Code.label).where(Code.group != CodeGroup.GOOD.value)
        )
        return {code: label for code, label in rows}


def review_briefing_model(store: Store, ref_or_id: str) -> BriefingModel:
    loaded = get_review(store, ref_or_id, include_identifiers=False)
    record = loaded.record
    settings = load_settings(store)
    briefing = record.briefing
    if briefing is not None and briefing.sections:
        headings = [s.heading for s in briefing.sections]
        bodies = [s.body for s in briefing.sections]
    else:
        headings = list(settings.briefing_headings)
        bodies = starting_draft(record, settings.partnership, _code_labels(store))
    sections = _sections(headings, bodies)
    when = record.dates.published or record.dates.decision or record.updated_at.date()
    return BriefingModel(
        partnership=settings.partnership,
        brand_colour=settings.brand_colour,
        logo=Path(settings.logo_path) if settings.logo_path else None,
        title=f"{record.title} - {_LEARNING_FROM[record.kind]}",
        subtitle=f"{record.kind.label} {record.reference}, {when:%B %Y}",
        sections=sections[:7],
        extra_sections=sections[7:],
        status=briefing.status.value if briefing else "draft",
        version=loaded.version,
        dated=record.updated_at.date(),
        approved_by=briefing.approved_by if briefing else None,
        approved_at=briefing.approved_at if briefing else None,
        reference=record.reference,
        further=further_parts(settings, record.reference),
    )


def list_topic_briefings(store: Store) -> list[TopicBriefingRow]:
    with store.transaction() as session:
        rows = session.scalars(
            select(Briefing).where(Briefing.review_id.is_(None)).order_by(Briefing.title)
        )
        return [TopicBriefingRow(b.id, b.title or "", b.theme, b.status) for b in rows]


def topic_briefing_model(store: Store, title_or_id: str) -> BriefingModel:
    settings = load_settings(store)
    wanted = title_or_id.strip()
    with store.transaction() as session:
        matches = session.scalars(
            select(Briefing)
            .where(Briefing.review_id.is_(None))
            .where(or_(Briefing.id == wanted.lower(), func.lower(Briefing.title) == wanted.lower()))
            .options(selectinload(Briefing.sections))
        ).all()
        if not matches:
            raise NotFound(f"no review or topic briefing called {wanted!r}")
        if len(matches) > 1:
            raise InvalidInput(f"{wanted!r} matches {len(matches)} topic briefings; use the id")
        briefing = matches[0]
        theme = session.get(Code, briefing.theme) if briefing.theme else None
        sections = _sections(
            [s.heading for s in briefing.sections], [s.body for s in briefing.sections]
        )
        return BriefingModel(
            partnership=settings.partnership,
            brand_colour=settings.brand_colour,
            logo=Path(settings.logo_path) if settings.logo_path else None,
            title=briefing.title or "Topic briefing",
            subtitle="Learning from our reviews" + (f": {theme.label}" if theme else ""),
            sections=sections[:7],
            extra_sections=sections[7:],
            status=briefing.status,
            version=briefing.version,
            dated=utc(briefing.updated_at).date(),
            approved_by=briefing.approved_by,
            approved_at=utc(briefing.approved_at) if briefing.approved_at else None,
            further=further_parts(settings, None),
        )


def briefing_model(store: Store, target: str) -> BriefingModel:
    """A review's briefing (by reference or id), else a topic briefing (by title or id)."""
    try:
        return review_briefing_model(store, target)
    except NotFound:
        return topic_briefing_model(store, target)


def write_briefing(
    model: BriefingModel, out: Path, action_plan: bool = False, for_publication: bool = False
) -> Path:
    """Write the briefing; a PDF ``for_publication`` is tagged (PDF/UA-1), made from the
    accessible HTML twin."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInput(f"--out: {out.name} must end in .pdf, .html or .docx")
    if not out.resolve().parent.is_dir():
        raise InvalidInput(f"--out: {out.parent}: no such folder")
    if suffix == ".pdf" and for_publication:
        from reviewtool.reports.briefing_html import briefing_html
        from reviewtool.reports.tagged_pdf import write_tagged_pdf

        return write_tagged_pdf(briefing_html(model), out)
    if suffix == ".pdf":
        from reviewtool.reports.briefing_pdf import write_briefing_pdf

        return write_briefing_pdf(model, out, action_plan=action_plan)
    if suffix == ".docx":
        from reviewtool.reports.briefing_docx import write_briefing_docx

        return write_briefing_docx(model, out)
    from reviewtool.reports.briefing_html import write_briefing_html

    return write_briefing_html(model, out)


def briefing_identifiers(store: Store, target: str) -> list[ProtectedIdentifier]:
    """A review briefing is checked against its review's identifiers; a topic briefing,
    which may draw on any case, against every review's."""
    from reviewtool.services.outputs.publication import identifiers_of

    try:
        return identifiers_of(store, [target])
    except NotFound:
        return identifiers_of(store, None)


def export_briefing(
    store: Store,
    target: str,
    out: Path,
    action_plan: bool = False,
    override_reason: str | None = None,
    for_publication: bool = False,
) -> Path:
    """Check the briefing for identifying details, then write it."""
    from reviewtool.services.outputs.publication import briefing_parts, guard

    model = briefing_model(store, target)
    try:
        with store.transaction() as session:
            review_refs = [resolve_review_id(session, target)]
    except NotFound:
        review_refs = []  # a topic briefing
    guard(
        store,
        f"The briefing {model.title!r}",
        briefing_parts(model),
        briefing_identifiers(store, target),
        override_reason,
        review_refs,
    )
    return write_briefing(model, out, action_plan, for_publication)
