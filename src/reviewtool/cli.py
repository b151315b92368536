"""The ``reviewtool`` command: the desktop application and its command-line tools.

Exit status: 0 success, 2 bad input (the message says what and where), 3 an export blocked
by the publication check, 1 any other failure.
Heavy modules are imported inside each command so that ``--version`` and ``--help`` are quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reviewtool import __version__

if TYPE_CHECKING:
    from reviewtool.services.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_BLOCKED = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewtool",
        description="Learning from child safeguarding case reviews. "
        "With no command, starts the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"reviewtool {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database: a SQLite file path or a SQLAlchemy URL such as "
        "postgresql://user@host/reviews (default: REVIEWTOOL_DB, else the local file)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", help="import review bundles (*.rtbundle.json)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")

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

    commands.add_parser("demo", help="load the built-in demo reviews")

    p = commands.add_parser("list", help="list reviews")
    p.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="K",
        help="rapid_review, cspr, national_review, scr or learning_review (repeatable)",
    )
    p.add_argument("--search", metavar="TEXT", default="", help="full-text search")

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
        "--override-check",
        metavar="REASON",
        help="write it even if the publication check finds something (recorded)",
    )

    p = commands.add_parser("slides", help="write learning slides (PPTX or PDF)")
    p.add_argument("reviews", nargs="*", metavar="REF_OR_ID", help="reviews to teach from")
    p.add_argument("--theme", metavar="CODE", help="a codebook theme across a period instead")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="DATE")
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.pptx or FILE.pdf")
    p.add_argument(
        "--override-check",
        metavar="REASON",
        help="write it even if the publication check finds something (recorded)",
    )

    p = commands.add_parser("check", help="run the publication check on a review's outputs")
    p.add_argument("target", metavar="REF_OR_ID")

    p = commands.add_parser("thematic", help="thematic review summary across a period")
    p.add_argument("--from", dest="date_from", type=_iso_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_iso_date, required=True, metavar="DATE")
    p.add_argument(
        "--by",
        choices=["notified", "published"],
        default="notified",
        help="which date puts a review in the period (default: notified)",
    )
    p.add_argument("--kind", action="append", default=[], metavar="K", help="only these kinds")
    p.add_argument("--compare-from", type=_iso_date, metavar="DATE")
    p.add_argument("--compare-to", type=_iso_date, metavar="DATE")
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
        help="mark for publication instead of OFFICIAL-SENSITIVE",
    )
    p.add_argument("--out", type=Path, metavar="FILE.pdf")
    p.add_argument("--html", type=Path, metavar="FILE")
    p.add_argument("--xlsx", type=Path, metavar="FILE")
    p.add_argument("--docx", type=Path, metavar="FILE")
    p.add_argument(
        "--override-check",
        metavar="REASON",
        help="write it even if the publication check finds something (recorded)",
    )

    p = commands.add_parser("audit", help="export the audit trail as CSV")
    p.add_argument("--review", metavar="REF_OR_ID", help="only this review's history")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv")

    commands.add_parser("encrypt", help="encrypt the local database file and its backups")
    commands.add_parser("change-passphrase", help="change the encrypted database's passphrase")

    p = commands.add_parser("backup", help="back up the database")
    p.add_argument("--to", type=Path, metavar="DIR", help="folder for the backup file")

    p = commands.add_parser("restore", help="replace the database with a backup")
    p.add_argument("file", type=Path, metavar="FILE")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


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


def _cmd_import(args: argparse.Namespace) -> int:
    from reviewtool.services.backups import make_backup
    from reviewtool.services.bundles import import_bundles, read_bundles

    store = _open(args)
    try:
        bundles = read_bundles(store, args.files)  # every file is checked before any write
        if store.database.is_sqlite:
            make_backup(store, reason="before-import")
        report = import_bundles(store, bundles)
    finally:
        store.close()
    print(report.describe())
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from reviewtool.services.bundles import export_bundle

    target: Path = args.file
    if target.is_dir():
        raise _bad_input(f"{target} is a folder; give a file name such as reviews.rtbundle.json")
    if not target.resolve().parent.is_dir():
        raise _bad_input(f"{target.parent}: no such folder")
    store = _open(args)
    try:
        result = export_bundle(store, target, args.review, args.include_identifiers)
    finally:
        store.close()
    note = " with identifiers" if args.include_identifiers else ""
    print(
        f"Exported {result.reviews} reviews and {result.briefings} topic briefings{note} "
        f"to {target}"
    )
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from reviewtool.services.demo import load_demo

    store = _open(args)
    try:
        report = load_demo(store)
    finally:
        store.close()
    print("Demo reviews: " + report.describe())
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.services.reviews import ReviewFilter, list_reviews

    try:
        kinds = tuple(ReviewKind(kind) for kind in args.kind)
    except ValueError as error:
        choices = ", ".join(k.value for k in ReviewKind)
        raise _bad_input(f"--kind: {error}; choose from {choices}") from None
    store = _open(args)
    try:
        rows = list_reviews(store, ReviewFilter(kinds=kinds, text=args.search))
    finally:
        store.close()
    for row in rows:
        notified = row.notified.isoformat() if row.notified else "-"
        line = f"{row.reference}\t{row.title}\t{row.kind.value}\t{row.status}\t{notified}"
        if row.snippet_parts:
            line += "\t" + "".join(t for t, _ in row.snippet_parts).replace("\n", " ")
        print(line)
    print(f"{len(rows)} review{'s' if len(rows) != 1 else ''}", file=sys.stderr)
    return EXIT_OK


def _cmd_briefing(args: argparse.Namespace) -> int:
    from reviewtool.services.briefings import export_briefing

    store = _open(args)
    try:
        path = export_briefing(
            store,
            args.target,
            args.out,
            action_plan=args.action_plan,
            override_reason=args.override_check,
        )
    finally:
        store.close()
    print(f"Wrote {path}")
    return EXIT_OK


def _cmd_slides(args: argparse.Namespace) -> int:
    from reviewtool.services.slides import export_slides

    store = _open(args)
    try:
        path = export_slides(
            store,
            args.out,
            args.reviews,
            args.theme,
            args.date_from,
            args.date_to,
            override_reason=args.override_check,
        )
    finally:
        store.close()
    print(f"Wrote {path}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from reviewtool.services.publication import check_review

    store = _open(args)
    try:
        hits = check_review(store, args.target)
    finally:
        store.close()
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


def _cmd_thematic(args: argparse.Namespace) -> int:
    from reviewtool.domain.enums import ReviewKind
    from reviewtool.services.thematic import ThematicRequest
    from reviewtool.services.thematic_export import ThematicOutputs, export_thematic

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
    store = _open(args)
    try:
        model = export_thematic(store, request, outputs, override_reason=args.override_check)
    finally:
        store.close()
    print(f"{model.reviews} reviews analysed; wrote " + ", ".join(str(p) for p in outputs.paths()))
    return EXIT_OK


def _cmd_audit(args: argparse.Namespace) -> int:
    from reviewtool.services.audit import export_audit_trail

    if not args.out.resolve().parent.is_dir():
        raise _bad_input(f"--out: {args.out.parent}: no such folder")
    store = _open(args)
    try:
        count = export_audit_trail(store, args.out, args.review)
    finally:
        store.close()
    print(f"Wrote {count} audit events to {args.out}")
    return EXIT_OK


def _cmd_encrypt(args: argparse.Namespace) -> int:
    from reviewtool.services.encryption import check_new_passphrase, encrypt_database

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


def _cmd_change_passphrase(args: argparse.Namespace) -> int:
    from reviewtool.services.encryption import change_passphrase, check_new_passphrase

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


def _cmd_backup(args: argparse.Namespace) -> int:
    from reviewtool.services.backups import make_backup

    store = _open(args)
    try:
        path = make_backup(store, args.to)
    finally:
        store.close()
    print(f"Backed up to {path}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from reviewtool.services.backups import restore_backup

    store = _open(args)
    try:
        result = restore_backup(store, args.file)
    finally:
        store.close()
    print(
        f"Restored from {result.restored_from}. "
        f"The previous state was kept in {result.safety_backup}"
    )
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from reviewtool.app import run_app

    return run_app(args.db)


def _bad_input(message: str) -> Exception:
    from reviewtool.domain.errors import InvalidInput

    return InvalidInput(message)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _cmd_gui,
    "import": _cmd_import,
    "export": _cmd_export,
    "demo": _cmd_demo,
    "list": _cmd_list,
    "briefing": _cmd_briefing,
    "slides": _cmd_slides,
    "check": _cmd_check,
    "thematic": _cmd_thematic,
    "audit": _cmd_audit,
    "encrypt": _cmd_encrypt,
    "change-passphrase": _cmd_change_passphrase,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from reviewtool.domain.errors import InvalidInput, ReviewtoolError
    from reviewtool.services.publication import PublicationBlocked

    try:
        return COMMANDS[args.command](args)
    except PublicationBlocked as error:
        print(f"reviewtool: {error}", file=sys.stderr)
        return EXIT_BLOCKED
    except InvalidInput as error:
        print(f"reviewtool: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ReviewtoolError as error:
        print(f"reviewtool: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(
            "reviewtool: interrupted; nothing was changed by the unfinished step", file=sys.stderr
        )
        return EXIT_FAILURE
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"reviewtool: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # a bug: say so plainly, traceback only when asked for
        if os.environ.get("REVIEWTOOL_DEBUG"):
            raise
        print(
            f"reviewtool: unexpected error ({type(error).__name__}: {error}). "
            "Set REVIEWTOOL_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
