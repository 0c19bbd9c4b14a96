import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from directory.roles import COMMISSIONER
from portal.nonprod.benchmarks.harness import (
    add_scale_arguments,
    analyse,
    directory_at_scale,
    signed_in,
    write_measurements,
)
from portal.nonprod.demo.check_records import seed_check_records


class Command(BaseCommand):
    help = (
        "Seed the demo council, N generated services and M anonymous check records into a "
        "fresh database, then time each commissioners' report (median and p95 server time, "
        "queries, size)."
    )

    def add_arguments(self, parser):
        add_scale_arguments(parser)
        parser.add_argument("--checks", type=int, default=100_000)

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
            write_measurements(self.stdout.write, client, urls, runs=runs, queries=queries)
