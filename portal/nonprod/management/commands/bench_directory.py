import statistics
import time

from django.core.management.base import BaseCommand
from django.test import Client

from directory import search_index
from portal.nonprod.benchmarks.harness import (
    add_scale_arguments,
    directory_at_scale,
    profile_page,
    seeded_line,
    write_measurements,
)

SEARCHES = {
    "no filters": "/directory/",
    "keyword": "/directory/?q=swimming+club",
    "postcode + 10 miles": "/directory/?postcode=DT1+1XJ&distance=10",
    "age + need + locality": "/directory/?age=9&need=ASD&locality=east",
    "everything combined": (
        "/directory/?q=club&postcode=DT1+1XJ&distance=20&age=9&need=ASD&need=SLD"
        "&kind=saturday-club&kind=sport&tier=targeted&day=saturday&time=weekends"
        "&access=step-free&only=places"
    ),
    "page 50": "/directory/?page=50",
}


class Command(BaseCommand):
    help = (
        "Seed the demo council and N generated services into a fresh database, then time "
        "representative directory searches (median and p95 server time, queries, HTML size)."
    )

    def add_arguments(self, parser):
        add_scale_arguments(parser, queries_help="also list each search's queries with their times")
        parser.add_argument(
            "--profile",
            choices=list(SEARCHES),
            metavar="SEARCH",
            help="also profile one search with pyinstrument (a dev dependency)",
        )

    def handle(self, *args, services, runs, profile=None, queries=False, **options):
        with directory_at_scale(services) as seconds:
            self.stdout.write(seeded_line(services, seconds, runs, per="search"))
            self.stdout.write(index_build_report())
            client = Client()
            write_measurements(self.stdout.write, client, SEARCHES, runs=runs, queries=queries)
            if profile:
                self.stdout.write(profile_page(client, SEARCHES[profile], runs=runs))


def index_build_report(runs: int = 3) -> str:
    """How long the search index takes to build (once per process, before its first request)
    and how much memory it holds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        index = search_index.build()
        times.append((time.perf_counter() - started) * 1000)
    return (
        f"search index: {len(index.position_of)} services built in "
        f"{statistics.median(times):.0f} ms (median of {runs}), once per process; "
        f"about {index.memory_bytes() / 1e6:.1f} MB.\n"
    )
