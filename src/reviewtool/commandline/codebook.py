"""The codebook from the command line: which themes there are, by code and label."""

from __future__ import annotations

import argparse
import sys

from reviewtool.commandline.common import EXIT_OK, Subcommands, opened


def register(commands: Subcommands) -> None:
    p = commands.add_parser("codes", help="list the codebook's themes (code, label, group)")
    p.add_argument(
        "--search", metavar="TEXT", default="", help="only themes whose code or label has TEXT"
    )
    p.set_defaults(run=cmd_codes)


def cmd_codes(args: argparse.Namespace) -> int:
    from reviewtool.domain.code_lookup import close_codes, search_codes
    from reviewtool.services.codebook import code_names

    with opened(args) as store:
        names = code_names(store)
    found = search_codes(args.search, names)
    for entry in found:
        print(f"{entry.code}\t{entry.label}\t{entry.group}")
    print(f"{len(found)} theme{'s' if len(found) != 1 else ''}", file=sys.stderr)
    if not found and args.search:
        near = close_codes(args.search, names)
        if near:
            print(
                "Did you mean: " + "; ".join(f"{c.code} ({c.label})" for c in near),
                file=sys.stderr,
            )
    return EXIT_OK
