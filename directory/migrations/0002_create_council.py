from django.conf import settings
from django.db import migrations


def create_council(apps, schema_editor):
    """Every portal runs for exactly one council: make its configuration row."""
    Council = apps.get_model("directory", "Council")
    if not Council.objects.exists():
        Council.objects.create(name=settings.DEFAULT_COUNCIL_NAME)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_council")]

    operations = [migrations.RunPython(create_council, migrations.RunPython.noop)]
