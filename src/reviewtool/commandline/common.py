"""What every command shares: opening the database, passphrases, dates, bad input."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from reviewtool.services.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_BLOCKED = 3

Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _ask_passphrase(prompt: str, twice: bool = False) -> str | None:
    """A passphrase typed at the terminal (never echoed); None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Type it again: ") != first:
        raise bad_input("the two passphrases are not the same")
    return first


def open_database(args: argparse.Namespace) -> Store:
    from reviewtool.db.cipher import PassphraseNeeded
    from reviewtool.services.store import open_store

    try:
        store = open_store(args.db)
    except PassphraseNeeded:
        passphrase = _ask_passphrase("Passphrase for the encrypted database: ")
        if passphrase is None:
            raise
        store = open_store(args.db, passphrase=passphrase)
    _say_if_created(store)
    return store


def _say_if_created(store: Store) -> None:
    """A new database is never made silently: a mistyped path shows at once."""
    from reviewtool.db.migrate import Outcome

    if store.migration is not None and store.migration.outcome is Outcome.CREATED:
        print(f"reviewtool: created a new database: {store.describe()}", file=sys.stderr)


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    """The database for one command, closed however the command ends."""
    store = open_database(args)
    try:
        yield store
    finally:
        store.close()


IDENTIFIERS_PASSPHRASE_VARIABLE = "REVIEWTOOL_IDENTIFIERS_PASSPHRASE"


def identifiers_passphrase(asked: bool, new: bool) -> str | None:
    """The passphrase that seals identifiers in a bundle: from the environment, else typed
    (twice for a new one) when ``asked``; None when not asked and not set."""
    passphrase = os.environ.get(IDENTIFIERS_PASSPHRASE_VARIABLE)
    if passphrase or not asked:
        return passphrase or None
    passphrase = _ask_passphrase("Passphrase for the bundle's identifiers: ", twice=new)
    if not passphrase:
        raise bad_input(
            f"give the identifiers passphrase in {IDENTIFIERS_PASSPHRASE_VARIABLE} "
            "(or run this in a terminal to be asked for it)"
        )
    return passphrase


def new_passphrase() -> str:
    passphrase = os.environ.get("REVIEWTOOL_NEW_PASSPHRASE") or _ask_passphrase(
        "New passphrase: ", twice=True
    )
    if not passphrase:
        raise bad_input(
            "give the new passphrase in REVIEWTOOL_NEW_PASSPHRASE "
            "(or run this in a terminal to be asked for it)"
        )
    return passphrase


def bad_input(message: str) -> Exception:
    from reviewtool.domain.errors import InvalidInput

    return InvalidInput(message)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def add_override_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--override-check",
        metavar="REASON",
        help="write it even if the publication check finds something (recorded)",
    )
