"""The next reference for a new review, following the partnership's own numbering."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from reviewtool.domain.enums import ReviewKind

KIND_CODES = {
    ReviewKind.RAPID_REVIEW: "RR",
    ReviewKind.CSPR: "CSPR",
    ReviewKind.NATIONAL_REVIEW: "NAT",
    ReviewKind.SCR: "SCR",
    ReviewKind.LEARNING_REVIEW: "LR",
}
_NUMBERED = re.compile(r"^(?P<stem>.*?)(?P<year>(?:19|20|21)\d\d)-(?P<number>\d+)$")
_PARTNERSHIP = re.compile(r"^(?P<prefix>[A-Za-z]+)-")


def suggest_reference(
    same_kind: Iterable[str], every_reference: Iterable[str], kind: ReviewKind, year: int
) -> str:
    """``<stem><year>-<nn>``: the stem the partnership uses for this kind of review (or its
    prefix and the kind's usual code), numbered one after the highest of that year."""
    numbered = [m for ref in same_kind if (m := _NUMBERED.match(ref.strip()))]
    if numbered:
        stem = Counter(m["stem"] for m in numbered).most_common(1)[0][0]
    else:
        prefixes = Counter(
            m["prefix"].upper()
            for ref in every_reference
            if (m := _PARTNERSHIP.match(ref.strip())) and m["prefix"].upper() != "NAT"
        )
        code = KIND_CODES[kind]
        stem = f"{prefixes.most_common(1)[0][0]}-{code}-" if prefixes else f"{code}-"
    taken = [int(m["number"]) for m in numbered if m["stem"] == stem and int(m["year"]) == year]
    return f"{stem}{year}-{max(taken, default=0) + 1:02d}"
