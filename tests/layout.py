"""A layout check for every PDF the program writes, from the word boxes pdfplumber reads.

- no two words overlap (text printed on top of text);
- nothing runs off the page;
- no word crosses a table's vertical rule (text out of its cell, a clipped header);
- every label the caller expects is there whole (a cut chart label fails).

Rotated text (the DRAFT watermark) is left out: it crosses the page on purpose.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

TOLERANCE = 0.8
"""Points of slack: glyph boxes touch and rules are drawn half a line width either side."""


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    width = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(width, 0.0) * max(height, 0.0)


def layout_problems(path: Path, expected: Iterable[str] = ()) -> list[str]:
    import pdfplumber

    problems: list[str] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            # Rotated text (the DRAFT watermark) crosses the page on purpose.
            level = page.filter(
                lambda obj: obj.get("object_type") != "char" or abs(obj["matrix"][1]) < 0.01
            )
            words = [
                w
                for w in level.extract_words(
                    keep_blank_chars=False, use_text_flow=False, extra_attrs=["upright", "size"]
                )
                if w["upright"] and w["text"].strip()
            ]
            problems += _off_page(number, page, words)
            problems += _overlapping(number, words)
            problems += _across_rules(number, page, words)
    # Labels are looked for in drawing order (pdftotext -raw), where a wrapped label reads on
    # from line to line, not interleaved with a neighbouring column's text.
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(raw.split())
    for label in expected:
        if " ".join(label.split()) not in flat:
            problems.append(f"label missing or cut: {label!r}")
    return problems


def _off_page(number: int, page: object, words: list[dict[str, float]]) -> list[str]:
    width, height = page.width, page.height  # type: ignore[attr-defined]
    return [
        f"page {number}: {w['text']!r} runs off the page"
        for w in words
        if w["x0"] < -TOLERANCE
        or w["top"] < -TOLERANCE
        or w["x1"] > width + TOLERANCE
        or w["bottom"] > height + TOLERANCE
    ]


def _overlapping(number: int, words: list[dict[str, float]]) -> list[str]:
    problems = []
    ordered = sorted(words, key=lambda w: w["top"])
    for index, word in enumerate(ordered):
        for other in ordered[index + 1 :]:
            if other["top"] > word["bottom"]:
                break
            shared = _overlap(word, other)
            smaller = min(
                (word["x1"] - word["x0"]) * (word["bottom"] - word["top"]),
                (other["x1"] - other["x0"]) * (other["bottom"] - other["top"]),
            )
            # Lines of one paragraph touch; real overprinting covers a good part of a word.
            if smaller > 0 and shared / smaller > 0.3:
                problems.append(f"page {number}: {word['text']!r} overlaps {other['text']!r}")
    return problems


def _across_rules(number: int, page: object, words: list[dict[str, float]]) -> list[str]:
    problems = []
    rules = [
        e
        for e in page.edges  # type: ignore[attr-defined]
        if e["orientation"] == "v" and e["bottom"] - e["top"] > 4
    ]
    for word in words:
        for rule in rules:
            if (
                word["x0"] + TOLERANCE < rule["x0"] < word["x1"] - TOLERANCE
                and word["top"] + TOLERANCE < rule["bottom"]
                and word["bottom"] - TOLERANCE > rule["top"]
            ):
                problems.append(f"page {number}: {word['text']!r} crosses a table rule")
                break
    return problems
