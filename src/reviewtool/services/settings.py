"""Partnership settings kept in the database (name, colour, logo, briefing headings)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from reviewtool.db.models import Setting
from reviewtool.domain.errors import InvalidInput
from reviewtool.services.audit import add_event
from reviewtool.services.clock import now_utc
from reviewtool.services.store import Store

DEFAULT_BRIEFING_HEADINGS = (
    "Background",
    "Why it matters",
    "What happened",
    "Key learning",
    "Good practice",
    "Reflective questions",
    "What to do",
)
DEFAULT_REFLECTIVE_QUESTIONS = (
    "What are your key thoughts and reflections?",
    "How can we ensure the learning is embedded and how will we know?",
    "How can we build the learning into team or service improvement plans?",
)


@dataclass
class PartnershipSettings:
    partnership: str = "Safeguarding Children Partnership"
    brand_colour: str = "#1f5f8b"
    logo_path: str | None = None
    briefing_headings: list[str] = field(default_factory=lambda: list(DEFAULT_BRIEFING_HEADINGS))
    small_number_threshold: int = 5
    """In a summary for publication, counts below this (from 1) read "fewer than N"."""
    copy_to_panel_working_days: int = 7
    """Working days before publication that a local review goes to the Panel and the
    Secretary of State (guidance has said at least 7)."""
    # Optional parts of the briefing template, printed after the seven sections when set.
    briefing_research: str = ""
    """What the research tells us (one paragraph a line)."""
    briefing_report_link: str = ""
    """Where the partnership publishes its full reports (a web address)."""
    briefing_procedures: str = ""
    """Local procedures and training (one a line; web addresses become links)."""
    briefing_contact: str = ""
    """How to contact the business unit or give feedback on the briefing."""
    slides_footer: str = ""
    """The foot of every slide (default: the partnership's name)."""


def load_settings(store: Store) -> PartnershipSettings:
    settings = PartnershipSettings()
    with store.transaction() as session:
        for row in session.query(Setting).all():
            if hasattr(settings, row.key):
                setattr(settings, row.key, json.loads(row.value))
    return settings


def save_settings(store: Store, settings: PartnershipSettings) -> None:
    if len(settings.briefing_headings) != 7 or not all(
        h.strip() for h in settings.briefing_headings
    ):
        raise InvalidInput("a 7-minute briefing has exactly seven headings, none empty")
    threshold = settings.small_number_threshold
    if not isinstance(threshold, int) or not 2 <= threshold <= 20:
        raise InvalidInput(
            f"small-number threshold {threshold!r}: give a whole number from 2 to 20"
        )
    if not 1 <= settings.copy_to_panel_working_days <= 60:
        raise InvalidInput("the copy to the Panel is due 1 to 60 working days before publication")
    colour = settings.brand_colour
    if len(colour) != 7 or not colour.startswith("#"):
        raise InvalidInput(f"brand colour {colour!r} must look like #1f5f8b")
    link = settings.briefing_report_link.strip()
    if link and not link.lower().startswith(("https://", "http://")):
        raise InvalidInput(
            f"the web address of published reports {link!r} must start with https://"
        )
    with store.transaction() as session:
        for key, value in asdict(settings).items():
            text = json.dumps(value, ensure_ascii=False)
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=text))
            elif row.value != text:
                add_event(
                    session,
                    at=now_utc(),
                    user=store.user,
                    action="edit",
                    entity="setting",
                    entity_id=key,
                    old_value=row.value,
                    new_value=text,
                )
                row.value = text
