"""Regenerate resources/bank-holidays-england-wales.json from the holidays package.

    .venv/bin/python scripts/update_bank_holidays.py

The program reads the file (fast at start-up) and asks the holidays package only for years
outside it. tests/unit/test_domain_rules.py checks the file still matches the package.
"""

from __future__ import annotations

import json
from pathlib import Path

import holidays

FIRST, LAST = 2000, 2040


def bank_holidays() -> list[str]:
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST, LAST + 1))
    return sorted(day.isoformat() for day in calendar)


def main() -> None:
    target = Path(__file__).resolve().parents[1] / "resources" / "bank-holidays-england-wales.json"
    data = {
        "source": "holidays package, GB subdivision ENG (England and Wales share them)",
        "first_year": FIRST,
        "last_year": LAST,
        "dates": bank_holidays(),
    }
    target.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['dates'])} bank holidays {FIRST}-{LAST} -> {target}")


if __name__ == "__main__":
    main()
