"""Copy each record's month and outcomes onto its needs, so the demand report counts needs from
one covering index without joining the records; and cover the records' grouped count too."""

import datetime as dt

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_from_records(apps, schema_editor):
    CheckRecord = apps.get_model("eligibility", "CheckRecord")
    CheckRecordNeed = apps.get_model("eligibility", "CheckRecordNeed")
    record = CheckRecord.objects.filter(pk=OuterRef("record_id"))
    CheckRecordNeed.objects.update(
        month=Subquery(record.values("month")[:1]),
        targeted=Subquery(record.values("targeted")[:1]),
        specialist_assessment=Subquery(record.values("specialist_assessment")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [("eligibility", "0001_eligibility")]

    operations = [
        migrations.AddField(
            model_name="checkrecordneed",
            name="month",
            field=models.DateField(default=dt.date(2000, 1, 1), help_text="The record's month."),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="checkrecordneed",
            name="targeted",
            field=models.CharField(
                default="", help_text="The record's targeted outcome.", max_length=12
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="checkrecordneed",
            name="specialist_assessment",
            field=models.CharField(
                default="", help_text="The record's specialist assessment outcome.", max_length=20
            ),
            preserve_default=False,
        ),
        migrations.RunPython(copy_from_records, migrations.RunPython.noop, elidable=True),
        migrations.RemoveIndex(model_name="checkrecordneed", name="check_record_need_code"),
        migrations.AddIndex(
            model_name="checkrecordneed",
            index=models.Index(
                fields=["code", "targeted", "month", "specialist_assessment"],
                name="check_record_need_demand",
            ),
        ),
        migrations.RemoveIndex(model_name="checkrecord", name="check_record_month"),
        migrations.AddIndex(
            model_name="checkrecord",
            index=models.Index(
                fields=["month", "locality", "age_band", "targeted", "specialist_assessment"],
                name="check_record_demand",
            ),
        ),
    ]
