"""A plain structured document (headings, paragraphs, lists, tables) for report writers.

Reports whose content is mostly words in a fixed order (the rapid review report to the
National Panel) are built as this model by a service, so the Word and PDF writers stay
small and the publication check can read every word that will be written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold_lead: str | None = None
    """Words shown in bold before the text (e.g. "Decision:")."""


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    headings: list[str]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)
    """Relative column widths (empty: equal)."""


@dataclass(frozen=True)
class Subheading:
    text: str


Block = Paragraph | Bullets | Table | Subheading


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: Sequence[Block]


@dataclass(frozen=True)
class DocumentModel:
    title: str
    subtitle: str
    partnership: str
    marking: str
    sections: list[Section]
    brand_colour: str = "#1f5f8b"
    logo: Path | None = None

    def texts(self) -> Iterator[tuple[str, str]]:
        """(where, text) for every piece of text, for the publication check."""
        yield "title", self.title
        yield "subtitle", self.subtitle
        for section in self.sections:
            where = section.heading
            yield where, section.heading
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    yield where, (block.bold_lead or "") + " " + block.text
                elif isinstance(block, Bullets):
                    yield from ((where, item) for item in block.items)
                elif isinstance(block, Table):
                    yield from ((where, cell) for row in block.rows for cell in row)
                else:
                    yield where, block.text
