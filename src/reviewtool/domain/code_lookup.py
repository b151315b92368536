"""Finding a codebook theme from what a person typed: its code, its label, or close to one."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from reviewtool.domain.errors import InvalidInput, NotFound

SUGGESTIONS = 5


@dataclass(frozen=True)
class CodeName:
    code: str
    label: str
    group: str = ""


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


def resolve_code(typed: str, codes: Sequence[CodeName], option: str = "") -> str:
    """The code ``typed`` names: the code itself, its label, or the last part of the code
    (``neglect`` for ``child.harm.neglect``), ignoring case. Nothing or several: an error
    that lists the nearest themes."""
    where = f"{option}: " if option else ""
    wanted = _fold(typed)
    if not wanted:
        raise InvalidInput(f"{where}give a theme's code or label (see: reviewtool codes)")
    for matches in (
        [c for c in codes if c.code == typed],
        [c for c in codes if _fold(c.code) == wanted],
        [c for c in codes if _fold(c.label) == wanted],
        [c for c in codes if _fold(c.code.rsplit(".", 1)[-1]) == wanted],
    ):
        if len(matches) == 1:
            return matches[0].code
        if len(matches) > 1:
            listed = "; ".join(f"{c.code} ({c.label})" for c in matches[:SUGGESTIONS])
            raise InvalidInput(f"{where}{typed!r} could be any of: {listed}; give the code")
    suggestions = close_codes(typed, codes)
    hint = (
        "; did you mean: " + "; ".join(f"{c.code} ({c.label})" for c in suggestions)
        if suggestions
        else ""
    )
    raise NotFound(f"{where}no code {typed!r} in the codebook{hint} (see: reviewtool codes)")


def close_codes(typed: str, codes: Sequence[CodeName]) -> list[CodeName]:
    """The themes whose code, label or any word of them is closest to ``typed``."""
    wanted = _fold(typed)
    scored: dict[str, float] = {}
    for entry in codes:
        names = {_fold(entry.code), _fold(entry.label), *_fold(entry.label).split()}
        names |= set(_fold(entry.code.replace(".", " ")).split())
        best = max(difflib.SequenceMatcher(None, wanted, name).ratio() for name in names)
        if wanted in _fold(entry.label) or wanted in _fold(entry.code):
            best = max(best, 0.9)
        if best >= 0.6:
            scored[entry.code] = best
    by_code = {entry.code: entry for entry in codes}
    ranked = sorted(scored, key=lambda code: (-scored[code], code))
    return [by_code[code] for code in ranked[:SUGGESTIONS]]


def search_codes(text: str, codes: Sequence[CodeName]) -> list[CodeName]:
    """Themes whose code, label or group contains ``text`` (any case); all when empty."""
    wanted = _fold(text)
    return [
        c
        for c in codes
        if not wanted or any(wanted in _fold(part) for part in (c.code, c.label, c.group))
    ]
