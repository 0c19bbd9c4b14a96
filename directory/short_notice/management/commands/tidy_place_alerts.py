from django.core.management.base import BaseCommand

from ...services import alerts_tidy


class Command(BaseCommand):
    help = (
        "Delete alert requests not confirmed within 7 days and alerts not renewed within "
        "12 months. Meant for a daily schedule. (Expired places need no job: they drop out of "
        "every page by query.)"
    )

    def handle(self, *args, **options):
        unconfirmed, lapsed = alerts_tidy()
        if options["verbosity"]:
            self.stdout.write(
                f"Deleted {unconfirmed} unconfirmed requests and {lapsed} lapsed alerts."
            )
