"""The rows that migrations make (the council's configuration, the standard lists, the synonyms,
the search index's token), put back after a transactional test.

Django empties every table after a transactional test (the browser tests' live server is one),
and emits post_migrate, which brings back content types, permissions and the roles, but not
rows that data migrations made. Without them a test that ran later, in whatever order, found
no needs or age bands. The migrations' own functions make them again, so they are written once."""

import importlib

from django.apps import apps
from django.db import connection

MIGRATIONS = (
    ("directory.migrations.0002_create_council", "create_council"),
    ("directory.migrations.0005_default_taxonomies", "create_defaults"),
    ("directory.migrations.0016_synonyms", "create_synonyms"),
)
SEARCH_INDEX = importlib.import_module("directory.migrations.0017_search_index_changes")


def is_transactional(item) -> bool:
    """Whether pytest-django runs the test in a real transaction, emptying the tables after."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


def restore() -> None:
    for module, function in MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)
    token = SEARCH_INDEX.NEW_TOKEN.get(connection.vendor)
    if token:
        with connection.cursor() as cursor:
            cursor.execute(SEARCH_INDEX.SET_TOKEN.format(token=token))
