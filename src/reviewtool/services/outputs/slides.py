"""Learning slides for trainers: chosen reviews, or one theme across a period."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db.models import Code
from reviewtool.domain.children import age_band
from reviewtool.domain.counting import counting_note
from reviewtool.domain.enums import CodeGroup, FactorRole
from reviewtool.domain.errors import InvalidInput, NotFound
from reviewtool.reports.slides_model import Deck, Slide
from reviewtool.reports.text import paragraphs
from reviewtool.services.codebook import find_code
from reviewtool.services.counting import (
    cases_with_code,
    code_parents,
    cohort_query,
    counted_cases,
)
from reviewtool.services.exchange.bundle_export import build_bundle
from reviewtool.services.outputs.briefings import QUESTIONS_INDEX
from reviewtool.services.settings import (
    DEFAULT_REFLECTIVE_QUESTIONS,
    PartnershipSettings,
    load_settings,
)
from reviewtool.services.store import Store

CLOSING = Slide(
    title="Questions and resources",
    bullets=[
        "What will you do differently after today?",
        "Read the 7-minute briefings for these reviews and discuss them with your team",
        "Talk to your designated safeguarding lead or the partnership business unit",
        "Partnership procedures, training and published reviews are on the partnership website",
    ],
    notes="Leave time for questions. Ask each person to name one change to their practice.",
)


def _closing(settings: PartnershipSettings) -> Slide:
    """The closing slide, with the partnership's own procedures, training, reports and contact
    route from the settings where they are filled in."""
    extra = [
        line.strip()
        for text in (
            settings.briefing_procedures,
            f"Published reviews: {settings.briefing_report_link}"
            if settings.briefing_report_link.strip()
            else "",
            settings.briefing_contact,
        )
        for line in text.splitlines()
        if line.strip()
    ]
    if not extra:
        return CLOSING
    return Slide(
        title=CLOSING.title,
        bullets=[*CLOSING.bullets[:3], *extra],
        notes=CLOSING.notes,
    )


def _questions(record: ReviewRecord) -> list[str]:
    if record.briefing and len(record.briefing.sections) > QUESTIONS_INDEX:
        lines = [
            line.strip()
            for line in record.briefing.sections[QUESTIONS_INDEX].body.splitlines()
            if line.strip()
        ]
        if lines:
            return lines
    return list(DEFAULT_REFLECTIVE_QUESTIONS)


def _children_note(record: ReviewRecord) -> str:
    return "; ".join(
        f"{child.pseudonym or 'A child'} ({age_band(child.age_months, child.unborn).value})"
        for child in record.children
    )


def _timeline(record: ReviewRecord) -> Slide | None:
    """The review's course, from the incident to the last action due, as a timeline."""
    dates = record.dates
    events = [
        (dates.incident, "Serious incident"),
        (dates.notified, "Notified to the Panel"),
        (dates.rapid_review_meeting, "Rapid review meeting"),
        (dates.decision, "Decision on a local review"),
        (dates.published, "Report published"),
    ]
    dues = [a.due for r in record.recommendations for a in r.actions if a.due]
    actions = sum(len(r.actions) for r in record.recommendations)
    if dues:
        last = f"Last of {actions} actions due" if actions > 1 else "Its action due"
        events.append((max(dues), last))
    known = sorted((when, what) for when, what in events if when is not None)
    if len(known) < 2:
        return None
    return Slide(
        title=f"{record.title}: the review's timeline",
        bullets=[
            f"{record.kind.label}, {_counted(len(record.recommendations), 'recommendation')}"
            f" and {_counted(actions, 'action')}"
        ],
        timeline=[(f"{when:%b %Y}", what) for when, what in known],
        notes="\n".join(f"{when:%d/%m/%Y}: {what}" for when, what in known),
    )


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


FINDING_GROUPS = {
    CodeGroup.CHILD.value: "The child",
    CodeGroup.PARENT.value: "Parents and carers",
    CodeGroup.PRACTICE.value: "Professional practice",
}


