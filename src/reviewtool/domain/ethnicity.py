"""Ethnicity against the 2021 census categories that DfE and Panel figures use.

What a review recorded is kept exactly as written ("as recorded"); the standard category is
derived from it: first from the partnership's own mappings (made on the review screen for
values the rules below do not recognise), then from the categories' labels and common
spellings, ignoring case, punctuation and spacing ("white british", "White - British" and
"WBRI" are all "English, Welsh, Scottish, Northern Irish or British").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from reviewtool.paths import resource

NOT_RECORDED = "Not recorded"
NOT_MAPPED = "Recorded, not yet mapped"


@dataclass(frozen=True)
class EthnicCategory:
    code: str
    label: str
    group: str
    group_label: str


@dataclass(frozen=True)
class EthnicityList:
    source: str
    categories: tuple[EthnicCategory, ...]
    groups: tuple[tuple[str, str], ...]
    """(group code, label) in the census order."""
    spellings: Mapping[str, str]
    """Normalised label or common spelling -> category code."""

    def category(self, code: str) -> EthnicCategory | None:
        return next((c for c in self.categories if c.code == code), None)


def normalise(text: str) -> str:
    """The key two spellings of one value share: case, punctuation and spacing ignored."""
    folded = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


@cache
def census_2021() -> EthnicityList:
    with resource("ethnicity_2021.json").open(encoding="utf-8") as stream:
        data = json.load(stream)
    group_labels = {g["code"]: g["label"] for g in data["groups"]}
    categories = tuple(
        EthnicCategory(c["code"], c["label"], c["group"], group_labels[c["group"]])
        for c in data["categories"]
    )
    spellings: dict[str, str] = {}
    for entry in data["categories"]:
        for name in [entry["label"], *entry.get("synonyms", [])]:
            spellings.setdefault(normalise(name), entry["code"])
    return EthnicityList(data["source"], categories, tuple(group_labels.items()), spellings)


def standard_category(recorded: str | None, custom: Mapping[str, str] | None = None) -> str | None:
    """The category code for a recorded value, or None when it is blank or not recognised.

    ``custom`` maps normalised recorded values to category codes (the partnership's own)."""
    if not recorded or not recorded.strip():
        return None
    key = normalise(recorded)
    if custom and key in custom:
        return custom[key]
    return census_2021().spellings.get(key)
