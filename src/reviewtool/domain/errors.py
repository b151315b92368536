"""Errors a person can act on. Anything else is a bug and is reported as one."""

from __future__ import annotations


class ReviewtoolError(Exception):
    """A failure with a message written for the user (command-line exit status 1)."""


class InvalidInput(ReviewtoolError):
    """The user gave something the program cannot use (command-line exit status 2)."""


class NotFound(InvalidInput):
    pass


class EditConflict(ReviewtoolError):
    """Someone else saved the same record since it was opened; nothing was overwritten."""


class DatabaseProblem(ReviewtoolError):
    """The database cannot be opened or used as it is (locked, corrupt, too new, unreachable)."""


class DamagedDatabase(DatabaseProblem):
    """The database file is damaged or empty: ``restore`` can replace it from a backup."""


class OtherDatabaseBackup(InvalidInput):
    """A restore was given another database's backup without the user confirming it."""
