"""Moving reviews in and out: bundles and the demo data."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewtool.commandline.common import (
    EXIT_OK,
    IDENTIFIERS_PASSPHRASE_VARIABLE,
    Subcommands,
    bad_input,
    identifiers_passphrase,
    opened,
)


def register(commands: Subcommands) -> None:
    p = commands.add_parser("import", help="import review bundles (*.rtbundle.json)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument(
        "--identifiers-passphrase",
        action="store_true",
        help="open the identifiers sealed in the bundle (passphrase from "
        f"{IDENTIFIERS_PASSPHRASE_VARIABLE} or asked for)",
    )
    p.set_defaults(run=cmd_import)

    p = commands.add_parser("export", help="export reviews to a bundle")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--review",
        action="append",
        default=[],
        metavar="REF_OR_ID",
        help="export only this review (repeatable); default: everything",
    )
    p.add_argument(
        "--include-identifiers",
        action="store_true",
        help="also write the protected identifiers (real names, addresses)",
    )
    p.add_argument(
        "--identifiers-passphrase",
        action="store_true",
        help="also write the protected identifiers, sealed with a passphrase the receiving "
        f"laptop knows (from {IDENTIFIERS_PASSPHRASE_VARIABLE} or asked for twice)",
    )
    p.set_defaults(run=cmd_export)

    p = commands.add_parser("demo", help="load the built-in demo reviews")
    p.set_defaults(run=cmd_demo)


def cmd_import(args: argparse.Namespace) -> int:
    from reviewtool.services.exchange.bundle_import import import_bundle_files

    passphrase = identifiers_passphrase(args.identifiers_passphrase, new=False)
    with opened(args) as store:
        # One transaction: a bad file changes nothing; a good one is backed up before.
        report = import_bundle_files(
            store, args.files, backup_first=True, identifiers_passphrase=passphrase
        )
    print(report.describe())
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from reviewtool.services.exchange.bundle_export import export_bundle

    target: Path = args.file
    if target.is_dir():
        raise bad_input(f"{target} is a folder; give a file name such as reviews.rtbundle.json")
    if not target.resolve().parent.is_dir():
        raise bad_input(f"{target.parent}: no such folder")
    passphrase = None
    if args.identifiers_passphrase:
        from reviewtool.services.safety.encryption import check_new_passphrase

        passphrase = identifiers_passphrase(True, new=True)
        assert passphrase is not None
        check_new_passphrase(passphrase)
    with opened(args) as store:
        result = export_bundle(
            store,
            target,
            args.review,
            args.include_identifiers,
            identifiers_passphrase=passphrase,
        )
    note = " with identifiers" if args.include_identifiers else ""
    if passphrase:
        note = " with identifiers sealed by the passphrase"
    print(
        f"Exported {result.reviews} reviews and {result.briefings} topic briefings{note} "
        f"to {target}"
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from reviewtool.services.exchange.demo import load_demo

    with opened(args) as store:
        report = load_demo(store)
    print("Demo reviews: " + report.describe())
    return EXIT_OK
