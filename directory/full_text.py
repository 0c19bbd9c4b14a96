"""Where full-text search lives in each database, and keeping it up to date.

PostgreSQL: the service's `search_vector` column (weighted, English stemming, GIN index).
SQLite: the FTS5 table `directory_service_fts` (Porter stemming, BM25 ranking), when SQLite was
built with FTS5; otherwise searches fall back to matching word stems in the text. Its rows are
keyed by a small integer per service (`directory_service_fts_key`), so that a match reads keys
from the index alone: reading an id stored beside each row's text read the whole text.
"""

from django.db import connections
from django.db.models import F, Value
from django.db.models.expressions import RawSQL

from .search import fts_match

FTS_TABLE = "directory_service_fts"
KEYS_TABLE = "directory_service_fts_key"
_BATCH = 500
# BM25 weights for the FTS columns: name, summary, the rest.
_BM25 = "bm25(directory_service_fts, 10.0, 4.0, 1.0)"
# The FTS rows with their services' ids: the FTS row ids are keys.
_WITH_IDS = f"{FTS_TABLE} JOIN {KEYS_TABLE} AS fts_keys ON fts_keys.key = {FTS_TABLE}.rowid"


def engine(alias: str = "default") -> str:
    """'postgresql', 'fts5' or 'like': how this database searches text."""
    connection = connections[alias]
    if connection.vendor == "postgresql":
        return "postgresql"
    if not hasattr(connection, "_short_breaks_fts5"):
        connection._short_breaks_fts5 = FTS_TABLE in connection.introspection.table_names()
    return "fts5" if connection._short_breaks_fts5 else "like"


def matching_ids(match: str) -> RawSQL:
    """SQLite FTS5: the ids of the services that match, as a subquery."""
    return RawSQL(  # noqa: S611 (constant table names; the search is a parameter)
        f"SELECT fts_keys.service_id FROM {_WITH_IDS} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
        [match],
    )


def scored_ids(
    text: str, *, ranked: bool, among: list | None = None, alias: str = "default"
) -> list[tuple] | None:
    """The ids (as the database returns them) of the published services matching every word of
    the search, each with a score: the lower, the more relevant (0 for all unless `ranked`).
    None where the search has no words to match (SQLite FTS5 then matches everything).

    `among`, a list of ids, limits the search to them: SQLite's BM25 ranking of a common word's
    matches costs several times the match itself (docs/performance.md), and PostgreSQL reads
    a few services by id sooner than every service that matches."""
    from .models import Service
    from .search_index import fetch_all, raw_rows

    kind = engine(alias)
    match = fts_match(text) if kind == "fts5" else None
    if kind == "fts5" and match is None:
        return None
    if among is not None and not among:
        return []  # (an empty IN list cannot be written in SQL)
    if kind == "fts5":
        score = _BM25 if ranked else "0"
        sql = (
            f"SELECT fts_keys.service_id, {score} FROM {_WITH_IDS} "  # noqa: S608 (constants)
            f"WHERE {FTS_TABLE} MATCH %s"
        )
        if among is None:
            return fetch_all(sql, [match], alias)
        marks = ", ".join(["%s"] * len(among))
        return fetch_all(f"{sql} AND fts_keys.service_id IN ({marks})", [match, *among], alias)
    matching = Service.objects.using(alias).published().matching(text).order_by()
    if among is not None:
        matching = matching.filter(pk__in=among)
    if kind == "postgresql" and ranked:
        return raw_rows(matching.annotate(score=-F("rank")).values_list("pk", "score"))
    return raw_rows(matching.values_list("pk", Value(0)))


def refresh(service_ids: list, alias: str = "default") -> None:
    """Rebuild the full-text entries of the services from their name, summary and search text."""
    from .models import Service

    kind = engine(alias)
    for start in range(0, len(service_ids), _BATCH):
        batch = [str(i) for i in service_ids[start : start + _BATCH]]
        if kind == "postgresql":
            from django.contrib.postgres.search import SearchVector

            Service.objects.using(alias).filter(pk__in=batch).update(
                search_vector=SearchVector("name", weight="A", config="english")
                + SearchVector("summary", weight="B", config="english")
                + SearchVector("search_document", weight="C", config="english")
            )
        elif kind == "fts5":
            _refresh_fts5([i.replace("-", "") for i in batch], alias)


def _refresh_fts5(hex_ids: list[str], alias: str) -> None:
    """Index the services' text again under their keys, giving new services a key. Keys are
    never reused; a deleted service's key matches no service."""
    marks = ", ".join(["%s"] * len(hex_ids))
    keys = f"SELECT key FROM {KEYS_TABLE} WHERE service_id IN ({marks})"  # noqa: S608
    with connections[alias].cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({keys})", hex_ids)  # noqa: S608
        cursor.execute(
            f"INSERT OR IGNORE INTO {KEYS_TABLE} (service_id) "  # noqa: S608
            f"SELECT id FROM directory_service WHERE id IN ({marks})",
            hex_ids,
        )
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, name, summary, document) "  # noqa: S608
            "SELECT fts_keys.key, service.name, service.summary, service.search_document "
            f"FROM directory_service AS service JOIN {KEYS_TABLE} AS fts_keys "
            f"ON fts_keys.service_id = service.id WHERE service.id IN ({marks})",
            hex_ids,
        )
