"""Services behind the desktop application: conversion, codebook, settings, tracking."""

from __future__ import annotations

from datetime import date

import pytest

from reviewtool.bundle.schema import CodeRecord
from reviewtool.domain.actions import Rag
from reviewtool.domain.enums import CodeGroup, ReviewKind
from reviewtool.domain.errors import InvalidInput
from reviewtool.services.codebook import (
    list_codes,
    merge_codes,
    reviews_affected_by_merge,
    save_code,
)
from reviewtool.services.exchange.demo import load_demo
from reviewtool.services.reviews.conversion import convert_to_cspr
from reviewtool.services.reviews.editing import get_review
from reviewtool.services.reviews.listing import ReviewFilter, list_reviews
from reviewtool.services.settings import load_settings, save_settings
from reviewtool.services.store import Store
from reviewtool.services.tracking import dashboard, list_actions

TODAY = date(2026, 11, 21)


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store)
    return store


def test_convert_rapid_review_to_cspr(demo: Store) -> None:
    source = get_review(demo, "NSP-RR-2024-01").record
    created = convert_to_cspr(demo, source.id).record
    assert created.kind is ReviewKind.CSPR and created.reference == "NSP-CSPR-2024-01"
    assert created.converted_from == source.id
    assert created.children == source.children
    assert created.agencies == source.agencies
    assert created.factors == source.factors
    assert created.identifiers == source.identifiers
    with pytest.raises(InvalidInput, match="already been converted"):
        convert_to_cspr(demo, source.id)
    with pytest.raises(InvalidInput, match="not a rapid review"):
        convert_to_cspr(demo, created.id)


def test_add_edit_and_deactivate_codes(demo: Store) -> None:
    save_code(
        demo,
        CodeRecord(
            code="practice.local_pathway",
            label="Local pathway",
            group=CodeGroup.PRACTICE,
            parent=None,
        ),
    )
    save_code(
        demo,
        CodeRecord(
            code="practice.local_pathway",
            label="Local pathway (edited)",
            group=CodeGroup.PRACTICE,
            active=False,
        ),
    )
    entry = next(c for c in list_codes(demo) if c.code == "practice.local_pathway")
    assert entry.label == "Local pathway (edited)" and not entry.active and not entry.builtin
    assert all(c.code != "practice.local_pathway" for c in list_codes(demo, include_inactive=False))
    with pytest.raises(InvalidInput, match="same group"):
        save_code(
            demo,
            CodeRecord(code="child.x", label="X", group=CodeGroup.CHILD, parent="parent.poverty"),
        )
    with pytest.raises(InvalidInput, match="below itself"):
        save_code(
            demo,
            CodeRecord(
                code="child.harm", label="Harm", group=CodeGroup.CHILD, parent="child.harm.neglect"
            ),
        )


def test_merge_codes_retags_every_review(demo: Store) -> None:
    before = {c.code: c.reviews for c in list_codes(demo)}
    affected = reviews_affected_by_merge(demo, "parent.alcohol_misuse", "parent.drug_misuse")
    assert affected == before["parent.alcohol_misuse"] > 0
    changed = merge_codes(demo, "parent.alcohol_misuse", "parent.drug_misuse")
    assert changed == affected
    after = {c.code: c for c in list_codes(demo)}
    assert after["parent.alcohol_misuse"].reviews == 0
    assert not after["parent.alcohol_misuse"].active  # built-in: kept, retired
    child_j = get_review(demo, "NSP-RR-2021-03").record
    assert "parent.drug_misuse" in {f.code for f in child_j.factors}
    assert "parent.alcohol_misuse" not in {f.code for f in child_j.factors}
    with pytest.raises(InvalidInput, match="same group"):
        merge_codes(demo, "parent.poverty", "child.missing")


def test_settings_round_trip(store: Store) -> None:
    settings = load_settings(store)
    assert settings.briefing_headings[0] == "Background"
    settings.partnership = "Cyngor Partneriaeth Diogelu – Ynys Môn"
    settings.briefing_headings[1] = "Pam mae'n bwysig"
    save_settings(store, settings)
    assert load_settings(store).briefing_headings[1] == "Pam mae'n bwysig"
    assert load_settings(store).partnership.endswith("Ynys Môn")
    settings.briefing_headings = settings.briefing_headings[:6]
    with pytest.raises(InvalidInput, match="seven"):
        save_settings(store, settings)


def test_dashboard_and_action_tracker(demo: Store) -> None:
    board = dashboard(demo, TODAY)
    # 2021: Child J's rapid review became a CSPR: one case, counted as the CSPR.
    assert board.by_year_and_kind[2021] == {"cspr": 1}
    assert "counted once" in board.counting
    # Child S: notified 29 Oct 2026, due 19 Nov 2026, still open on 21 Nov 2026.
    late = {row.reference: row.state for row in board.rapid_reviews}
    assert late["NSP-RR-2026-04"].describe() == "1 working day late"  # Fri 20 Nov
    assert "NSP-RR-2024-05" in late  # open since 2024
    # CSPR of Children P and Q: decided 6 May 2025, not published, due 6 Nov 2025.
    assert "NSP-CSPR-2025-01" in {row.reference for row in board.unpublished_csprs}
    assert board.actions_by_rag[Rag.GREEN] > 0 and board.actions_by_rag[Rag.RED] > 0
    assert board.actions_by_rag[Rag.GREY] == 1
    assert all(a.rag is Rag.RED for a in board.overdue_actions)
    open_actions = list_actions(demo, TODAY, open_only=True)
    assert open_actions and all(
        a.status.value in ("not_started", "in_progress") for a in open_actions
    )
    owners = [a.owner or "" for a in list_actions(demo, TODAY)]
    assert owners == sorted(owners)


def test_filter_by_theme_group_prefix(demo: Store) -> None:
    rows = list_reviews(demo, ReviewFilter(theme="child.death"))
    assert {r.title for r in rows} >= {"Child J", "Jordan", "Baby T"}
