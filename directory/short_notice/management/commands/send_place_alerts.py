from django.core.management.base import BaseCommand

from ...alerts import send_alerts


class Command(BaseCommand):
    help = (
        "Email families about new short-notice places and new services that fit their "
        "searches: immediate alerts at once, daily ones at most once a day. Meant for a "
        "schedule, every 10 minutes or so."
    )

    def handle(self, *args, **options):
        run = send_alerts()
        if options["verbosity"]:
            self.stdout.write(
                f"{run.alerts} alerts due, {run.emails} emails sent "
                f"({run.places_told} places, {run.services_told} services); matching took "
                f"{run.matching_seconds:.2f} s; {run.invalid_searches} searches no longer valid."
            )
