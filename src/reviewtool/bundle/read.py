"""Reading a bundle file: bytes -> text -> JSON -> typed records -> checked records."""

from __future__ import annotations

import json
import re
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reviewtool.bundle.checks import check_bundle
from reviewtool.bundle.errors import BundleError, Problem, format_path
from reviewtool.bundle.limits import MAX_NESTING, SHOWN_VALUE_CHARS
from reviewtool.bundle.schema import BUNDLE_FORMAT, BUNDLE_VERSION, Bundle

MAX_BUNDLE_BYTES = 512 * 1024 * 1024


def read_bundle_file(path: Path, known_codes: set[str], today: date) -> Bundle:
    """Read and check a bundle; raise :class:`BundleError` naming every bad field."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise BundleError(
                [
                    Problem(
                        "",
                        f"the file is {size // (1024 * 1024)} MB; bundles are limited to "
                        f"{MAX_BUNDLE_BYTES // (1024 * 1024)} MB",
                    )
                ],
                source,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise BundleError([Problem("", "no such file")], source) from None
    except IsADirectoryError:
        raise BundleError([Problem("", "is a folder, not a bundle file")], source) from None
    except PermissionError:
        raise BundleError([Problem("", "permission denied")], source) from None
    return parse_bundle_bytes(data, known_codes, today, source)


def parse_bundle_bytes(
    data: bytes, known_codes: set[str], today: date, source: str | None = None
) -> Bundle:
    if nesting_depth(data) > MAX_NESTING:
        raise BundleError(
            [
                Problem(
                    "",
                    f"the JSON is nested too deeply (more than {MAX_NESTING} levels; "
                    "a bundle needs 8)",
                )
            ],
            source,
        )
    bundle = _validate_directly(data)
    if bundle is None:
        # Something is wrong: the step-by-step path says what, in the person's terms.
        text = _decode(data, source)
        document = _parse_json(text, source)
        bundle = _validate(document, source)
    problems = check_bundle(bundle, known_codes, today)
    if problems:
        raise BundleError(problems, source)
    return bundle


def _validate_directly(data: bytes) -> Bundle | None:
    """A sound bundle straight from its bytes to records (pydantic parses the JSON itself,
    with no dictionary of the whole file in between: far less memory and time). None when
    anything is wrong, or the file is not a current bundle, for the careful path to explain."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        bundle = Bundle.model_validate_json(data)
    except (ValidationError, RecursionError, ValueError):
        return None
    if bundle.format != BUNDLE_FORMAT or bundle.version > BUNDLE_VERSION:
        return None
    return bundle


def _decode(data: bytes, source: str | None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BundleError(
            [
                Problem(
                    "",
                    f"is not UTF-8 text (bad byte at offset {error.start}); bundles are UTF-8 JSON",
                )
            ],
            source,
        ) from None


def _parse_json(text: str, source: str | None) -> Any:
    if not text.strip():
        raise BundleError([Problem("", "the file is empty")], source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BundleError(
            [
                Problem(
                    "", f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
                )
            ],
            source,
        ) from None
    except RecursionError:
        raise BundleError(
            [Problem("", "the JSON is nested too deeply to be a bundle")], source
        ) from None
    except ValueError:  # a number of thousands of digits, which Python refuses to read
        found = _LONG_NUMBER.search(text)
        where = ""
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            where = f" (line {line}, column {column})"
        raise BundleError(
            [Problem("", f"a number in the file{where} has too many digits to be read")],
            source,
        ) from None


_LONG_NUMBER = re.compile(r"\d{1000,}")
_ESCAPED = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))


def nesting_depth(data: bytes) -> int:
    """How deeply arrays and objects nest, found without parsing (so quickly, whatever the
    file holds): escapes and strings are taken out, then the brackets counted."""
    brackets = _STRING.sub(b"", _ESCAPED.sub(b"", data)).translate(None, _NOT_BRACKETS)
    return max(accumulate(1 if byte in b"[{" else -1 for byte in brackets), default=0)


def _validate(document: Any, source: str | None) -> Bundle:
    if not isinstance(document, dict):
        raise BundleError([Problem("", "a bundle must be a JSON object")], source)
    if document.get("format") != BUNDLE_FORMAT:
        raise BundleError(
            [Problem("format", f"must be {BUNDLE_FORMAT!r}: this is not a reviewtool bundle")],
            source,
        )
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > BUNDLE_VERSION:
        raise BundleError(
            [
                Problem(
                    "version",
                    f"bundle version {version} was written by a newer reviewtool; "
                    f"this one reads versions 1 to {BUNDLE_VERSION}. "
                    "Update reviewtool to import it.",
                )
            ],
            source,
        )
    try:
        return Bundle.model_validate(document)
    except ValidationError as error:
        raise BundleError(problems_from_validation(error), source) from None
    except RecursionError:
        raise BundleError(
            [Problem("", "the JSON is nested too deeply to be a bundle")], source
        ) from None


def problems_from_validation(error: ValidationError) -> list[Problem]:
    return [
        Problem(format_path(item["loc"]), _message(item))
        for item in error.errors(include_url=False)
    ]


_TYPE_MESSAGES = {
    "missing": "is required",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "dict_type": "must be an object",
    "model_attributes_type": "must be an object",
}


def _message(item: Any) -> str:
    kind = item["type"]
    ctx = item.get("ctx") or {}
    if kind in _TYPE_MESSAGES:
        return _TYPE_MESSAGES[kind]
    if kind == "greater_than_equal":
        return f"must be >= {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"must be <= {ctx.get('le')}"
    if kind == "enum":
        return f"must be one of {ctx.get('expected')}, not {_shown(item.get('input'))}"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        return f"{_shown(item.get('input'))} is not in the expected form"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "value_error":
        return str(ctx.get("error", item["msg"]))
    message = str(item["msg"])
    return message[:1].lower() + message[1:]


def _shown(value: Any) -> str:
    """A bad value quoted back, cut short: a 20 MB value is never echoed."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > SHOWN_VALUE_CHARS:
        text = text[:SHOWN_VALUE_CHARS] + "…"
    return repr(text)
