"""A review's history: removing identifying text typed by mistake."""

from __future__ import annotations

import argparse

from reviewtool.commandline.common import EXIT_OK, Subcommands, opened


def register(commands: Subcommands) -> None:
    p = commands.add_parser(
        "remove-from-history",
        help="remove identifying text from a review's history (recorded with who, when, why)",
    )
    p.add_argument("review", metavar="REF_OR_ID")
    p.add_argument("--reason", required=True, help="why (recorded in the audit trail)")
    p.add_argument(
        "--text",
        default=None,
        help="also remove this text (besides the review's protected identifiers)",
    )
    p.set_defaults(run=cmd_remove_from_history)


def cmd_remove_from_history(args: argparse.Namespace) -> int:
    from reviewtool.services.reviews.history import remove_from_history

    with opened(args) as store:
        changed = remove_from_history(store, args.review, args.reason, args.text)
    print(
        f"Identifying text removed from {changed} entr{'ies' if changed != 1 else 'y'} of "
        f"the history of {args.review}; the change is recorded (who, when and why)."
    )
    return EXIT_OK
