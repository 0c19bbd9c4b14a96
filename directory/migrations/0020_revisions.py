"""A revision number on providers, services and venues, raised by every save, so that a form
saved over someone else's newer save is noticed (directory.edit_conflicts); and the permission
to delete a deleted one for good (directory.archive)."""

from django.db import migrations, models


def revision():
    return models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="Raised by every save: see directory.edit_conflicts.",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0019_council_personal_assistants"),
    ]

    operations = [
        migrations.AddField(model_name="provider", name="revision", field=revision()),
        migrations.AddField(model_name="service", name="revision", field=revision()),
        migrations.AddField(model_name="venue", name="revision", field=revision()),
        migrations.AlterModelOptions(
            name="provider",
            options={
                "ordering": ["name"],
                "permissions": [("purge_provider", "Can delete a deleted provider for good")],
            },
        ),
        migrations.AlterModelOptions(
            name="service",
            options={
                "ordering": ["name"],
                "permissions": [("purge_service", "Can delete a deleted service for good")],
            },
        ),
        migrations.AlterModelOptions(
            name="venue",
            options={
                "ordering": ["name"],
                "permissions": [("purge_venue", "Can delete a deleted venue for good")],
            },
        ),
    ]
