"""The version of the directory's published data: a text that changes whenever anything a
family sees of a service changes, or what a search finds (database triggers, migration 0017).
Pages and search results cached under it are never shown after the data they came from has
changed."""

from django.db import connections

_SQL = "SELECT seq, token FROM directory_searchindexversion"


def read(alias: str = "default") -> tuple[int, str]:
    """The data's version now, (seq, token), in one query; (0, '') before the row exists."""
    with connections[alias].cursor() as cursor:
        cursor.execute(_SQL)
        row = cursor.fetchone()
    return (int(row[0]), row[1]) if row else (0, "")


def as_text(version: tuple[int, str] | None) -> str:
    """A version as a cache key's text ('' for none)."""
    return f"{version[0]}:{version[1]}" if version else ""


def current(alias: str = "default") -> str:
    """The data's version now, as text, in one query."""
    return as_text(read(alias))
