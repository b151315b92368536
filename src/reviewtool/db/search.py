"""The full-text index of reviews: FTS5 on SQLite, tsvector on PostgreSQL.

User input never reaches query syntax: it is cut into word tokens, and each token is quoted
(FTS5) or reduced to letters and digits (tsquery) before being passed as a bound parameter.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from reviewtool.domain.snippets import WORDS_AROUND, snippet

HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"
MAX_TOKENS = 12
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchRow:
    review_id: str
    title: str
    body: str


@dataclass(frozen=True)
class RawHit:
    review_id: str
    rank: float
    snippet: str | None
    """None when not asked for (see ``snippets``)."""


MIN_PREFIX = 3
"""A last word being typed counts once it has this many letters: "domestic a" searches for
"domestic" (a one-letter prefix would expand to thousands of words, and find them all)."""


def tokens_of(query: str) -> list[str]:
    tokens = [token[:60] for token in _TOKEN.findall(query.lower())][:MAX_TOKENS]
    if len(tokens) > 1 and len(tokens[-1]) < MIN_PREFIX:
        tokens.pop()
    return tokens


def _fts_rowid(review_id: str) -> int:
    # A stable integer key per review so that FTS5 rows are replaced by rowid, not by scan.
    digest = hashlib.blake2b(review_id.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def replace_rows(session: Session, rows: Sequence[SearchRow]) -> None:
    """Index reviews, replacing any row they already have."""
    if not rows:
        return
    if _is_sqlite(session):
        delete_rows(session, [row.review_id for row in rows])
        insert_rows(session, rows)
    else:
        session.execute(
            text(
                "INSERT INTO review_search(review_id, title, body) "
                "VALUES (:review_id, :title, :body) "
                "ON CONFLICT (review_id) DO UPDATE SET title = excluded.title, body = excluded.body"
            ),
            [{"review_id": r.review_id, "title": r.title, "body": r.body} for r in rows],
        )


def insert_rows(session: Session, rows: Sequence[SearchRow]) -> None:
    """Index reviews that have no index row yet (new ones): no delete needed first."""
    if not rows:
        return
    if not _is_sqlite(session):
        replace_rows(session, rows)
        return
    session.execute(
        text(
            "INSERT INTO review_search(rowid, review_id, title, body) "
            "VALUES (:rowid, :review_id, :title, :body)"
        ),
        [
            {
                "rowid": _fts_rowid(r.review_id),
                "review_id": r.review_id,
                "title": r.title,
                "body": r.body,
            }
            for r in rows
        ],
    )


def delete_rows(session: Session, review_ids: Iterable[str]) -> None:
    ids = list(review_ids)
    if not ids:
        return
    if _is_sqlite(session):
        session.execute(
            text("DELETE FROM review_search WHERE rowid = :rowid"),
            [{"rowid": _fts_rowid(review_id)} for review_id in ids],
        )
    else:
        session.execute(
            text("DELETE FROM review_search WHERE review_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": ids},
        )


def clear(session: Session) -> None:
    session.execute(text("DELETE FROM review_search"))


def count_rows(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM review_search")).scalar_one())


def query(
    session: Session, user_text: str, limit: int, with_snippets: int | None = None
) -> list[RawHit]:
    """The best ``limit`` matches; snippets for the first ``with_snippets`` (all if None).

    Ranking is cheap; a snippet means reading and re-tokenising the review's text, so a
    list that shows a screenful at a time asks for the rest only as they come into view.
    """
    tokens = tokens_of(user_text)
    if not tokens:
        return []
    if _is_sqlite(session):
        ranked = _rank_sqlite(session, tokens, limit)
    else:
        ranked = _rank_postgresql(session, tokens, limit)
    wanted = [review_id for review_id, _ in ranked][:with_snippets]
    found = snippets(session, user_text, wanted) if wanted else {}
    return [RawHit(review_id, rank, found.get(review_id)) for review_id, rank in ranked]


def snippets(session: Session, user_text: str, review_ids: Sequence[str]) -> dict[str, str]:
    """The matching passage of each of these reviews, with the matches marked."""
    tokens = tokens_of(user_text)
    if not tokens or not review_ids:
        return {}
    if _is_sqlite(session):
        return _snippets_sqlite(session, tokens, review_ids)
    else:
        tsquery = _tsquery(tokens)
        if tsquery is None:
            return {}
        result = session.execute(
            text(
                "SELECT s.review_id, ts_headline('english', s.body, to_tsquery('english', :q), "
                f"  'StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}, MaxWords=22, "
                "   MinWords=8, MaxFragments=1, FragmentDelimiter=…') "
                "FROM review_search s WHERE s.review_id IN :ids"
            ).bindparams(bindparam("ids", expanding=True)),
            {"q": tsquery, "ids": list(review_ids)},
        )
    return {str(row[0]): str(row[1]) for row in result}


def _snippets_sqlite(
    session: Session, tokens: list[str], review_ids: Sequence[str]
) -> dict[str, str]:
    # FTS5's snippet() re-reads the index for every term a prefix stands for, which costs
    # milliseconds a review; the passage is found in the text itself instead, and FTS5 asked
    # only where the words matched by stem or without accents.
    bodies = session.execute(
        text("SELECT review_id, body FROM review_search WHERE rowid IN :rowids").bindparams(
            bindparam("rowids", expanding=True)
        ),
        {"rowids": [_fts_rowid(i) for i in review_ids]},
    )
    found: dict[str, str] = {}
    for review_id, body in bodies:
        passage = snippet(body or "", tokens, HIGHLIGHT_START, HIGHLIGHT_END)
        if passage is not None:
            found[str(review_id)] = passage
    missing = [i for i in review_ids if i not in found]
    if missing:
        result = session.execute(
            text(
                "SELECT review_id, snippet(review_search, 2, "
                f"'{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {WORDS_AROUND}) "
                "FROM review_search WHERE review_search MATCH :match AND rowid IN :rowids"
            ).bindparams(bindparam("rowids", expanding=True)),
            {"match": _fts_match(tokens), "rowids": [_fts_rowid(i) for i in missing]},
        )
        found.update((str(row[0]), str(row[1])) for row in result)
    return found


def _fts_match(tokens: list[str]) -> str:
    # Every token quoted (so AND, NEAR, * and quotes in the input mean nothing); the last
    # one is a prefix so that results appear while the user is still typing.
    return " ".join(f'"{token}"' for token in tokens) + "*"


def _rank_sqlite(session: Session, tokens: list[str], limit: int) -> list[tuple[str, float]]:
    result = session.execute(
        text(
            "SELECT review_id, bm25(review_search, 0.0, 8.0, 1.0) AS rank "
            "FROM review_search WHERE review_search MATCH :match ORDER BY rank LIMIT :limit"
        ),
        {"match": _fts_match(tokens), "limit": limit},
    )
    return [(str(row[0]), float(row[1])) for row in result]


def _tsquery(tokens: list[str]) -> str | None:
    safe = [re.sub(r"[^\w]", "", token).replace("_", "") for token in tokens]
    safe = [token for token in safe if token]
    if not safe:
        return None
    return " & ".join([*safe[:-1], f"{safe[-1]}:*"])


def _rank_postgresql(session: Session, tokens: list[str], limit: int) -> list[tuple[str, float]]:
    tsquery = _tsquery(tokens)
    if tsquery is None:
        return []
    result = session.execute(
        text(
            "SELECT s.review_id, ts_rank_cd(s.document, q.query) AS rank "
            "FROM review_search s, to_tsquery('english', :tsquery) AS q(query) "
            "WHERE s.document @@ q.query ORDER BY rank DESC LIMIT :limit"
        ),
        {"tsquery": tsquery, "limit": limit},
    )
    return [(str(row[0]), -float(row[1])) for row in result]
