"""Rules a bundle must meet beyond the shape of each field: references, ids and dates."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from reviewtool.bundle.errors import Problem
from reviewtool.bundle.schema import (
    Bundle,
    CodeRecord,
    ReviewDates,
    ReviewRecord,
    Revised,
    Tombstone,
    TopicBriefing,
)
from reviewtool.bundle.workflow_checks import check_learning, check_workflow
from reviewtool.bundle.workflow_schema import WorkflowRecord
from reviewtool.domain.factors import group_of

# Dates of events already recorded may not lie in the future (BUNDLE.md); only dues may.
_EVENT_DATES = (
    "incident",
    "aware",
    "notified",
    "rapid_review_meeting",
    "rapid_review_submitted",
    "decision",
    "published",
)


def check_bundle(bundle: Bundle, known_codes: set[str], today: date) -> list[Problem]:
    """Every problem in ``bundle``; ``known_codes`` are the codes the target already has."""
    checker = BundleChecker(known_codes, today, bundle.codebook)
    for index, review in enumerate(bundle.reviews):
        checker.review(index, review)
    checker.briefings(bundle.briefings)
    checker.workflow(bundle.workflow)
    checker.learning(bundle)
    checker.deletions(bundle.deleted)
    return checker.problems


class BundleChecker:
    """The checks of :func:`check_bundle` one review at a time, for a bundle read as a stream
    (its codebook first): only ids are remembered between reviews."""

    def __init__(self, known_codes: set[str], today: date, codebook: Sequence[CodeRecord]) -> None:
        self.today = today
        self.codes = known_codes | {entry.code for entry in codebook}
        self.problems: list[Problem] = list(_check_codebook(codebook, self.codes))
        self._seen_reviews: dict[str, int] = {}
        self._seen_items: dict[str, str] = {}

    def review(self, index: int, review: ReviewRecord) -> None:
        path = f"reviews[{index}]"
        if review.id in self._seen_reviews:
            self.problems.append(
                Problem(
                    f"{path}.id",
                    f"duplicate id {review.id} (also reviews[{self._seen_reviews[review.id]}])",
                )
            )
        self._seen_reviews.setdefault(review.id, index)
        if review.identifier_kinds is not None and len(review.identifier_kinds) != len(
            review.identifiers or []
        ):
            self.problems.append(
                Problem(f"{path}.identifier_kinds", "must have one entry per identifier")
            )
        self.problems.extend(_check_review(review, path, self.codes, self.today, self._seen_items))

    def briefings(self, briefings: Sequence[TopicBriefing]) -> None:
        seen_briefings: dict[str, int] = {}
        for index, briefing in enumerate(briefings):
            path = f"briefings[{index}]"
            if briefing.id in seen_briefings:
                self.problems.append(
                    Problem(
                        f"{path}.id",
                        f"duplicate id {briefing.id} "
                        f"(also briefings[{seen_briefings[briefing.id]}])",
                    )
                )
            seen_briefings.setdefault(briefing.id, index)
            self.problems.extend(_revision_problems(briefing, path))
            if briefing.theme is not None and briefing.theme not in self.codes:
                self.problems.append(Problem(f"{path}.theme", f"unknown code {briefing.theme!r}"))

    def workflow(self, records: Sequence[WorkflowRecord]) -> None:
        self.problems.extend(check_workflow(records, self.today))

    def learning(self, bundle: Bundle) -> None:
        self.problems.extend(check_learning(bundle.disseminations, bundle.rag_reviews, self.today))

    def deletions(self, tombstones: Sequence[Tombstone]) -> None:
        """Each deletion once. A review may be both in ``reviews`` and here, or here more
        than once with different revisions: such deletions are conflicting copies kept
        beside the review on the computer that wrote the bundle."""
        seen: dict[tuple[str, str], int] = {}
        for index, tombstone in enumerate(tombstones):
            key = (tombstone.id, tombstone.revision)
            if key in seen:
                self.problems.append(
                    Problem(
                        f"deleted[{index}].revision",
                        f"the same deletion of {tombstone.id} twice (also deleted[{seen[key]}])",
                    )
                )
            seen.setdefault(key, index)
            self.problems.extend(_revision_problems(tombstone, f"deleted[{index}]"))


def _revision_problems(record: Revised, path: str) -> Iterator[Problem]:
    if record.revision is not None and record.revision in record.ancestors:
        yield Problem(f"{path}.ancestors", "must not hold the revision itself")


def _check_codebook(entries: Sequence[CodeRecord], codes: set[str]) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        path = f"codebook[{index}]"
        if entry.code in seen:
            yield Problem(
                f"{path}.code", f"duplicate code {entry.code!r} (also codebook[{seen[entry.code]}])"
            )
        seen.setdefault(entry.code, index)
        yield from _revision_problems(entry, path)
        if group_of(entry.code) != entry.group.value:
            yield Problem(
                f"{path}.code",
                f"code {entry.code!r} must start with its group {entry.group.value + '.'!r}",
            )
        if entry.parent is not None:
            if entry.parent == entry.code:
                yield Problem(f"{path}.parent", "a code cannot be its own parent")
            elif entry.parent not in codes:
                yield Problem(f"{path}.parent", f"unknown code {entry.parent!r}")
            elif group_of(entry.parent) != entry.group.value:
                yield Problem(f"{path}.parent", "the parent must be in the same group")
    yield from _check_parent_cycles(entries)


def _check_parent_cycles(entries: Sequence[CodeRecord]) -> Iterator[Problem]:
    """The codebook is a tree: following parents from any code must end, not come back."""
    parent_of = {entry.code: entry.parent for entry in entries if entry.parent != entry.code}
    index_of: dict[str, int] = {}
    for index, entry in enumerate(entries):
        index_of.setdefault(entry.code, index)
    reported: set[str] = set()
    settled: set[str] = set()  # codes already followed to an end or a cycle: linear time
    for start in parent_of:
        seen: list[str] = []
        on_path: set[str] = set()
        code: str | None = start
        while code is not None and code in parent_of and code not in on_path:
            if code in settled:
                break
            seen.append(code)
            on_path.add(code)
            code = parent_of[code]
        settled.update(seen)
        if code is None or code not in on_path:
            continue
        cycle = seen[seen.index(code) :]
        if reported.isdisjoint(cycle):
            reported.update(cycle)
            first = min(cycle, key=lambda c: index_of[c])
            shown = " -> ".join([*cycle[cycle.index(first) :], *cycle[: cycle.index(first)], first])
            yield Problem(
                f"codebook[{index_of[first]}].parent",
                f"the parents form a cycle ({shown[:200]}); a code cannot be its own ancestor",
            )


def _check_review(
    review: ReviewRecord, path: str, codes: set[str], today: date, seen_items: dict[str, str]
) -> Iterator[Problem]:
    yield from _check_dates(review.dates, f"{path}.dates", today)
    yield from _revision_problems(review, path)
    if review.converted_from == review.id:
        yield Problem(f"{path}.converted_from", "a review cannot be converted from itself")
    if len(set(review.criteria)) != len(review.criteria):
        yield Problem(f"{path}.criteria", "lists a criterion more than once")
    for c_index, child in enumerate(review.children):
        if child.unborn and child.age_months is not None:
            yield Problem(
                f"{path}.children[{c_index}].age_months",
                "must be null for an unborn child",
            )
    seen_factors: set[tuple[str, str]] = set()
    for f_index, factor in enumerate(review.factors):
        if factor.code not in codes:
            yield Problem(f"{path}.factors[{f_index}].code", f"unknown code {factor.code!r}")
        key = (factor.code, factor.role.value)
        if key in seen_factors:
            yield Problem(
                f"{path}.factors[{f_index}]",
                f"{factor.code!r} is tagged twice with role {factor.role.value!r}",
            )
        seen_factors.add(key)
    for r_index, recommendation in enumerate(review.recommendations):
        r_path = f"{path}.recommendations[{r_index}]"
        yield from _unique_id(recommendation.id, f"{r_path}.id", seen_items)
        for a_index, action in enumerate(recommendation.actions):
            a_path = f"{r_path}.actions[{a_index}]"
            yield from _unique_id(action.id, f"{a_path}.id", seen_items)
            if action.completed is not None and action.completed > today:
                yield Problem(f"{a_path}.completed", f"{action.completed} is in the future")


def _unique_id(item_id: str, path: str, seen: dict[str, str]) -> Iterator[Problem]:
    if item_id in seen:
        yield Problem(path, f"duplicate id {item_id} (also {seen[item_id]})")
    else:
        seen[item_id] = path.removesuffix(".id")


def _check_dates(dates: ReviewDates, path: str, today: date) -> Iterator[Problem]:
    for name in _EVENT_DATES:
        value = getattr(dates, name)
        if value is not None and value > today:
            yield Problem(f"{path}.{name}", f"{value} is in the future")
    if dates.aware is not None and dates.notified is not None and dates.notified < dates.aware:
        yield Problem(
            f"{path}.notified",
            f"{dates.notified} is before the date the local authority became aware ({dates.aware})",
        )