def _findings(record: ReviewRecord, codes: dict[str, tuple[str, str]]) -> Slide | None:
    """What the review found, by whose circumstances or practice: one column per group.

    ``codes`` gives each code's label and group; good practice has its own slide."""
    found: dict[str, list[str]] = {group: [] for group in FINDING_GROUPS}
    for factor in record.factors:
        label, group = codes.get(factor.code, ("", ""))
        if factor.role is FactorRole.GOOD_PRACTICE or group not in found:
            continue
        if label and label not in found[group]:
            found[group].append(label)
    columns = [(heading, found[group]) for group, heading in FINDING_GROUPS.items()]
    if not any(points for _, points in columns):
        return None
    return Slide(
        title=f"{record.title}: what the review found",
        columns=[(heading, points or ["None recorded"]) for heading, points in columns],
        notes="The factors the review recorded, grouped by whose circumstances or practice "
        "they describe. Ask the group which of them they see in their own work.",
    )


def review_slides(
    record: ReviewRecord, codes: dict[str, tuple[str, str]] | None = None
) -> list[Slide]:
    name = record.title
    findings = _findings(record, codes or {})
    learning_notes = [f.note for f in record.factors if f.role is FactorRole.LEARNING and f.note]
    good_notes = [f.note for f in record.factors if f.role is FactorRole.GOOD_PRACTICE and f.note]
    return [
        Slide(
            title=f"{name}: what happened",
            bullets=paragraphs(record.summary) or ["(No summary recorded.)"],
            notes="\n".join(
                filter(
                    None,
                    [
                        f"{record.kind.label} {record.reference}.",
                        f"Children: {_children_note(record)}." if record.children else "",
                        f"Agencies involved: {', '.join(record.agencies)}."
                        if record.agencies
                        else "",
                        record.summary or "",
                    ],
                )
            ),
        ),
        *([findings] if findings is not None else []),
        Slide(
            title=f"{name}: key learning",
            bullets=record.learning or ["(No learning recorded yet.)"],
            notes="\n".join(record.learning + [f"Evidence: {note}" for note in learning_notes]),
        ),
        Slide(
            title=f"{name}: good practice",
            bullets=record.good_practice or ["(No good practice recorded.)"],
            notes="\n".join(record.good_practice + [f"Evidence: {note}" for note in good_notes]),
        ),
        Slide(
            title=f"{name}: reflective questions",
            bullets=_questions(record),
            notes="Give the group a few minutes on each question before taking answers.",
        ),
    ]


def review_deck(store: Store, refs: Sequence[str]) -> Deck:
    settings = load_settings(store)
    records = build_bundle(store, refs).reviews
    with store.transaction() as session:
        codes = {
            code: (label, group)
            for code, label, group in session.execute(select(Code.code, Code.label, Code.group))
        }
    slides = [slide for record in records for slide in review_slides(record, codes)]
    timelines = [slide for slide in map(_timeline, records) if slide is not None]
    slides = [*timelines, *slides] if len(records) > 1 else [*slides[:1], *timelines, *slides[1:]]
    titles = ", ".join(record.title for record in records)
    return Deck(
        title=f"Learning from our reviews: {titles}"
        if len(records) <= 3
        else f"Learning from {len(records)} reviews",
        subtitle="Learning slides for practitioners",
        partnership=settings.partnership,
        brand_colour=settings.brand_colour,
        slides=[*slides, _closing(settings)],
        notes="Pseudonyms are used throughout; details have been changed to protect the families.",
        logo=Path(settings.logo_path) if settings.logo_path else None,
        footer=settings.slides_footer,
    )


