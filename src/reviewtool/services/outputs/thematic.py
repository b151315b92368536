"""The thematic review: what recurs across a partnership's reviews over a period.

Counts are of reviews (a code tagged twice on one review counts once) and of children, exact
and reproducible; the words describing them come from `domain.quantifiers`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from reviewtool.domain.actions import Rag, action_rag
from reviewtool.domain.children import AGE_BAND_ORDER, AgeBand, age_band
from reviewtool.domain.counting import (
    CHILD_RULE,
    PERIOD_RULE,
    THEME_RULE,
    counting_note,
    fold_rule,
    folds,
    with_ancestors,
)
from reviewtool.domain.enums import (
    CodeGroup,
    ReviewKind,
)
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.factors import has_trio_of_vulnerabilities
from reviewtool.reports.thematic_model import (
    ActionLine,
    AppendixRow,
    Count,
    MatrixRow,
    OverdueAction,
    ThematicModel,
)
from reviewtool.services.counting import cohort_query
from reviewtool.services.ethnicity import custom_mappings
from reviewtool.services.outputs.thematic_board import board_report
from reviewtool.services.outputs.thematic_counts import (
    CodeInfo,
    child_characteristics,
    code_counts,
    codebook_rows,
    factor_rows,
    is_recurring,
    national_rows,
    pairs,
    parents_of,
)
from reviewtool.services.outputs.thematic_data import Case, read_cases
from reviewtool.services.outputs.thematic_findings import findings
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store

DEFAULT_THRESHOLD = 0.25


@dataclass(frozen=True)
class ThematicRequest:
    date_from: date
    date_to: date
    by: str = "notified"
    kinds: tuple[ReviewKind, ...] = ()
    compare_from: date | None = None
    compare_to: date | None = None
    threshold: float = DEFAULT_THRESHOLD
    count_both: bool = False
    """Count a rapid review and the CSPR it became as two cases (default: one, the CSPR)."""
    for_publication: bool = False

    def check(self) -> None:
        if self.date_to < self.date_from:
            raise InvalidInput("--to is before --from")
        if self.by not in ("notified", "published"):
            raise InvalidInput("--by must be notified or published")
        if (self.compare_from is None) != (self.compare_to is None):
            raise InvalidInput("give both --compare-from and --compare-to, or neither")
        if self.compare_from and self.compare_to and self.compare_to < self.compare_from:
            raise InvalidInput("--compare-to is before --compare-from")
        if not 0 < self.threshold <= 1:
            raise InvalidInput("the recurring theme threshold must be a share above 0 and up to 1")


def _period(start: date, end: date) -> str:
    return f"{start:%d %B %Y} to {end:%d %B %Y}"


def _select_cohort(
    store: Store,
    request: ThematicRequest,
    start: date,
    end: date,
    parents: dict[str, str | None],
) -> tuple[list[Case], int]:
    """The cases in the period, counted by the rule in `domain.counting`: converted rapid
    reviews folded into their CSPR, which keeps their recommendations and actions."""
    query = cohort_query(start, end, request.by, request.kinds)
    with store.transaction() as session:
        records = read_cases(session, query)
    for record in records:
        record.themes = with_ancestors(record.codes, parents)
    if request.count_both:
        return records, 0
    folded = folds(records, lambda r: r.id, lambda r: r.converted_from)
    by_id = {r.id: r for r in records}
    for source, target in folded.items():
        rapid_review = by_id[source]
        by_id[target].recommendations[:0] = [
            replace(recommendation, from_reference=rapid_review.reference)
            for recommendation in rapid_review.recommendations
        ]
    kept = [r for r in records if r.id not in folded]
    return kept, len(folded)


def thematic_model(
    store: Store,
    request: ThematicRequest,
    today: date | None = None,
    action_tracker: bool = True,
) -> ThematicModel:
    """The analysis; ``action_tracker=False`` leaves out what only the spreadsheet shows:
    the line per action (tens of thousands at partnership scale) and the cases x themes
    matrix."""
    request.check()
    today = today or date.today()
    settings = load_settings(store)
    codes = codebook_rows(store)
    parents = parents_of(codes)
    records, folded = _select_cohort(store, request, request.date_from, request.date_to, parents)
    previous_records: list[Case] | None = None
    if request.compare_from and request.compare_to:
        previous_records, _ = _select_cohort(
            store, request, request.compare_from, request.compare_to, parents
        )
    previous_counts = code_counts(previous_records) if previous_records is not None else None
    previous_total = len(previous_records) if previous_records is not None else None

    rows = factor_rows(records, codes, previous_counts, previous_total)
    groups = {group.label: [r for r in rows if r.group == group.value] for group in CodeGroup}
    # Recurring themes are named themes; a parent (type of harm) says nothing on its own.
    # Listed on their own, so not marked as under a parent.
    recurring = [
        replace(r, parent=None)
        for r in rows
        if not r.is_parent and is_recurring(r.reviews, r.total, request.threshold)
    ]
    repeat = [
        r
        for r in recurring
        if previous_counts is not None
        and previous_total
        and is_recurring(previous_counts.get(r.code, 0), previous_total, request.threshold)
    ]
    with store.transaction() as session:
        ethnicity_map = custom_mappings(session)
    characteristics = child_characteristics(records, ethnicity_map)
    trio = Count(
        "Trio of vulnerabilities",
        sum(1 for r in records if has_trio_of_vulnerabilities(r.codes)),
        len(records),
    )

    figures = _action_figures(records, today, action_tracker)
    rag, progress = figures.rag, figures.progress
    total_actions = sum(rag.values())
    kinds = Counter(r.kind for r in records)
    children = sum(len(r.children) for r in records)
    basis = PERIOD_RULE if request.by == "notified" else "publication date"
    method = _method(request, basis, folded, previous_records is not None)
    group_labels = {g.value: g.label for g in CodeGroup}
    found_with = pairs(records, codes)
    period = _period(request.date_from, request.date_to)
    return ThematicModel(
        partnership=settings.partnership,
        brand_colour=settings.brand_colour,
        title="Thematic review of child safeguarding practice reviews",
        period=period,
        basis=basis,
        generated=today,
        marking="For publication" if request.for_publication else "OFFICIAL-SENSITIVE",
        method=method,
        findings=findings(records, groups, characteristics, trio, repeat, rag, total_actions),
        reviews=len(records),
        children=children,
        cohort=[Count(kind.label, kinds[kind], len(records)) for kind in ReviewKind if kinds[kind]],
        characteristics=characteristics,
        factor_groups=groups,
        recurring=recurring,
        repeat=repeat,
        comparison_period=_period(request.compare_from, request.compare_to)
        if request.compare_from and request.compare_to
        else None,
        pairs=found_with,
        trio=trio,
        national=national_rows(records),
        recommendations=figures.recommendations,
        actions_by_rag=[
            Count(rag_value.label, rag[rag_value], total_actions)
            for rag_value in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY)
        ],
        overdue=sorted(figures.overdue, key=lambda o: (o.due or date.min, o.reference)),
        appendix=_appendix(records, codes, progress),
        matrix=_matrix(records) if action_tracker else [],
        actions=figures.lines,
        codebook=[
            (code, info.label, group_labels.get(info.group, info.group))
            for code, info in codes.items()
        ],
        counting=counting_note(folded, request.count_both),
        board=board_report(
            records, rows, recurring, repeat, found_with, characteristics, rag, period, request.by
        ),
    )


@dataclass
class _ActionFigures:
    rag: Counter[Rag]
    overdue: list[OverdueAction]
    lines: list[ActionLine]
    progress: dict[str, Counter[Rag]]
    """Each review's actions by RAG status (for the appendix)."""
    recommendations: int


