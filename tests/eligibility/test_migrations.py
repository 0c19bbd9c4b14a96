import datetime as dt
import importlib

from django.apps import apps

from eligibility.models import CheckRecord, CheckRecordNeed

need_outcomes = importlib.import_module("eligibility.migrations.0002_check_record_need_outcomes")


def test_the_migration_copies_each_records_month_and_outcomes_onto_its_needs(default_ruleset):
    def record(month, targeted, assessment):
        return CheckRecord.objects.create(
            month=month,
            benefit_route="passport",
            targeted=targeted,
            specialist_assessment=assessment,
            ruleset=default_ruleset,
        )

    october = record(dt.date(2026, 10, 1), "likely", "suggested")
    november = record(dt.date(2026, 11, 1), "unlikely", "not_suggested")
    # As the migration finds them: needs written before the fields existed.
    CheckRecordNeed.objects.bulk_create(
        CheckRecordNeed(record=r, code=code, month=dt.date(2000, 1, 1))
        for r, code in [(october, "ASD"), (october, "SLCN"), (november, "ASD")]
    )

    need_outcomes.copy_from_records(apps, None)

    assert sorted(
        CheckRecordNeed.objects.values_list("code", "month", "targeted", "specialist_assessment")
    ) == [
        ("ASD", dt.date(2026, 10, 1), "likely", "suggested"),
        ("ASD", dt.date(2026, 11, 1), "unlikely", "not_suggested"),
        ("SLCN", dt.date(2026, 10, 1), "likely", "suggested"),
    ]
