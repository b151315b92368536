"""Precision and recall of theme suggestions against the codes people gave the demo reviews.

    .venv/bin/python benchmarks/suggestion_quality.py

For each demo review the suggester reads the narrative with no codes tagged, and its
proposals are compared with the codes the review was actually tagged with.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from reviewtool.bundle.read import parse_bundle_bytes
from reviewtool.db.seed import builtin_codebook, builtin_codes
from reviewtool.domain.suggestions import Quality, measure
from reviewtool.paths import resource
from reviewtool.services.reviews.suggestions import suggestions_for


def demo_quality() -> tuple[Quality, dict[str, Quality]]:
    codes = set(builtin_codes()) | {"parent.cost_of_living"}
    bundle = parse_bundle_bytes(
        resource("demo.rtbundle.json").read_bytes(), codes, date(2026, 11, 21)
    )
    indicators = {e["code"]: e.get("indicators", []) for e in builtin_codebook()}
    pairs, groups = [], {}
    for review in bundle.reviews:
        untagged = review.model_copy(update={"factors": []})
        proposed = {s.code for s in suggestions_for(untagged, indicators)}
        actual = {f.code for f in review.factors}
        pairs.append((proposed, actual))
        for group in ("child", "parent", "practice", "good"):
            groups.setdefault(group, []).append(
                (
                    {c for c in proposed if c.startswith(group)},
                    {c for c in actual if c.startswith(group)},
                )
            )
    return measure(pairs), {group: measure(p) for group, p in groups.items()}


def main() -> int:
    overall, by_group = demo_quality()
    header = ("codes", "suggested", "correct", "tagged", "precision", "recall")
    print(
        f"{header[0]:<10} {header[1]:>9} {header[2]:>8} {header[3]:>7} {header[4]:>10} "
        f"{header[5]:>7}"
    )
    for name, quality in [*by_group.items(), ("all", overall)]:
        print(
            f"{name:<10} {quality.suggested:>9} {quality.correct:>8} {quality.tagged:>7} "
            f"{quality.precision:>10.2f} {quality.recall:>7.2f}"
        )
    if "--json" in sys.argv:
        print(json.dumps({"precision": overall.precision, "recall": overall.recall}))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    sys.exit(main())
