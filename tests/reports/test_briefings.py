"""7-minute briefings: content, order, Unicode and fonts in PDF, HTML and DOCX."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reviewtool.reports.briefing_docx import write_briefing_docx
from reviewtool.reports.briefing_html import briefing_html, write_briefing_html
from reviewtool.reports.briefing_model import BriefingModel, BriefingSectionModel
from reviewtool.reports.briefing_pdf import write_briefing_pdf

HEADINGS = [
    "Background",
    "Why it matters",
    "What happened",
    "Key learning",
    "Good practice",
    "Reflective questions",
    "What to do",
]
NAMES = {
    "Polish": "Zofia Wiśniewska-Łęcka",
    "Welsh": "Gethin ap Llŷr o Ynys Môn",
    "Urdu": "عائشہ خان",
    "emoji": "Lily 🌻 and Max 🌧",
}


def model(
    bodies: list[str] | None = None, status: str = "published", **changes: object
) -> BriefingModel:
    bodies = bodies or [
        f"Text of section {n}: {h.lower()} <b>&amp; markup</b>."
        for n, h in enumerate(HEADINGS, start=1)
    ]
    data: dict[str, object] = {
        "partnership": "Northshire Safeguarding Children Partnership",
        "brand_colour": "#1f5f8b",
        "logo": None,
        "title": "Child J - learning from a local child safeguarding practice review",
        "subtitle": "Local child safeguarding practice review NSP-CSPR-2021-01, February 2022",
        "sections": [
            BriefingSectionModel(i + 1, h, b, i == 5)
            for i, (h, b) in enumerate(zip(HEADINGS, bodies, strict=True))
        ],
        "status": status,
        "version": 3,
        "dated": date(2026, 11, 20),
    }
    data.update(changes)
    return BriefingModel(**data)  # type: ignore[arg-type]


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


def assert_fonts_embedded(path: Path) -> None:
    lines = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        assert re.search(r"\byes\s+yes\s+yes\b", line), f"font not embedded: {line}"


pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is installed by scripts/test.sh"
)


def test_pdf_has_the_seven_headings_in_order_with_their_text(tmp_path: Path) -> None:
    path = write_briefing_pdf(model(), tmp_path / "b.pdf")
    text = pdf_text(path)
    positions = [text.index(f"{n} {h}") for n, h in enumerate(HEADINGS, start=1)]
    assert positions == sorted(positions)
    for n, heading in enumerate(HEADINGS, start=1):
        assert f"Text of section {n}: {heading.lower()} <b>&amp; markup</b>." in text.replace(
            "\n", " "
        )
    assert pdf_pages(path) == 1
    assert_fonts_embedded(path)
    assert "DRAFT" not in text and "Published" in text


def test_draft_is_marked_and_approval_named(tmp_path: Path) -> None:
    draft = pdf_text(write_briefing_pdf(model(status="draft"), tmp_path / "d.pdf"))
    assert "DRAFT" in draft and "OFFICIAL-SENSITIVE" in draft
    from datetime import datetime

    approved = model(status="approved", approved_by="Aled Jones", approved_at=datetime(2026, 11, 2))
    text = pdf_text(write_briefing_pdf(approved, tmp_path / "a.pdf"))
    assert "Approved by Aled Jones on 02/11/2026" in text and "DRAFT" not in text


def test_a_5000_word_section_comes_out_whole(tmp_path: Path) -> None:
    words = [f"word{n}" for n in range(5000)]
    long_text = "\n\n".join(" ".join(words[i : i + 100]) for i in range(0, 5000, 100))
    bodies = ["Short."] * 7
    bodies[2] = long_text
    path = write_briefing_pdf(model(bodies), tmp_path / "long.pdf")
    found = set(re.findall(r"word\d+", pdf_text(path)))
    assert found == set(words)
    assert pdf_pages(path) >= 3
    text = pdf_text(path)
    assert text.index("7 What to do") > text.index("word4999")


def test_normal_length_fits_on_two_pages_at_most(tmp_path: Path) -> None:
    # About 850 words: what a team manager reads out in seven minutes.
    body = " ".join(["Practitioners should consider the child's lived experience."] * 17)
    path = write_briefing_pdf(model([body] * 7), tmp_path / "normal.pdf")
    assert pdf_pages(path) <= 2


@pytest.mark.parametrize("language", sorted(NAMES))
def test_names_in_any_script_survive_into_every_format(tmp_path: Path, language: str) -> None:
    name = NAMES[language]
    bodies = [f"About {name}."] * 7
    briefing = model(bodies, title=f"{name} - learning")
    # Urdu is drawn shaped (presentation forms) in visual order; NFKC and the PDF
    # reader's own right-to-left handling give back the letters as typed.
    pdf = unicodedata.normalize("NFKC", pdf_text(write_briefing_pdf(briefing, tmp_path / "u.pdf")))
    for part in name.split():
        assert part in pdf, (part, pdf[:500])
    assert_fonts_embedded(tmp_path / "u.pdf")
    html = write_briefing_html(briefing, tmp_path / "u.html").read_text(encoding="utf-8")
    assert name in html
    from docx import Document

    document = Document(str(write_briefing_docx(briefing, tmp_path / "u.docx")))
    assert any(name in p.text for p in document.paragraphs)


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.lang: str | None = None
        self.text: dict[str, list[str]] = {"h1": [], "h2": []}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag in ("h1", "h2"):
            self._open = tag
            self.text[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text[self._open][-1] += data


def test_html_twin_is_accessible(tmp_path: Path) -> None:
    outline = _Outline()
    outline.feed(briefing_html(model(status="draft")))
    assert outline.lang == "en-GB"
    assert len(outline.text["h1"]) == 1
    headings = [re.sub(r"^\d+\s+", "", h.strip()) for h in outline.text["h2"]]
    assert headings == HEADINGS
    html = briefing_html(model(status="draft"))
    assert "&lt;b&gt;&amp;amp; markup&lt;/b&gt;" in html  # user text is never markup
    assert "DRAFT" in html


def test_docx_uses_real_heading_styles(tmp_path: Path) -> None:
    from docx import Document

    document = Document(str(write_briefing_docx(model(), tmp_path / "b.docx")))
    styles = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert styles[0] == ("Heading 1", model().title)
    assert [text for name, text in styles[1:]] == [f"{n}. {h}" for n, h in enumerate(HEADINGS, 1)]
    assert all(name == "Heading 2" for name, _ in styles[1:])


def test_action_plan_page(tmp_path: Path) -> None:
    path = write_briefing_pdf(model(), tmp_path / "plan.pdf", action_plan=True)
    text = pdf_text(path)
    assert "7-minute briefing action plan" in text
    assert "What we will do differently" in text and "Who attended" in text
    assert pdf_pages(path) == 2
    assert_fonts_embedded(path)


def test_hostile_text_does_not_break_the_pdf(tmp_path: Path) -> None:
    hostile = "<para>&nbsp;</font> \x00\x07\x1b ]]> " + "x" * 3000 + " \u202e reversed"
    path = write_briefing_pdf(model([hostile] * 7, title=hostile[:80]), tmp_path / "h.pdf")
    assert "reversed" in pdf_text(path)


def test_logo_is_drawn_and_a_bad_logo_is_left_out(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (200, 30, 30)).save(logo)
    with_logo = write_briefing_pdf(model(logo=logo), tmp_path / "logo.pdf")
    images = subprocess.run(
        ["pdfimages", "-list", str(with_logo)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    assert pdf_pages(write_briefing_pdf(model(logo=broken), tmp_path / "nologo.pdf")) == 1
