from django.db import migrations

INDEX = "directory_service_search_vector"


def create_index(apps, schema_editor):
    """A GIN index for full-text search. PostgreSQL only: SQLite searches without one."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON directory_service USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_directory")]

    operations = [migrations.RunPython(create_index, drop_index)]
