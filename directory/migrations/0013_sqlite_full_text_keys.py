from django.db import migrations

FTS_TABLE = "directory_service_fts"
KEYS_TABLE = "directory_service_fts_key"
TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"


def _has_fts(schema_editor) -> bool:
    connection = schema_editor.connection
    return connection.vendor == "sqlite" and FTS_TABLE in connection.introspection.table_names()


def key_fts_rows(apps, schema_editor):
    """Give each service a small integer key and index its text under that key (the FTS row
    id), so that a match yields keys without reading each matching row's stored text."""
    if not _has_fts(schema_editor):
        return
    schema_editor.execute(f"DROP TABLE {FTS_TABLE}")
    schema_editor.execute(
        f"CREATE TABLE {KEYS_TABLE} "
        "(key INTEGER PRIMARY KEY, service_id char(32) NOT NULL UNIQUE)"
    )
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, summary, document, {TOKENIZE})"
    )
    schema_editor.execute(f"INSERT INTO {KEYS_TABLE} (service_id) SELECT id FROM directory_service")
    schema_editor.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, name, summary, document) "
        f"SELECT keys.key, service.name, service.summary, service.search_document "
        f"FROM directory_service AS service JOIN {KEYS_TABLE} AS keys "
        "ON keys.service_id = service.id"
    )


def store_service_ids(apps, schema_editor):
    """Back to migration 0006's table, which stores each service's id beside its text."""
    if not _has_fts(schema_editor):
        return
    schema_editor.execute(f"DROP TABLE {FTS_TABLE}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {KEYS_TABLE}")
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
        f"service_id UNINDEXED, name, summary, document, {TOKENIZE})"
    )
    schema_editor.execute(
        f"INSERT INTO {FTS_TABLE} (service_id, name, summary, document) "
        "SELECT id, name, summary, search_document FROM directory_service"
    )


class Migration(migrations.Migration):
    dependencies = [("directory", "0012_service_by_id_facets")]

    operations = [migrations.RunPython(key_fts_rows, store_service_ids)]
