"""What turns a thematic review's counts into a report a board can act on: an executive
summary, the trend by year, a short account of each recurring theme with the reviewers' own
notes, the limits of the data in plain words, and questions and recommendations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reviewtool.domain.actions import Rag
from reviewtool.domain.quantifiers import proportion_phrase
from reviewtool.reports.thematic_model import (
    BoardReport,
    Count,
    Evidence,
    FactorRow,
    PairRow,
    ThemeNarrative,
    Trend,
)
from reviewtool.services.outputs.thematic_data import Case
from reviewtool.services.outputs.thematic_findings import sentence_case

TREND_THEMES = 5
NARRATED = 6
EVIDENCE_PER_THEME = 3
EVIDENCE_CHARACTERS = 400


def _joined(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _year(case: Case, by: str) -> int | None:
    when = case.published if by == "published" else (case.notified or case.decision)
    return when.year if when else None


def trend(records: Sequence[Case], rows: Sequence[FactorRow], by: str) -> Trend | None:
    """Reviews per year and, for the most frequent themes, the reviews featuring each."""
    years = [y for y in (_year(r, by) for r in records) if y is not None]
    if not years:
        return None
    span = list(range(min(years), max(years) + 1))
    reviews = Counter(years)
    main = [row for row in sorted(rows, key=lambda r: -r.reviews) if row.reviews][:TREND_THEMES]
    by_theme: dict[str, Counter[int]] = {row.code: Counter() for row in main}
    for record in records:
        year = _year(record, by)
        if year is None:
            continue
        for code, counts in by_theme.items():
            if code in record.codes:
                counts[year] += 1
    return Trend(
        years=span,
        reviews=[reviews[y] for y in span],
        themes=[(row.label, [by_theme[row.code][y] for y in span]) for row in main],
    )


def _evidence(records: Sequence[Case], code: str) -> list[Evidence]:
    """The reviewers' notes on a theme, one per review, the longest (most telling) first."""
    notes: list[Evidence] = []
    for record in records:
        for factor in record.factors:
            if factor.code == code and factor.note and factor.note.strip():
                text = " ".join(factor.note.split())
                if len(text) > EVIDENCE_CHARACTERS:
                    text = text[: EVIDENCE_CHARACTERS - 1].rstrip() + "…"
                notes.append(Evidence(record.reference, text))
                break
    notes.sort(key=lambda e: -len(e.note))
    return notes[:EVIDENCE_PER_THEME]


def narratives(
    records: Sequence[Case],
    recurring: Sequence[FactorRow],
    found_with: Sequence[PairRow],
    by: str,
) -> list[ThemeNarrative]:
    out = []
    n = len(records)
    for row in recurring[:NARRATED]:
        years = sorted(
            {y for r in records if row.code in r.codes and (y := _year(r, by)) is not None}
        )
        roles = []
        if row.learning:
            roles.append(f"a point of learning in {row.learning}")
        if row.good_practice:
            roles.append(f"good practice in {row.good_practice}")
        share = sentence_case(proportion_phrase(row.reviews, n, "reviews"))
        text = f"{share} featured {row.label.lower()}"
        text += f" ({row.percent})" + (f"; it was {_joined(roles)}." if roles else ".")
        if len(years) > 1:
            text += (
                f" It appears in reviews from {years[0]} to {years[-1]}, "
                f"in {len(years)} different years."
            )
        elif years:
            text += f" All of these reviews date from {years[0]}."
        partners = [
            p.second if p.first == row.label else p.first
            for p in found_with
            if row.label in (p.first, p.second)
        ][:2]
        if partners:
            text += (
                f" It was most often found together with {_joined([p.lower() for p in partners])}."
            )
        if row.change:
            text += f" Its share changed by {row.change} against the comparison period."
        out.append(ThemeNarrative(row.code, row.label, text, _evidence(records, row.code)))
    return out


