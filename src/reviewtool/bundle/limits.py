"""The largest values a bundle (and so the database) accepts, in one place.

The same limits hold on SQLite and on PostgreSQL, whatever a column could hold: a bundle
that imports into one imports into the other. README.md ("Limits") lists them for users.
"""

from __future__ import annotations

from datetime import date

REFERENCE_CHARS = 200
"""A review's reference (the database column is 200 characters)."""

SHORT_TEXT_CHARS = 1_000
"""Names and labels: title, pseudonym, ethnicity, agency, tag, identifier, owner, reviewer,
heading, approver, partnership, code label."""

LONG_TEXT_CHARS = 200_000
"""Every other text: summary, rationale, methodology, notes, learning, good practice,
recommendations, actions and their assurance and impact, briefing sections, definitions."""

CODE_CHARS = 120
"""A codebook code (the database column is 120 characters)."""

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
"""Dates and times outside these years are typing errors (or hostile)."""

MAX_AGE_MONTHS = 12 * 25
MAX_NESTING = 64
"""How deeply arrays and objects may nest; a bundle needs 8. Checked before parsing."""

MAX_PROBLEM_CHARS = 300
"""A message about one field is cut to this length: a bad value is never echoed whole."""

SHOWN_VALUE_CHARS = 60
"""At most this much of a bad value is quoted back."""
