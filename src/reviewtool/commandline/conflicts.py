"""Conflicting copies kept by imports: listing them and settling them."""

from __future__ import annotations

import argparse

from reviewtool.commandline.common import EXIT_OK, Subcommands, opened


def register(commands: Subcommands) -> None:
    p = commands.add_parser(
        "conflicts", help="list the copies from other computers that wait to be resolved"
    )
    p.set_defaults(run=cmd_conflicts)

    p = commands.add_parser(
        "resolve", help="settle a conflict: keep this computer's copy or take the other one"
    )
    p.add_argument("conflict", type=int, metavar="CONFLICT", help="a number from `conflicts`")
    p.add_argument("--keep", choices=["mine", "theirs"], required=True)
    p.set_defaults(run=cmd_resolve)


def cmd_conflicts(args: argparse.Namespace) -> int:
    from reviewtool.services.exchange.conflicts import list_conflicts

    with opened(args) as store:
        conflicts = list_conflicts(store)
    if not conflicts:
        print("No conflicts.")
        return EXIT_OK
    for c in conflicts:
        origin = f" from {c.source}" if c.source else ""
        print(
            f"{c.id}\t{c.kind}\t{c.name}\t{c.other}{origin}, "
            f"received {c.received_at:%d/%m/%Y %H:%M} UTC"
        )
    print(
        "Resolve a review field by field in the application, or with "
        "`reviewtool resolve CONFLICT --keep mine|theirs`."
    )
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    from reviewtool.services.exchange.conflicts import resolve_conflict

    with opened(args) as store:
        print(resolve_conflict(store, args.conflict, args.keep))
    return EXIT_OK
