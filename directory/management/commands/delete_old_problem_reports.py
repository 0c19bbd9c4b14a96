import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.services import problem_reports_delete_resolved


class Command(BaseCommand):
    help = "Delete problem reports resolved more than 12 months ago, as the privacy notice says."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=12)

    def handle(self, *args, months, **options):
        before = timezone.now() - dt.timedelta(days=round(months * 30.44))
        deleted = problem_reports_delete_resolved(before=before)
        self.stdout.write(f"Deleted {deleted} problem reports resolved before {before:%d %B %Y}.")
