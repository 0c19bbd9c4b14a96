# The version number's help text named its address as "/statement/<version>/", which the admin
# shows as HTML, so that it read "/statement//.".

from django.db import migrations, models

HELP = "Its address: /statement/ then the number, as in /statement/3/."


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_statement_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalstatement",
            name="number",
            field=models.PositiveIntegerField(
                db_index=True, editable=False, help_text=HELP, verbose_name="version"
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="number",
            field=models.PositiveIntegerField(
                editable=False, help_text=HELP, unique=True, verbose_name="version"
            ),
        ),
    ]
