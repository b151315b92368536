"""A local review's milestones and pauses, with working days counted by hand.

2026 bank holidays used below: Good Friday 3 April, Easter Monday 6 April, the late May
bank holiday 25 May and the summer bank holiday 31 August.
"""

from __future__ import annotations

from datetime import date

from reviewtool.domain.milestones import (
    Milestone,
    Pause,
    copy_to_panel_due,
    milestone_states,
    next_milestone,
    paused_working_days,
    publication_clock,
    sent_after_publication_due,
    subtract_working_days,
    unpaused_working_days,
)

DECISION = date(2026, 3, 2)  # a Monday; six months on is Wednesday 2 September 2026


def test_paused_working_days_skip_weekends_and_easter() -> None:
    # Pause Wed 1 - Wed 8 April: Wed 1, Thu 2, Tue 7, Wed 8 (Good Friday, Easter Monday and
    # the weekend are not working days) = 4.
    pause = Pause("Criminal proceedings", date(2026, 4, 1), date(2026, 4, 8))
    assert paused_working_days(date(2026, 3, 31), date(2026, 4, 10), [pause]) == 4
    # (31 Mar, 10 Apr] holds 6 working days: 1, 2, 7, 8, 9, 10 April; 2 are unpaused.
    assert unpaused_working_days(date(2026, 3, 31), date(2026, 4, 10), [pause]) == 2


def test_overlapping_and_open_pauses_count_each_day_once() -> None:
    pauses = [
        Pause("Inquest", date(2026, 4, 1), date(2026, 4, 2)),
        Pause("Trial", date(2026, 4, 2), date(2026, 4, 7)),
    ]
    assert paused_working_days(date(2026, 3, 31), date(2026, 4, 10), pauses) == 3
    ongoing = [Pause("Trial", date(2026, 4, 7), None)]
    # Tue 7 to Fri 10 April.
    assert paused_working_days(date(2026, 3, 31), date(2026, 4, 10), ongoing) == 4


def test_publication_lateness_counts_only_unpaused_time() -> None:
    published = date(2026, 9, 16)  # Wednesday
    # No pause: Thu 3 Sep .. Wed 16 Sep = 10 working days after the 6-month date.
    clock = publication_clock(DECISION, published, date(2026, 11, 21), [])
    assert clock.due == date(2026, 9, 2)
    assert (clock.late, clock.days_late, clock.paused) == (True, 10, 0)
    # Paused Mon 1 - Fri 12 June (10 working days): published exactly on time.
    paused = [Pause("Parallel criminal proceedings", date(2026, 6, 1), date(2026, 6, 12))]
    clock = publication_clock(DECISION, published, date(2026, 11, 21), paused)
    assert (clock.late, clock.days_late, clock.paused) == (False, 0, 10)
    assert clock.due == date(2026, 9, 16)
    # Paused Mon 1 - Fri 5 June (5 working days): 5 working days late.
    short = [Pause("Inquest", date(2026, 6, 1), date(2026, 6, 5))]
    assert publication_clock(DECISION, published, date(2026, 11, 21), short).days_late == 5


def test_copy_and_send_due_dates() -> None:
    # 7 working days before Wed 16 Sep: 15, 14, 11, 10, 9, 8, 7 September.
    assert copy_to_panel_due(date(2026, 9, 16)) == date(2026, 9, 7)
    # Before Wed 2 Sep: 1 Sep, (31 Aug bank holiday), 28, 27, 26, 25, 24, 21 August.
    assert subtract_working_days(date(2026, 9, 2), 7) == date(2026, 8, 21)
    assert copy_to_panel_due(date(2026, 9, 16), 10) == date(2026, 9, 2)
    assert sent_after_publication_due(date(2026, 9, 16)) == date(2026, 9, 23)


def test_states_and_next_milestone_of_an_unpublished_review() -> None:
    dates = {Milestone.DECISION: DECISION, Milestone.TERMS_OF_REFERENCE: date(2026, 4, 1)}
    states = milestone_states(dates, DECISION, [], date(2026, 11, 21))
    by = {state.milestone: state for state in states}
    # Thu 3 Sep .. Fri 20 Nov 2026: 2 + 11 weeks x 5 = 57 working days (Sat 21 adds none).
    assert by[Milestone.PUBLISHED].late and by[Milestone.PUBLISHED].days_late == 57
    assert by[Milestone.PUBLISHED].due == date(2026, 9, 2)
    assert by[Milestone.COPY_TO_PANEL].due == date(2026, 8, 21)
    assert by[Milestone.SENT_TO_PANEL].due is None
    upcoming = next_milestone(states)
    assert upcoming is not None and upcoming.milestone is Milestone.REVIEWER_COMMISSIONED


def test_published_review_has_its_send_due() -> None:
    dates = {Milestone.PUBLISHED: date(2026, 9, 16), Milestone.SENT_TO_PANEL: date(2026, 9, 25)}
    states = {s.milestone: s for s in milestone_states(dates, DECISION, [], date(2026, 11, 21))}
    sent = states[Milestone.SENT_TO_PANEL]
    # Due Wed 23 Sep, sent Fri 25 Sep: 2 working days late.
    assert (sent.due, sent.late, sent.days_late) == (date(2026, 9, 23), True, 2)
    assert states[Milestone.DECISION].done == DECISION
