"""The thematic review: what recurs across a partnership's reviews over a period.

Counts are of reviews (a code tagged twice on one review counts once) and of children, exact
and reproducible; the words describing them come from `domain.quantifiers`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from reviewtool.db.models import Review
from reviewtool.domain.actions import Rag, action_rag
from reviewtool.domain.children import AGE_BAND_ORDER, AgeBand, age_band
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
from reviewtool.services.outputs.thematic_board import board_report
from reviewtool.services.outputs.thematic_counts import (
    child_characteristics,
    code_counts,
    codebook_rows,
    factor_rows,
    is_recurring,
    national_rows,
    pairs,
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
    store: Store, request: ThematicRequest, start: date, end: date
) -> tuple[list[Case], int]:
    """The reviews in the period, with converted rapid reviews folded into their CSPR."""
    when = (
        func.coalesce(Review.date_notified, Review.date_decision)
        if request.by == "notified"
        else Review.date_published
    )
    query = select(Review.id).where(when >= start, when <= end, Review.status != "withdrawn")
    if request.kinds:
        query = query.where(Review.kind.in_([k.value for k in request.kinds]))
    with store.transaction() as session:
        records = read_cases(session, query.order_by(when, Review.reference))
    if request.count_both:
        return records, 0
    converted = {r.converted_from for r in records if r.converted_from}
    kept = [r for r in records if r.id not in converted]
    return kept, len(records) - len(kept)


def thematic_model(
    store: Store,
    request: ThematicRequest,
    today: date | None = None,
    action_tracker: bool = True,
) -> ThematicModel:
    """The analysis; ``action_tracker=False`` leaves out the line per action that only the
    spreadsheet shows (tens of thousands at partnership scale)."""
    request.check()
    today = today or date.today()
    settings = load_settings(store)
    codes = codebook_rows(store)
    records, folded = _select_cohort(store, request, request.date_from, request.date_to)
    previous_records: list[Case] | None = None
    if request.compare_from and request.compare_to:
        previous_records, _ = _select_cohort(
            store, request, request.compare_from, request.compare_to
        )
    previous_counts = code_counts(previous_records) if previous_records is not None else None
    previous_total = len(previous_records) if previous_records is not None else None

    rows = factor_rows(records, codes, previous_counts, previous_total)
    groups = {group.label: [r for r in rows if r.group == group.value] for group in CodeGroup}
    recurring = [r for r in rows if is_recurring(r.reviews, r.total, request.threshold)]
    repeat = [
        r
        for r in recurring
        if previous_counts is not None
        and previous_total
        and is_recurring(previous_counts.get(r.code, 0), previous_total, request.threshold)
    ]
    characteristics = child_characteristics(records)
    trio = Count(
        "Trio of vulnerabilities",
        sum(1 for r in records if has_trio_of_vulnerabilities(r.codes)),
        len(records),
    )

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
                            action.status.value.replace("_", " "),
                            state.label.split(" - ")[0],
                            action.completed,
                            action.assurance or "",
                            action.impact or "",
                        )
                    )
                if state is Rag.RED:
                    overdue.append(
                        OverdueAction(
                            record.reference, action.owner or "No owner", action.due, action.text
                        )
                    )
    total_actions = sum(rag.values())
    kinds = Counter(r.kind for r in records)
    children = sum(len(r.children) for r in records)
    basis = (
        "notification date (decision date where none)"
        if request.by == "notified"
        else "publication date"
    )
    method = [
        f"Reviews whose {basis} falls from {request.date_from:%d %B %Y} to "
        f"{request.date_to:%d %B %Y}"
        + (
            f", of these kinds: {', '.join(k.label.lower() for k in request.kinds)}."
            if request.kinds
            else ", of every kind (withdrawn reviews left out)."
        ),
        "Factors are counted by review: a theme tagged more than once on a review counts once. "
        "Roles (present, learning, good practice) are shown separately.",
        (
            "A rapid review and the local review (CSPR) it led to are the same case: it is "
            f"counted once, using the CSPR's record ({folded} rapid "
            f"review{'s' if folded != 1 else ''} folded into their CSPR)."
            if not request.count_both
            else "A rapid review and the CSPR it led to are counted as two reviews, as asked."
        ),
        f"A recurring theme is one found in at least 2 reviews and at least "
        f"{round(request.threshold * 100)}% of them"
        + (
            "; a repeat theme also recurred in the comparison period."
            if previous_records is not None
            else "."
        ),
        "Child characteristics are counted per child; notification type per review.",
        "National figures are quoted with their source and year and compared only with the "
        "matching local measure. Local numbers are small: differences may be chance.",
    ]
    appendix = [
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
    matrix = [
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
            codes=r.codes,
        )
        for r in records
    ]
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
        recommendations=recommendations,
        actions_by_rag=[
            Count(rag_value.label, rag[rag_value], total_actions)
            for rag_value in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY)
        ],
        overdue=sorted(overdue, key=lambda o: (o.due or date.min, o.reference)),
        appendix=appendix,
        matrix=matrix,
        actions=action_lines,
        codebook=[
            (code, label, group_labels.get(group, group))
            for code, (label, group, _) in codes.items()
        ],
        board=board_report(
            records, rows, recurring, repeat, found_with, characteristics, rag, period, request.by
        ),
    )
