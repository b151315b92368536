"""The rapid review report for the National Panel (Word or PDF), after the publication check."""

from __future__ import annotations

from pathlib import Path

from reviewtool.domain.errors import InvalidInput
from reviewtool.reports.document_model import DocumentModel
from reviewtool.services.outputs.publication import guard, identifiers_of
from reviewtool.services.outputs.rapid_review_content import (
    agency_involvement,
    analysis,
    child_and_family,
    criteria_and_decision,
    learning_sections,
    meetings_and_sign_off,
    timeliness,
)
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store
from reviewtool.services.workflow.editing import load_workflow

MARKING = "OFFICIAL-SENSITIVE"


def rapid_review_report_model(store: Store, ref_or_id: str) -> DocumentModel:
    review = get_review(store, ref_or_id, include_identifiers=False).record
    workflow = load_workflow(store, review.id).record
    settings = load_settings(store)
    return DocumentModel(
        title=f"Rapid review: {review.title}",
        subtitle=f"{settings.partnership}. Reference {review.reference}. "
        "Summary and outcome of the rapid review, for the Child Safeguarding Practice "
        "Review Panel.",
        partnership=settings.partnership,
        marking=MARKING,
        brand_colour=settings.brand_colour,
        logo=Path(settings.logo_path) if settings.logo_path else None,
        sections=[
            timeliness(review),
            child_and_family(review, workflow),
            *agency_involvement(workflow),
            analysis(workflow),
            *learning_sections(review, workflow),
            *criteria_and_decision(review, workflow),
            *meetings_and_sign_off(workflow),
        ],
    )


def export_rapid_review_report(
    store: Store, ref_or_id: str, path: Path, override_reason: str | None = None
) -> DocumentModel:
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise InvalidInput(f"--out: {path.name} must end in .docx or .pdf")
    model = rapid_review_report_model(store, ref_or_id)
    guard(
        store,
        f"The rapid review report {model.title!r}",
        list(model.texts()),
        identifiers_of(store, [ref_or_id]),
        override_reason,
    )
    if suffix == ".docx":
        from reviewtool.reports.document_docx import write_document_docx

        write_document_docx(model, path)
    else:
        from reviewtool.reports.document_pdf import write_document_pdf

        write_document_pdf(model, path)
    return model