def _action_figures(records: list[Case], today: date, action_tracker: bool) -> _ActionFigures:
    """Every action of the cohort by RAG status; the overdue ones; a line per action for the
    spreadsheet's tracker when it is written."""
    rag: Counter[Rag] = Counter()
    overdue: list[OverdueAction] = []
    action_lines: list[ActionLine] = []
    progress: dict[str, Counter[Rag]] = {}
    recommendations = 0
    for record in records:
        recommendations += len(record.recommendations)
        mine = progress.setdefault(record.id, Counter())
        for recommendation in record.recommendations:
            for action in recommendation.actions:
                state = action_rag(action.status, action.due, today)
                rag[state] += 1
                mine[state] += 1
                if action_tracker:
                    action_lines.append(
                        ActionLine(
                            record.reference,
                            recommendation.text,
                            action.text,
                            action.owner or "",
                            action.due,
                            action.status.label,
                            state.word,
                            action.completed,
                            action.assurance or "",
                            action.impact or "",
                            recommendation.from_reference or "",
                        )
                    )
                if state is Rag.RED:
                    overdue.append(
                        OverdueAction(
                            record.reference, action.owner or "No owner", action.due, action.text
                        )
                    )
    return _ActionFigures(rag, overdue, action_lines, progress, recommendations)


def _method(request: ThematicRequest, basis: str, folded: int, compared: bool) -> list[str]:
    method = [
        f"Reviews whose {basis} falls from {request.date_from:%d %B %Y} to "
        f"{request.date_to:%d %B %Y}"
        + (
            f", of these kinds: {', '.join(k.label.lower() for k in request.kinds)}."
            if request.kinds
            else ", of every kind (withdrawn reviews left out)."
        ),
        THEME_RULE,
        fold_rule(folded, request.count_both),
        f"A recurring theme is one found in at least 2 reviews and at least "
        f"{round(request.threshold * 100)}% of them"
        + ("; a repeat theme also recurred in the comparison period." if compared else "."),
        CHILD_RULE,
        "National figures are quoted with their source and year and compared only with the "
        "matching local measure. Local numbers are small: differences may be chance.",
    ]
    return method


def _appendix(
    records: list[Case], codes: dict[str, CodeInfo], progress: dict[str, Counter[Rag]]
) -> list[AppendixRow]:
    return [
        AppendixRow(
            r.reference,
            r.title,
            r.kind.label,
            r.notified,
            r.decision,
            r.published,
            [codes.get(c, (c,))[0] for c in dict.fromkeys(f.code for f in r.factors)],
            actions=sum(progress[r.id].values()),
            actions_complete=progress[r.id][Rag.GREEN],
            actions_overdue=progress[r.id][Rag.RED],
            kind_short=r.kind.short_label,
        )
        for r in records
    ]


def _matrix(records: list[Case]) -> list[MatrixRow]:
    return [
        MatrixRow(
            reference=r.reference,
            kind=r.kind.label,
            notified=r.notified,
            published=r.published,
            children=len(r.children),
            youngest_band=min(
                (age_band(c.age_months, c.unborn) for c in r.children),
                key=AGE_BAND_ORDER.index,
                default=AgeBand.UNKNOWN,
            ).value,
            sexes=", ".join(sorted({c.sex.value for c in r.children})),
            notification=r.notification_type.value if r.notification_type else "",
            codes=r.themes,
        )
        for r in records
    ]
