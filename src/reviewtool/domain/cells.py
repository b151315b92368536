"""Text put into a spreadsheet cell (CSV or XLSX) is never taken for a formula.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be run as a
formula by a spreadsheet program (CSV injection); such a value is written with a leading
apostrophe, as OWASP's CSV injection guidance advises, so it shows as the text it is.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value
