"""Report models that stress a layout: long text, almost nothing, and many scripts."""

from __future__ import annotations

from datetime import date

from reviewtool.reports.briefing_model import BriefingExtra, BriefingModel, BriefingSectionModel
from reviewtool.reports.slides_model import Deck, Slide
from reviewtool.reports.thematic_model import (
    AppendixRow,
    BoardReport,
    Count,
    Evidence,
    FactorRow,
    NationalRow,
    OverdueAction,
    PairRow,
    ThematicModel,
    ThemeNarrative,
    Trend,
)

KINDS = ("long", "short", "scripts")
# Chinese, Japanese (kanji, hiragana, katakana) and Korean names and places, with CJK
# punctuation and fullwidth forms.
CJK = "王小明, 山田太郎, さくら・カタヤマ, 김민준, 東京「品川区」（１２３）, 서울。"
SCRIPTS = f"Zofia Wiśniewska-Łęcka, Gethin ap Llŷr, عائشہ خان, Ελένη, Лев, Lily 🌻, {CJK}"
NAMES = [name.strip() for name in SCRIPTS.split(",")]
LONG_LABEL = "Sudden unexpected death in infancy (SUDI) where the parent had drunk alcohol"
HEADINGS = [
    "Background",
    "Why it matters",
    "What happened",
    "Key learning",
    "Good practice",
    "Reflective questions",
    "What to do",
]


