"""Keyword search text: what a service is found by, and a fallback for SQLite. Pure functions."""

import re

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SUFFIXES = ("ing", "ies", "es", "ed", "s")
MAX_WORDS = 8


def search_document(*parts: str) -> str:
    """One lower-case text from a service's descriptive parts, for matching words against."""
    return " ".join(p.strip() for p in parts if p and p.strip()).lower()


def stem(word: str) -> str:
    """A crude English stem ('clubs' -> 'club', 'swimming' -> 'swimm'), good enough to match
    by substring when PostgreSQL's stemmed full-text search is not available."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def fallback_terms(text: str) -> list[str]:
    """The distinct stemmed words of a search, at most MAX_WORDS of them."""
    terms = []
    for word in _WORD.findall(text.lower()):
        term = stem(word)
        if term not in terms:
            terms.append(term)
    return terms[:MAX_WORDS]


def fts_match(text: str) -> str | None:
    """An SQLite FTS5 query that needs every word of the search, each quoted so that nothing
    a family types is read as FTS syntax; None if there are no words."""
    words = list(dict.fromkeys(_WORD.findall(text.lower())))[:MAX_WORDS]
    if not words:
        return None
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)
