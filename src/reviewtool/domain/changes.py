"""What a user action changed: the one result every view brings itself up to date from.

Long work (an import, a restore, a conversion) runs off the GUI thread and hands back a
``Changes``; the main window passes it to each view, so no view reaches into another's state
to tell it what happened.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    saved: frozenset[str] = frozenset()
    """Reviews created or changed (their ids)."""
    deleted: frozenset[str] = frozenset()
    """Reviews that no longer exist."""
    codebook: bool = False
    settings: bool = False
    everything: bool = False
    """The whole database was replaced (a restore, another database)."""

    @property
    def reviews(self) -> bool:
        """Whether the review list, its counts and its themes may be out of date."""
        return bool(self.saved or self.deleted or self.everything)

    def removes(self, review_id: str | None) -> bool:
        """Whether the review with this id is gone (so a view showing it must let it go)."""
        return review_id is not None and (self.everything or review_id in self.deleted)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.saved | other.saved,
            self.deleted | other.deleted,
            self.codebook or other.codebook,
            self.settings or other.settings,
            self.everything or other.everything,
        )


NOTHING = Changes()
EVERYTHING = Changes(everything=True)
