"""The live action tracker from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewtool.commandline.common import EXIT_OK, Subcommands, add_override_check, opened


def register(commands: Subcommands) -> None:
    p = commands.add_parser(
        "actions", help="write the live action tracker (XLSX, PDF or HTML), by review and owner"
    )
    p.add_argument("--agency", metavar="A", help="only actions whose owner contains A")
    p.add_argument(
        "--status",
        metavar="S",
        help="not_started, in_progress, complete, dropped, or a RAG colour: red, amber, "
        "green, grey",
    )
    p.add_argument("--overdue", action="store_true", help="only actions past due (Red)")
    p.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="FILE.xlsx, FILE.pdf or FILE.html"
    )
    add_override_check(p)
    p.set_defaults(run=cmd_actions)


def cmd_actions(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.action_tracker import TrackerFilters, export_action_tracker

    filters = TrackerFilters(
        agency=args.agency,
        status=args.status.strip().lower() if args.status else None,
        overdue=args.overdue,
    )
    with opened(args) as store:
        model = export_action_tracker(store, filters, args.out, override_reason=args.override_check)
    print(
        f"{model.action_count} action{'s' if model.action_count != 1 else ''} of "
        f"{len(model.reviews)} review{'s' if len(model.reviews) != 1 else ''}; wrote {args.out}"
    )
    return EXIT_OK
