"""The search index moves into each process whole (ADR 0011): keyword search leaves the
databases, so their full-text columns, tables and indexes go, and so does the covering index
that looked services up from lists of ids. A service's page reads its provider's other services
from an index in name order. The version the triggers keep becomes a count with a token,
and the triggers log which services changed, so a process applies changes instead of building
its index again."""

import importlib

from django.db import migrations, models

VERSION = "directory_searchindexversion"
LOG = "directory_searchindexchange"
NEW_TOKEN = {
    "sqlite": "lower(hex(randomblob(16)))",
    "postgresql": "gen_random_uuid()::text",
}
# The first version, and the one tests put back after emptying the tables.
SET_TOKEN = (
    f"INSERT INTO {VERSION} (id, token, seq) VALUES (1, {{token}}, 0) "
    "ON CONFLICT (id) DO UPDATE SET token = excluded.token"
)
# Tables whose rows name a service: (table, the column with the service's id).
SERVICE_TABLES = (("directory_service", "id"), ("directory_servicelocation", "service_id"))
# Tables a family sees on a service's page or that change what a search finds, whose changes
# bump the version only.
OTHER_TABLES = ("directory_provider", "directory_venue", "directory_synonymgroup")
SQLITE_EVENTS = ("insert", "update", "delete")
OLD_TRIGGERS = ("directory_service", "directory_servicelocation")


def _bump(token: str) -> str:
    return f"UPDATE {VERSION} SET seq = seq + 1, token = {token}"


def _log(kind: int, service: str, source: str = "") -> str:
    return (
        f"INSERT INTO {LOG} (seq, token, kind, service_id) "  # noqa: S608 (constants)
        f"SELECT v.seq, v.token, {kind}, {service} FROM {VERSION} AS v{source}"
    )


PRUNE = f"DELETE FROM {LOG} WHERE seq <= (SELECT seq FROM {VERSION}) - 100000"  # noqa: S608


def drop_old_triggers(apps, schema_editor):
    """Migration 0014's triggers, before the table they write to is altered."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table in OLD_TRIGGERS:
            for event in SQLITE_EVENTS:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_search_index")
    elif vendor == "postgresql":
        for table in OLD_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search_index ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS directory_search_index_changed()")


def add_triggers(apps, schema_editor):
    """Count and log every write (see SearchIndexVersion). SQLite fires per row; PostgreSQL
    once per statement, with the rows it changed, and logs a marker for every count so that
    each version has a row in the log."""
    vendor = schema_editor.connection.vendor
    if vendor not in NEW_TOKEN:
        return
    token = NEW_TOKEN[vendor]
    schema_editor.execute(SET_TOKEN.format(token=token))
    if vendor == "sqlite":
        for table, column in SERVICE_TABLES:
            for event in SQLITE_EVENTS:
                rows = ["OLD"] if event == "delete" else ["NEW"]
                if event == "update" and column != "id":
                    rows.append("OLD")
                logs = "; ".join(_log(0, f"{row}.{column}") for row in rows)
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_{event}_search_index AFTER {event.upper()} ON "
                    f"{table} BEGIN {_bump(token)}; {logs}; {PRUNE}; END"
                )
        for table in OTHER_TABLES:
            for event in SQLITE_EVENTS:
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_{event}_search_index AFTER {event.upper()} ON "
                    f"{table} BEGIN {_bump(token)}; {_log(1, 'NULL')}; {PRUNE}; END"
                )
        return
    for table, column in SERVICE_TABLES:
        schema_editor.execute(
            f"CREATE FUNCTION {table}_search_index() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {_bump(token)}; {_log(1, 'NULL')}; "
            f"{_log(0, f'c.{column}', ', changed_rows AS c')}; "
            "IF TG_OP = 'UPDATE' THEN "
            f"{_log(0, f'c.{column}', ', old_rows AS c')}; END IF; "
            f"{PRUNE}; RETURN NULL; END $$"
        )
        function = f"EXECUTE FUNCTION {table}_search_index()"
        schema_editor.execute(
            f"CREATE TRIGGER {table}_insert_search_index AFTER INSERT ON {table} "
            f"REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT {function}"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_update_search_index AFTER UPDATE ON {table} "
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows "
            f"FOR EACH STATEMENT {function}"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_delete_search_index AFTER DELETE ON {table} "
            f"REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT {function}"
        )
    schema_editor.execute(
        "CREATE FUNCTION directory_search_index_other() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {_bump(token)}; {_log(1, 'NULL')}; {PRUNE}; RETURN NULL; END $$"
    )
    schema_editor.execute(
        "CREATE FUNCTION directory_search_index_reset() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {_bump(token)}; {_log(2, 'NULL')}; RETURN NULL; END $$"
    )
    for table in OTHER_TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_search_index AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION directory_search_index_other()"
        )
    for table in (*(table for table, _ in SERVICE_TABLES), *OTHER_TABLES):
        schema_editor.execute(
            f"CREATE TRIGGER {table}_reset_search_index AFTER TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION directory_search_index_reset()"
        )


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    tables = [table for table, _ in SERVICE_TABLES]
    if vendor == "sqlite":
        for table in (*tables, *OTHER_TABLES):
            for event in SQLITE_EVENTS:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_{event}_search_index")
    elif vendor == "postgresql":
        for table in tables:
            for event in (*SQLITE_EVENTS, "reset"):
                schema_editor.execute(
                    f"DROP TRIGGER IF EXISTS {table}_{event}_search_index ON {table}"
                )
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_search_index()")
        for table in OTHER_TABLES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search_index ON {table}")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_reset_search_index ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS directory_search_index_other()")
        schema_editor.execute("DROP FUNCTION IF EXISTS directory_search_index_reset()")


def restore_old_triggers(apps, schema_editor):
    """Going back: migration 0014's triggers, once the version table is as 0014 made it."""
    old = importlib.import_module("directory.migrations.0014_search_index_version")
    old.add_triggers(apps, schema_editor)


def drop_full_text(apps, schema_editor):
    """SQLite's FTS5 tables and PostgreSQL's GIN index over search_vector."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS directory_service_fts")
        schema_editor.execute("DROP TABLE IF EXISTS directory_service_fts_key")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS directory_service_search_vector")


class Migration(migrations.Migration):
    dependencies = [("directory", "0016_synonyms")]

    operations = [
        migrations.RunPython(drop_old_triggers, restore_old_triggers),
        migrations.RunPython(drop_full_text, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="service", name="service_by_id_facets"),
        migrations.RemoveField(model_name="service", name="search_vector"),
        migrations.RemoveIndex(model_name="service", name="service_provider_status"),
        migrations.AddIndex(
            model_name="service",
            index=models.Index(
                fields=["provider", "status", "name", "id"], name="service_provider_status_name"
            ),
        ),
        migrations.AddField(
            model_name="searchindexversion",
            name="seq",
            field=models.BigIntegerField(default=0),
        ),
        migrations.CreateModel(
            name="SearchIndexChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("seq", models.BigIntegerField(db_index=True)),
                ("token", models.CharField(max_length=64)),
                (
                    "kind",
                    models.SmallIntegerField(
                        choices=[(0, "Service"), (1, "Other"), (2, "Reset")]
                    ),
                ),
                ("service_id", models.UUIDField(null=True)),
            ],
            options={"verbose_name": "search index change"},
        ),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
