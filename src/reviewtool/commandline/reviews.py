"""Reading the reviews from the command line."""

from __future__ import annotations

import argparse
import sys

from reviewtool.commandline.common import (
    EXIT_OK,
    Subcommands,
    bad_input,
    opened,
)


def register(commands: Subcommands) -> None:
    p = commands.add_parser("list", help="list reviews")
    p.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="K",
        help="rapid_review, cspr, national_review, scr or learning_review (repeatable)",
    )
    p.add_argument("--search", metavar="TEXT", default="", help="full-text search")
    p.set_defaults(run=cmd_list)

    p = commands.add_parser(
        "suggest", help="suggest codebook themes for reviews, with the sentence behind each"
    )
    p.add_argument("reviews", nargs="+", metavar="REF_OR_ID", help="reviews to read")
    p.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of objects with review, code, sentence and where",
    )
    p.set_defaults(run=cmd_suggest)


def cmd_list(args: argparse.Namespace) -> int:
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.services.reviews.listing import ReviewFilter, best_matches_only, list_reviews

    try:
        kinds = tuple(ReviewKind(kind) for kind in args.kind)
    except ValueError as error:
        choices = ", ".join(k.value for k in ReviewKind)
        raise bad_input(f"--kind: {error}; choose from {choices}") from None
    with opened(args) as store:
        rows = list_reviews(store, ReviewFilter(kinds=kinds, text=args.search))
    for row in rows:
        notified = row.notified.isoformat() if row.notified else "-"
        line = f"{row.reference}\t{row.title}\t{row.kind.value}\t{row.status}\t{notified}"
        if row.snippet_parts:
            line += "\t" + "".join(t for t, _ in row.snippet_parts).replace("\n", " ")
        print(line)
    if best_matches_only(args.search, len(rows)):
        print(
            f"the {len(rows)} best matches; more may match: add a word to narrow the search",
            file=sys.stderr,
        )
    else:
        print(f"{len(rows)} review{'s' if len(rows) != 1 else ''}", file=sys.stderr)
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace) -> int:
    import json

    from reviewtool.services.reviews.suggestions import suggestions_by_reference

    with opened(args) as store:
        found = suggestions_by_reference(store, args.reviews)
    if args.json:
        rows = [
            {"review": reference, "code": s.code, "sentence": s.sentence, "where": s.where}
            for reference, suggestions in found
            for s in suggestions
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    for reference, suggestions in found:
        print(reference)
        if not suggestions:
            print("  (no suggestions: the text points to no code it is not tagged with)")
        for s in suggestions:
            print(f"  {s.code}\t{s.where}\t{s.sentence}")
    return EXIT_OK
