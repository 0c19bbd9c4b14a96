import importlib

import pytest
from django.apps import apps
from django.db import connection

from directory import full_text
from directory.models import Service
from tests.factories import ServiceFactory

fts_keys = importlib.import_module("directory.migrations.0013_sqlite_full_text_keys")


@pytest.mark.django_db(transaction=True)
def test_keying_the_full_text_rows_indexes_the_services_already_there():
    if full_text.engine() != "fts5":
        pytest.skip("SQLite's full-text table")
    ServiceFactory(name="Rainbow Saturday Club")
    ServiceFactory(name="Splash Swimming")

    with connection.schema_editor() as editor:
        fts_keys.store_service_ids(apps, editor)  # as migration 0006 left it
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {full_text.FTS_TABLE}")
        assert cursor.fetchone() == (2,)
    with connection.schema_editor() as editor:
        fts_keys.key_fts_rows(apps, editor)

    matched = Service.objects.matching("saturday club").values_list("name", flat=True)
    assert list(matched) == ["Rainbow Saturday Club"]
    ServiceFactory(name="Sunday Club")  # a new service gets a key of its own
    assert list(Service.objects.matching("sunday").values_list("name", flat=True)) == [
        "Sunday Club"
    ]
