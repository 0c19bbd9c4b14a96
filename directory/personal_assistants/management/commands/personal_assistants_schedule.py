from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.personal_assistants.services import lapses_apply, reminders_send


class Command(BaseCommand):
    help = (
        "The PA register's daily round: email a link to confirm to each personal assistant "
        "whose profile lapses within two weeks, then take off the register each one who has "
        "not confirmed for 6 months (emailing them how to come back). Run daily."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        reminded = reminders_send(today=today)
        lapsed = lapses_apply(today=today)
        self.stdout.write(f"{reminded} reminded, {lapsed} lapsed.")
