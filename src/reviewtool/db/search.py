"""The full-text index of reviews: FTS5 on SQLite, tsvector on PostgreSQL.

Each review is indexed twice: by word stems (English endings ignored: "neglected" finds
"neglect") and by words as written (accents folded), so that a word being typed matches
every word it starts: a stem is often shorter than what is typed ("escalation" is stemmed to
"escal", which "escala" does not start). A search matches a review when every word starts a
word of it as written, or when every word matches by stem (the last as the start of a
stem); the first are ranked, the others follow.

User input never reaches query syntax: it is cut into word tokens, and each token is quoted
(FTS5) or reduced to letters and digits (tsquery) before being passed as a bound parameter.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

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


# fmt: off
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "no",
    "not", "of", "on", "or", "she", "that", "the", "their", "them", "then", "there", "they",
    "this", "to", "was", "were", "what", "when", "which", "who", "with", "would",
))
# fmt: on
"""Words that say nothing about which review fits best. In a search they must still be
present, but they are left out of the ranking: a word in most reviews weighs next to nothing
in it anyway, and scoring one costs as much as scoring any other word (about a third of a
keystroke's time for "records had not followed")."""


def ranked_and_required(tokens: list[str]) -> tuple[list[str], list[str]]:
    """The words that rank the matches, and the stop words that are only required. The last
    word is always ranked: it is still being typed ("no" may become "neglect")."""
    required = [token for token in tokens[:-1] if token in STOP_WORDS]
    ranked = [token for token in tokens[:-1] if token not in STOP_WORDS] + tokens[-1:]
    return ranked, required


def tokens_of(query: str) -> list[str]:
    tokens = [token[:60] for token in _TOKEN.findall(query.lower())][:MAX_TOKENS]
    if len(tokens) > 1 and len(tokens[-1]) < MIN_PREFIX:
        tokens.pop()
    return tokens


def _fts_rowid(review_id: str) -> int:
    # A stable integer key per review so that FTS5 rows are replaced by rowid, not by scan.
    digest = hashlib.blake2b(review_id.encode(), digest_size=8).digest()
    rowid = int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF
    _remember(rowid, review_id)
    return rowid


_REVIEW_ID_OF_ROWID: dict[int, str] = {}
"""The review each index rowid stands for. A rowid is a hash of the review's id, the same in
every database, so what was learnt once stays true: a search then reads its ranked rowids
without looking each one up in the index's text table (milliseconds per keystroke)."""
_REMEMBERED_AT_MOST = 200_000


def _remember(rowid: int, review_id: str) -> None:
    if len(_REVIEW_ID_OF_ROWID) >= _REMEMBERED_AT_MOST:
        _REVIEW_ID_OF_ROWID.clear()
    _REVIEW_ID_OF_ROWID[rowid] = review_id


def _review_ids(session: Session, rowids: Sequence[int]) -> dict[int, str]:
    """The review id of each of these index rowids that is in the index."""
    found: dict[int, str] = {}
    for rowid in rowids:
        # One get, not a test then a read: another thread may clear the map in between.
        review_id = _REVIEW_ID_OF_ROWID.get(rowid)
        if review_id is not None:
            found[rowid] = review_id
    unknown = [rowid for rowid in rowids if rowid not in found]
    if unknown:
        looked_up = session.connection().execute(
            text("SELECT rowid, review_id FROM review_search WHERE rowid IN :rowids").bindparams(
                bindparam("rowids", expanding=True)
            ),
            {"rowids": unknown},
        )
        for rowid, review_id in looked_up:
            found[int(rowid)] = str(review_id)
            _fts_rowid(str(review_id))  # remembered only as the hash it is
    return found


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
    values = [
        {
            "rowid": _fts_rowid(r.review_id),
            "review_id": r.review_id,
            "title": r.title,
            "body": r.body,
        }
        for r in rows
    ]
    session.execute(
        text(
            "INSERT INTO review_search(rowid, review_id, title, body) "
            "VALUES (:rowid, :review_id, :title, :body)"
        ),
        values,
    )
    session.execute(
        text("INSERT INTO review_search_words(rowid, title, body) VALUES (:rowid, :title, :body)"),
        values,
    )


def delete_rows(session: Session, review_ids: Iterable[str]) -> None:
    ids = list(review_ids)
    if not ids:
        return
    if _is_sqlite(session):
        rowids = [{"rowid": _fts_rowid(review_id)} for review_id in ids]
        # The word index reads its text from review_search: it is told what to forget (the
        # text it indexed) before that text goes.
        session.execute(
            text(
                "INSERT INTO review_search_words(review_search_words, rowid, title, body) "
                "SELECT 'delete', rowid, title, body FROM review_search WHERE rowid = :rowid"
            ),
            rowids,
        )
        session.execute(text("DELETE FROM review_search WHERE rowid = :rowid"), rowids)
    else:
        session.execute(
            text("DELETE FROM review_search WHERE review_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": ids},
        )


def clear(session: Session) -> None:
    if _is_sqlite(session):
        session.execute(
            text("INSERT INTO review_search_words(review_search_words) VALUES ('delete-all')")
        )
    session.execute(text("DELETE FROM review_search"))


def optimize(session: Session) -> None:
    """Merge the index into one piece after it was rewritten whole (an upgrade, a restore).

    Rows replaced one by one leave the old entries marked deleted beside the new ones until
    FTS5 merges them; after a rebuild of every row that doubles what each search reads.
    """
    if _is_sqlite(session):
        session.execute(text("INSERT INTO review_search(review_search) VALUES ('optimize')"))
        session.execute(
            text("INSERT INTO review_search_words(review_search_words) VALUES ('optimize')")
        )


def count_rows(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM review_search")).scalar_one())


def query(
    session: Session, user_text: str, limit: int, with_snippets: int | None = None
) -> list[RawHit]:
    """The best ``limit`` matches; snippets for the first ``with_snippets`` (all if None).

    Ranking is cheap; a snippet means reading and re-tokenising the review's text, so a
    list that shows a screenful at a time asks for the rest only as they come into view.
    Searches read through the session's connection: the ORM's work around a plain query
    costs as much as a small query, and several run per keystroke.
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
    """The matching passage of each of these reviews, with the matches marked.

    The passage is found in the text itself (every word that starts with a searched word is
    marked); the index is asked only for reviews where the words matched by stem or without
    accents alone, since its own snippet functions cost milliseconds a review.
    """
    tokens = tokens_of(user_text)
    if not tokens or not review_ids:
        return {}
    if _is_sqlite(session):
        bodies = session.connection().execute(
            text("SELECT review_id, body FROM review_search WHERE rowid IN :rowids").bindparams(
                bindparam("rowids", expanding=True)
            ),
            {"rowids": [_fts_rowid(i) for i in review_ids]},
        )
    else:
        bodies = session.connection().execute(
            text("SELECT review_id, body FROM review_search WHERE review_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": list(review_ids)},
        )
    found: dict[str, str] = {}
    for review_id, body in bodies:
        passage = snippet(body or "", tokens, HIGHLIGHT_START, HIGHLIGHT_END)
        if passage is not None:
            found[str(review_id)] = passage
    missing = [i for i in review_ids if i not in found]
    if missing:
        if _is_sqlite(session):
            found.update(_index_snippets_sqlite(session, tokens, missing))
        else:
            found.update(_index_snippets_postgresql(session, tokens, missing))
    return found


def _index_snippets_sqlite(
    session: Session, tokens: list[str], review_ids: Sequence[str]
) -> dict[str, str]:
    result = session.execute(
        text(
            "SELECT review_id, snippet(review_search, 2, "
            f"'{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {WORDS_AROUND}) "
            "FROM review_search WHERE review_search MATCH :match AND rowid IN :rowids"
        ).bindparams(bindparam("rowids", expanding=True)),
        {"match": _fts_match(tokens), "rowids": [_fts_rowid(i) for i in review_ids]},
    )
    return {str(row[0]): str(row[1]) for row in result}


def _index_snippets_postgresql(
    session: Session, tokens: list[str], review_ids: Sequence[str]
) -> dict[str, str]:
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
    return {str(row[0]): str(row[1]) for row in result if HIGHLIGHT_START in str(row[1])}


def _quoted(tokens: Sequence[str]) -> str:
    # Every token quoted, so that AND, NEAR, * and quotes in the input mean nothing.
    return " ".join(f'"{token}"' for token in tokens)


def _fts_match(tokens: list[str]) -> str:
    # The last token is a prefix so that results appear while the user is still typing.
    return _quoted(tokens) + "*"


def _typed_as_written(tokens: list[str]) -> bool:
    """Whether the last word is also looked up as written (the start of a word)."""
    return len(tokens[-1]) >= MIN_PREFIX


def _as_written(tokens: list[str]) -> str:
    """Every word as the start of a word as written (the word index's query)."""
    return " ".join(f'"{token}"*' for token in tokens)


def _rank_sqlite(session: Session, tokens: list[str], limit: int) -> list[tuple[str, float]]:
    stems = _fts_match(tokens)
    if not _typed_as_written(tokens):
        result = session.connection().execute(
            text(
                "SELECT review_id, bm25(review_search, 0.0, 8.0, 1.0) AS rank "
                "FROM review_search WHERE review_search MATCH :match ORDER BY rank LIMIT :limit"
            ),
            {"match": stems, "limit": limit},
        )
        return [(str(row[0]), float(row[1])) for row in result]
    # One ranking, by the words as written; reviews that match only through another form of
    # a word (by stem: "neglected" finds "neglect") follow them. Reading each index once
    # keeps this as cheap as a single search: joining the two row by row is not.
    matched = _rank_as_written(session, tokens, limit)
    review_ids = _review_ids(session, [int(row[0]) for row in matched])
    ranked = [(review_ids[row[0]], float(row[1])) for row in matched if row[0] in review_ids]
    if len(ranked) < limit:
        seen = {review_id for review_id, _ in ranked}
        more = session.connection().execute(
            text("SELECT review_id FROM review_search WHERE review_search MATCH :stems LIMIT :n"),
            {"stems": stems, "n": limit + len(ranked)},
        )
        for (review_id,) in more:
            if len(ranked) >= limit:
                break
            if str(review_id) not in seen:
                ranked.append((str(review_id), 0.0))
    return ranked


def _rank_as_written(session: Session, tokens: list[str], limit: int) -> Sequence[Any]:
    """(rowid, rank) of the best matches of every word as the start of a word as written."""
    ranked, required = ranked_and_required(tokens)
    values: dict[str, object] = {"typed": _as_written(ranked), "limit": limit}
    also = ""
    if required:
        # The stop words are required through a list of the reviews that have them. "+rowid"
        # keeps that list a filter: given "rowid IN", FTS5 would look each review up instead.
        also = (
            " AND +rowid IN (SELECT rowid FROM review_search_words"
            "  WHERE review_search_words MATCH :required)"
        )
        values["required"] = _as_written(required)
    return (
        session.connection()
        .execute(
            text(
                "SELECT rowid, bm25(review_search_words, 8.0, 1.0) AS rank"
                f" FROM review_search_words WHERE review_search_words MATCH :typed{also}"
                " ORDER BY rank LIMIT :limit"
            ),
            values,
        )
        .all()
    )


def _safe_tokens(tokens: list[str]) -> list[str]:
    safe = [re.sub(r"[^\w]", "", token).replace("_", "") for token in tokens]
    return [token for token in safe if token]


def _tsquery(tokens: list[str]) -> str | None:
    safe = _safe_tokens(tokens)
    if not safe:
        return None
    return " & ".join([*safe[:-1], f"{safe[-1]}:*"])


def _rank_postgresql(session: Session, tokens: list[str], limit: int) -> list[tuple[str, float]]:
    safe = _safe_tokens(tokens)
    if not safe:
        return []
    ranked, _ = ranked_and_required(safe)
    values: dict[str, object] = {
        "stems": " & ".join([*safe[:-1], f"{safe[-1]}:*"]),
        "typed": " & ".join(f"{token}:*" for token in safe),
        "ranked": " & ".join(f"{token}:*" for token in ranked),
        "limit": limit,
    }
    # As on SQLite: ranked by the words as written (stop words required, not ranked),
    # matches by stem alone after them.
    where = "s.document @@ q.stems"
    rank = "ts_rank_cd(s.document, q.stems) / 1000.0"
    if len(safe[-1]) >= MIN_PREFIX:
        where += " OR s.words @@ q.typed"
        rank = (
            f"CASE WHEN s.words @@ q.typed THEN 1.0 + ts_rank_cd(s.words, q.ranked) ELSE {rank} END"
        )
    result = session.connection().execute(
        text(
            f"SELECT s.review_id, {rank} AS rank FROM review_search s, "
            "(SELECT to_tsquery('english', :stems) AS stems,"
            " to_tsquery('simple', :typed) AS typed, to_tsquery('simple', :ranked) AS ranked)"
            f" AS q WHERE {where} ORDER BY rank DESC LIMIT :limit"
        ),
        values,
    )
    return [(str(row[0]), -float(row[1])) for row in result]