def theme_deck(store: Store, code: str, date_from: date | None, date_to: date | None) -> Deck:
    """One theme across a period, counted by the rule every output uses (`domain.counting`):
    a rapid review and its CSPR count once, and a parent theme counts every theme under it."""
    settings = load_settings(store)
    code = find_code(store, code, "--theme")  # a label, or close to one, will do
    cohort = cohort_query(date_from, date_to)
    with store.transaction() as session:
        theme = session.get(Code, code)
        if theme is None:  # deleted since it was looked up
            raise NotFound(f"--theme: no code {code!r} in the codebook")
        cases = counted_cases(session, cohort)
        tagged = cases_with_code(session, cohort, cases, code)
        under = {c for c, p in code_parents(session).items() if p == code}
        label, colour = theme.label, theme.colour
    folded = sum(len(case.folded) for case in cases)
    when = {case.id: case.when for case in tagged}
    records = build_bundle(store, [case.id for case in tagged]).reviews if tagged else []
    by_year = Counter(when[r.id].year for r in records if when.get(r.id))  # type: ignore[union-attr]
    years = sorted(by_year)
    span = _period_text(date_from, date_to)
    total = len(cases)
    share = f" ({round(100 * len(records) / total)}%)" if total else ""
    wanted = {code, *under}
    quotes = [f.note for r in records for f in r.factors if f.code in wanted and f.note]
    recommendations = [f"{rec.text} ({r.reference})" for r in records for rec in r.recommendations]
    rule = counting_note(folded)
    slides = [
        Slide(
            title=f"How often {label.lower()} featured",
            bullets=[f"{len(records)} of {total} reviews {span}{share}"]
            + [f"{r.reference}: {r.title}" for r in records[:6]]
            + ["Counted as in the thematic summary: a rapid review and its CSPR count once."],
            chart_title=f"Reviews featuring {label.lower()}, by year",
            chart_categories=[str(y) for y in years],
            chart_values=[by_year[y] for y in years],
            chart_colour=colour,
            notes="\n".join(
                [rule] + [f"{r.reference} {r.title} ({r.kind.label})" for r in records]
            ),
        ),
        Slide(
            title="In the reviews' own words",
            quotes=quotes or ["(No evidence notes recorded for this theme.)"],
            notes="\n".join(quotes),
        ),
        Slide(
            title="What we recommended",
            bullets=recommendations or ["(No recommendations linked to these reviews.)"],
            notes="\n".join(recommendations),
        ),
        _closing(settings),
    ]
    return Deck(
        title=f"Theme: {label}",
        subtitle=f"Learning from our reviews {span}".strip(),
        partnership=settings.partnership,
        brand_colour=settings.brand_colour,
        slides=slides,
        notes=f"{theme.definition or ''}",
        logo=Path(settings.logo_path) if settings.logo_path else None,
        footer=settings.slides_footer,
    )


def _period_text(date_from: date | None, date_to: date | None) -> str:
    if date_from and date_to:
        return f"from {date_from:%d/%m/%Y} to {date_to:%d/%m/%Y}"
    if date_from:
        return f"since {date_from:%d/%m/%Y}"
    if date_to:
        return f"up to {date_to:%d/%m/%Y}"
    return "in all our reviews"


def write_deck(deck: Deck, out: Path, for_publication: bool = False) -> Path:
    """Write the deck; a PDF ``for_publication`` is tagged (PDF/UA-1), made from HTML."""
    suffix = out.suffix.lower()
    if suffix not in (".pptx", ".pdf"):
        raise InvalidInput(f"--out: {out.name} must end in .pptx or .pdf")
    if not out.resolve().parent.is_dir():
        raise InvalidInput(f"--out: {out.parent}: no such folder")
    if suffix == ".pdf" and for_publication:
        from reviewtool.reports.slides_html import slides_html
        from reviewtool.reports.tagged_pdf import write_tagged_pdf

        return write_tagged_pdf(slides_html(deck), out)
    if suffix == ".pptx":
        from reviewtool.reports.slides_pptx import write_slides_pptx

        return write_slides_pptx(deck, out)
    from reviewtool.reports.slides_pdf import write_slides_pdf

    return write_slides_pdf(deck, out)


def export_slides(
    store: Store,
    out: Path,
    refs: Sequence[str] = (),
    theme: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    override_reason: str | None = None,
    for_publication: bool = False,
) -> Path:
    """Build the deck, check it for identifying details, then write it."""
    from reviewtool.services.outputs.publication import deck_parts, guard, identifiers_of

    if bool(refs) == bool(theme):
        raise InvalidInput("give either reviews (REF_OR_ID...) or --theme CODE, not both")
    deck = theme_deck(store, theme, date_from, date_to) if theme else review_deck(store, refs)
    identifiers = identifiers_of(store, None if theme else list(refs))
    # The partnership's own resources on the closing slide (its contact address, say) come
    # from the settings, not from a case: they are not checked for identifying details.
    own = set(_closing(load_settings(store)).bullets) - set(CLOSING.bullets)
    parts = [(where, text) for where, text in deck_parts(deck) if text not in own]
    guard(
        store,
        f"The slides {deck.title!r}",
        parts,
        identifiers,
        override_reason,
        [] if theme else list(refs),
    )
    return write_deck(deck, out, for_publication)
