import time
from pathlib import Path

import tablib
from django.conf import settings
from django.core.management.base import BaseCommand

from directory.import_jobs import import_job_run_now
from directory.models import ImportJob, Service
from directory.roles import DIRECTORY_EDITOR
from portal.nonprod.benchmarks.harness import fresh_database, measure, signed_in
from portal.nonprod.demo.council import seed_council
from portal.nonprod.demo.directory import seed_directory
from portal.nonprod.demo.geography import seed_geography

XLSX = 1  # the back office's import formats: CSV, XLSX
TEMPLATE = Path(settings.BASE_DIR) / "static" / "import-templates" / "services.xlsx"


def services_file(rows: int) -> bytes:
    """An XLSX file of `rows` new services, each the template's row under its own name."""
    template = tablib.Dataset().load(TEMPLATE.read_bytes(), format="xlsx")
    example = template.dict[0]
    book = tablib.Dataset(headers=template.headers)
    for number in range(rows):
        book.append(
            [example[h] if h != "name" else f"Imported club {number}" for h in book.headers]
        )
    return book.export("xlsx")


class Command(BaseCommand):
    help = (
        "Import an XLSX file of N services (10,000 by default) into a fresh database holding "
        "the demo council, as the task queue's worker does, and print how long checking and "
        "saving took; then time the import's progress page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows, **options):
        data = services_file(rows)
        with fresh_database():
            seed_council()
            seed_directory(seed_geography())
            before = Service.objects.count()
            client, editor = signed_in("bench-editor", DIRECTORY_EDITOR)
            job = ImportJob.objects.create(
                records="service",
                file_name="services.xlsx",
                file_format=XLSX,
                data=data,
                started_by=editor,
            )
            started = time.perf_counter()
            import_job_run_now(job)
            seconds = time.perf_counter() - started
            added = Service.objects.count() - before
            self.stdout.write(
                f"{job.records}: {rows} rows of XLSX ({len(data) / 1024:.0f} KB) "
                f"{job.get_state_display().lower()} in {seconds:.1f}s "
                f"({seconds / rows * 1000:.1f} ms a row); {added} services added, "
                f"{job.problem_count} problems."
            )
            page = measure(client, "its progress page", job.get_absolute_url(), runs=20)
            self.stdout.write(page.row())
