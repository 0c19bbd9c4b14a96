import datetime as dt
import random
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from directory.models import AgeBand, Locality, Need
from directory.roles import COMMISSIONER
from eligibility.models import CheckRecord, CheckRecordNeed
from portal.benchmarks.harness import HEADER, analyse, directory_at_scale, measure, query_report
from portal.demo.eligibility import seed_ruleset
from portal.management.commands.bench_back_office import signed_in

OUTCOMES = ["likely"] * 5 + ["possible"] * 2 + ["unlikely"] * 2 + ["not_in_area", "over_age"]


def seed_check_records(count: int, *, months: int = 24, seed: int = 8) -> None:
    """`count` anonymous check records spread over the last `months` months, with one to three
    needs each, as the checker would have kept them."""
    rng = random.Random(seed)  # noqa: S311 - made-up figures, not secrets
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


class Command(BaseCommand):
    help = (
        "Seed the demo council, N generated services and M anonymous check records into a "
        "fresh database, then time each commissioners' report (median and p95 server time, "
        "queries, size)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=10_000)
        parser.add_argument("--checks", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--queries", action="store_true", help="list each request's queries")

    def handle(self, *args, services, checks, runs, queries=False, **options):
        with directory_at_scale(services) as seconds:
            started = time.perf_counter()
            seed_check_records(checks)
            analyse()
            self.stdout.write(
                f"{connection.vendor}: seeded {services} services in {seconds:.1f}s and "
                f"{checks} check records in {time.perf_counter() - started:.1f}s; "
                f"{runs} runs per request.\n"
            )
            client, _ = signed_in("bench-commissioner", COMMISSIONER)
            this_month = timezone.localdate().replace(day=1)
            two_years = f"start={this_month.year - 2}-{this_month.month:02d}"
            urls = {
                "supply": "/admin/reports/supply/",
                "supply, places only": "/admin/reports/supply/?places=yes",
                "demand, last 12 months": "/admin/reports/demand/",
                "demand, 2 years": f"/admin/reports/demand/?{two_years}",
                "demand by month as CSV": "/admin/reports/demand/?download=demand-by-month",
                "freshness": "/admin/reports/freshness/",
            }
            self.stdout.write(HEADER)
            for name, url in urls.items():
                self.stdout.write(measure(client, name, url, runs=runs).row())
                if queries:
                    self.stdout.write(query_report(client, url))
