"""Rules over a review's factor codes."""

from __future__ import annotations

from collections.abc import Iterable

DOMESTIC_ABUSE = "parent.domestic_abuse"
MENTAL_HEALTH = "parent.mental_health"
SUBSTANCE_MISUSE = frozenset({"parent.alcohol_misuse", "parent.drug_misuse"})


def has_trio_of_vulnerabilities(codes: Iterable[str]) -> bool:
    """Domestic abuse + parental mental health + (alcohol or drug misuse) on one review.

    Formerly called the "toxic trio"; derived, never tagged.
    """
    present = set(codes)
    return (
        DOMESTIC_ABUSE in present
        and MENTAL_HEALTH in present
        and not SUBSTANCE_MISUSE.isdisjoint(present)
    )


def group_of(code: str) -> str:
    """The group of a code is the part before the first dot (``parent.nrpf`` -> ``parent``)."""
    return code.split(".", 1)[0]
