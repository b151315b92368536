"""Reading a large bundle review by review, so that memory does not grow with its size.

The import applies the reviews as they are read, inside one transaction, and rolls it back
if anything turns out to be wrong. Anything unusual (bad JSON, a bad field, a codebook after
the reviews, a byte-order mark, an escaped surrogate) raises :class:`NotStreamable`: the
caller then uses the whole-file reader, which names every problem exactly as it always has.
Streaming is only ever a faster way to the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, Any

from pydantic import TypeAdapter, ValidationError

from reviewtool.bundle.checks import BundleChecker
from reviewtool.bundle.limits import MAX_NESTING
from reviewtool.bundle.schema import (
    BUNDLE_FORMAT,
    BUNDLE_VERSION,
    READABLE_VERSIONS,
    Bundle,
    CodeRecord,
    ReviewRecord,
)

STREAM_FROM_BYTES = 4 * 1024 * 1024
"""Smaller files are simply read whole."""


@cache
def _codebook_adapter() -> TypeAdapter[list[CodeRecord]]:
    return TypeAdapter(list[CodeRecord])  # built when first needed, not at start-up


# A \uD800-\uDFFF escape: the stream parser turns an unpaired one into "?" where the
# whole-file reader rightly refuses it, so any such escape sends the file to that reader.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class NotStreamable(Exception):
    """The file needs the whole-file reader (it may be bad, or only unusual)."""


@dataclass(frozen=True)
class Codebook:
    """The bundle's own codes and its format version: sent before its first review."""

    entries: list[CodeRecord]
    version: int = BUNDLE_VERSION


@dataclass(frozen=True)
class Reviews:
    """The next reviews, each already checked."""

    records: list[ReviewRecord]
    bytes_read: int


@dataclass(frozen=True)
class Rest:
    """Everything but the reviews (topic briefings, deletions), once the whole file is read
    and checked."""

    header: Bundle


def is_large(path: Path) -> bool:
    try:
        return path.stat().st_size >= STREAM_FROM_BYTES
    except OSError:
        return False


def stream_bundle(
    path: Path, known_codes: set[str], today: date, chunk_size: int
) -> Iterator[Codebook | Reviews | Rest]:
    """The parts of a bundle in order: its codebook, its reviews in chunks, then the rest.

    Raises :class:`NotStreamable` (perhaps after some chunks) on anything the whole-file
    reader should judge; the caller must then undo what it did with the chunks.
    """
    import ijson

    header: dict[str, Any] = {}
    checker: BundleChecker | None = None
    try:
        with path.open("rb") as raw:
            if raw.read(3) == b"\xef\xbb\xbf":
                raise NotStreamable("byte-order mark")
            raw.seek(0)
            stream = _Watched(raw)
            events = _top_level_marked(ijson.basic_parse(stream, use_float=True))
            if next(events) != ("", "start_map", None):
                raise NotStreamable("not an object")
            for prefix, event, key in events:
                if prefix == "" and event == "end_map":
                    for _after_the_end in events:  # the parser raises on anything but space
                        raise NotStreamable("something follows the end of the bundle")
                    break
                if event != "map_key":
                    raise NotStreamable("unexpected JSON")
                if key == "reviews":
                    if checker is not None:
                        raise NotStreamable("two lists of reviews")
                    version = header.get("version")
                    if version not in READABLE_VERSIONS or isinstance(version, bool):
                        # Missing, placed after the reviews, or not one this program reads.
                        raise NotStreamable("no known version before the reviews")
                    codebook = _codebook_adapter().validate_python(header.get("codebook", []))
                    checker = BundleChecker(known_codes, today, codebook)
                    _fail_on_problems(checker)
                    yield Codebook(codebook, version)
                    for chunk in _reviews(events, checker, chunk_size):
                        if stream.surrogate_escape:
                            raise NotStreamable("escaped surrogates")
                        yield Reviews(chunk, stream.bytes_read)
                elif key == "codebook" and checker is not None:
                    raise NotStreamable("the codebook comes after the reviews")
                else:
                    header[key] = _build_value(events)
            while stream.read(1 << 20):
                pass
            if stream.surrogate_escape:
                raise NotStreamable("escaped surrogates")
    except (ijson.JSONError, ValidationError, ValueError, RecursionError, StopIteration) as error:
        raise NotStreamable(str(error)[:200]) from None
    header["reviews"] = []
    try:
        bundle = Bundle.model_validate(header)
    except ValidationError as error:
        raise NotStreamable("header") from error
    if bundle.format != BUNDLE_FORMAT or bundle.version > BUNDLE_VERSION:
        raise NotStreamable("not a current bundle")
    if checker is None:
        checker = BundleChecker(known_codes, today, bundle.codebook)
        _fail_on_problems(checker)
        yield Codebook(bundle.codebook, bundle.version)
    checker.briefings(bundle.briefings)
    checker.workflow(bundle.workflow)
    checker.learning(bundle)
    checker.deletions(bundle.deleted)
    _fail_on_problems(checker)
    yield Rest(bundle)


