"""What the partnership publishes: briefings, slides, the thematic summary, the check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewtool.commandline.common import (
    EXIT_BLOCKED,
    EXIT_OK,
    Subcommands,
    add_override_check,
    bad_input,
    iso_date,
    opened,
)


def register(commands: Subcommands) -> None:
    p = commands.add_parser("briefing", help="write a 7-minute briefing (PDF, HTML or DOCX)")
    p.add_argument(
        "target",
        metavar="REF_OR_ID",
        help="a review's reference or id, or a topic briefing's title or id",
    )
    p.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="FILE.pdf, FILE.html or FILE.docx"
    )
    p.add_argument("--action-plan", action="store_true", help="add the team action plan page (PDF)")
    p.add_argument(
        "--for-publication",
        action="store_true",
        help="write a tagged, accessible PDF (PDF/UA-1) for the website",
    )
    add_override_check(p)
    p.set_defaults(run=cmd_briefing)

    p = commands.add_parser("slides", help="write learning slides (PPTX or PDF)")
    p.add_argument("reviews", nargs="*", metavar="REF_OR_ID", help="reviews to teach from")
    p.add_argument("--theme", metavar="CODE", help="a codebook theme across a period instead")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.pptx or FILE.pdf")
    p.add_argument(
        "--for-publication",
        action="store_true",
        help="write a tagged, accessible PDF (PDF/UA-1) for the website",
    )
    add_override_check(p)
    p.set_defaults(run=cmd_slides)

    p = commands.add_parser(
        "summary", help="a review's public one-page summary, or its repository entry"
    )
    p.add_argument("target", metavar="REF_OR_ID")
    p.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="FILE.pdf, FILE.html or FILE.docx (the summary) or FILE.txt (the repository entry)",
    )
    p.add_argument(
        "--repository-entry",
        action="store_true",
        help="the entry for the national case review repository, as text (printed without --out)",
    )
    add_override_check(p)
    p.set_defaults(run=cmd_summary)

    p = commands.add_parser("check", help="run the publication check on a review's outputs")
    p.add_argument("target", metavar="REF_OR_ID")
    p.set_defaults(run=cmd_check)

    p = commands.add_parser("thematic", help="thematic review summary across a period")
    p.add_argument("--from", dest="date_from", type=iso_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=iso_date, required=True, metavar="DATE")
    p.add_argument(
        "--by",
        choices=["notified", "published"],
        default="notified",
        help="which date puts a review in the period (default: notified)",
    )
    p.add_argument("--kind", action="append", default=[], metavar="K", help="only these kinds")
    p.add_argument("--compare-from", type=iso_date, metavar="DATE")
    p.add_argument("--compare-to", type=iso_date, metavar="DATE")
    p.add_argument(
        "--threshold",
        type=float,
        default=0.25,
        metavar="SHARE",
        help="share of reviews a recurring theme needs (default 0.25)",
    )
    p.add_argument(
        "--count-both",
        action="store_true",
        help="count a rapid review and the CSPR it led to as two cases",
    )
    p.add_argument(
        "--for-publication",
        action="store_true",
        help="mark for publication (not OFFICIAL-SENSITIVE); the PDF is tagged (PDF/UA-1)",
    )
    p.add_argument("--out", type=Path, metavar="FILE.pdf")
    p.add_argument("--html", type=Path, metavar="FILE")
    p.add_argument("--xlsx", type=Path, metavar="FILE")
    p.add_argument("--docx", type=Path, metavar="FILE", help="the annual report chapter (Word)")
    p.add_argument(
        "--summary-docx",
        type=Path,
        metavar="FILE",
        help="the whole summary as an editable Word file",
    )
    add_override_check(p)
    p.set_defaults(run=cmd_thematic)


def cmd_briefing(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.briefings import export_briefing

    with opened(args) as store:
        path = export_briefing(
            store,
            args.target,
            args.out,
            action_plan=args.action_plan,
            override_reason=args.override_check,
            for_publication=args.for_publication,
        )
    print(f"Wrote {path}")
    return EXIT_OK


def cmd_slides(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.slides import export_slides

    with opened(args) as store:
        path = export_slides(
            store,
            args.out,
            args.reviews,
            args.theme,
            args.date_from,
            args.date_to,
            override_reason=args.override_check,
            for_publication=args.for_publication,
        )
    print(f"Wrote {path}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.review_check import check_review

    with opened(args) as store:
        hits = check_review(store, args.target)
    for hit in hits:
        print(f"{hit.where}\t{hit.rule}\t{hit.context}")
    if hits:
        print(
            f"{len(hits)} possible identifying detail{'s' if len(hits) != 1 else ''}: "
            "not safe to publish as it stands",
            file=sys.stderr,
        )
        return EXIT_BLOCKED
    print("No identifying details found.", file=sys.stderr)
    return EXIT_OK


def cmd_thematic(args: argparse.Namespace) -> int:
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.services.outputs.thematic import ThematicRequest
    from reviewtool.services.outputs.thematic_export import ThematicOutputs, export_thematic

    try:
        kinds = tuple(ReviewKind(kind) for kind in args.kind)
    except ValueError as error:
        raise bad_input(f"--kind: {error}") from None
    request = ThematicRequest(
        args.date_from,
        args.date_to,
        args.by,
        kinds,
        args.compare_from,
        args.compare_to,
        args.threshold,
        args.count_both,
        args.for_publication,
    )
    outputs = ThematicOutputs(args.out, args.html, args.xlsx, args.docx, args.summary_docx)
    with opened(args) as store:
        model = export_thematic(store, request, outputs, override_reason=args.override_check)
    print(f"{model.reviews} reviews analysed; wrote " + ", ".join(str(p) for p in outputs.paths()))
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.review_summary import (
        checked_repository_entry,
        export_review_summary,
    )

    if args.out is None and not args.repository_entry:
        raise bad_input("say where to write the summary (--out FILE.pdf|.html|.docx|.txt)")
    with opened(args) as store:
        if args.out is None:
            sys.stdout.write(checked_repository_entry(store, args.target, args.override_check))
            return EXIT_OK
        path = export_review_summary(
            store,
            args.target,
            args.out,
            repository=args.repository_entry,
            override_reason=args.override_check,
        )
    print(f"Wrote {path}")
    return EXIT_OK
