"""The version of the directory's published data: a text that changes whenever anything a
family sees of a service changes, or what a search finds (database triggers, migration 0017).
Pages and search results cached under it are never shown after the data they came from has
changed."""

from django.db import connections

_SQL = "SELECT seq, token FROM directory_searchindexversion"


def current(alias: str = "default") -> str:
    """The data's version now, in one query ('' before the version row exists)."""
    with connections[alias].cursor() as cursor:
        cursor.execute(_SQL)
        row = cursor.fetchone()
    return f"{row[0]}:{row[1]}" if row else ""
