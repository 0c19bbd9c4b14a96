"""The activity log's permission (portal.reports.activity): a model with no table. The roles
are given it after the migration (portal.apps syncs them with directory.roles)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_statement_number_help_text"),
    ]

    operations = [
        migrations.CreateModel(
            name="Activity",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "activity",
                "managed": False,
                "default_permissions": ("view",),
            },
        ),
    ]
