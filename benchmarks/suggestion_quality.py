"""Precision and recall of theme suggestions, per group of codes.

    .venv/bin/python benchmarks/suggestion_quality.py [--json]

Measures, from the plainest to the most in-sample:

- held out, sixth and seventh sets: 79 real published case review summaries
  (benchmarks/suggestion_devset.json, each with its source) from cases not used before, coded
  by hand by five coders from the codebook labels, definitions and coded examples, committed
  before any suggester run, and measured once, after the last change to the rules: never
  looked at while tuning. The honest figure for text the suggester has never seen.
- held out, fourth and fifth sets: 45 summaries coded the same way; measured once (their
  aggregate only), after which their errors were used to change the rules, so they are now
  in-sample for that last round.
- held out, first to third sets: earlier held-out summaries (13, 23 and 31), each measured
  before it was looked at, and since used while changing the rules; the third is also
  measured against a second, independent coding (how much the figure depends on who codes).
- development: the summaries used from the start while improving the suggester (in-sample).
- demo: the built-in demo reviews, written with the indicator phrases in view (in-sample).

For each review the suggester reads the text with no codes tagged, and its proposals are
compared with the codes given by hand.

Entries added later under a new split are reserved until the next change to the suggester has
been made, then measured once.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
GROUPS = ("child", "parent", "practice", "good")

Pairs = list[tuple[set[str], set[str]]]


def _indicators() -> dict[str, list[str]]:
    from reviewtool.db.seed import builtin_codebook

    return {e["code"]: list(e.get("indicators", [])) for e in builtin_codebook()}


def devset_pairs(*splits: str, coding: str = "codes") -> Pairs:
    """(proposed, tagged) per summary of these splits; ``coding`` names whose codes count
    ("codes_second_coder": the third held-out set coded again by someone else)."""
    from reviewtool.domain.suggestions import SuggestionContext, suggest

    entries = json.loads((HERE / "suggestion_devset.json").read_text(encoding="utf-8"))
    indicators = _indicators()
    pairs = []
    for entry in entries["entries"]:
        if entry["split"] not in splits:
            continue
        context = SuggestionContext(child_age_months=entry.get("child_age_months"))
        proposed = suggest([("summary", entry["text"])], indicators, set(), context)
        pairs.append(({s.code for s in proposed}, set(entry[coding])))
    return pairs


def demo_pairs() -> Pairs:
    from reviewtool.bundle.read import parse_bundle_bytes
    from reviewtool.db.seed import builtin_codes
    from reviewtool.paths import resource
    from reviewtool.services.reviews.suggestions import suggestions_for

    codes = set(builtin_codes()) | {"parent.cost_of_living"}
    bundle = parse_bundle_bytes(
        resource("demo.rtbundle.json").read_bytes(), codes, date(2026, 11, 21)
    )
    indicators = _indicators()
    pairs = []
    for review in bundle.reviews:
        untagged = review.model_copy(update={"factors": []})
        proposed = {s.code for s in suggestions_for(untagged, indicators)}
        pairs.append((proposed, {f.code for f in review.factors}))
    return pairs


def by_group(pairs: Pairs) -> dict[str, object]:
    from reviewtool.domain.suggestions import measure

    table: dict[str, object] = {}
    for group in GROUPS:
        table[group] = measure(
            ({c for c in p if c.startswith(group)}, {c for c in a if c.startswith(group)})
            for p, a in pairs
        )
    table["all"] = measure(pairs)
    return table


def _print(title: str, table: dict[str, object], reviews: int) -> None:
    print(f"\n{title} ({reviews} reviews)")
    header = ("codes", "suggested", "correct", "tagged", "precision", "recall")
    print(f"{header[0]:<10} {header[1]:>9} {header[2]:>8} {header[3]:>7} ", end="")
    print(f"{header[4]:>10} {header[5]:>7}")
    for name, quality in table.items():
        q: object = quality
        print(
            f"{name:<10} {q.suggested:>9} {q.correct:>8} {q.tagged:>7} "  # type: ignore[attr-defined]
            f"{q.precision:>10.2f} {q.recall:>7.2f}"  # type: ignore[attr-defined]
        )


def main(argv: Iterable[str]) -> int:
    results = {
        "held out, sixth and seventh sets (real summaries, never used for tuning)": devset_pairs(
            "held_out_6", "held_out_7"
        ),
        "held out, fourth and fifth sets (measured once, then used)": devset_pairs(
            "held_out_4", "held_out_5"
        ),
        "held out, first to third sets (measured before use, then used)": devset_pairs(
            "held_out", "held_out_2", "held_out_3"
        ),
        "held out, third set, as a second coder coded it": devset_pairs(
            "held_out_3", coding="codes_second_coder"
        ),
        "development (real summaries, in-sample)": devset_pairs("dev"),
        "demo reviews (in-sample)": demo_pairs(),
    }
    summary = {}
    for title, pairs in results.items():
        table = by_group(pairs)
        _print(title, table, len(pairs))
        overall = table["all"]
        summary[title] = {"precision": overall.precision, "recall": overall.recall}  # type: ignore[attr-defined]
    if "--json" in argv:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))
    sys.exit(main(sys.argv[1:]))