def _text(kind: str, words: int) -> str:
    if kind == "short":
        return "Short." if words else ""
    if kind == "scripts":
        return f"Names in many scripts: {SCRIPTS}. " * max(1, words // 20)
    return " ".join(
        f"Practitioners{n} shared information about the family late in the day."
        for n in range(words // 10)
    )


def briefing(kind: str) -> BriefingModel:
    words = {"long": 450, "short": 0, "scripts": 60}[kind]
    bodies = [_text(kind, words) for _ in HEADINGS]
    bodies[5] = "What would you do?\nWho would you tell?" if kind != "short" else ""
    further = (
        []
        if kind == "short"
        else [
            BriefingExtra("research", "What the research tells us", [_text(kind, 40)]),
            BriefingExtra(
                "report",
                "Read the full report",
                ["The full report: https://example.org/reviews/child-j-learning-review"],
            ),
            BriefingExtra("contact", "Contact and feedback", ["business.unit@example.org"]),
        ]
    )
    return BriefingModel(
        partnership="Northshire Safeguarding Children Partnership "
        + ("Ł" * 80 if kind == "long" else "山田太郎 김민준" if kind == "scripts" else ""),
        brand_colour="#1f5f8b",
        logo=None,
        title=("Child J - " + _text(kind, 30)) if kind != "short" else "J",
        subtitle=_text(kind, 20) or "-",
        sections=[
            BriefingSectionModel(i + 1, h if kind != "long" else h + " " + LONG_LABEL, b, i == 5)
            for i, (h, b) in enumerate(zip(HEADINGS, bodies, strict=True))
        ],
        status="draft" if kind == "scripts" else "published",
        version=2,
        dated=date(2026, 11, 20),
        further=further,
    )


def _label(kind: str, n: int) -> str:
    if kind == "long":
        return f"{LONG_LABEL} {n}"
    if kind == "scripts":
        return f"{NAMES[n % len(NAMES)]} theme {n}"
    return f"T{n}"


def thematic(kind: str) -> ThematicModel:
    size = {"long": 40, "short": 1, "scripts": 12}[kind]
    total = 300 if kind == "long" else size
    rows = [
        FactorRow(
            f"c{n}", _label(kind, n), "parent", max(1, total - n * 7), total, 1, 0, n % 2, 3, 10
        )
        for n in range(size)
    ]
    appendix = [
        AppendixRow(
            f"NSP-RR-2026-{n:03d}",
            _label(kind, n),
            "Local child safeguarding practice review",
            date(2020 + n % 6, 1 + n % 12, 1),
            None,
            None,
            [_label(kind, k) for k in range(min(size, 6))],
            3,
            1,
            1,
        )
        for n in range(total)
    ]
    return ThematicModel(
        partnership="Northshire Safeguarding Children Partnership",
        brand_colour="#ffcc00" if kind == "scripts" else "#1f5f8b",
        title="Thematic review of child safeguarding practice reviews"
        + (" - 王小明 김민준" if kind == "scripts" else ""),
        period="01 January 2020 to 31 December 2026",
        basis="notification date",
        generated=date(2026, 11, 21),
        marking="OFFICIAL-SENSITIVE",
        method=[_text(kind, 30) or "m"] * 6,
        findings=[_text(kind, 40) or "f"] * (8 if kind == "long" else 1),
        reviews=total,
        children=total + 3,
        cohort=[Count(_label(kind, n), 1, total) for n in range(min(size, 5))],
        characteristics={
            "Ethnicity (children)": [Count(_label(kind, n), n, total) for n in range(size)]
        },
        factor_groups={
            "Parent / carer factors": rows,
            "Good practice": rows[:3],
            "Child factors": [],
        },
        recurring=rows[:8],
        repeat=rows[:2],
        comparison_period="01 January 2014 to 31 December 2019",
        pairs=[PairRow(_label(kind, n), _label(kind, n + 1), 2) for n in range(min(size, 10))],
        trio=Count("Trio", 2, total),
        national=[
            NationalRow(
                _label(kind, n),
                Count("serious harm reviews", 2, 9),
                "42.6% (over half)",
                _text(kind, 10) or "s",
                "2020",
            )
            for n in range(min(size, 6))
        ],
        recommendations=12,
        actions_by_rag=[
            Count("Red - not completed to timescale", 1, 4),
            Count("Green - complete", 3, 4),
        ],
        overdue=[
            OverdueAction(f"R{n}", _label(kind, n), date(2025, 1, 1), _text(kind, 20) or "a")
            for n in range(min(size, 30))
        ],
        appendix=appendix,
        board=BoardReport(
            summary=[_text(kind, 30) or "s"] * 3,
            trend=Trend(
                list(range(2012, 2027)) if kind == "long" else [2026],
                [n % 5 for n in range(15)] if kind == "long" else [total],
                [
                    (_label(kind, n), [1] * (15 if kind == "long" else 1))
                    for n in range(min(size, 5))
                ],
            ),
            narratives=[
                ThemeNarrative(
                    r.code,
                    r.label,
                    _text(kind, 40) or "n",
                    [Evidence("R1", _text(kind, 30) or "e")] * 3,
                )
                for r in rows[:6]
            ],
            limitations=[_text(kind, 20) or "l"] * 4,
            questions=[_text(kind, 20) or "q"] * 3,
            recommendations=[_text(kind, 20) or "r"] * 3,
        ),
    )


def deck(kind: str) -> Deck:
    bullets = [_text(kind, 25) or "b"] * (12 if kind == "long" else 2)
    return Deck(
        title=_text(kind, 25) or "D",
        subtitle="Learning slides for practitioners",
        partnership="Northshire Safeguarding Children Partnership",
        brand_colour="#1f5f8b",
        slides=[
            Slide(title=_text(kind, 25) or "S", bullets=bullets, notes="n"),
            Slide(
                title="Reviews by year",
                bullets=bullets[:3],
                chart_title="Reviews by year",
                chart_categories=[str(y) for y in range(2012, 2027)]
                if kind == "long"
                else ["2026"],
                chart_values=[n % 4 for n in range(15)] if kind == "long" else [1],
            ),
            Slide(title="Own words", quotes=[_text(kind, 30) or "q"] * 3),
            Slide(
                title="What the review found",
                columns=[
                    ("The child", bullets[:4]),
                    (_text(kind, 6) or "Parents and carers", bullets[:8]),
                    ("Professional practice", bullets[:1]),
                ],
            ),
        ],
    )
