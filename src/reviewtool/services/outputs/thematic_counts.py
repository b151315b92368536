"""Counting for the thematic review: factors, characteristics, pairs, national figures."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import NamedTuple

from sqlalchemy import select

from reviewtool.db.models import Code
from reviewtool.domain.children import AGE_BAND_ORDER, AgeBand, age_band
from reviewtool.domain.counting import with_ancestors
from reviewtool.domain.enums import FactorRole, NotificationType, Plan, Sex
from reviewtool.domain.ethnicity import NOT_MAPPED, NOT_RECORDED, census_2021, standard_category
from reviewtool.paths import resource
from reviewtool.reports.thematic_model import Count, FactorRow, NationalRow, PairRow
from reviewtool.services.outputs.thematic_data import Case, CaseChild
from reviewtool.services.store import Store

PLAN_LABELS = {plan.value: plan.label for plan in Plan}


class CodeInfo(NamedTuple):
    label: str
    group: str
    position: int
    parent: str | None = None
    colour: str | None = None


def codebook_rows(store: Store) -> dict[str, CodeInfo]:
    with store.transaction() as session:
        return {
            c.code: CodeInfo(c.label, c.group, c.position, c.parent, c.colour)
            for c in session.scalars(select(Code).order_by(Code.position, Code.code))
        }


def parents_of(codes: dict[str, CodeInfo]) -> dict[str, str | None]:
    return {code: info.parent for code, info in codes.items()}


def factor_rows(
    records: Sequence[Case],
    codes: dict[str, CodeInfo],
    previous: Counter[str] | None,
    previous_total: int | None,
) -> list[FactorRow]:
    """One row per theme found, parents included (counted by `Case.themes`); each parent is
    followed by the themes under it, so a table shows both levels together."""
    parents = parents_of(codes)
    reviews: Counter[str] = Counter()
    roles: dict[FactorRole, Counter[str]] = {role: Counter() for role in FactorRole}
    for record in records:
        reviews.update(record.themes)
        by_role: dict[FactorRole, set[str]] = {}
        for factor in record.factors:
            by_role.setdefault(factor.role, set()).add(factor.code)
        for role, tagged in by_role.items():
            roles[role].update(with_ancestors(tagged, parents))
    has_children = {info.parent for info in codes.values() if info.parent}

    def row(code: str, count: int) -> FactorRow:
        info = codes.get(code)
        return FactorRow(
            code=code,
            label=info.label if info else code,
            group=info.group if info else code.split(".")[0],
            reviews=count,
            total=len(records),
            present=roles[FactorRole.PRESENT][code],
            learning=roles[FactorRole.LEARNING][code],
            good_practice=roles[FactorRole.GOOD_PRACTICE][code],
            previous=previous.get(code, 0) if previous is not None else None,
            previous_total=previous_total,
            parent=info.parent if info and info.parent in reviews else None,
            colour=info.colour if info else None,
            is_parent=code in has_children,
        )

    rows = [row(code, count) for code, count in reviews.items()]
    rows.sort(
        key=lambda r: (-r.reviews, codes[r.code].position if r.code in codes else 10**6, r.label)
    )
    return _nested(rows)


def _nested(rows: list[FactorRow]) -> list[FactorRow]:
    """Top-level rows in their order, each followed by the rows under it (depth first)."""
    under: dict[str | None, list[FactorRow]] = {}
    for row in rows:
        under.setdefault(row.parent, []).append(row)
    ordered: list[FactorRow] = []
    seen: set[str] = set()

    def place(row: FactorRow) -> None:
        if row.code in seen:  # a cycle in a hand-edited codebook
            return
        seen.add(row.code)
        ordered.append(row)
        for child in under.get(row.code, []):
            place(child)

    for row in under.get(None, []):
        place(row)
    ordered += [row for row in rows if row.code not in seen]
    return ordered


def code_counts(records: Sequence[Case]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for record in records:
        counts.update(record.themes)
    return counts


def is_recurring(reviews: int, total: int, threshold: float) -> bool:
    return reviews >= 2 and total > 0 and reviews / total >= threshold


def ethnicity_counts(
    children: Sequence[CaseChild], custom: Mapping[str, str] | None
) -> tuple[list[Count], list[Count]]:
    """Children by 2021 census category and by its group, in the census order; values no
    rule or mapping recognises are counted as such (never dropped)."""
    census = census_2021()
    categories: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    for child in children:
        code = standard_category(child.ethnicity, custom)
        category = census.category(code) if code else None
        if category is not None:
            categories[category.label] += 1
            groups[category.group_label] += 1
        else:
            label = NOT_MAPPED if child.ethnicity and child.ethnicity.strip() else NOT_RECORDED
            categories[label] += 1
            groups[label] += 1
    total = len(children)
    order = [c.label for c in census.categories] + [NOT_MAPPED, NOT_RECORDED]
    group_order = [label for _, label in census.groups] + [NOT_MAPPED, NOT_RECORDED]
    return (
        [Count(label, groups[label], total) for label in group_order if groups[label]],
        [Count(label, categories[label], total) for label in order if categories[label]],
    )


def child_characteristics(
    records: Sequence[Case], ethnicity_map: Mapping[str, str] | None = None
) -> dict[str, list[Count]]:
    children = [child for record in records for child in record.children]
    total = len(children)
    ethnic_groups, ethnic_categories = ethnicity_counts(children, ethnicity_map)

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
                [c.sex.label for c in children],
                [sex.label for sex in Sex],
            ),
            "Ethnic group (children, 2021 census)": ethnic_groups,
            "Ethnicity (children, 2021 census categories)": ethnic_categories,
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


def pairs(records: Sequence[Case], codes: dict[str, CodeInfo]) -> list[PairRow]:
    together: Counter[tuple[str, str]] = Counter()
    for record in records:
        present = sorted(code for code in record.codes if not code.startswith("good."))
        together.update(combinations(present, 2))
    rows = [
        PairRow(codes.get(a, (a,))[0], codes.get(b, (b,))[0], n)
        for (a, b), n in together.items()
        if n >= 2
    ]
    rows.sort(key=lambda p: (-p.reviews, p.first, p.second))
    return rows[:15]


def national_rows(records: Sequence[Case]) -> list[NationalRow]:
    with resource("national_figures.json").open(encoding="utf-8") as stream:
        figures = json.load(stream)["figures"]
    children = [c for r in records for c in r.children]
    harm = [r for r in records if r.notification_type is NotificationType.SERIOUS_HARM]
    deaths = [r for r in records if r.notification_type is NotificationType.DEATH]

    def tagged(subset: Sequence[Case], *codes: str) -> int:
        return sum(1 for r in subset if not r.themes.isdisjoint(codes))

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
