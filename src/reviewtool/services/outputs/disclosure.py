"""Statistical disclosure control for a thematic summary marked for publication.

In a small partnership a count of 1 ("Roma 1") can identify a child. Following the
practice of DfE and ONS statistical releases, counts from 1 to the threshold less one are
shown as "fewer than N" (primary suppression); where a list adds up to a total that is
shown, a single hidden count could be worked out by subtraction, so the next smallest count
is hidden too (secondary suppression). Zeros are shown: they reveal no one. Bars are drawn
only for counts that are shown. Case-level content (review references, exact dates, the
cases x themes matrix, the action tracker, overdue actions) is left out.

This is a pure transformation of the report model: every writer (PDF, HTML, XLSX, DOCX)
gets the suppressed copy and renders counts through ``number``/``show``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from reviewtool.reports.thematic_model import (
    AppendixRow,
    BoardReport,
    Count,
    FactorRow,
    NationalRow,
    PairRow,
    ThematicModel,
)

DEFAULT_THRESHOLD = 5
SECONDARY = "not shown"
"""A count hidden only so that a total does not give away a small one."""
_FACTOR_COUNTS = ("reviews", "present", "learning", "good_practice", "previous")


def is_small(count: int | None, threshold: int) -> bool:
    return count is not None and 0 < count < threshold


@dataclass
class _Tally:
    """What was hidden, for the method section."""

    primary: dict[str, int] = field(default_factory=dict)
    secondary: int = 0
    national_left_out: int = 0

    def add(self, where: str, count: int = 1) -> None:
        if count:
            self.primary[where] = self.primary.get(where, 0) + count


def _counts(counts: Sequence[Count], threshold: int, where: str, tally: _Tally) -> list[Count]:
    """Primary suppression, then secondary: a list adds up to its total, so one hidden
    count alone could be worked out; the smallest other count is hidden with it."""
    small = {i for i, c in enumerate(counts) if is_small(c.count, threshold)}
    tally.add(where, len(small))
    secondary: set[int] = set()
    if len(small) == 1:
        others = [i for i, c in enumerate(counts) if i not in small and c.count > 0]
        if others:
            secondary.add(min(others, key=lambda i: counts[i].count))
            tally.secondary += 1
    # A count hidden only to protect another is not small: it says so, not "fewer than".
    return [
        replace(c, shown=f"fewer than {threshold}")
        if i in small
        else replace(c, shown=SECONDARY)
        if i in secondary
        else c
        for i, c in enumerate(counts)
    ]


def _count(count: Count, threshold: int, where: str, tally: _Tally) -> Count:
    if not is_small(count.count, threshold):
        return count
    tally.add(where)
    return replace(count, shown=f"fewer than {threshold}")


def _factor_rows(
    rows: Sequence[FactorRow], threshold: int, where: str, tally: _Tally
) -> list[FactorRow]:
    result = []
    for row in rows:
        hidden = {name for name in _FACTOR_COUNTS if is_small(getattr(row, name), threshold)}
        tally.add(where, len(hidden - {"previous"}))
        result.append(
            replace(row, suppressed=frozenset(hidden), suppressed_as=f"fewer than {threshold}")
            if hidden
            else row
        )
    return result


def _pairs(pairs: Sequence[PairRow], threshold: int, tally: _Tally) -> list[PairRow]:
    text = f"fewer than {threshold}"
    tally.add("Themes found together", sum(is_small(p.reviews, threshold) for p in pairs))
    return [replace(p, shown=text) if is_small(p.reviews, threshold) else p for p in pairs]


def _national(rows: Sequence[NationalRow], threshold: int, tally: _Tally) -> list[NationalRow]:
    """A comparison on fewer cases than the threshold would show a small number as its
    total ("1 of 3 deaths"): it is left out."""
    kept = []
    for row in rows:
        if is_small(row.local.total, threshold):
            tally.national_left_out += 1
            continue
        kept.append(replace(row, local=_count(row.local, threshold, "national comparison", tally)))
    return kept


def _appendix(rows: Sequence[AppendixRow]) -> list[AppendixRow]:
    """Each review by kind and year only: no reference, title, exact date or action counts,
    in an order that does not follow the dates."""

    def year(row: AppendixRow) -> int:
        day = row.notified or row.decision or row.published
        return day.year if day is not None else 0

    ordered = sorted(rows, key=lambda r: (year(r), r.kind, sorted(r.themes)))
    result = []
    for number, row in enumerate(ordered, start=1):
        when = f"{year(row)}" if year(row) else "year not recorded"
        result.append(
            AppendixRow(
                reference=f"Review {number}",
                title=when,
                # The year goes with the kind: every listing shows the kind.
                kind=f"{row.kind}, {when}",
                notified=None,
                decision=None,
                published=None,
                themes=list(row.themes),
                kind_short=f"{row.kind_short or row.kind}, {when}",
            )
        )
    return result


# "A quarter of the reviews (3 of 12)": the words give the number away as well.
_PROPORTION = re.compile(
    r"\b[A-Z][\w\s-]*? of the (?P<noun>\w+) \((?P<count>\d+) of (?P<total>\d+)\)"
)
# A bare count: not part of a larger number, a percentage, a date or "under 1".
_NUMBER = re.compile(
    r"(?<![\w.,/:-])(?<!under )(?P<count>\d+)(?![\w%/:]|[.,]\d)"
    r"(?!\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b)"  # the day of a date is not a count
)
# A share beside a hidden count gives it away ("fewer than 5 of the reviews ... (27%)").
_SHARE = re.compile(r"\s*\(\d+%\)")
_SENTENCE = re.compile(r"(?<=[.;])\s+")


def suppress_text(text: str, threshold: int) -> str:
    """A finding with every small count written as "fewer than N"."""

    def proportion(match: re.Match[str]) -> str:
        if not is_small(int(match["count"]), threshold):
            return match.group()
        return f"Fewer than {threshold} of the {match['noun']} ({match['total']} in all)"

    def number(match: re.Match[str]) -> str:
        count = int(match["count"])
        return f"fewer than {threshold}" if is_small(count, threshold) else match.group()

    hidden = f"ewer than {threshold}"
    sentences = _SENTENCE.split(_NUMBER.sub(number, _PROPORTION.sub(proportion, text)))
    return " ".join(
        _SHARE.sub("", sentence) if hidden in sentence else sentence for sentence in sentences
    )


def _method_note(threshold: int, tally: _Tally) -> list[str]:
    lines = [
        f"Small numbers are suppressed, following the statistical disclosure control of DfE "
        f'and ONS publications: counts from 1 to {threshold - 1} are shown as "fewer than '
        f'{threshold}", with no share; where a total would reveal a hidden count, the next '
        f'smallest count is hidden too and marked "{SECONDARY}" (secondary suppression). Zeros '
        "are shown. Charts draw only the counts that are shown.",
        "For publication, reviews are listed by kind and year only (no references, titles or "
        "exact dates), and case-level content (the cases x themes matrix, the action tracker "
        "and the list of overdue actions) is left out.",
    ]
    if tally.primary or tally.secondary or tally.national_left_out:
        parts = [f"{where} ({n})" for where, n in tally.primary.items()]
        text = "Suppressed in this summary: " + ("; ".join(parts) or "no count")
        if tally.secondary:
            text += f"; {tally.secondary} more count{'s' if tally.secondary != 1 else ''} "
            text += "hidden so that a total does not reveal them"
        if tally.national_left_out:
            text += (
                f"; {tally.national_left_out} national comparison"
                f"{'s' if tally.national_left_out != 1 else ''} left out (fewer than "
                f"{threshold} local cases)"
            )
        lines.append(text + ".")
    else:
        lines.append("No count in this summary needed to be suppressed.")
    return lines


def suppress_small_numbers(
    model: ThematicModel, threshold: int = DEFAULT_THRESHOLD
) -> ThematicModel:
    """A copy of ``model`` fit for publication (see the module's description)."""
    if threshold < 2:
        raise ValueError("the small-number threshold is at least 2")
    tally = _Tally()
    characteristics = {
        title: _counts(counts, threshold, title, tally)
        for title, counts in model.characteristics.items()
    }
    groups = {
        group: _factor_rows(rows, threshold, group, tally)
        for group, rows in model.factor_groups.items()
    }
    return replace(
        model,
        findings=[suppress_text(finding, threshold) for finding in model.findings],
        cohort=_counts(model.cohort, threshold, "Kind of review", tally),
        characteristics=characteristics,
        factor_groups=groups,
        recurring=_factor_rows(model.recurring, threshold, "Recurring themes", tally),
        repeat=_factor_rows(model.repeat, threshold, "Repeat themes", tally),
        pairs=_pairs(model.pairs, threshold, tally),
        trio=_count(model.trio, threshold, "Trio of vulnerabilities", tally),
        national=_national(model.national, threshold, tally),
        actions_by_rag=_counts(model.actions_by_rag, threshold, "RAG status of actions", tally),
        overdue=[],
        appendix=_appendix(model.appendix),
        matrix=[],
        actions=[],
        method=[*model.method, *_method_note(threshold, tally)],
        suppressed_below=threshold,
        board=_board(model.board, threshold),
    )


def _board(board: BoardReport, threshold: int) -> BoardReport:
    """The board report's words and year-by-year counts with small numbers hidden."""

    def words(texts: Sequence[str]) -> list[str]:
        return [suppress_text(text, threshold) for text in texts]

    return replace(
        board,
        summary=words(board.summary),
        trend=replace(board.trend, suppress_below=threshold) if board.trend else None,
        narratives=[
            replace(
                n,
                text=suppress_text(n.text, threshold),
                # A reference names the case: a publication quotes the notes without it.
                evidence=[replace(e, reference="from a review") for e in n.evidence],
            )
            for n in board.narratives
        ],
        limitations=words(board.limitations),
        questions=words(board.questions),
        recommendations=words(board.recommendations),
    )
