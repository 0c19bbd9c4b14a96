import time

from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from directory.short_notice.alerts import send_alerts
from directory.short_notice.models import Alert, SentAlert
from portal.nonprod.benchmarks.harness import (
    add_scale_arguments,
    analyse,
    directory_at_scale,
    seeded_line,
    write_measurements,
)
from portal.nonprod.benchmarks.places_now import add_alerts, add_history, add_places

PAGES = {
    "places: no filters": "/places/",
    "places: postcode + 10 miles": "/places/?postcode=DT1+1XJ&distance=10",
    "places: age + need + area": "/places/?age=9&need=ASD&locality=east",
    "places: page 5": "/places/?page=5",
    "directory: no filters, with places": "/directory/",
}


class Command(BaseCommand):
    help = (
        "Seed the demo council, N generated services, H places of the past year and P new "
        "short-notice places into a fresh database; time the places page, then "
        "send_place_alerts matching A alerts against the new places (the time to match, and "
        "to record and send)."
    )

    def add_arguments(self, parser):
        add_scale_arguments(parser)
        parser.add_argument("--places", type=int, default=1_000)
        parser.add_argument("--alerts", type=int, default=10_000)
        parser.add_argument(
            "--history",
            type=int,
            default=20_000,
            help="places of the past year (taken, withdrawn or past) kept for the report",
        )

    def handle(self, *args, services, runs, places, alerts, history, queries=False, **options):
        with directory_at_scale(services) as seconds:
            self.stdout.write(seeded_line(services, seconds, runs, per="page"))
            # Confirmed before the places are posted, after the services: the places are new
            # to them, the services not.
            add_alerts(alerts)
            add_history(history)
            add_places(places)
            # Statistics for the new rows, as a live database's autovacuum keeps them; without,
            # it arrives during the runs.
            analyse()
            write_measurements(self.stdout.write, Client(), PAGES, runs=runs, queries=queries)
            # The alerts' emails go to memory: this measures the site, not a mail server.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
                started = time.perf_counter()
                run = send_alerts(now=timezone.now())
                total = time.perf_counter() - started
                again = time.perf_counter()
                second = send_alerts(now=timezone.now())
                second_total = time.perf_counter() - again
            self.stdout.write(
                f"\nsend_place_alerts: {Alert.objects.count()} alerts against {places} new "
                f"places and the {services} services: matched in {run.matching_seconds:.2f} s; "
                f"{total:.2f} s in all, with {run.emails} emails ({run.places_told} places and "
                f"{run.services_told} services told, {SentAlert.objects.count()} recorded).\n"
                f"Run again at once: {second.emails} emails, {second_total:.2f} s (nothing "
                "is told twice).\n"
            )
