"""Anonymous check records, as the checker would have kept them over months: for the reports'
benchmark and browser tests."""

import datetime as dt
import random

from django.utils import timezone

from directory.models import AgeBand, Locality, Need
from eligibility.models import CheckRecord, CheckRecordNeed

from .eligibility import seed_ruleset

OUTCOMES = ["likely"] * 5 + ["possible"] * 2 + ["unlikely"] * 2 + ["not_in_area", "over_age"]


def seed_check_records(count: int, *, months: int = 24, seed: int = 8) -> None:
    """`count` anonymous check records spread over the last `months` months, with one to three
    needs each, as the checker would have kept them."""
    rng = random.Random(seed)
    ruleset = seed_ruleset()
    localities = [*Locality.objects.values_list("pk", flat=True), None]
    bands = list(AgeBand.objects.values_list("pk", flat=True))
    needs = list(Need.objects.values_list("code", flat=True))
    this_month = timezone.localdate().replace(day=1)
    month_list = []
    month = this_month
    for _ in range(months):
        month_list.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    batch = 5_000
    for start in range(0, count, batch):
        records = CheckRecord.objects.bulk_create(
            CheckRecord(
                month=rng.choice(month_list),
                locality_id=rng.choice(localities),
                age_band_id=rng.choice(bands),
                benefit_route=rng.choice(["passport", "evidence", "none"]),
                targeted=rng.choice(OUTCOMES),
                specialist_assessment=rng.choice(["suggested", "not_suggested", "not_suggested"]),
                ruleset=ruleset,
            )
            for _ in range(min(batch, count - start))
        )
        CheckRecordNeed.objects.bulk_create(
            record.need(code) for record in records for code in rng.sample(needs, rng.randint(1, 3))
        )