def _top_level_marked(
    events: Iterator[tuple[str, Any]],
) -> Iterator[tuple[str, str, Any]]:
    """``(prefix, event, value)`` with prefix ``""`` for the top-level object's own events.

    The parser's full prefixes would cost time in the square of the depth (a file of 100,000
    nested ``[`` would stall it); only the top level matters here, and nesting deeper than
    ``MAX_NESTING`` is refused as soon as it is reached, before anything is built from it.
    """
    depth = 0
    for event, value in events:
        if event in ("end_map", "end_array"):
            depth -= 1
        top = depth == 0 if event != "map_key" else depth == 1
        yield ("" if top else ".", event, value)
        if event in ("start_map", "start_array"):
            depth += 1
            if depth > MAX_NESTING:
                raise NotStreamable("nested too deeply")


def _fail_on_problems(checker: BundleChecker) -> None:
    if checker.problems:
        raise NotStreamable("the bundle has problems")


class _Watched:
    """A binary stream that counts what is read through it and watches for surrogates."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.bytes_read = 0
        self.surrogate_escape = False
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.bytes_read += len(data)
        if _SURROGATE_ESCAPE.search(self._tail + data[:8]) or _SURROGATE_ESCAPE.search(data):
            self.surrogate_escape = True
        self._tail = data[-5:]
        return data


def _reviews(
    events: Iterator[tuple[str, str, Any]], checker: BundleChecker, chunk_size: int
) -> Iterator[list[ReviewRecord]]:
    """The reviews of the array the events are at, checked, in chunks."""
    if next(events)[1] != "start_array":
        raise NotStreamable("reviews is not a list")
    chunk: list[ReviewRecord] = []
    for index, (_, event, value) in enumerate(events):
        if event == "end_array":
            if chunk:
                yield chunk
            return
        if event != "start_map":
            raise NotStreamable("a review is not an object")
        record = ReviewRecord.model_validate(_build_from(event, value, events))
        checker.review(index, record)
        _fail_on_problems(checker)
        chunk.append(record)
        if len(chunk) == chunk_size:
            yield chunk
            chunk = []
    raise NotStreamable("the file ends inside the reviews")


def _build_value(events: Iterator[tuple[str, str, Any]]) -> Any:
    _, event, value = next(events)
    return _build_from(event, value, events)


def _build_from(event: str, value: Any, events: Iterator[tuple[str, str, Any]]) -> Any:
    """The whole JSON value that starts with this event."""
    import ijson

    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1 if event in ("start_map", "start_array") else 0
    while depth:
        _, event, value = next(events)
        builder.event(event, value)
        if event in ("start_map", "start_array"):
            depth += 1
        elif event in ("end_map", "end_array"):
            depth -= 1
    return builder.value
