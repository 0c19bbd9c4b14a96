import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0018_council_young_adult_routes"),
    ]

    operations = [
        migrations.AddField(
            model_name="council",
            name="pa_dbs_valid_years",
            field=models.PositiveSmallIntegerField(
                default=3,
                help_text="A personal assistant whose enhanced DBS certificate is older than this "
                "stops showing on the register until an officer records a newer one. From 1 to 10.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(10),
                ],
                verbose_name="a personal assistant's DBS check counts for (years)",
            ),
        ),
        migrations.AddField(
            model_name="council",
            name="direct_payments_guidance_url",
            field=models.URLField(
                blank=True,
                help_text="The council's guidance for families who employ someone with a direct "
                "payment, linked from every personal assistant's page.",
                verbose_name="direct payments guidance web page",
            ),
        ),
    ]
