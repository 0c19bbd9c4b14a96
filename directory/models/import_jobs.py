"""Imports run in the background (directory.import_jobs): each file's progress while it runs
and its result afterwards."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse


class ImportJob(models.Model):
    """A large file of providers, venues or services, imported by the task queue."""

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        CHECKING = "checking", "Checking the rows"
        SAVING = "saving", "Saving the rows"
        DONE = "done", "Imported"
        FAILED = "failed", "Not imported"

    class Records(models.TextChoices):
        PROVIDERS = "provider", "Providers"
        VENUES = "venue", "Venues"
        SERVICES = "service", "Services"

    FINISHED = (State.DONE, State.FAILED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    records = models.CharField(max_length=10, choices=Records.choices)
    file_name = models.CharField(max_length=200)
    file_format = models.PositiveSmallIntegerField(
        help_text="The index of the back office's import format (CSV or XLSX)."
    )
    # The uploaded file, kept in the database so that a worker on another machine can read it;
    # emptied once the import has finished.
    data = models.BinaryField(editable=False, default=b"")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    rows_created = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField("rows unchanged", default=0)
    problem_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(
        default=list,
        blank=True,
        help_text="The first problems found: row, column and message of each.",
    )
    warnings = models.JSONField(default=list, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "import"

    def __str__(self):
        return f"{self.get_records_display()} from {self.file_name}"

    def get_absolute_url(self):
        return reverse("admin:directory_importjob_change", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINISHED

    @property
    def percent_done(self) -> int:
        """How far along, for the progress bar: checking is most of the work shown; saving
        happens in one transaction, so its progress cannot be seen until it ends."""
        if self.state == self.State.DONE:
            return 100
        if self.state == self.State.SAVING:
            return 95
        if not self.rows_total:
            return 0
        return min(90, 90 * self.rows_checked // self.rows_total)
