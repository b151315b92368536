"""Keeping the data safe: the audit trail, backups, restores and encryption."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reviewtool.commandline.common import (
    EXIT_OK,
    Subcommands,
    bad_input,
    new_passphrase,
    open_database,
    opened,
)


def register(commands: Subcommands) -> None:
    p = commands.add_parser("audit", help="export the audit trail as CSV")
    p.add_argument("--review", metavar="REF_OR_ID", help="only this review's history")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    p.set_defaults(run=cmd_audit)

    p = commands.add_parser("encrypt", help="encrypt the local database file and its backups")
    p.set_defaults(run=cmd_encrypt)

    p = commands.add_parser("change-passphrase", help="change the encrypted database's passphrase")
    p.set_defaults(run=cmd_change_passphrase)

    p = commands.add_parser("backup", help="back up the database")
    p.add_argument("--to", type=Path, metavar="DIR", help="folder for the backup file")
    p.set_defaults(run=cmd_backup)

    p = commands.add_parser(
        "restore", help="replace the database with a backup (also a damaged database)"
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--from-other-database",
        action="store_true",
        help="restore even though FILE is a backup of another database",
    )
    p.set_defaults(run=cmd_restore)


def cmd_audit(args: argparse.Namespace) -> int:
    from reviewtool.services.audit import export_audit_trail

    if not args.out.resolve().parent.is_dir():
        raise bad_input(f"--out: {args.out.parent}: no such folder")
    with opened(args) as store:
        count = export_audit_trail(store, args.out, args.review)
    print(f"Wrote {count} audit events to {args.out}")
    return EXIT_OK


def cmd_encrypt(args: argparse.Namespace) -> int:
    from reviewtool.services.safety.encryption import check_new_passphrase, encrypt_database

    passphrase = new_passphrase()
    check_new_passphrase(passphrase)
    store = open_database(args)
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

    store = open_database(args)
    try:
        passphrase = new_passphrase()
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

    with opened(args) as store:
        path = make_backup(store, args.to)
    print(f"Backed up to {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from reviewtool.domain.errors import DamagedDatabase
    from reviewtool.services.safety.backups import restore_backup, restore_damaged_database

    try:
        store = open_database(args)
    except DamagedDatabase as problem:
        print(f"reviewtool: {problem}", file=sys.stderr)
        result = restore_damaged_database(
            args.db,
            args.file,
            passphrase=os.environ.get("REVIEWTOOL_PASSPHRASE") or None,
            from_other_database=args.from_other_database,
        )
        print(
            f"Restored from {result.restored_from}. "
            f"The damaged file was moved aside, not deleted: {result.safety_backup}"
        )
        return EXIT_OK
    try:
        result = restore_backup(store, args.file, args.from_other_database)
    finally:
        store.close()
    print(
        f"Restored from {result.restored_from}. "
        f"The previous state was kept in {result.safety_backup}"
    )
    return EXIT_OK
