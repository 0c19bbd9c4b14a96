from django.core.management.base import BaseCommand

from directory.models import Provider, Service
from directory.roles import DIRECTORY_EDITOR, PROVIDER
from portal.nonprod.benchmarks.harness import (
    add_scale_arguments,
    directory_at_scale,
    seeded_line,
    signed_in,
    write_measurements,
)

SERVICES = "/admin/directory/service/"


def requests(service_id) -> dict[str, str]:
    return {
        "services change list": SERVICES,
        "... page 50": f"{SERVICES}?p=50",
        "... searched by name": f"{SERVICES}?q=club",
        "... review overdue, published": f"{SERVICES}?review=overdue&status__exact=published",
        "... by kind and locality": f"{SERVICES}?kinds__id__exact=&localities__id__exact=",
        "a service's change form": f"{SERVICES}{service_id}/change/",
        "a service's history": f"{SERVICES}{service_id}/history/",
        "the back office front page": "/admin/",
    }


class Command(BaseCommand):
    help = (
        "Seed the demo council and N generated services into a fresh database, then time the "
        "back office's service pages for an editor and a provider (median and p95 server time, "
        "queries, size)."
    )

    def add_arguments(self, parser):
        add_scale_arguments(parser)

    def handle(self, *args, services, runs, queries=False, **options):
        with directory_at_scale(services) as seconds:
            self.stdout.write(seeded_line(services, seconds, runs))
            service = Service.objects.published().first()
            editor, _ = signed_in("bench-editor", DIRECTORY_EDITOR)
            provider_client, provider_user = signed_in("bench-provider", PROVIDER)
            busiest = Provider.objects.with_service_counts().order_by("-published_count").first()
            busiest.users.add(provider_user)
            self.stdout.write("As a directory editor:\n")
            urls = requests(service.pk)
            urls["... by kind and locality"] = (
                f"{SERVICES}?kinds__id__exact={service.kinds.first().pk}"
                f"&localities__id__exact={service.localities.first().pk}"
            )
            write_measurements(self.stdout.write, editor, urls, runs=runs, queries=queries)
            self.stdout.write(f"\nAs a provider user ({busiest.published_count} listings):\n")
            write_measurements(
                self.stdout.write, provider_client, {"services change list": SERVICES}, runs=runs
            )
