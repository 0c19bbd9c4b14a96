from django.db import migrations, models

VERSION_TABLE = "directory_searchindexversion"
NEW_TOKEN = {
    "sqlite": "lower(hex(randomblob(16)))",
    "postgresql": "gen_random_uuid()::text",
}
SET_TOKEN = (
    f"INSERT INTO {VERSION_TABLE} (id, token) VALUES (1, {{token}}) "
    "ON CONFLICT (id) DO UPDATE SET token = excluded.token"
)
SQLITE_EVENTS = ("insert", "update", "delete")
# The index holds the services' search columns and their venue links' positions.
TABLES = ("directory_service", "directory_servicelocation")


def add_triggers(apps, schema_editor):
    """Change the search index's token on every write to the services or their venue links (see
    SearchIndexVersion). SQLite fires per row; PostgreSQL once per statement, TRUNCATE too.
    The first token is set here, so that an index can be kept before the first write."""
    vendor = schema_editor.connection.vendor
    if vendor not in NEW_TOKEN:
        return
    set_token = SET_TOKEN.format(token=NEW_TOKEN[vendor])
    schema_editor.execute(set_token)
    if vendor == "sqlite":
        for table in TABLES:
            for event in SQLITE_EVENTS:
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_{event}_search_index "
                    f"AFTER {event.upper()} ON {table} BEGIN {set_token}; END"
                )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE FUNCTION directory_search_index_changed() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN {set_token}; RETURN NULL; END $$"
        )
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_search_index "
                f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION directory_search_index_changed()"
            )


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table in TABLES:
            for event in SQLITE_EVENTS:
                schema_editor.execute(f"DROP TRIGGER {table}_{event}_search_index")
    elif vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"DROP TRIGGER {table}_search_index ON {table}")
        schema_editor.execute("DROP FUNCTION directory_search_index_changed()")


class Migration(migrations.Migration):
    dependencies = [("directory", "0013_sqlite_full_text_keys")]

    operations = [
        migrations.CreateModel(
            name="SearchIndexVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=64)),
            ],
            options={"verbose_name": "search index version"},
        ),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
