"""Revisions for exchange between laptops, in the manner of CouchDB's revision ids.

A revision id is ``N-hash``: ``N`` counts the saves that led to it (its generation) and
``hash`` is taken from the parent revision and the saved content, so the same save gives the
same id on every laptop. Each copy carries its own revision and a bounded list of its
ancestors; comparing two copies' lineages tells whether one descends from the other or both
changed since they last agreed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

HISTORY_LIMIT = 200
"""Ancestors kept per copy: far more saves than two laptops ever make between exchanges."""

REVISION_PATTERN = r"^[1-9][0-9]{0,8}-[0-9a-f]{8,64}$"
_REVISION = re.compile(REVISION_PATTERN)


def is_revision(text: str) -> bool:
    return bool(_REVISION.match(text))


def generation(revision: str) -> int:
    return int(revision.split("-", 1)[0])


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def next_revision(parent: str | None, content: str) -> str:
    """The revision of a save of ``content`` made on top of ``parent``."""
    number = generation(parent) + 1 if parent else 1
    return f"{number}-{_digest(parent or '', content)}"


def merge_revision(parents: Iterable[str], content: str) -> str:
    """The revision of a save that joins several copies (a resolved conflict)."""
    ordered = sorted(set(parents), key=_order_key, reverse=True)
    number = generation(ordered[0]) + 1
    return f"{number}-{_digest(*ordered, content)}"


def legacy_revision(entity_id: str, updated_at: datetime) -> str:
    """The revision of a copy saved before revisions existed (or read from a version-1
    bundle): the same id and saved time give the same revision on every laptop."""
    stamp = updated_at.replace(tzinfo=None, microsecond=0).isoformat()
    return f"1-{_digest(entity_id, stamp)}"


def _order_key(revision: str) -> tuple[int, str]:
    return generation(revision), revision


def bounded_history(*groups: Iterable[str]) -> tuple[str, ...]:
    """Ancestors from several lists, newest generation first, each once, at most
    :data:`HISTORY_LIMIT` of them."""
    merged = {revision for group in groups for revision in group}
    return tuple(sorted(merged, key=_order_key, reverse=True)[:HISTORY_LIMIT])


@dataclass(frozen=True)
class Lineage:
    """A copy's revision and the revisions it descends from (newest first)."""

    revision: str
    ancestors: tuple[str, ...] = ()

    def knows(self, revision: str) -> bool:
        return revision == self.revision or revision in self.ancestors

    def after_save(self, content: str) -> Lineage:
        """The lineage of a new save of this copy."""
        return Lineage(
            next_revision(self.revision, content), bounded_history([self.revision], self.ancestors)
        )

    def joined(self, other: Lineage, content: str) -> Lineage:
        """The lineage of a save that joins this copy and ``other`` (resolving a conflict)."""
        return Lineage(
            merge_revision([self.revision, other.revision], content),
            bounded_history([self.revision, other.revision], self.ancestors, other.ancestors),
        )

    def absorbing(self, other: Lineage) -> Lineage:
        """Identical content reached on two laptops: one revision both will agree on (the
        higher), with both histories, so neither sees a conflict later."""
        top = max(self.revision, other.revision, key=_order_key)
        rest = [self.revision, other.revision]
        return Lineage(
            top, bounded_history([r for r in rest if r != top], self.ancestors, other.ancestors)
        )


class Relation(Enum):
    SAME = "same"
    INCOMING_IS_NEWER = "incoming descends from the local copy"
    LOCAL_IS_NEWER = "the local copy descends from the incoming one"
    DIVERGED = "both changed since they last agreed"


def relate(local: Lineage, incoming: Lineage) -> Relation:
    if local.revision == incoming.revision:
        return Relation.SAME
    if local.revision in incoming.ancestors:
        return Relation.INCOMING_IS_NEWER
    if incoming.revision in local.ancestors:
        return Relation.LOCAL_IS_NEWER
    return Relation.DIVERGED