def limitations(records: Sequence[Case], characteristics: dict[str, list[Count]]) -> list[str]:
    n = len(records)
    out = [
        f"The numbers are small ({n} review{'s' if n != 1 else ''}): a difference of one or "
        "two reviews changes a share a great deal, and differences between years or with "
        "national figures may be chance.",
        "Reviews look at the cases that met the criteria for a review, not at every child "
        "harmed: they tell us about those cases, not about how common a problem is locally.",
        "Themes are recorded by the people who read each review. Older reviews were written "
        "to different guidance and may describe less, so a theme missing from a review does "
        "not always mean it was absent.",
        "National figures come from other sources, years and definitions; they are a guide, "
        "not a like-for-like comparison.",
    ]
    unknown = sum(
        c.count
        for counts in characteristics.values()
        for c in counts
        if c.label.lower().startswith(("unknown", "not known", "not recorded"))
    )
    if unknown:
        out.append(
            f"Some details about the children were not recorded ({unknown} 'not known' "
            "answers across the tables), which limits what can be said about who is affected."
        )
    return out


def questions_and_recommendations(
    n: int, recurring: Sequence[FactorRow], repeat: Sequence[FactorRow], rag: Counter[Rag]
) -> tuple[list[str], list[str]]:
    questions, recommendations = [], []
    for row in recurring[:3]:
        questions.append(
            f"How assured is the board that practice on {row.label.lower()} has changed since "
            f"these reviews, and what evidence tells us so?"
        )
    if repeat:
        names = _joined([r.label.lower() for r in repeat[:3]])
        questions.append(f"Why do {names} keep recurring, and what has been tried before?")
        recommendations.append(
            f"Make {names} a priority in the partnership's next business plan, with a "
            "named lead and a measure of change."
        )
    if rag[Rag.RED]:
        questions.append(
            f"What is stopping the {rag[Rag.RED]} overdue action"
            f"{'s' if rag[Rag.RED] != 1 else ''} being completed?"
        )
        recommendations.append(
            "Ask each agency with an overdue action to report progress, or a revised date "
            "and the reason, to the next board meeting."
        )
    if recurring:
        recommendations.append(
            f"Commission a multi-agency audit of {recurring[0].label.lower()} to test whether "
            "the learning from these reviews is now seen in practice."
        )
        recommendations.append(
            "Share a 7-minute briefing on the recurring themes with front-line staff and "
            "check its use through the partnership's training evaluation."
        )
    if n:
        questions.append(
            "Are the partnership's training and procedures up to date with these themes?"
        )
    return questions, recommendations


def board_report(
    records: Sequence[Case],
    rows: Sequence[FactorRow],
    recurring: Sequence[FactorRow],
    repeat: Sequence[FactorRow],
    found_with: Sequence[PairRow],
    characteristics: dict[str, list[Count]],
    rag: Counter[Rag],
    period: str,
    by: str,
) -> BoardReport:
    n = len(records)
    if n == 0:
        return BoardReport(
            summary=[f"No reviews fall within {period}, so there is nothing to report."]
        )
    top = _joined([f"{r.label.lower()} ({r.reviews} of {n})" for r in recurring[:3]])
    summary = [
        f"This thematic review looks across {n} review{'s' if n != 1 else ''} from {period}"
        + (f". The themes that recur most are {top}." if top else ". No theme recurred.")
    ]
    if repeat:
        summary.append(
            f"{len(repeat)} of these themes also recurred in the comparison period: "
            "the learning has not yet taken hold."
        )
    actions = sum(rag.values())
    if actions:
        summary.append(
            f"Of {actions} actions from these reviews, {rag[Rag.GREEN]} are complete and "
            f"{rag[Rag.RED]} are overdue."
        )
    questions, recommendations = questions_and_recommendations(n, recurring, repeat, rag)
    if questions:
        summary.append(
            f"The board is asked to consider {len(questions)} questions and "
            f"{len(recommendations)} recommendations (see the section for the board)."
        )
    return BoardReport(
        summary=summary,
        trend=trend(records, rows, by),
        narratives=narratives(records, recurring, found_with, by),
        limitations=limitations(records, characteristics),
        questions=questions,
        recommendations=recommendations,
    )
