"""The thematic review: what recurs across a partnership's reviews over a period.

Counts are of reviews (a code tagged twice on one review counts once) and of children, exact
and reproducible; the words describing them come from `domain.quantifiers`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

from sqlalchemy import func, select

from reviewtool.bundle.schema import ReviewRecord
from reviewtool.db.models import Code, Review
from reviewtool.domain.actions import Rag, action_rag
from reviewtool.domain.children import AGE_BAND_ORDER, AgeBand, age_band
from reviewtool.domain.enums import (
    ActionStatus,
    CodeGroup,
    FactorRole,
    NotificationType,
    ReviewKind,
)
from reviewtool.domain.errors import InvalidInput
from reviewtool.domain.factors import has_trio_of_vulnerabilities
from reviewtool.domain.quantifiers import proportion_phrase, quantifier
from reviewtool.paths import resource
from reviewtool.reports.thematic_model import (
    ActionLine,
    AppendixRow,
    Count,
    FactorRow,
    MatrixRow,
    NationalRow,
    OverdueAction,
    PairRow,
    ThematicModel,
)
from reviewtool.services.review_read import read_reviews
from reviewtool.services.settings import load_settings
from reviewtool.services.store import Store

DEFAULT_THRESHOLD = 0.25
PLAN_LABELS = {
    "none": "No plan",
    "cin": "Child in need",
    "cp": "Child protection plan",
    "previous_cp": "Previous child protection plan",
    "unknown": "Not known",
}


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
) -> tuple[list[ReviewRecord], int]:
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
        ids = list(session.scalars(query.order_by(when, Review.reference)))
        records = read_reviews(session, ids, include_identifiers=False, for_analysis=True)
    if request.count_both:
        return records, 0
    converted = {r.converted_from for r in records if r.converted_from}
    kept = [r for r in records if r.id not in converted]
    return kept, len(records) - len(kept)


def _codes(store: Store) -> dict[str, tuple[str, str, int]]:
    with store.transaction() as session:
        return {
            c.code: (c.label, c.group, c.position)
            for c in session.scalars(select(Code).order_by(Code.position, Code.code))
        }


def _factor_rows(
    records: Sequence[ReviewRecord],
    codes: dict[str, tuple[str, str, int]],
    previous: Counter[str] | None,
    previous_total: int | None,
) -> list[FactorRow]:
    reviews: Counter[str] = Counter()
    roles: dict[FactorRole, Counter[str]] = {role: Counter() for role in FactorRole}
    for record in records:
        for code in {f.code for f in record.factors}:
            reviews[code] += 1
        for role in FactorRole:
            for code in {f.code for f in record.factors if f.role is role}:
                roles[role][code] += 1
    rows = [
        FactorRow(
            code=code,
            label=codes.get(code, (code, "", 0))[0],
            group=codes.get(code, ("", code.split(".")[0], 0))[1],
            reviews=count,
            total=len(records),
            present=roles[FactorRole.PRESENT][code],
            learning=roles[FactorRole.LEARNING][code],
            good_practice=roles[FactorRole.GOOD_PRACTICE][code],
            previous=previous.get(code, 0) if previous is not None else None,
            previous_total=previous_total,
        )
        for code, count in reviews.items()
    ]
    rows.sort(key=lambda r: (-r.reviews, codes.get(r.code, ("", "", 10**6))[2], r.label))
    return rows


def _code_counts(records: Sequence[ReviewRecord]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for record in records:
        counts.update({f.code for f in record.factors})
    return counts


def is_recurring(reviews: int, total: int, threshold: float) -> bool:
    return reviews >= 2 and total > 0 and reviews / total >= threshold


def _characteristics(records: Sequence[ReviewRecord]) -> dict[str, list[Count]]:
    children = [child for record in records for child in record.children]
    total = len(children)

    def count(label_of: dict[str, str] | None, values: list[str], order: list[str]) -> list[Count]:
        counter = Counter(values)
        keys = [k for k in order if counter[k]] + sorted(k for k in counter if k not in order)
        return [Count((label_of or {}).get(k, k), counter[k], len(values)) for k in keys]

    def yes_no(values: list[bool | None]) -> list[str]:
        return ["Yes" if v else "No" if v is False else "Not known" for v in values]

    notification = [
        {"death": "Death", "serious_harm": "Serious harm", "other": "Other"}.get(
            r.notification_type.value if r.notification_type else "", "Not notified / not known"
        )
        for r in records
    ]
    return (
        {
            "Age band (children)": count(
                None,
                [age_band(c.age_months, c.unborn).value for c in children],
                [band.value for band in AGE_BAND_ORDER],
            ),
            "Sex (children)": count(
                None,
                [c.sex.value.capitalize() for c in children],
                ["Male", "Female", "Other", "Unknown"],
            ),
            "Ethnicity (children)": count(
                None, [c.ethnicity or "Not recorded" for c in children], []
            ),
            "Disability (children)": count(
                None, yes_no([c.disability for c in children]), ["Yes", "No"]
            ),
            "Looked after (children)": count(
                None, yes_no([c.looked_after for c in children]), ["Yes", "No"]
            ),
            "Known to children's social care": count(
                None, yes_no([c.known_to_csc for c in children]), ["Yes", "No"]
            ),
            "Plan status (children)": count(
                PLAN_LABELS, [c.plan.value for c in children], list(PLAN_LABELS)
            ),
            "Notification type (reviews)": count(
                None, notification, ["Death", "Serious harm", "Other"]
            ),
        }
        if total or records
        else {}
    )


def _pairs(
    records: Sequence[ReviewRecord], codes: dict[str, tuple[str, str, int]]
) -> list[PairRow]:
    together: Counter[tuple[str, str]] = Counter()
    for record in records:
        present = sorted({f.code for f in record.factors if not f.code.startswith("good.")})
        together.update(combinations(present, 2))
    rows = [
        PairRow(codes.get(a, (a,))[0], codes.get(b, (b,))[0], n)
        for (a, b), n in together.items()
        if n >= 2
    ]
    rows.sort(key=lambda p: (-p.reviews, p.first, p.second))
    return rows[:15]


def _national(records: Sequence[ReviewRecord]) -> list[NationalRow]:
    with resource("national_figures.json").open(encoding="utf-8") as stream:
        figures = json.load(stream)["figures"]
    children = [c for r in records for c in r.children]
    harm = [r for r in records if r.notification_type is NotificationType.SERIOUS_HARM]
    deaths = [r for r in records if r.notification_type is NotificationType.DEATH]

    def tagged(subset: Sequence[ReviewRecord], *codes: str) -> int:
        return sum(1 for r in subset if {f.code for f in r.factors} & set(codes))

    local = {
        "children_under_1": Count(
            "",
            sum(1 for c in children if age_band(c.age_months, c.unborn) in (AgeBand.UNDER_1,)),
            len(children),
        ),
        "known_to_csc": Count("", sum(1 for c in children if c.known_to_csc), len(children)),
        "domestic_abuse_non_fatal": Count("", tagged(harm, "parent.domestic_abuse"), len(harm)),
        "parental_mental_health_non_fatal": Count(
            "", tagged(harm, "parent.mental_health"), len(harm)
        ),
        "sudi_of_deaths": Count("", tagged(deaths, "child.death.sudi"), len(deaths)),
        "suicide_of_deaths": Count("", tagged(deaths, "child.death.suicide"), len(deaths)),
        "neglect": Count("", tagged(records, "child.harm.neglect"), len(records)),
        "cp_plan_now_or_before": Count(
            "", sum(1 for c in children if c.plan.value in ("cp", "previous_cp")), len(children)
        ),
        "child_mental_health": Count(
            "", tagged(records, "child.mental_health_self_harm"), len(records)
        ),
        "parental_alcohol": Count("", tagged(records, "parent.alcohol_misuse"), len(records)),
        "parental_drugs": Count("", tagged(records, "parent.drug_misuse"), len(records)),
    }
    rows = []
    for figure in figures:
        mine = local.get(figure["measure"])
        if mine is None or mine.total == 0:
            continue
        rows.append(
            NationalRow(
                label=figure["label"],
                local=Count(figure["base"], mine.count, mine.total),
                national=f"{figure['value']}{figure['unit']}",
                source=figure["source"],
                year=figure["year"],
            )
        )
    return rows


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:]


def _findings(
    records: Sequence[ReviewRecord],
    groups: dict[str, list[FactorRow]],
    characteristics: dict[str, list[Count]],
    trio: Count,
    repeat: list[FactorRow],
    rag: Counter[Rag],
    total_actions: int,
) -> list[str]:
    n = len(records)
    if n == 0:
        return ["No reviews fall within the period chosen, so there are no findings to report."]
    findings = []
    under_one = sum(
        1
        for r in records
        if any(
            age_band(c.age_months, c.unborn) in (AgeBand.UNDER_1, AgeBand.UNBORN)
            for c in r.children
        )
    )
    if under_one:
        findings.append(f"{proportion_phrase(under_one, n, 'reviews')} involved a child under 1.")
    sexes = {c.label: c for c in characteristics.get("Sex (children)", [])}
    if "Male" in sexes:
        male = sexes["Male"]
        findings.append(
            f"{_sentence(quantifier(male.count, male.total))} of the children "
            f"({male.count} of {male.total}) were male."
        )
    kinds = {c.label: c.count for c in characteristics.get("Notification type (reviews)", [])}
    harm, deaths = kinds.get("Serious harm", 0), kinds.get("Death", 0)
    if harm or deaths:
        if harm > deaths:
            findings.append(
                f"There were more cases of serious harm ({harm}) than deaths ({deaths})."
            )
        elif deaths > harm:
            findings.append(
                f"There were more deaths ({deaths}) than cases of serious harm ({harm})."
            )
        else:
            findings.append(f"There were as many deaths as cases of serious harm ({harm} each).")
    harms = [
        row for row in groups.get(CodeGroup.CHILD.label, []) if row.code.startswith("child.harm.")
    ]
    if harms:
        text = f"{harms[0].label} was the most common harm ({harms[0].reviews} of {n} reviews)"
        rest = [f"{row.label.lower()} ({row.reviews})" for row in harms[1:3]]
        if rest:
            text += ", followed by " + " and ".join(rest)
        findings.append(text + ".")
    for group, lead in (
        (CodeGroup.PARENT, "The most frequent parent and carer factors were"),
        (CodeGroup.PRACTICE, "The professional and practice factors that recurred most were"),
        (CodeGroup.GOOD, "The good practice seen most often was"),
    ):
        rows = groups.get(group.label, [])[:4]
        if rows:
            listed = [f"{row.label.lower()} ({row.reviews} of {n})" for row in rows]
            joined = (
                listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
            )
            findings.append(f"{lead} {joined}.")
    if trio.count:
        findings.append(
            f"{proportion_phrase(trio.count, n, 'reviews')} featured the trio of "
            "vulnerabilities (domestic abuse, parental mental ill-health and alcohol "
            "or drug misuse together)."
        )
    if repeat:
        names = ", ".join(row.label.lower() for row in repeat[:6])
        findings.append(
            f"{len(repeat)} theme{'s' if len(repeat) != 1 else ''} recurred in the "
            f"comparison period as well: {names}."
        )
    if total_actions:
        findings.append(
            f"Of {total_actions} actions from these reviews, {rag[Rag.GREEN]} are complete, "
            f"{rag[Rag.AMBER]} are in progress to time and {rag[Rag.RED]} are overdue"
            + (f" ({rag[Rag.GREY]} dropped)." if rag[Rag.GREY] else ".")
        )
    return findings


def thematic_model(
    store: Store, request: ThematicRequest, today: date | None = None
) -> ThematicModel:
    request.check()
    today = today or date.today()
    settings = load_settings(store)
    codes = _codes(store)
    records, folded = _select_cohort(store, request, request.date_from, request.date_to)
    previous_records: list[ReviewRecord] | None = None
    if request.compare_from and request.compare_to:
        previous_records, _ = _select_cohort(
            store, request, request.compare_from, request.compare_to
        )
    previous_counts = _code_counts(previous_records) if previous_records is not None else None
    previous_total = len(previous_records) if previous_records is not None else None

    rows = _factor_rows(records, codes, previous_counts, previous_total)
    groups = {group.label: [r for r in rows if r.group == group.value] for group in CodeGroup}
    recurring = [r for r in rows if is_recurring(r.reviews, r.total, request.threshold)]
    repeat = [
        r
        for r in recurring
        if previous_counts is not None
        and previous_total
        and is_recurring(previous_counts.get(r.code, 0), previous_total, request.threshold)
    ]
    characteristics = _characteristics(records)
    trio = Count(
        "Trio of vulnerabilities",
        sum(1 for r in records if has_trio_of_vulnerabilities(f.code for f in r.factors)),
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
                state = action_rag(ActionStatus(action.status), action.due, today)
                rag[state] += 1
                mine[state] += 1
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
            r.dates.notified,
            r.dates.decision,
            r.dates.published,
            [codes.get(c, (c,))[0] for c in dict.fromkeys(f.code for f in r.factors)],
            actions=sum(progress[r.id].values()),
            actions_complete=progress[r.id][Rag.GREEN],
            actions_overdue=progress[r.id][Rag.RED],
        )
        for r in records
    ]
    matrix = [
        MatrixRow(
            reference=r.reference,
            kind=r.kind.label,
            notified=r.dates.notified,
            published=r.dates.published,
            children=len(r.children),
            youngest_band=min(
                (age_band(c.age_months, c.unborn) for c in r.children),
                key=AGE_BAND_ORDER.index,
                default=AgeBand.UNKNOWN,
            ).value,
            sexes=", ".join(sorted({c.sex.value for c in r.children})),
            notification=r.notification_type.value if r.notification_type else "",
            codes=frozenset(f.code for f in r.factors),
        )
        for r in records
    ]
    group_labels = {g.value: g.label for g in CodeGroup}
    return ThematicModel(
        partnership=settings.partnership,
        brand_colour=settings.brand_colour,
        title="Thematic review of child safeguarding practice reviews",
        period=_period(request.date_from, request.date_to),
        basis=basis,
        generated=today,
        marking="For publication" if request.for_publication else "OFFICIAL-SENSITIVE",
        method=method,
        findings=_findings(records, groups, characteristics, trio, repeat, rag, total_actions),
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
        pairs=_pairs(records, codes),
        trio=trio,
        national=_national(records),
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
    )


@dataclass(frozen=True)
class ThematicOutputs:
    pdf: Path | None = None
    html: Path | None = None
    xlsx: Path | None = None
    docx: Path | None = None

    def paths(self) -> list[Path]:
        return [p for p in (self.pdf, self.html, self.xlsx, self.docx) if p is not None]


def thematic_parts(model: ThematicModel) -> list[tuple[str, str]]:
    """Every text the summary carries, for the publication check."""
    parts = [("findings", text) for text in model.findings]
    parts += [
        ("appendix", f"{a.reference} {a.title} {', '.join(a.themes)}") for a in model.appendix
    ]
    parts += [
        (
            f"action of {line.reference}",
            " ".join([line.recommendation, line.text, line.owner, line.assurance, line.impact]),
        )
        for line in model.actions
    ]
    return parts


def export_thematic(
    store: Store,
    request: ThematicRequest,
    outputs: ThematicOutputs,
    today: date | None = None,
    override_reason: str | None = None,
) -> ThematicModel:
    """Analyse, check for identifying details, then write each output asked for."""
    from reviewtool.services.publication import guard, identifiers_of

    if not outputs.paths():
        raise InvalidInput(
            "say where to write the summary (--out FILE.pdf, --html, --xlsx, --docx)"
        )
    for path, suffixes in (
        (outputs.pdf, (".pdf",)),
        (outputs.html, (".html", ".htm")),
        (outputs.xlsx, (".xlsx",)),
        (outputs.docx, (".docx",)),
    ):
        if path is None:
            continue
        if path.suffix.lower() not in suffixes:
            raise InvalidInput(f"{path.name} should end in {' or '.join(suffixes)}")
        if not path.resolve().parent.is_dir():
            raise InvalidInput(f"{path.parent}: no such folder")
    model = thematic_model(store, request, today)
    guard(
        store,
        f"The thematic summary for {model.period}",
        thematic_parts(model),
        identifiers_of(store, None),
        override_reason,
    )
    if outputs.pdf:
        from reviewtool.reports.thematic_pdf import write_thematic_pdf

        write_thematic_pdf(model, outputs.pdf)
    if outputs.html:
        from reviewtool.reports.thematic_html import write_thematic_html

        write_thematic_html(model, outputs.html)
    if outputs.xlsx:
        from reviewtool.reports.thematic_xlsx import write_thematic_xlsx

        write_thematic_xlsx(model, outputs.xlsx)
    if outputs.docx:
        from reviewtool.reports.annual_docx import write_annual_chapter_docx

        write_annual_chapter_docx(model, outputs.docx)
    return model
