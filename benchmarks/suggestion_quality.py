"""Precision and recall of theme suggestions, per group of codes.

    .venv/bin/python benchmarks/suggestion_quality.py [--json]

Seven measures:

- held out: real published case review summaries (benchmarks/suggestion_devset.json, each
  with its source) coded by hand before the suggester saw them, and set aside: never used
  while the suggester was changed. The honest figure.
- held out, second set: 23 later summaries from other sources, coded by hand and committed
  before the suggester was first run on them; likewise never used for tuning.
- held out, third set: 31 further summaries from partnerships and sources not used before,
  coded by hand and committed before the suggester was first run on them; never used for
  tuning.
- the third set against a second coding: the same texts coded again, independently, by
  someone who saw neither the first coding nor any suggestion (how much the figure depends
  on who codes).
- all held out: the three held-out sets together.
- development: the rest of those summaries, used while improving the suggester (in-sample).
- demo: the built-in demo reviews, written with the indicator phrases in view (in-sample).

For each review the suggester reads the text with no codes tagged, and its proposals are
compared with the codes given by hand.

Entries marked held_out_4, held_out_5 and held_out_6 are reserved and not reported until the next
change to the suggester has been made.
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
        "held out (real summaries, not used for tuning)": devset_pairs("held_out"),
        "held out, second set (real summaries, not used for tuning)": devset_pairs("held_out_2"),
        "held out, third set (real summaries, not used for tuning)": devset_pairs("held_out_3"),
        "held out, third set, as a second coder coded it": devset_pairs(
            "held_out_3", coding="codes_second_coder"
        ),
        "all held out (three sets)": devset_pairs("held_out", "held_out_2", "held_out_3"),
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
