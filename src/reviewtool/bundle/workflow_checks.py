"""Rules the ``workflow`` section must meet beyond each field's shape: dates and ids."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from reviewtool.bundle.errors import Problem
from reviewtool.bundle.learning_schema import DisseminationRecord, RagReviewRecord
from reviewtool.bundle.workflow_schema import WorkflowRecord


def check_workflow(records: Sequence[WorkflowRecord], today: date) -> list[Problem]:
    problems: list[Problem] = []
    seen_reviews: dict[str, int] = {}
    seen_ids: dict[str, str] = {}
    for index, record in enumerate(records):
        path = f"workflow[{index}]"
        if record.review_id in seen_reviews:
            problems.append(
                Problem(
                    f"{path}.review_id",
                    f"the workflow of review {record.review_id} is given twice "
                    f"(also workflow[{seen_reviews[record.review_id]}])",
                )
            )
        seen_reviews.setdefault(record.review_id, index)
        if record.revision is not None and record.revision in record.ancestors:
            problems.append(Problem(f"{path}.ancestors", "must not hold the revision itself"))
        problems.extend(_check_one(record, path, today, seen_ids))
    return problems


def _future(value: date | None, path: str, today: date) -> Iterator[Problem]:
    if value is not None and value > today:
        yield Problem(path, f"{value} is in the future")


def _unique(item_id: str, path: str, seen: dict[str, str]) -> Iterator[Problem]:
    if item_id in seen:
        yield Problem(f"{path}.id", f"duplicate id {item_id} (also {seen[item_id]})")
    else:
        seen[item_id] = path


def _check_one(
    record: WorkflowRecord, path: str, today: date, seen: dict[str, str]
) -> Iterator[Problem]:
    for r_index, request in enumerate(record.agency_requests):
        r_path = f"{path}.agency_requests[{r_index}]"
        yield from _unique(request.id, r_path, seen)
        yield from _future(request.sent, f"{r_path}.sent", today)
        yield from _future(request.returned, f"{r_path}.returned", today)
        if request.sent and request.returned and request.returned < request.sent:
            yield Problem(f"{r_path}.returned", "is before the request was sent")
        for e_index, entry in enumerate(request.chronology):
            e_path = f"{r_path}.chronology[{e_index}]"
            yield from _unique(entry.id, e_path, seen)
            yield from _future(entry.date, f"{e_path}.date", today)
        for k_index, episode in enumerate(request.key_practice_episodes):
            yield from _unique(episode.id, f"{r_path}.key_practice_episodes[{k_index}]", seen)
    for m_index, meeting in enumerate(record.panel_meetings):
        m_path = f"{path}.panel_meetings[{m_index}]"
        yield from _unique(meeting.id, m_path, seen)
        yield from _future(meeting.date, f"{m_path}.date", today)
    yield from _future(record.report.signed_off_on, f"{path}.report.signed_off_on", today)
    if record.panel_response is not None:
        yield from _future(record.panel_response.received, f"{path}.panel_response.received", today)
    milestones: set[str] = set()
    for s_index, milestone in enumerate(record.milestones):
        s_path = f"{path}.milestones[{s_index}]"
        if milestone.milestone in milestones:
            yield Problem(f"{s_path}.milestone", f"{milestone.milestone.value!r} is given twice")
        milestones.add(milestone.milestone)
        yield from _future(milestone.date, f"{s_path}.date", today)
    for p_index, pause in enumerate(record.pauses):
        p_path = f"{path}.pauses[{p_index}]"
        yield from _unique(pause.id, p_path, seen)
        yield from _future(pause.start, f"{p_path}.start", today)
        if pause.end is not None and pause.end < pause.start:
            yield Problem(f"{p_path}.end", f"{pause.end} is before the pause began")


def check_learning(
    disseminations: Sequence[DisseminationRecord],
    rag_reviews: Sequence[RagReviewRecord],
    today: date,
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for index, record in enumerate(disseminations):
        path = f"disseminations[{index}]"
        problems.extend(_unique(record.id, path, seen))
        if (record.briefing_id is None) == (record.review_id is None):
            problems.append(Problem(path, "give either briefing_id or review_id (one of them)"))
        problems.extend(_future(record.date, f"{path}.date", today))
        problems.extend(_future(record.plan_returned, f"{path}.plan_returned", today))
        for a_index, action in enumerate(record.plan_actions):
            problems.extend(
                _future(action.completed, f"{path}.plan_actions[{a_index}].completed", today)
            )
    for index, review in enumerate(rag_reviews):
        path = f"rag_reviews[{index}]"
        problems.extend(_unique(review.id, path, seen))
        problems.extend(_future(review.date, f"{path}.date", today))
    return problems
