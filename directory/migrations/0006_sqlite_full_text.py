from django.db import migrations

FTS_TABLE = "directory_service_fts"


def create_fts(apps, schema_editor):
    """SQLite's own full-text index (FTS5, Porter stemming), where SQLite has FTS5 built in.
    PostgreSQL uses the service's search vector instead (migration 0004)."""
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        if "ENABLE_FTS5" not in {row[0] for row in cursor.fetchall()}:
            return
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "service_id UNINDEXED, name, summary, document, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    schema_editor.execute(
        f"INSERT INTO {FTS_TABLE} (service_id, name, summary, document) "
        "SELECT id, name, summary, search_document FROM directory_service"
    )


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_default_taxonomies")]

    operations = [migrations.RunPython(create_fts, drop_fts)]
