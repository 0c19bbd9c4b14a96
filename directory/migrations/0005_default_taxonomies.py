from django.db import migrations

from directory.default_lists import AGE_BANDS, FEATURES, KINDS, NEEDS

def create_defaults(apps, schema_editor):
    """Start every council with the standard lists; officers edit them in the admin."""
    Need = apps.get_model("directory", "Need")
    BreakKind = apps.get_model("directory", "BreakKind")
    AccessibilityFeature = apps.get_model("directory", "AccessibilityFeature")
    AgeBand = apps.get_model("directory", "AgeBand")
    for position, (code, name, sen) in enumerate(NEEDS):
        Need.objects.get_or_create(
            code=code,
            defaults={"name": name, "is_sen_primary_need": sen, "position": position, "bit": position},
        )
    for position, (code, name, heading) in enumerate(KINDS):
        BreakKind.objects.get_or_create(
            code=code,
            defaults={"name": name, "heading": heading, "position": position, "bit": position},
        )
    for position, (code, name) in enumerate(FEATURES):
        AccessibilityFeature.objects.get_or_create(
            code=code, defaults={"name": name, "position": position, "bit": position}
        )
    for position, (code, name, youngest, oldest) in enumerate(AGE_BANDS):
        AgeBand.objects.get_or_create(
            code=code,
            defaults={"name": name, "min_age": youngest, "max_age": oldest, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_search_index")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
