"""Problems found in a bundle, each named by the path of the bad field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewtool.bundle.limits import MAX_PROBLEM_CHARS
from reviewtool.domain.errors import InvalidInput


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        message = self.message
        if len(message) > MAX_PROBLEM_CHARS:  # whatever built it, a message stays short
            message = message[: MAX_PROBLEM_CHARS - 1] + "…"
        return f"{self.path[:MAX_PROBLEM_CHARS]}: {message}" if self.path else message


class BundleError(InvalidInput):
    """A bundle that cannot be imported; nothing has been written."""

    MAX_SHOWN = 20

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(self.describe())

    def describe(self) -> str:
        head = f"{self.source}: " if self.source else ""
        lines = [str(p) for p in self.problems[: self.MAX_SHOWN]]
        more = len(self.problems) - self.MAX_SHOWN
        if more > 0:
            lines.append(f"... and {more} more problem{'s' if more != 1 else ''}")
        if len(lines) == 1:
            return head + lines[0]
        return head + "the bundle has problems:\n  " + "\n  ".join(lines)


def format_path(loc: Sequence[str | int]) -> str:
    """``('reviews', 3, 'children', 0, 'age_months')`` -> ``reviews[3].children[0].age_months``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
