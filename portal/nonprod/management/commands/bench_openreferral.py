from django.core.management.base import BaseCommand
from django.test import Client

from directory.models import Service
from portal.nonprod.benchmarks.harness import (
    add_scale_arguments,
    directory_at_scale,
    seeded_line,
    write_measurements,
)

API = "/api/openreferral"


def requests(service_id, location_id) -> dict[str, str]:
    return {
        "services, 50 a page": f"{API}/services?per_page=50",
        "services, page 100": f"{API}/services?per_page=50&page=100",
        "services, filtered": f"{API}/services?per_page=50&minimum_age=5&day=SA&search=club",
        "a service in full": f"{API}/services/{service_id}",
        "services at locations, 50 a page": f"{API}/service_at_locations?per_page=50",
        "services within 5 km of DT1 1XJ": (
            f"{API}/service_at_locations?per_page=50&postcode=DT1+1XJ&proximity=5000"
        ),
        "a service at a location": f"{API}/service_at_locations/{location_id}",
        "taxonomy terms": f"{API}/taxonomy_terms?per_page=100",
        "the whole directory as CSV": "/directory/short-breaks.csv",
    }


class Command(BaseCommand):
    help = (
        "Seed the demo council and N generated services into a fresh database, then time the "
        "Open Referral API and the CSV download (median and p95 server time, queries, size)."
    )

    def add_arguments(self, parser):
        add_scale_arguments(parser)

    def handle(self, *args, services, runs, queries=False, **options):
        with directory_at_scale(services) as seconds:
            self.stdout.write(seeded_line(services, seconds, runs))
            busiest = Service.objects.published().filter(locations__isnull=False).first()
            urls = requests(busiest.pk, busiest.locations.first().pk)
            write_measurements(
                self.stdout.write,
                Client(),
                urls,
                runs=runs,
                queries=queries,
                # The whole-directory CSV takes seconds a time (docs/performance.md).
                runs_for=lambda url: max(3, runs // 10) if url.endswith(".csv") else runs,
            )
