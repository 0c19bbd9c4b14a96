from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.review_reminders import due_reminders, reminder_send


class Command(BaseCommand):
    help = (
        "Email each provider the list of its listings that are overdue for review, with a link "
        "to update them. A provider reminded in the last 14 days is not sent another. Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="print the reminders instead of sending them"
        )

    def handle(self, *args, dry_run=False, **options):
        reminders, skipped = due_reminders(timezone.localdate())
        for reminder in reminders:
            if dry_run:
                self.stdout.write(
                    f"Would send to {reminder.to}: {reminder.subject}\n\n{reminder.body}\n"
                )
            else:
                reminder_send(reminder)
                self.stdout.write(f"Sent to {reminder.to}: {reminder.subject}")
        for skip in skipped:
            self.stdout.write(f"Not sent to {skip.provider}: {skip.why}")
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{len(reminders)} reminders {verb}, {len(skipped)} not sent.")
