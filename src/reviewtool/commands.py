"""The command-line commands: each parses nothing and prints what it did.

The argument parser and the error handling are in `reviewtool.cli`; heavy modules are
imported inside each command so that start-up stays quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewtool.services.store import Store

EXIT_OK = 0
EXIT_BLOCKED = 3


def _ask_passphrase(prompt: str, twice: bool = False) -> str | None:
    """A passphrase typed at the terminal (never echoed); None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Type it again: ") != first:
        raise _bad_input("the two passphrases are not the same")
    return first


def _open(args: argparse.Namespace) -> Store:
    from reviewtool.db.cipher import PassphraseNeeded
    from reviewtool.services.store import open_store

    try:
        return open_store(args.db)
    except PassphraseNeeded:
        passphrase = _ask_passphrase("Passphrase for the encrypted database: ")
        if passphrase is None:
            raise
        return open_store(args.db, passphrase=passphrase)


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[Store]:
    """The database for one command, closed however the command ends."""
    store = _open(args)
    try:
        yield store
    finally:
        store.close()


def _new_passphrase() -> str:
    passphrase = os.environ.get("REVIEWTOOL_NEW_PASSPHRASE") or _ask_passphrase(
        "New passphrase: ", twice=True
    )
    if not passphrase:
        raise _bad_input(
            "give the new passphrase in REVIEWTOOL_NEW_PASSPHRASE "
            "(or run this in a terminal to be asked for it)"
        )
    return passphrase


def cmd_import(args: argparse.Namespace) -> int:
    from reviewtool.services.exchange.bundle_import import import_bundle_files

    with _opened(args) as store:
        # One transaction: a bad file changes nothing; a good one is backed up before.
        report = import_bundle_files(store, args.files, backup_first=True)
    print(report.describe())
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from reviewtool.services.exchange.bundle_export import export_bundle

    target: Path = args.file
    if target.is_dir():
        raise _bad_input(f"{target} is a folder; give a file name such as reviews.rtbundle.json")
    if not target.resolve().parent.is_dir():
        raise _bad_input(f"{target.parent}: no such folder")
    with _opened(args) as store:
        result = export_bundle(store, target, args.review, args.include_identifiers)
    note = " with identifiers" if args.include_identifiers else ""
    print(
        f"Exported {result.reviews} reviews and {result.briefings} topic briefings{note} "
        f"to {target}"
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from reviewtool.services.exchange.demo import load_demo

    with _opened(args) as store:
        report = load_demo(store)
    print("Demo reviews: " + report.describe())
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.services.reviews.listing import ReviewFilter, list_reviews

    try:
        kinds = tuple(ReviewKind(kind) for kind in args.kind)
    except ValueError as error:
        choices = ", ".join(k.value for k in ReviewKind)
        raise _bad_input(f"--kind: {error}; choose from {choices}") from None
    with _opened(args) as store:
        rows = list_reviews(store, ReviewFilter(kinds=kinds, text=args.search))
    for row in rows:
        notified = row.notified.isoformat() if row.notified else "-"
        line = f"{row.reference}\t{row.title}\t{row.kind.value}\t{row.status}\t{notified}"
        if row.snippet_parts:
            line += "\t" + "".join(t for t, _ in row.snippet_parts).replace("\n", " ")
        print(line)
    print(f"{len(rows)} review{'s' if len(rows) != 1 else ''}", file=sys.stderr)
    return EXIT_OK


def cmd_briefing(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.briefings import export_briefing

    with _opened(args) as store:
        path = export_briefing(
            store,
            args.target,
            args.out,
            action_plan=args.action_plan,
            override_reason=args.override_check,
        )
    print(f"Wrote {path}")
    return EXIT_OK


def cmd_slides(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.slides import export_slides

    with _opened(args) as store:
        path = export_slides(
            store,
            args.out,
            args.reviews,
            args.theme,
            args.date_from,
            args.date_to,
            override_reason=args.override_check,
        )
    print(f"Wrote {path}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from reviewtool.services.outputs.review_check import check_review

    with _opened(args) as store:
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
        raise _bad_input(f"--kind: {error}") from None
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
    outputs = ThematicOutputs(args.out, args.html, args.xlsx, args.docx)
    with _opened(args) as store:
        model = export_thematic(store, request, outputs, override_reason=args.override_check)
    print(f"{model.reviews} reviews analysed; wrote " + ", ".join(str(p) for p in outputs.paths()))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from reviewtool.services.audit import export_audit_trail

    if not args.out.resolve().parent.is_dir():
        raise _bad_input(f"--out: {args.out.parent}: no such folder")
    with _opened(args) as store:
        count = export_audit_trail(store, args.out, args.review)
    print(f"Wrote {count} audit events to {args.out}")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace) -> int:
    from reviewtool.services.safety.encryption import check_new_passphrase, encrypt_database

    passphrase = _new_passphrase()
    check_new_passphrase(passphrase)
    store = _open(args)
    where = store.describe()
    backups = encrypt_database(store, passphrase)
    print(
        f"Encrypted {where.removeprefix('Local database ')} and {backups} backup"
        f"{'s' if backups != 1 else ''}. Keep the passphrase safe: without it the data "
        "cannot be recovered."
    )
    return EXIT_OK


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    from reviewtool.services.safety.encryption import change_passphrase, check_new_passphrase

    store = _open(args)
    try:
        passphrase = _new_passphrase()
        check_new_passphrase(passphrase)
    except BaseException:
        store.close()
        raise
    backups = change_passphrase(store, passphrase)
    print(
        f"Passphrase changed, for the database and {backups} backup{'s' if backups != 1 else ''}."
    )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from reviewtool.services.safety.backups import make_backup

    with _opened(args) as store:
        path = make_backup(store, args.to)
    print(f"Backed up to {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from reviewtool.services.safety.backups import restore_backup

    with _opened(args) as store:
        result = restore_backup(store, args.file)
    print(
        f"Restored from {result.restored_from}. "
        f"The previous state was kept in {result.safety_backup}"
    )
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from reviewtool.app import run_app

    return run_app(args.db)


def _bad_input(message: str) -> Exception:
    from reviewtool.domain.errors import InvalidInput

    return InvalidInput(message)
