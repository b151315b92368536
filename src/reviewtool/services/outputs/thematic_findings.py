"""The plain-English findings of a thematic review, in the voice partnership reports use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reviewtool.domain.actions import Rag
from reviewtool.domain.children import AgeBand, age_band
from reviewtool.domain.enums import CodeGroup
from reviewtool.domain.quantifiers import proportion_phrase, quantifier
from reviewtool.reports.thematic_model import Count, FactorRow
from reviewtool.services.outputs.thematic_data import Case


def sentence_case(text: str) -> str:
    return text[0].upper() + text[1:]


def findings(
    records: Sequence[Case],
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
            f"{sentence_case(quantifier(male.count, male.total))} of the children "
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
        rows = [row for row in groups.get(group.label, []) if not row.is_parent][:4]
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
