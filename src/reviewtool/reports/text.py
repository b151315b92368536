"""Making any user text safe for every output: markup escaped, control characters removed."""

from __future__ import annotations

import re
from html import escape

# C0/C1 controls other than tab and newline have no place in a document and can break
# PDF, XML (DOCX, PPTX) and HTML writers alike.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Plain text, normalised line ends, without control characters."""
    if not text:
        return ""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def paragraphs(text: str | None) -> list[str]:
    """Blank-line separated paragraphs; single newlines stay as line breaks."""
    cleaned = clean(text).strip()
    if not cleaned:
        return []
    return [block.strip("\n") for block in re.split(r"\n\s*\n", cleaned) if block.strip()]


def html_text(text: str | None) -> str:
    """Escaped for HTML, with line breaks kept."""
    return escape(clean(text)).replace("\n", "<br>")


def property_text(text: str | None, limit: int = 255) -> str:
    """For document properties (title, author), which Office formats cap at 255 characters."""
    single = " ".join(clean(text).split())
    return single if len(single) <= limit else single[: limit - 1] + "…"


URL = re.compile(
    r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
)


def link_target(piece: str) -> str:
    """The address a link piece goes to: a web address as it is, an e-mail address by mail."""
    return piece if piece.lower().startswith(("http://", "https://")) else f"mailto:{piece}"


def split_links(text: str) -> list[tuple[str, bool]]:
    """Text as (piece, is_link) pieces, in order; links are web and e-mail addresses."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in URL.finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], False))
        pieces.append((match.group(0), True))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces
